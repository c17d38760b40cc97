/**
 * templateStatus: what validation and allocation tell the user to set up first, from grids already
 * read (no service call), instead of running setup themselves.
 */
import { templateStatus } from '../../src/sheets/setup';

describe('templateStatus', () => {
  it('lists the missing sheets and the missing columns, with the Vietnamese sentence', () => {
    const status = templateStatus(
      {
        units: [
          ['Mã đơn vị', 'Tên đơn vị', 'Dân số DTTS'],
          ['HL', 'Hữu Lũng', 80000],
        ],
        delegates: null,
      },
      ['units', 'delegates'],
    );
    expect(status.ready).toBe(false);
    expect(status.missingSheets).toEqual(['Đại biểu']);
    expect(status.missingColumns).toEqual([{ sheet: 'Đơn vị', columns: ['Dân số', 'Tối thiểu', 'Tối đa', 'Ghi chú'] }]);
    expect(status.message).toBe(
      'Hãy chạy "Thiết lập bảng tính" trước: còn thiếu trang "Đại biểu"; cột "Dân số", "Tối thiểu", "Tối đa", "Ghi chú" của trang "Đơn vị".',
    );
  });

  it('is ready, with no message, when every sheet and column is there', () => {
    const status = templateStatus({ conclusions: [['Mã cuộc họp', 'STT', 'Nội dung']] }, ['conclusions']);
    expect(status).toEqual({ ready: true, missingSheets: [], missingColumns: [], message: '' });
  });
});
