/**
 * Sample workbook: Lạng Sơn, round V (2029), at commune level: the 65 communes and wards of the
 * province after the 1 July 2025 reform, under their official 5-digit codes (which begin with a
 * zero, so they are typed as text: "06124", never 6124). Codes and names: the statistics office's
 * conversion table of July 2025 (Bảng chuyển đổi ĐVHC mới–cũ, as published with the
 * VietnamProvinces data set); the former district of each commune only picks its illustrative
 * ethnic shares. Every population figure, the committee and the deadlines are ILLUSTRATIVE.
 */
import { GROUP_SHARES } from './lang-son';
import { type SampleWorkbook, unitEthnicRows } from './types';

const ILLUSTRATIVE = 'Số liệu minh họa';

/** Official code, official name, former district (QĐ 124/2004 code) of the 65 communes and wards. */
export const COMMUNES: readonly [string, string, string][] = [
  ['05977', 'Phường Đông Kinh', '178'],
  ['05983', 'Phường Lương Văn Tri', '178'],
  ['05986', 'Phường Tam Thanh', '178'],
  ['06187', 'Phường Kỳ Lừa', '178'],
  ['06001', 'Xã Đoàn Kết', '180'],
  ['06004', 'Xã Quốc Khánh', '180'],
  ['06019', 'Xã Tân Tiến', '180'],
  ['06037', 'Xã Kháng Chiến', '180'],
  ['06040', 'Xã Thất Khê', '180'],
  ['06046', 'Xã Tràng Định', '180'],
  ['06058', 'Xã Quốc Việt', '180'],
  ['06073', 'Xã Hoa Thám', '181'],
  ['06076', 'Xã Quý Hòa', '181'],
  ['06079', 'Xã Hồng Phong', '181'],
  ['06085', 'Xã Thiện Hòa', '181'],
  ['06091', 'Xã Thiện Thuật', '181'],
  ['06103', 'Xã Thiện Long', '181'],
  ['06112', 'Xã Bình Gia', '181'],
  ['06115', 'Xã Tân Văn', '181'],
  ['06124', 'Xã Na Sầm', '182'],
  ['06148', 'Xã Thụy Hùng', '182'],
  ['06151', 'Xã Hội Hoan', '182'],
  ['06154', 'Xã Văn Lãng', '182'],
  ['06172', 'Xã Hoàng Văn Thụ', '182'],
  ['06184', 'Xã Đồng Đăng', '183'],
  ['06196', 'Xã Ba Sơn', '183'],
  ['06211', 'Xã Cao Lộc', '183'],
  ['06220', 'Xã Công Sơn', '183'],
  ['06253', 'Xã Văn Quan', '184'],
  ['06280', 'Xã Điềm He', '184'],
  ['06286', 'Xã Khánh Khê', '184'],
  ['06298', 'Xã Yên Phúc', '184'],
  ['06313', 'Xã Tri Lễ', '184'],
  ['06316', 'Xã Tân Đoàn', '183'],
  ['06325', 'Xã Bắc Sơn', '185'],
  ['06337', 'Xã Tân Tri', '185'],
  ['06349', 'Xã Hưng Vũ', '185'],
  ['06364', 'Xã Vũ Lễ', '185'],
  ['06367', 'Xã Vũ Lăng', '185'],
  ['06376', 'Xã Nhất Hòa', '185'],
  ['06385', 'Xã Hữu Lũng', '186'],
  ['06391', 'Xã Yên Bình', '186'],
  ['06400', 'Xã Hữu Liên', '186'],
  ['06415', 'Xã Vân Nham', '186'],
  ['06427', 'Xã Cai Kinh', '186'],
  ['06436', 'Xã Thiện Tân', '186'],
  ['06445', 'Xã Tân Thành', '186'],
  ['06457', 'Xã Tuấn Sơn', '186'],
  ['06463', 'Xã Chi Lăng', '187'],
  ['06475', 'Xã Bằng Mạc', '187'],
  ['06481', 'Xã Chiến Thắng', '187'],
  ['06496', 'Xã Nhân Lý', '187'],
  ['06505', 'Xã Vạn Linh', '187'],
  ['06517', 'Xã Quan Sơn', '187'],
  ['06526', 'Xã Na Dương', '188'],
  ['06529', 'Xã Lộc Bình', '188'],
  ['06541', 'Xã Mẫu Sơn', '188'],
  ['06565', 'Xã Khuất Xá', '188'],
  ['06577', 'Xã Thống Nhất', '188'],
  ['06601', 'Xã Lợi Bác', '188'],
  ['06607', 'Xã Xuân Dương', '188'],
  ['06613', 'Xã Đình Lập', '189'],
  ['06616', 'Xã Thái Bình', '189'],
  ['06625', 'Xã Kiên Mộc', '189'],
  ['06637', 'Xã Châu Sơn', '189'],
];

