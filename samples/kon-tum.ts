/**
 * Sample workbook: Kon Tum, round III (2019), 10 districts. Names and total population: the
 * province's 2022 statistics (shared/domain; Đắk Hà and Sa Thầy share one figure in the source).
 * DTTS figures, committee members other than the chair, and deadlines are ILLUSTRATIVE.
 * The 15/05/2019 meeting (second meeting of the steering committee) follows the province's report:
 * all 10 districts had set up their committees and plans; the pilot congress was in Kon Plông.
 */
import { type SampleWorkbook, unitEthnicRows } from './types';

const ILLUSTRATIVE = 'Số liệu DTTS minh họa';

const DISTRICTS: [string, string, number, number][] = [
  ['KT', 'Thành phố Kon Tum', 177656, 62180],
  ['ĐG', 'Đắk Glei', 51259, 44630],
  ['NH', 'Ngọc Hồi', 64968, 32910],
  ['ĐT', 'Đắk Tô', 51436, 29870],
  ['KP', 'Kon Plông', 28163, 25120],
  ['KR', 'Kon Rẫy', 31071, 21450],
  ['ĐH', 'Đắk Hà', 53478, 24960],
  ['ST', 'Sa Thầy', 53478, 30120],
  ['TMR', 'Tu Mơ Rông', 29331, 27960],
  ['IHD', "Ia H'Drai", 12962, 3480],
];

const SHARES: Record<string, [string, number][]> = {
  KT: [
    ['Ba Na', 0.62],
    ['Gia Rai', 0.2],
    ['Xơ Đăng', 0.18],
  ],
  ĐG: [
    ['Xơ Đăng', 0.55],
    ['Giẻ Triêng', 0.45],
  ],
  NH: [
    ['Giẻ Triêng', 0.6],
    ['Xơ Đăng', 0.3],
    ['Brâu', 0.1],
  ],
  ĐT: [
    ['Xơ Đăng', 0.8],
    ['Giẻ Triêng', 0.2],
  ],
  KP: [
    ['Xơ Đăng', 0.85],
    ['Ba Na', 0.15],
  ],
  KR: [
    ['Ba Na', 0.6],
    ['Xơ Đăng', 0.4],
  ],
  ĐH: [
    ['Xơ Đăng', 0.5],
    ['Ba Na', 0.5],
  ],
  ST: [
    ['Gia Rai', 0.7],
    ['Rơ Măm', 0.05],
    ['Xơ Đăng', 0.25],
  ],
  TMR: [['Xơ Đăng', 1]],
  IHD: [
    ['Gia Rai', 0.6],
    ['Mường', 0.4],
  ],
};

const MEETING = 'BCĐ-02';