/** Former district code → the district whose illustrative ethnic shares the commune takes. */
const FORMER_DISTRICT: Record<string, string> = {
  '178': 'TPLS',
  '180': 'TĐ',
  '181': 'BG',
  '182': 'VL',
  '183': 'CL',
  '184': 'VQ',
  '185': 'BS',
  '186': 'HL',
  '187': 'CLA',
  '188': 'LB',
  '189': 'ĐL',
};

/** Illustrative, deterministic populations: total 5,000–19,000; DTTS 72–97 % of it (wards less). */
function populations(code: string, ward: boolean): [number, number] {
  const n = Number(code);
  const total = 5000 + ((n * 7919) % 14000);
  const share = ward ? 0.55 + ((n * 31) % 20) / 100 : 0.72 + ((n * 17) % 26) / 100;
  return [total, Math.round(total * share)];
}

const UNITS: [string, string, number, number][] = COMMUNES.map(([code, name]) => {
  const [total, dtts] = populations(code, name.startsWith('Phường'));
  return [code, name, total, dtts];
});

const SHARES: Record<string, [string, number][]> = Object.fromEntries(
  COMMUNES.map(([code, , district]) => [code, GROUP_SHARES[FORMER_DISTRICT[district] ?? 'TPLS'] ?? []]),
);

/** Communes of some former districts, as a member's `Đơn vị phụ trách` list. */
const supervised = (...districts: string[]) =>
  COMMUNES.filter(([, , d]) => districts.includes(d))
    .map(([code]) => code)
    .join(', ');

const MEETING = 'BCĐ-01';

export const LANG_SON_COMMUNES: SampleWorkbook = {
  file: 'lang-son-cap-xa.xlsx',
  delegates: { seed: 2029, guestShare: 0.25, groupShares: SHARES, provincialLevel: true },
  sheets: {
    'Cấu hình': [
      ['Tỉnh', 'Lạng Sơn'],
      ['Cấp đơn vị', 'Xã'],
      ['Lần thứ', 'V'],
      ['Năm', 2029],
      ['Tổng số đại biểu chính thức', 300],
      ['Số đại biểu đương nhiên', 10],
      ['Số đại biểu cơ quan cấp tỉnh', 40],
      ['Phương pháp phân bổ', 'Hamilton'],
      ['Số đại biểu tối thiểu mỗi đơn vị', 2],
      ['Tỷ lệ khách mời tối đa', '1/3'],
      ['Hạn tổ chức Đại hội cấp cơ sở', '30/06/2029'],
      ['Cơ quan chủ quản', 'UBND TỈNH LẠNG SƠN'],
      ['Cơ quan ban hành', 'BAN CHỈ ĐẠO ĐẠI HỘI ĐẠI BIỂU CÁC DÂN TỘC THIỂU SỐ TỈNH LẦN THỨ V'],
      ['Ký hiệu cơ quan ban hành', 'BCĐ'],
      ['Địa danh', 'Lạng Sơn'],
      ['Thẩm quyền ký', 'TM. BAN CHỈ ĐẠO'],
      ['Chức vụ người ký', 'TRƯỞNG BAN'],
      ['Người ký', 'Nông Văn Bình'],
      ['Nơi nhận', 'Thường trực Tỉnh ủy; Thường trực HĐND tỉnh; Thành viên Ban Chỉ đạo; UBND các xã, phường'],
      ['Ký hiệu đơn vị soạn thảo', 'SDTTG'],
      ['Thời gian Đại hội', '08 giờ 00 phút, ngày 20 tháng 9 năm 2029 (minh họa)'],
      ['Địa điểm Đại hội', 'Hội trường Trung tâm Hội nghị tỉnh Lạng Sơn (minh họa)'],
      ['Quyết định kèm danh sách đại biểu', 'Quyết định số 25/QĐ-BCĐ ngày 05/9/2029 của Ban Chỉ đạo (minh họa)'],
    ],
    'Đơn vị': UNITS.map(([code, name, total, dtts]) => [code, name, total, dtts, '', '', ILLUSTRATIVE]),
    'Dân tộc theo đơn vị': unitEthnicRows(UNITS, SHARES),
    'Thành viên': [
      [
        'Nông Văn Bình',
        'Phó Chủ tịch UBND tỉnh (minh họa)',
        'UBND tỉnh',
        'Ban Chỉ đạo',
        'Trưởng ban',
        supervised('178'),
        '',
        'Chỉ đạo chung',
      ],
      [
        'Hoàng Thị Mai',
        'Giám đốc Sở Dân tộc và Tôn giáo (minh họa)',
        'Sở Dân tộc và Tôn giáo',
        'Ban Chỉ đạo',
        'Phó Trưởng ban thường trực',
        supervised('180', '181', '182'),
        '',
        'Thường trực',
      ],
      [
        'Lương Văn Hải',
        'Phó Giám đốc Sở Nội vụ (minh họa)',
        'Sở Nội vụ',
        'Ban Chỉ đạo',
        'Thành viên',
        supervised('183', '184', '185'),
        '',
        'Khen thưởng',
      ],
      [
        'Vi Thị Hương',
        'Phó Giám đốc Sở Tài chính (minh họa)',
        'Sở Tài chính',
        'Ban Chỉ đạo',
        'Thành viên',
        supervised('186', '187'),
        '',
        'Kinh phí',
      ],
      [
        'Chu Văn Long',
        'Phó Giám đốc Sở VHTTDL (minh họa)',
        'Sở VHTTDL',
        'Ban Chỉ đạo',
        'Thành viên',
        supervised('188', '189'),
        '',
        'Tuyên truyền',
      ],
    ],
    'Cuộc họp': [
      [
        MEETING,
        '08/01/2029',
        'Nông Văn Bình',
        'Phó Chủ tịch UBND tỉnh, Trưởng Ban Chỉ đạo',
        'các thành viên Ban Chỉ đạo',
        'triển khai tổ chức Đại hội cấp xã và cấp tỉnh',
      ],
    ],
    'Kết luận': [
      [MEETING, 1, 'Các xã, phường hoàn thành Đại hội đại biểu các dân tộc thiểu số cấp xã trước ngày 30/6/2029.'],
      [MEETING, 2, 'Sở Dân tộc và Tôn giáo hướng dẫn các xã, phường phân bổ đại biểu theo dân số dân tộc thiểu số.'],
    ],
    'Nhiệm vụ': [
      [
        1,
        'Hướng dẫn các xã, phường xây dựng kế hoạch tổ chức Đại hội cấp xã',
        'Sở Dân tộc và Tôn giáo',
        'UBND các xã, phường',
        'Hoàng Thị Mai',
        '31/01/2029',
        'Đang thực hiện',
        '',
        MEETING,
        '',
        ILLUSTRATIVE,
      ],
      [
        2,
        'Bảo đảm kinh phí tổ chức Đại hội',
        'Sở Tài chính',
        'Sở Dân tộc và Tôn giáo',
        'Vi Thị Hương',
        '28/02/2029',
        'Chưa thực hiện',
        '',
        MEETING,
        '',
        ILLUSTRATIVE,
      ],
      [
        3,
        'Xây dựng kế hoạch tuyên truyền về Đại hội',
        'Sở VHTTDL',
        '',
        'Chu Văn Long',
        '15/01/2029',
        'Hoàn thành',
        '14/01/2029',
        MEETING,
        '',
        ILLUSTRATIVE,
      ],
    ],
    'Tiến độ': COMMUNES.map(([code], i) => [
      code,
      `${String(10 + (i % 15)).padStart(2, '0')}/01/2029`,
      `${String(1 + (i % 20)).padStart(2, '0')}/02/2029`,
      `${String(1 + (i % 28)).padStart(2, '0')}/${i % 2 === 0 ? '04' : '05'}/2029`,
      'Chưa tổ chức',
      '',
    ]),
  },
};