export const KON_TUM: SampleWorkbook = {
  file: 'kon-tum.xlsx',
  delegates: { seed: 2019, guestShare: 0.25, groupShares: SHARES, provincialLevel: true },
  sheets: {
    'Cấu hình': [
      ['Tỉnh', 'Kon Tum'],
      ['Cấp đơn vị', 'Huyện'],
      ['Lần thứ', 'III'],
      ['Năm', 2019],
      ['Tổng số đại biểu chính thức', 250],
      ['Số đại biểu đương nhiên', 10],
      ['Số đại biểu cơ quan cấp tỉnh', 40],
      ['Phương pháp phân bổ', 'Webster'],
      ['Số đại biểu tối thiểu mỗi đơn vị', 6],
      ['Tỷ lệ khách mời tối đa', '1/3'],
      ['Hạn tổ chức Đại hội cấp cơ sở', '30/06/2019'],
      ['Cơ quan chủ quản', 'UBND TỈNH KON TUM'],
      ['Cơ quan ban hành', 'BAN CHỈ ĐẠO ĐẠI HỘI ĐẠI BIỂU CÁC DÂN TỘC THIỂU SỐ TỈNH LẦN THỨ III'],
      ['Ký hiệu cơ quan ban hành', 'BCĐ'],
      ['Địa danh', 'Kon Tum'],
      ['Thẩm quyền ký', 'TM. BAN CHỈ ĐẠO'],
      ['Chức vụ người ký', 'TRƯỞNG BAN'],
      ['Người ký', 'Trần Thị Nga'],
      ['Nơi nhận', 'Thường trực Tỉnh ủy; Thường trực HĐND tỉnh; Thành viên Ban Chỉ đạo; UBND các huyện, thành phố'],
      ['Ký hiệu đơn vị soạn thảo', 'BDT'],
      // The decision founding the committee, printed in the "Căn cứ" of its decisions (number illustrative).
      ['Quyết định thành lập Ban Chỉ đạo', 'Quyết định số 99/QĐ-UBND ngày 10/01/2019 của Chủ tịch UBND tỉnh'],
    ],
    'Đơn vị': DISTRICTS.map(([code, name, pop, dtts]) => [code, name, pop, dtts, '', '', ILLUSTRATIVE]),
    'Dân tộc theo đơn vị': unitEthnicRows(DISTRICTS, SHARES),
    'Thành viên': [
      [
        'Trần Thị Nga',
        'TUV, Phó Chủ tịch UBND tỉnh',
        'UBND tỉnh',
        'Ban Chỉ đạo',
        'Trưởng ban',
        'KT',
        '',
        'Chỉ đạo chung',
      ],
      [
        'A Vương',
        'Trưởng Ban Dân tộc (minh họa)',
        'Ban Dân tộc',
        'Ban Chỉ đạo',
        'Phó Trưởng ban',
        'KP, ĐG',
        '',
        'Thường trực',
      ],
      [
        'Y Thị Hoa',
        'Phó Giám đốc Sở Nội vụ (minh họa)',
        'Sở Nội vụ',
        'Ban Chỉ đạo',
        'Thành viên',
        'NH, ĐT',
        '',
        'Khen thưởng',
      ],
      [
        'A Thìn',
        'Phó Giám đốc Sở Tài chính (minh họa)',
        'Sở Tài chính',
        'Ban Chỉ đạo',
        'Thành viên',
        'KR, ĐH',
        '',
        'Kinh phí',
      ],
      [
        'Y Blung',
        'Phó Giám đốc Sở VHTTDL (minh họa)',
        'Sở VHTTDL',
        'Ban Chỉ đạo',
        'Thành viên',
        'ST, TMR, IHD',
        '',
        'Tuyên truyền',
      ],
    ],
    'Cuộc họp': [
      [
        MEETING,
        '15/05/2019',
        'Trần Thị Nga',
        'TUV, Phó Chủ tịch UBND tỉnh, Trưởng Ban Chỉ đạo',
        'các thành viên Ban Chỉ đạo Đại hội đại biểu các DTTS tỉnh',
        'rà soát, cho ý kiến các nội dung liên quan đến công tác tổ chức Đại hội trên địa bàn tỉnh',
      ],
    ],
    'Kết luận': [
      [
        MEETING,
        1,
        'Các thành viên Ban Chỉ đạo Đại hội tỉnh phát huy tinh thần trách nhiệm, chủ động liên hệ công tác, theo dõi, hướng dẫn, bố trí sắp xếp thời gian đi công tác cơ sở để nắm bắt tình hình công tác chuẩn bị Đại hội của địa phương mình phụ trách.',
      ],
      [
        MEETING,
        2,
        'Kịp thời đôn đốc, nhắc nhở, hỗ trợ, giúp Ban Chỉ đạo huyện rà soát, hoàn chỉnh các văn kiện, các nội dung, nhiệm vụ trong việc chuẩn bị cho Đại hội theo đúng kế hoạch.',
      ],
    ],
    'Nhiệm vụ': [
      [
        1,
        'Đôn đốc, hướng dẫn các huyện, thành phố khẩn trương xây dựng đầy đủ các văn kiện Đại hội',
        'Ban Dân tộc',
        'các cơ quan liên quan',
        'A Vương',
        '31/05/2019',
        'Đang thực hiện',
        '',
        MEETING,
        '',
        'Hạn minh họa',
      ],
      [
        2,
        'Phối hợp, hỗ trợ chuẩn bị các điều kiện để tổ chức thành công Đại hội điểm tại huyện Kon Plông',
        'Ban Dân tộc',
        'UBND huyện Kon Plông',
        'A Vương',
        '25/05/2019',
        'Đang thực hiện',
        '',
        MEETING,
        '',
        'Hạn minh họa',
      ],
      [
        3,
        'Phân công cụ thể nhiệm vụ cho các thành viên chuẩn bị dự thảo báo cáo, chương trình, kịch bản Đại hội, các báo cáo tham luận',
        'Ban Dân tộc',
        'các thành viên Ban Chỉ đạo',
        'A Vương',
        '20/05/2019',
        'Hoàn thành',
        '18/05/2019',
        MEETING,
        '',
        'Hạn minh họa',
      ],
    ],
    'Tiến độ': DISTRICTS.map(([code], i) => [
      code,
      `${String(2 + (i % 5)).padStart(2, '0')}/03/2019`,
      `${String(10 + (i % 5)).padStart(2, '0')}/03/2019`,
      code === 'KP' ? '28/05/2019' : `${String(5 + i).padStart(2, '0')}/06/2019`,
      'Chưa tổ chức',
      code === 'KP' ? 'Đại hội điểm' : '',
    ]),
  },
};
