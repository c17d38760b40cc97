/** Vietnamese UI strings of the server side (menu, dialogs, messages). */
import { formatVnNumber } from '../domain/numbers';
import { afterColon } from '../domain/text';
export const MENU = {
  title: 'Đại hội DTTS',
  openSidebar: 'Mở bảng điều khiển',
  setup: 'Thiết lập bảng tính',
  allocate: 'Phân bổ đại biểu',
  validate: 'Kiểm tra dữ liệu',
  undoAllocation: 'Hoàn tác phân bổ',
  sidebarTitle: 'Trợ lý Đại hội DTTS',
} as const;

/** The intake dialog (openIntakeDialog): its titles and the sentence returned to the sidebar. */
export const INTAKE_DIALOG = {
  formTitle: 'Tạo mẫu danh sách đại biểu',
  importTitle: 'Nhận danh sách đại biểu',
  opened: 'Đã mở hộp thoại. Hãy thao tác trong hộp thoại trên bảng tính.',
} as const;

/** Opening of every message about a bug of the add-in (never about Google's services). */
const UNEXPECTED = 'Đã xảy ra lỗi ngoài dự kiến của tiện ích (không phải lỗi dịch vụ Google).';

/** "trang "A", "B"" for a message naming the sheets written. */
const quotedSheets = (sheets: readonly string[]) =>
  `${sheets.length > 1 ? 'các trang' : 'trang'} ${sheets.map((s) => `"${s}"`).join(', ')}`;

/** Messages shown to the user by the server side. */
export const MESSAGES = {
  busy: 'Đang có người khác chạy thao tác này, vui lòng thử lại sau.',
  setupNothing: 'Bảng tính đã đầy đủ, không có gì cần thêm.',
  /** Setup stopped by a Google service failure after writing to these sheets. */
  setupIncomplete: (sheets: readonly string[]) =>
    `Dịch vụ Google gặp lỗi giữa chừng nên việc thiết lập chưa hoàn tất: đã thêm một phần vào ${quotedSheets(sheets)}; dữ liệu đã nhập không bị thay đổi. Hãy chạy lại "Thiết lập bảng tính" để hoàn tất.`,
  /** Setup stopped by a Google service failure before writing anything. */
  setupNotStarted:
    'Dịch vụ Google tạm thời gặp lỗi nên chưa thiết lập được; bảng tính chưa bị thay đổi. Vui lòng chạy lại "Thiết lập bảng tính" sau ít phút.',
  /** Setup stopped by a bug of the add-in. */
  setupFailed: (sheets: readonly string[], detail: string) =>
    `${UNEXPECTED} Việc thiết lập dừng lại${
      sheets.length
        ? ` sau khi đã thêm một phần vào ${quotedSheets(sheets)}; dữ liệu đã nhập không bị thay đổi`
        : ', chưa ghi gì vào bảng tính'
    }. Chi tiết: ${detail}`,
  /** Setup refused by a protection the user is not an editor of. */
  setupProtected: (sheet: string, written: readonly string[]) =>
    `Trang "${sheet}" đang được bảo vệ và bạn không có quyền sửa, nên chưa thiết lập xong${
      written.length
        ? ` (đã thêm một phần vào ${quotedSheets(written)}; dữ liệu đã nhập không bị thay đổi)`
        : '; bảng tính chưa bị thay đổi'
    }. Hãy nhờ chủ bảng tính chạy "Thiết lập bảng tính", hoặc thêm bạn vào danh sách được sửa trang "${sheet}" (Dữ liệu ▸ Bảo vệ trang tính và dải ô), rồi chạy lại.`,
  setupLookalikes: 'Lưu ý về tên trang tính:',
  setupCompleted: (n: number) =>
    `hoàn thiện định dạng, danh sách chọn hoặc bảo vệ của ${formatVnNumber(n)} cột đã thêm trước đó`,
  badArguments: 'Tham số không hợp lệ khi gọi',
  /** Opening of every message about a bug of the add-in. */
  unexpected: UNEXPECTED,
  /** A bug that stopped an action before it wrote anything. */
  unexpectedNothingChanged: (detail: string) =>
    `${UNEXPECTED} Thao tác dừng lại trước khi ghi nên bảng tính không bị thay đổi. Chi tiết: ${detail}`,
  /** A bug in an action that writes: it may have stopped midway. */
  unexpectedMaybeWritten: (detail: string) =>
    `${UNEXPECTED} Thao tác có thể đã ghi một phần trước khi dừng; hãy kiểm tra lại rồi chạy lại. Chi tiết: ${detail}`,
  sheetMissing: 'Không có trang tính',
  /** After a sheet of the template found missing. */
  runSetupFirst: 'Hãy chạy "Thiết lập bảng tính" để tạo các trang tính của mẫu.',
  serviceFailed:
    'Dịch vụ Google tạm thời gặp lỗi nên thao tác chưa thực hiện được; dữ liệu chưa bị thay đổi. Vui lòng thử lại sau ít phút.',
  /** A Google service failure in an action that writes, where the add-in cannot tell whether it wrote. */
  serviceFailedMaybeWritten:
    'Dịch vụ Google tạm thời gặp lỗi nên thao tác bị dừng giữa chừng; có thể một phần đã được ghi. Vui lòng chạy lại thao tác sau ít phút để hoàn tất.',
  writeFailedRestored: (what: string) =>
    `Dịch vụ Google gặp lỗi khi ghi ${what}; đã khôi phục như trước khi chạy. Vui lòng thử lại sau ít phút.`,
  reportSheetNotOurs: (actual: string, report: string, headers: string) =>
    `Trang tính ${actual} không phải trang báo cáo "${report}" của tiện ích (dòng 1 không phải tiêu đề ${headers}), nên chưa kiểm tra và không ghi gì vào trang đó. Hãy đổi tên trang của bạn (ví dụ "${report} (của tôi)") rồi chạy "Thiết lập bảng tính" để tạo trang "${report}".`,
  logSheetNotOurs: (actual: string, log: string, missing: string[]) =>
    `Trang tính ${actual} được dùng làm sổ "${log}" nhưng không có cột ${missing.map((h) => `"${h}"`).join(', ')}, nên chưa tạo văn bản (để không cấp trùng số) và không ghi gì vào trang đó. Nếu đây là trang của bạn, hãy đổi tên nó rồi chạy "Thiết lập bảng tính"; nếu đó là sổ văn bản, hãy thêm lại các cột trên ở dòng tiêu đề.`,
  validateNeedsSetup: (report: string) =>
    `Bảng tính chưa được thiết lập (chưa có trang "${report}"), nên chưa kiểm tra và chưa ghi gì. Hãy chạy "Thiết lập bảng tính" trong menu Đại hội DTTS trước.`,
  writeFailedPartial: (what: string) =>
    `Dịch vụ Google gặp lỗi khi ghi ${what} và chưa khôi phục được hết: hãy chạy lại thao tác này để ghi lại đầy đủ.`,
  writeProtectedRestored: (what: string) =>
    `Không ghi được ${what} vì có vùng được bảo vệ mà tài khoản của bạn không được sửa; đã khôi phục như trước khi chạy. Hãy nhờ chủ sở hữu bảng tính cho bạn quyền sửa vùng đó (Dữ liệu > Bảo vệ trang tính và dải ô), hoặc nhờ người có quyền chạy thao tác này.`,
  /** validateAll by a user a protection keeps from the computed status column of the tasks sheet. */
  /** Marks of an earlier check on cells now protected against this user: they stay until someone who may edit runs it. */
  marksNotCleared: (parts: readonly { sheet: string; cells: number }[]) =>
    ` Dấu (màu nền, ghi chú) của lần kiểm tra trước còn ở ${parts.map((p) => `${p.cells} ô trang "${p.sheet}"`).join(', ')} dù ở đó không còn vấn đề: các ô này được bảo vệ (bạn không có quyền sửa) nên chưa xoá được; người có quyền sửa chạy lại "Kiểm tra dữ liệu" sẽ xoá.`,
  statusesProtected: (column: string, sheet: string) =>
    ` Cột "${column}" của trang "${sheet}" được bảo vệ (bạn không có quyền sửa) nên chưa được cập nhật; người có quyền sửa chạy lại "Kiểm tra dữ liệu" sẽ cập nhật cột này.`,
  flushFailedIn: (what: string) =>
    `Dịch vụ Google gặp lỗi khi lưu các thay đổi vừa ghi vào ${what}; có thể một phần chưa được lưu. Hãy kiểm tra lại ${what} và chạy lại thao tác này.`,
  flushFailed:
    'Dịch vụ Google gặp lỗi khi lưu các thay đổi vừa ghi; có thể một phần chưa được lưu. Hãy kiểm tra lại bảng tính và chạy lại thao tác này.',
} as const;

/** Messages of "Phân bổ đại biểu" about what it writes. */
export const ALLOCATION_MESSAGES = {
  sheetMissing: (sheet: string) =>
    `Chưa phân bổ: không có trang tính "${sheet}". Hãy chạy "Thiết lập bảng tính" trước; bảng tính chưa bị thay đổi.`,
  columnsMissing: (sheet: string, headers: readonly string[]) =>
    `Chưa phân bổ: trang "${sheet}" thiếu cột ${headers.map((h) => `"${h}"`).join(', ')}. Hãy chạy "Thiết lập bảng tính" trước; bảng tính chưa bị thay đổi.`,
  done: (total: number, units: number, method: string) =>
    `Đã phân bổ ${formatVnNumber(total)} đại biểu cho ${formatVnNumber(units)} đơn vị theo ${method.replace(/^Phương pháp/, 'phương pháp')}.`,
  rowsAdded: (count: number, after: number, inserted: boolean) =>
    inserted
      ? ` Đã chèn ${count} dòng mới cho đơn vị mới sau dòng ${after} của trang "Phân bổ"; các dòng bên dưới được giữ nguyên.`
      : ` Đã thêm ${count} dòng cho đơn vị mới từ dòng ${after + 1} của trang "Phân bổ".`,
  warnings: (count: number, first: string) => ` Có ${formatVnNumber(count)} cảnh báo, đầu tiên: ${afterColon(first)}`,
  duplicateRow: (code: string, row: number, used: number) =>
    `Mã đơn vị "${code}" ở dòng ${row} trùng với dòng ${used}; tiện ích chỉ ghi vào dòng ${used}, dòng ${row} giữ nguyên.`,
  orphanRow: (code: string, row: number) =>
    `Dòng ${row} có mã "${code}" không có trong trang "Đơn vị"; tiện ích không ghi vào dòng này. Hãy xóa dòng nếu đơn vị không còn.`,
  formulaReplaced: (cell: string) =>
    `Ô ${cell} thuộc cột do tiện ích tính nhưng đang có công thức; công thức đã được thay bằng giá trị tính được.`,
  adjustmentUnreadable: (cell: string, problem: string) =>
    `Ô ${cell} (Điều chỉnh) của trang "Phân bổ" không phải là số nguyên (${problem.replace(/\.$/, '')}); Số chính thức sẽ sai nếu bỏ qua ô này. Hãy nhập số nguyên (ví dụ 2 hoặc -1) hoặc để trống.`,
  negativeFinal: (name: string, seats: number, adjustment: number, cell: string) =>
    `Số chính thức của "${name}" sẽ là ${seats + adjustment} (Số phân bổ ${seats}, Điều chỉnh ${adjustment}${cell ? ` ở ô ${cell} của trang "Phân bổ"` : ''}): không thể nhỏ hơn 0.`,
  unchanged: 'Bảng tính chưa bị thay đổi.',
  /** Errors that stop the allocation, every one named (at most 5, then how many more). */
  blocked: (errors: readonly { sheet: string; cell: string; message: string; rule: string }[]) => {
    const shown = errors.slice(0, 5).map((e, i) => {
      const where = `trang "${e.sheet}"${e.cell ? `, ô ${e.cell}` : ''}`;
      return `${errors.length > 1 ? `(${i + 1}) ` : ''}${where}: ${e.message.replace(/\.$/, '')}`;
    });
    const more =
      errors.length > 5
        ? `; và ${errors.length - 5} lỗi khác (xem trang "Kiểm tra" sau khi chạy "Kiểm tra dữ liệu")`
        : '';
    const setup = errors.some((e) => e.rule === 'sheet-missing') ? ' Hãy chạy "Thiết lập bảng tính" trước.' : '';
    return `Chưa phân bổ: có ${errors.length} lỗi cần sửa trước: ${shown.join('; ')}${more}.${setup} Bảng tính chưa bị thay đổi.`;
  },
  conflictingAdjustment: (code: string, first: number, second: number, a: number, b: number) =>
    `Đơn vị "${code}" có hai dòng ở trang "Phân bổ" (dòng ${first} và dòng ${second}) với Điều chỉnh khác nhau (${a} và ${b}): chưa biết dùng số nào. Hãy giữ một dòng và xóa dòng kia.`,
  totalMissesNewRows: (cell: string, formula: string, last: number, first: number, count: number) =>
    `Ô ${cell} (${formula}) tính đến dòng ${last}, chưa gồm ${count} dòng mới (${count > 1 ? `dòng ${first}–${first + count - 1}` : `dòng ${first}`}) của đơn vị mới.`,
  totalMissesNewRowsHint: 'Sửa công thức để tính cả các dòng mới, nếu không tổng sẽ thiếu.',
  formulaReplacedHint: 'Tính tổng hoặc số liệu riêng ở cột hoặc dòng khác: tiện ích không ghi vào đó.',
  reasonColumnNotOwned: (cell: string) =>
    `Cột "Cách tính" (ô ${cell}) là cột riêng của người dùng, không do tiện ích tạo, nên tiện ích không ghi cách tính vào đó; cách tính của từng đơn vị xem ở thanh bên.`,
  reasonColumnNotOwnedHint:
    'Nếu muốn tiện ích ghi cách tính vào trang "Phân bổ": đổi tên cột này (ví dụ "Cách tính riêng"), chạy "Thiết lập bảng tính" để thêm cột "Cách tính" của tiện ích, rồi phân bổ lại.',
  quotaColumnTwice: (used: string, header: string, others: readonly string[]) =>
    `Trang "Phân bổ" có ${others.length + 1} cột số theo tỷ lệ: tiện ích ghi vào cột ${used} "${header}", không ghi vào ${others.join(', ')}.`,
  quotaColumnTwiceHint: 'Nếu cột còn lại là số liệu riêng, nên đổi tên cho khỏi nhầm; nếu không dùng nữa, có thể xóa.',
  /** The end of a reason cut to fit one cell of Google Sheets (50.000 characters). */
  reasonCut: '… (còn tiếp, xem đầy đủ ở thanh bên)',
} as const;

/** Cells named by reference only, after the lines in full: the first TYPED_CELLS_SHOWN, then "…". */
const TYPED_CELLS_SHOWN = 40;
const shownCells = (cells: readonly string[]) =>
  cells.length > TYPED_CELLS_SHOWN ? `${cells.slice(0, TYPED_CELLS_SHOWN).join(', ')}, …` : cells.join(', ');
const typedOthers = (others: readonly string[]) =>
  others.length > 0 ? `\n• và ${others.length} ô khác: ${shownCells(others)}` : '';

/** Messages of the guarded re-allocation (preview, confirmation) and of "Hoàn tác phân bổ". */
export const REALLOCATION_MESSAGES = {
  needsConfirmation: (changed: number, method: string) =>
    `Phân bổ lại theo ${method} sẽ thay đổi số đại biểu của ${changed} đơn vị đã phân bổ. Chưa ghi gì vào trang "Phân bổ"; hãy xem bảng so sánh và xác nhận nếu đồng ý.`,
  previewNoChange: (method: string) =>
    `Phân bổ theo ${method} không làm thay đổi số đại biểu của đơn vị nào đã phân bổ.`,
  previewFirst: (method: string) => `Trang "Phân bổ" chưa có kết quả; phân bổ lần đầu theo ${method}.`,
  previewChanges: (changed: number, method: string) =>
    `Phân bổ lại theo ${method} sẽ thay đổi số đại biểu của ${changed} đơn vị; chưa ghi gì vào bảng tính.`,
  stale:
    'Chưa phân bổ lại: số liệu đã thay đổi sau khi xem trước (có người sửa trang "Cấu hình", "Đơn vị", "Phân bổ" hoặc "Đại biểu"). Bảng tính chưa bị thay đổi; hãy xem lại bảng so sánh mới rồi xác nhận.',
  confirmTitle: 'Xác nhận phân bổ lại',
  /** The menu's YES_NO dialog: what changes, by name. */
  confirmPrompt: (lines: readonly string[], more: number, before: string, after: string, total: string) =>
    `${before ? `Đổi từ ${before} sang ${after}.\n` : `Theo ${after}.\n`}Số chính thức thay đổi:\n${lines.join('\n')}${
      more > 0 ? `\n… và ${more} đơn vị khác (xem bảng điều khiển).` : ''
    }\n${total}\n\nDanh sách đã gửi theo số cũ sẽ không còn khớp. Ghi kết quả mới vào trang "Phân bổ"? (Có thể hoàn tác bằng "Hoàn tác phân bổ".)`,
  confirmLine: (name: string, before: number | null, after: number) => `• ${name}: ${before ?? 'trống'} → ${after}`,
  confirmTotal: (before: number, after: number) => `Tổng số chính thức: ${before} → ${after}.`,
  // Also what the officer reads when no dialog could be answered (the playground answers none): how to confirm.
  declined:
    'Chưa phân bổ lại: trang "Phân bổ" giữ nguyên kết quả cũ. Để phân bổ lại, chọn "Có" trong hộp thoại xác nhận, hoặc vào menu "Đại hội DTTS" › "Mở bảng điều khiển", bấm "Phân bổ đại biểu", xem bảng so sánh rồi bấm "Xác nhận phân bổ lại".',
  undoNothing:
    'Không có kết quả phân bổ trước để khôi phục (chưa phân bổ lại lần nào, hoặc đã hoàn tác rồi). Bảng tính chưa bị thay đổi.',
  undoDone: (count: number, method: string, when: string) =>
    `Đã khôi phục kết quả phân bổ trước${method ? ` (theo ${method})` : ''} cho ${count} đơn vị ở trang "Phân bổ", như trước lần phân bổ lại lúc ${when}.`,
  undoConfigNote: (method: string) =>
    ` Lưu ý: trang "Cấu hình" vẫn ghi ${method}; nếu chạy lại "Phân bổ đại biểu", kết quả sẽ tính theo Cấu hình hiện tại.`,
  undoNotRestored: (names: readonly string[]) =>
    ` Không khôi phục được ${names.length} đơn vị vì không còn dòng của đơn vị ở trang "Phân bổ": ${names.join(', ')}.`,
  undoUntouched: (names: readonly string[]) =>
    ` Các đơn vị chưa có trong kết quả trước được giữ nguyên: ${names.join(', ')}.`,
  undoUnbalancedUnit: (name: string, cell: string, final: number, seats: number, adjustment: number) =>
    `${name}${cell ? ` (ô ${cell})` : ''}: ${final} ≠ ${seats} ${adjustment < 0 ? '−' : '+'} ${Math.abs(adjustment)}`,
  undoUnbalanced: (units: readonly string[]) =>
    ` Lưu ý: cột "Điều chỉnh" đã được sửa sau lần phân bổ lại, nên Số chính thức khôi phục không bằng Số phân bổ + Điều chỉnh ở ${units.length} đơn vị: ${units.join('; ')}. Chưa tạo được văn bản theo số liệu này; hãy sửa lại "Điều chỉnh" hoặc chạy lại "Phân bổ đại biểu".`,
  undoStale:
    'Chưa hoàn tác: kết quả phân bổ trước đã thay đổi sau khi hỏi (có người vừa phân bổ lại hoặc hoàn tác). Bảng tính chưa bị thay đổi; hãy mở lại bảng điều khiển hoặc chạy lại "Hoàn tác phân bổ" để xem kết quả sẽ được khôi phục.',
  undoTotalNote: (sum: number, fixed: number, total: number) =>
    ` Lưu ý: tổng Số chính thức sau khi khôi phục là ${sum}${fixed > 0 ? ` (cộng ${fixed} đại biểu đương nhiên và cơ quan cấp tỉnh là ${sum + fixed})` : ''}, khác "Tổng số đại biểu chính thức" ${total} ở trang "Cấu hình"; chưa tạo được thông báo phân bổ cho đến khi hai số khớp nhau.`,
  undoDamaged:
    'Không khôi phục được: bản lưu kết quả phân bổ trước bị hỏng (trang ẩn của tiện ích đã bị sửa). Bảng tính chưa bị thay đổi.',
  undoNoSheet: (sheet: string) => `Không khôi phục được: không có trang tính "${sheet}". Bảng tính chưa bị thay đổi.`,
  undoConfirmPrompt: (method: string, when: string) =>
    `Khôi phục kết quả phân bổ trước${method ? ` (theo ${method})` : ''}, như trước lần phân bổ lại lúc ${when}? Kết quả hiện tại ở trang "Phân bổ" sẽ được thay thế.`,
  undoDeclined: 'Chưa hoàn tác: trang "Phân bổ" giữ nguyên.',
  /** A cell of the add-in's columns typed by hand after the re-allocation, that the undo would replace. */
  undoTypedLine: (sheet: string, cell: string, name: string, column: string, typed: string, restored: string) =>
    `• Ô ${cell} trang "${sheet}" (${name}, cột "${column}"): đang ghi ${typed} → sẽ khôi phục ${restored}`,
  undoTypedBlank: '(trống)',
  undoTypedAsk: (lines: readonly string[], others: readonly string[] = []) =>
    `Chưa hoàn tác: ${lines.length + others.length} ô ở các cột do tiện ích tính của trang "Phân bổ" đã được nhập tay sau lần phân bổ lại; hoàn tác sẽ thay nội dung đã nhập bằng kết quả trước:\n${lines.join('\n')}${typedOthers(others)}\nBảng tính chưa bị thay đổi. Nếu đồng ý thay các ô này, hãy xác nhận hoàn tác; nếu cần giữ, hãy chép nội dung đã nhập sang cột riêng trước.`,
  undoTypedStale:
    'Chưa hoàn tác: các ô nhập tay ở trang "Phân bổ" đã thay đổi sau khi hỏi (có người vừa sửa). Bảng tính chưa bị thay đổi; hãy xem lại danh sách ô sẽ bị thay rồi xác nhận lại.',
  /** The menu's YES_NO dialog: the typed cells the undo replaces (the first ones in full, the others by cell). */
  undoTypedPrompt: (lines: readonly string[], others: readonly string[]) =>
    `\n\nLưu ý: ${lines.length + others.length} ô sau đã được nhập tay sau lần phân bổ lại; nếu chọn "Có", nội dung đã nhập sẽ bị thay bằng kết quả trước:\n${lines.join('\n')}${typedOthers(others)}`,
  undoTypedReplaced: (lines: readonly string[], others: readonly string[] = []) =>
    ` Theo xác nhận, đã thay ${lines.length + others.length} ô nhập tay sau lần phân bổ lại: ${lines.map((l) => l.replace(/^• /, '')).join('; ')}${
      others.length > 0 ? `; và ${others.length} ô khác: ${shownCells(others)}` : ''
    }.`,
} as const;

/**
 * The one name of each kind of document: menu, sidebar (src/sidebar/kinds.ts), result messages, the
 * log's `Loại` column, the Doc's title and the per-kind rows of `Cấu hình`. A kind missing here does
 * not compile (the table is checked against the contract's kinds where it is used).
 */
export const KIND_NAMES = {
  'thong-bao-ket-luan': 'Thông báo kết luận cuộc họp',
  'phan-bo-dai-bieu': 'Thông báo phân bổ đại biểu',
  'phan-cong-nhiem-vu': 'Quyết định phân công nhiệm vụ',
  'giay-moi': 'Giấy mời đại biểu',
  'danh-sach-dai-bieu': 'Danh sách đại biểu chính thức',
  'bao-cao-co-cau': 'Báo cáo cơ cấu đại biểu',
} as const;

/** Messages about document profiles, drafts, numbers, legal basis and the checks before a document. */
export const DOCUMENT_MESSAGES = {
  noSigner: (kind: string, where: string) =>
    `Chưa có tên người ký ${kind}: hãy ghi ${where} rồi tạo lại. Chưa có văn bản nào được tạo.`,
  missingProfile: (kind: string, labels: readonly string[], sheet: string) =>
    `Chưa khai báo ${labels.join(', ')} của ${kind} trong trang "${sheet}": cần để ghi phần đầu và số văn bản. Chưa có văn bản nào được tạo.`,
  noLegalBasis: (label: string, sheet: string, cell = '') =>
    `Chưa biết quyết định thành lập Ban Chỉ đạo để ghi phần "Căn cứ": hãy ghi mục "${label}"${cell ? ` (ô ${cell})` : ''} trong trang "${sheet}" ` +
    '(ví dụ: Quyết định số 1822/QĐ-UBND ngày 08/11/2023 của Chủ tịch UBND tỉnh). Chưa có văn bản nào được tạo.',
  unknownUnits: (sheet: string, cells: readonly string[]) =>
    `Trang "${sheet}" ghi địa bàn phụ trách không có trong trang "Đơn vị" ở ô ${cells.join('; ')}: văn bản sẽ in sai tên đơn vị. ` +
    'Hãy sửa tên hoặc mã đơn vị cho đúng.',
  checksRefused: (kind: string, problems: readonly string[]) =>
    `Chưa tạo ${kind} vì dữ liệu in trong văn bản còn lỗi. ${problems.join(' ')}`,
  checksConfirm: ' Nếu vẫn muốn tạo văn bản với dữ liệu hiện có, hãy xác nhận "Vẫn tạo văn bản".',
  checksForced: (problems: readonly string[]) => ` Lưu ý: văn bản được tạo dù dữ liệu còn lỗi: ${problems.join(' ')}`,
  draftCreated: (kind: string, symbol: string) =>
    `Đã tạo dự thảo ${kind} (Số:      /${symbol}, chưa ghi ngày). Khi trình ký, chọn "Cấp số" ở danh sách văn bản để cấp số và ngày.`,
  draftReused: (kind: string) => `Dữ liệu không thay đổi kể từ lần tạo trước: mở lại dự thảo ${kind} đã có.`,
  issued: (kind: string, number: string, date: string) => `Đã cấp số ${number} ngày ${date} cho ${kind}.`,
  notADraft: (number: string) => `Văn bản số ${number} đã được cấp số, không cấp lại.`,
  draftNotFound: 'Không tìm thấy dự thảo này trong trang "Văn bản" (có thể dòng nhật ký đã bị xóa hoặc sửa).',
  draftDocGone:
    'Không mở được Google Docs của dự thảo (có thể đã bị xóa hoặc bạn không có quyền sửa). Chưa cấp số; hãy tạo lại dự thảo.',
  draftNoNumberLine: (symbol: string) =>
    `Không tìm thấy dòng "Số:      /${symbol}" hoặc dòng ngày tháng trong dự thảo (có thể đã bị sửa). Chưa cấp số; hãy sửa lại hai dòng đó như khi tạo, hoặc tạo lại dự thảo.`,
  voidReason: 'Hãy ghi lý do hủy số văn bản.',
  voidNotFound: (number: string) => `Không có văn bản số ${number} trong trang "Văn bản".`,
  voidAlready: (number: string) => `Số ${number} đã được hủy trước đó.`,
  voidDraft: 'Dự thảo chưa có số nên không cần hủy số.',
  voided: (number: string) =>
    `Đã hủy số ${number}; lý do được ghi ở trang "Văn bản". Số này không được cấp lại cho văn bản khác.`,
} as const;

/** Messages of the delegate documents (Giấy mời đại biểu, Danh sách đại biểu chính thức). */
export const DELEGATE_DOCUMENT_MESSAGES = {
  provincial: 'Cấp tỉnh',
  fieldNames: {
    name: 'họ và tên',
    unit: 'mã đơn vị',
    kind: 'loại đại biểu',
    gender: 'giới tính',
    birthYear: 'năm sinh',
    ethnic: 'dân tộc',
    position: 'chức vụ, nơi công tác',
  },
  cell: (cell: string, what: string) => `ô ${cell} (${what})`,
  unknownUnit: (unit: string) => `đơn vị "${unit}" không có trong trang "Đơn vị"`,
  unreadable: (sheet: string, what: string, cells: readonly string[]) =>
    `Chưa tạo ${what} vì trang "${sheet}" có ô chưa đọc được: ${cells.slice(0, 6).join('; ')}` +
    `${cells.length > 6 ? ` và ${cells.length - 6} ô khác` : ''}. Hãy sửa các ô này rồi tạo lại (chạy "Kiểm tra dữ liệu" để xem chi tiết).`,
  duplicate: (sheet: string, row: number, name: string, birthYear: number, first: number) =>
    `Trang "${sheet}" dòng ${row}: "${name}" (sinh ${birthYear}) có thể trùng với dòng ${first}, sẽ được in hai lần.`,
  countOff: (message: string, sheet: string, cell: string) =>
    `${message.replace(/\.$/, '')} (trang "${sheet}"${cell ? `, ô ${cell}` : ''}).`,
  noDelegates: (sheet: string, what: string) =>
    `Chưa tạo ${what} vì trang "${sheet}" chưa có đại biểu chính thức hoặc đại biểu đương nhiên nào.`,
  missingSettings: (sheet: string, what: string, items: readonly { label: string; cell: string }[]) =>
    `Chưa tạo ${what} vì trang "${sheet}" chưa khai báo ${items
      .map(
        (i) => `"${i.label}"${i.cell ? ` (ô ${i.cell})` : ' (chưa có dòng này: chạy "Thiết lập bảng tính" để thêm)'}`,
      )
      .join(', ')}.`,
} as const;

/** Vietnamese number: thousands '.', decimal ',', at most `d` decimals, trailing zeros dropped. */
function vn(x: number, d = 0): string {
  if (!Number.isFinite(x)) return String(x);
  const [i = '', f = ''] = Math.abs(x).toFixed(d).split('.');
  const frac = f.replace(/0+$/, '');
  const s = i.replace(/\B(?=(\d{3})+(?!\d))/g, '.') + (frac ? `,${frac}` : '');
  return x < 0 && /[1-9]/.test(s) ? `-${s}` : s;
}

/** At most ten names, then how many more. */
const names = (list: readonly string[], total = list.length) =>
  total <= 10 ? list.join(', ') : `${list.slice(0, 10).join(', ')} và ${vn(total - 10)} đơn vị khác`;

/** The tie rule, in the words of the explanation, the checks and the README. */
const TIE_RULE =
  'đơn vị có dân số DTTS lớn hơn được trước; nếu dân số bằng nhau thì đơn vị có mã xếp trước (theo thứ tự chữ cái tiếng Việt, phần số theo giá trị: HL9 trước HL10, D trước Đ) được trước';

/** How each divisor method rounds a quotient: in the summary, and in one unit's reason. */
const ROUNDING: Record<string, { rule: string; short: string }> = {
  jefferson: { rule: 'làm tròn xuống', short: 'làm tròn xuống' },
  webster: {
    rule: 'làm tròn thông thường (phần lẻ từ 0,5 trở lên thì làm tròn lên)',
    short: 'làm tròn thông thường',
  },
  adams: { rule: 'làm tròn lên (thương số đúng bằng số nguyên thì giữ nguyên)', short: 'làm tròn lên' },
  dean: {
    rule: 'làm tròn lên khi thương số vượt trung bình điều hòa n(n+1)/(n+½) của hai số nguyên liền kề n và n+1, nếu không thì làm tròn xuống',
    short: 'làm tròn theo trung bình điều hòa',
  },
  'huntington-hill': {
    rule: 'làm tròn lên khi thương số vượt trung bình nhân √(n(n+1)) của hai số nguyên liền kề n và n+1, nếu không thì làm tròn xuống',
    short: 'làm tròn theo trung bình nhân',
  },
};

const seatsOf = (n: number) => `${vn(n)} đại biểu`;

/**
 * The sentences explaining an allocation ("Cách tính"): the summary in the sidebar, and one reason per
 * unit (the sidebar's list and the `Cách tính` column of `Phân bổ`). Units are named by name.
 */
export const EXPLANATION = {
  tieRule: TIE_RULE,
  names,
  vn,
  fixedSeats: (official: number, fixed: readonly { label: string; seats: number }[], house: number, units: number) => {
    const taken = fixed.filter((f) => f.seats > 0);
    return taken.length === 0
      ? `Tổng số đại biểu chính thức ${vn(official)}, phân bổ toàn bộ cho ${vn(units)} đơn vị.`
      : `Tổng số đại biểu chính thức ${vn(official)}; trừ ${taken
          .map((f) => `${vn(f.seats)} ${f.label.toLowerCase()}`)
          .join(', ')}; còn ${seatsOf(house)} phân bổ cho ${vn(units)} đơn vị.`;
  },
  intro: (house: number, units: number, population: number, method: string) =>
    `Phân bổ ${seatsOf(house)} cho ${vn(units)} đơn vị (tổng dân số DTTS ${vn(population)} người) theo ${
      method.charAt(0).toLowerCase() + method.slice(1)
    }.`,
  average: (house: number, population: number) =>
    `Bình quân ${vn(population / house, 2)} người DTTS/01 đại biểu; số theo tỷ lệ của mỗi đơn vị = dân số DTTS × ${vn(house)} ÷ ${vn(population)}.`,
  // Hamilton
  boundsFixed: (kind: 'min' | 'max', list: readonly { name: string; share: string; seats: number }[]) =>
    `${kind === 'min' ? 'Đơn vị có phần theo tỷ lệ thấp hơn mức tối thiểu được tính bằng mức tối thiểu' : 'Đơn vị có phần theo tỷ lệ vượt mức tối đa được tính bằng mức tối đa'}: ${names(
      list.map((u) => `${u.name} (${u.share} → ${vn(u.seats)})`),
    )}.`,
  shareRest: (rest: number, units: number, population: number) =>
    `${seatsOf(rest)} còn lại chia theo tỷ lệ dân số DTTS cho ${vn(units)} đơn vị còn lại (bình quân ${vn(population / rest, 2)} người DTTS/01 đại biểu): phần được chia = dân số DTTS × ${vn(rest)} ÷ ${vn(population)}.`,
  wholeParts: (sum: number) => `Phần nguyên cộng lại được ${seatsOf(sum)}.`,
  remainders: (list: readonly { name: string; remainder: string }[]) =>
    list.length === 1
      ? `1 đại biểu còn lại cấp cho đơn vị có số dư lớn nhất: ${list[0]?.name} (${list[0]?.remainder}).`
      : `${seatsOf(list.length)} còn lại cấp lần lượt cho ${vn(list.length)} đơn vị có số dư lớn nhất: ${names(
          list.map((u) => `${u.name} (${u.remainder})`),
        )}.`,
  noRemainder: 'Không còn đại biểu nào để cấp theo số dư.',
  withoutBounds: (changes: readonly { name: string; seats: number; without: number }[]) =>
    changes.length === 0
      ? 'Nếu không áp dụng mức tối thiểu, tối đa thì kết quả cũng như trên.'
      : `Nếu không áp dụng mức tối thiểu, tối đa: ${names(
          changes.map((c) => `${c.name} ${vn(c.without)} (thay vì ${vn(c.seats)})`),
        )}.`,
  // Divisor methods
  divisor: (method: string, divisor: string, range: string) =>
    `Số chia chung ${divisor} người DTTS/01 đại biểu: lấy dân số DTTS của mỗi đơn vị chia cho số chia chung rồi ${
      ROUNDING[method]?.rule ?? ''
    }${range}.`,
  divisorTie: ' (số chia chung này đúng bằng ngưỡng của đại biểu cuối cùng)',
  divisorFrom: (low: string, adams: boolean) =>
    ` (mọi số chia chung ${adams ? 'từ' : 'lớn hơn'} ${low} trở lên đều cho cùng kết quả)`,
  divisorBetween: (low: string, high: string, adams: boolean) =>
    adams
      ? ` (mọi số chia chung từ ${low} đến dưới ${high} đều cho cùng kết quả)`
      : ` (mọi số chia chung lớn hơn ${low} và không quá ${high} đều cho cùng kết quả)`,
  implicitSeat: 'Phương pháp này bảo đảm mỗi đơn vị có đồng bào DTTS ít nhất 01 đại biểu.',
  raisedToMin: (list: readonly string[]) => `Được nâng lên mức tối thiểu: ${names(list)}.`,
  cappedAtMax: (list: readonly string[]) => `Được tính bằng mức tối đa: ${names(list)}.`,
  ties: (tied: readonly string[], winners: readonly string[]) =>
    `Ngang bằng nhau ở đại biểu cuối cùng giữa ${names(tied)}; theo quy tắc, ${TIE_RULE}: ${
      winners.length ? `đại biểu đó được cấp cho ${names(winners)}` : 'không đơn vị nào được thêm'
    }.`,
  // One unit's reason (the unit's name is shown beside it)
  boundsOnly: (seats: number) => `Mức tối thiểu và tối đa ấn định số đại biểu → ${seatsOf(seats)}.`,
  noPopulation: (seats: number) =>
    seats > 0 ? `Không có dân số DTTS; được mức tối thiểu → ${seatsOf(seats)}.` : 'Không có dân số DTTS → 0 đại biểu.',
  quota: (population: number, house: number, total: number, quota: string) =>
    `${vn(population)} × ${vn(house)} ÷ ${vn(total)} = ${quota}`,
  hamiltonFixed: (kind: 'min' | 'max', quota: string, share: string | null, bound: number, without: number | null) =>
    `số theo tỷ lệ ${quota}${share ? `, khi chia lại là ${share}` : ''} ${kind === 'min' ? 'thấp hơn mức tối thiểu' : 'vượt mức tối đa'} ${vn(bound)} → ${seatsOf(bound)} (mức ${kind === 'min' ? 'tối thiểu' : 'tối đa'})${
      without === null
        ? ''
        : without === bound
          ? `; nếu không áp dụng mức ${kind === 'min' ? 'tối thiểu' : 'tối đa'} thì cũng được ${vn(without)}`
          : `; nếu không áp dụng mức ${kind === 'min' ? 'tối thiểu' : 'tối đa'} thì được ${vn(without)}`
    }.`,
  hamiltonShared: (quota: string, share: string) => `số theo tỷ lệ ${quota}; chia lại: ${share}`,
  hamiltonWhole: (head: string, whole: number, remainder: string, rank: number | null, places: number, tie: string) =>
    remainder === '0'
      ? `${head}; không có số dư → ${seatsOf(whole)}.`
      : rank !== null
        ? `${head}; phần nguyên ${vn(whole)}, số dư ${remainder} ${rank === 1 ? 'lớn nhất' : `lớn thứ ${vn(rank)}`}${tie} nên được thêm 01 → ${seatsOf(whole + 1)}.`
        : places === 0
          ? `${head}; phần nguyên ${vn(whole)} → ${seatsOf(whole)}.`
          : `${head}; phần nguyên ${vn(whole)}, số dư ${remainder} ${places === 1 ? 'không phải số dư lớn nhất' : `không thuộc ${vn(places)} số dư lớn nhất`}${tie} → ${seatsOf(whole)}.`,
  tieWith: (others: readonly string[], total: number, won: boolean) =>
    ` (bằng số dư của ${names(others, total)}; theo quy tắc ngang bằng, ${won ? 'được xếp trước' : 'xếp sau'})`,
  divisorUnit: (
    method: string,
    population: number,
    divisor: string,
    quotient: string,
    rounded: number,
    seats: number,
    clamped: 'min' | 'max' | null,
  ) =>
    `${vn(population)} ÷ ${divisor} = ${quotient}, ${ROUNDING[method]?.short ?? ''} được ${vn(rounded)}${
      clamped === 'min'
        ? `, thấp hơn mức tối thiểu → ${seatsOf(seats)} (mức tối thiểu)`
        : clamped === 'max'
          ? `, vượt mức tối đa → ${seatsOf(seats)} (mức tối đa)`
          : ` → ${seatsOf(seats)}`
    }.`,
  divisorTieUnit: (
    population: number,
    divisor: string,
    quotient: string,
    others: readonly string[],
    total: number,
    won: boolean,
    seats: number,
  ) =>
    `${vn(population)} ÷ ${divisor} = ${quotient}, đúng ngưỡng của đại biểu cuối cùng, ngang bằng với ${names(others, total)}; theo quy tắc ngang bằng, ${
      won ? 'được cấp đại biểu đó' : 'không được cấp đại biểu đó'
    } → ${seatsOf(seats)}.`,
  tieWarning: (name: string, others: readonly string[]) =>
    `Đại biểu cuối cùng của "${name}" được cấp do ngang bằng với ${names(others.map((o) => `"${o}"`))}; theo quy tắc, ${TIE_RULE}.`,
  tieWarningHint:
    'Kiểm tra lại dân số DTTS của các đơn vị này; nếu cần phân định khác, ghi rõ căn cứ và dùng cột Điều chỉnh của trang "Phân bổ".',
  settingsHint: (sheet: string, rows: readonly string[]) =>
    `Sửa ${rows.map((r) => `"${r}"`).join(', ')} trong trang "${sheet}", rồi chạy lại "Phân bổ đại biểu".`,
  unitRowHint: (sheet: string, row: number, cell: string) =>
    `Trong trang "${sheet}", dòng ${row}: nhập Dân số DTTS là số nguyên không âm${cell ? ` (ô ${cell})` : ''} và sửa các ô được đánh dấu lỗi trên dòng đó, rồi chạy lại "Phân bổ đại biểu".`,
  boundsHint: (config: string, units: string, rows: readonly string[]) =>
    `Sửa ${rows.map((r) => `"${r}"`).join(', ')} trong trang "${config}", hoặc cột "Tối thiểu", "Tối đa" của đơn vị trong trang "${units}", rồi chạy lại "Phân bổ đại biểu".`,
  noUnitsHint: (sheet: string, headers: readonly string[]) =>
    `Nhập các đơn vị vào trang "${sheet}", mỗi đơn vị một dòng dưới dòng tiêu đề, ghi đủ các cột ${headers
      .map((h) => `"${h}"`)
      .join(', ')}; rồi chạy lại "Phân bổ đại biểu".`,
  adjusted: (adjustment: number, final: number) =>
    ` Điều chỉnh ${adjustment > 0 ? '+' : ''}${vn(adjustment)}: số chính thức ${vn(final)}.`,
} as const;

/** A count in a message, with the Vietnamese thousands separator (1.234). */
const n = (x: number) => formatVnNumber(x);

/** "năm Đại hội (2024)" or, when the congress year is not set, "năm nay (2026)". */
const countedYear = (year: number, congressYear: boolean) => `${congressYear ? 'năm Đại hội' : 'năm nay'} (${year})`;

/** "18–100", "từ 18 tuổi trở lên", "không quá 100 tuổi": the age bounds an officer set in `Cấu hình`. */
const ageRange = (min: number | null, max: number | null) =>
  min !== null && max !== null ? `${min}–${max}` : min !== null ? `từ ${min} tuổi trở lên` : `không quá ${max} tuổi`;

/** Messages of the validation rules on delegates, their structure and the official figures. */
export const CHECK_MESSAGES = {
  /** The official-total row of Cấu hình deleted: no figure may be taken from the template's default. */
  officialTotalRowMissing: (label: string, sheet: string) =>
    `${label}: trang "${sheet}" không có dòng này, nên chưa có tổng số đại biểu chính thức của tỉnh.`,
  officialTotalRowMissingHint: (label: string) =>
    `Thêm dòng "${label}" với số đại biểu chính thức được giao, hoặc chạy "Thiết lập bảng tính" để thêm lại dòng này.`,
  /** A birth year no delegate can have. */
  birthYearAfter: (birthYear: number, year: number, congressYear: boolean) =>
    birthYear === year
      ? `Năm sinh ${birthYear} không hợp lệ: trùng ${countedYear(year, congressYear)}, đại biểu chưa đủ 1 tuổi.`
      : `Năm sinh ${birthYear} không hợp lệ: sau ${countedYear(year, congressYear)}.`,
  birthYearBefore: (birthYear: number, first: number) => `Năm sinh ${birthYear} không hợp lệ: trước năm ${first}.`,
  birthYearHint: 'Kiểm tra lại năm sinh (ghi đủ 4 chữ số, ví dụ 1985).',
  /** A day typed into a cell formatted as a number: the cell shows the day's serial number (32874). */
  yearIsDaySerial: (typed: string, shown: string, year: number) =>
    `"${typed}" không phải là năm: ô định dạng số đang hiện số của ngày ${shown}; hãy ghi năm sinh gồm 4 chữ số (ví dụ ${year})`,
  yearInDateCell: (shown: string, year: number) =>
    `ô định dạng ngày tháng hiện ${shown}, được hiểu là năm ${year}; nên định dạng cột này là số (Định dạng > Số > Số)`,
  congressYearOutside: (typed: string, first: number, last: number) =>
    `"${typed}" không phải là năm tổ chức Đại hội (ghi đủ 4 chữ số, từ ${first} đến ${last}, ví dụ 2024)`,
  /** "Năm sinh 2015: đến năm 2024 mới 9 tuổi, ngoài độ tuổi quy định 18–100." */
  ageOutside: (birthYear: number, year: number, age: number, min: number | null, max: number | null) =>
    `Năm sinh ${birthYear}: đến năm ${year} ${min !== null && age < min ? 'mới' : 'đã'} ${age} tuổi, ngoài độ tuổi quy định ${ageRange(min, max)}.`,
  ageOutsideHint:
    'Kiểm tra lại năm sinh; nếu đúng, đại biểu vẫn được tính (độ tuổi quy định ở "Tuổi tối thiểu/tối đa của đại biểu" trong trang Cấu hình).',
  ageBoundsReversed: (min: number, max: number) =>
    `Tuổi tối thiểu (${min}) lớn hơn tuổi tối đa (${max}) của đại biểu: mọi năm sinh đều ngoài độ tuổi quy định.`,
  ageBoundsReversedHint: 'Sửa lại hai dòng "Tuổi tối thiểu của đại biểu" và "Tuổi tối đa của đại biểu".',
  duplicateSameYear: (name: string, birthYear: number, row: number) =>
    `"${name}" (sinh ${birthYear}) có thể trùng với dòng ${row}.`,
  duplicateOtherUnit: (name: string, row: number) =>
    `"${name}" có tên trùng với đại biểu ở dòng ${row} thuộc đơn vị khác.`,
  duplicateHint: 'Kiểm tra xem đây có phải là một người được khai hai lần không.',
  groupUnrepresented: (group: string, people: number, units: readonly string[]) =>
    `Dân tộc ${group} (${n(people)} người, ở ${units.join(', ')}) chưa có đại biểu chính thức.`,
  groupUnrepresentedHint: 'Mỗi dân tộc thiểu số sinh sống trên địa bàn phải có ít nhất một đại biểu.',
  /** "dưới mức tối thiểu 30%." */
  shareOutside: (min: boolean, limit: string) => `${min ? 'dưới mức tối thiểu' : 'trên mức tối đa'} ${limit}.`,
  shareProvince: (label: string, share: string, yes: number, known: number, outside: string) =>
    `Tỷ lệ ${label} toàn tỉnh là ${share} (${n(yes)}/${n(known)}), ${outside}`,
  shareProvinceHint: 'Điều chỉnh cơ cấu đại biểu trong trang Đại biểu.',
  shareUnit: (unit: string, label: string, share: string, yes: number, known: number, outside: string) =>
    `"${unit}": tỷ lệ ${label} là ${share} (${n(yes)}/${n(known)}), ${outside}`,
  shareUnitHint: 'Điều chỉnh cơ cấu đại biểu của đơn vị.',
  delegateCount: (name: string, registered: number, short: boolean, difference: number, final: number) =>
    `"${name}" đã đăng ký ${n(registered)} đại biểu chính thức, ${short ? 'thiếu' : 'thừa'} ${n(difference)} so với ${n(final)} được phân bổ.`,
  delegateCountShortHint: 'Bổ sung đại biểu vào trang Đại biểu.',
  delegateCountOverHint: 'Rà soát, bớt đại biểu hoặc chuyển thành khách mời.',
  provincialSeats: (count: number, label: string, short: boolean, difference: number, seats: number) =>
    `Đã đăng ký ${n(count)} ${label}, ${short ? 'thiếu' : 'thừa'} ${n(difference)} so với ${n(seats)} theo trang Cấu hình.`,
  provincialSeatsHint: (label: string) => `Trong trang Đại biểu, ghi "Cấp tỉnh" ở cột Mã đơn vị cho ${label}.`,
  /** "Có 8 khách mời, vượt mức tối đa 6 (1/3 số đại biểu chính thức là 20)." */
  guestsAboveShare: (guests: number, allowed: number, share: string, officials: number) =>
    `Có ${n(guests)} khách mời, vượt mức tối đa ${n(allowed)} (${share} số đại biểu chính thức là ${n(officials)}).`,
  guestsAboveShareHint: 'Giảm số khách mời hoặc sửa "Tỷ lệ khách mời tối đa".',
  guestsAboveShareUnit: (unit: string, guests: number, allowed: number, share: string, officials: number) =>
    `"${unit}" có ${n(guests)} khách mời, vượt mức tối đa ${n(allowed)} (${share} số đại biểu chính thức của đơn vị là ${n(officials)}).`,
  guestsAboveShareUnitHint: 'Giảm số khách mời của đơn vị.',
  officialMissing: (unit: string, seats: number, adjustment: number, expected: number) =>
    `Số chính thức của ${unit} đang trống, trong khi Số phân bổ ${n(seats)} + Điều chỉnh ${n(adjustment)} = ${n(expected)}.`,
  officialMissingHint: 'Chạy lại "Phân bổ đại biểu" để ghi lại cột Số chính thức.',
  officialMismatch: (unit: string, final: number, seats: number, adjustment: number, expected: number) =>
    `Số chính thức của ${unit} là ${n(final)}, khác Số phân bổ ${n(seats)} + Điều chỉnh ${n(adjustment)} = ${n(expected)}.`,
  officialMismatchHint: 'Không gõ đè cột Số chính thức: sửa cột Điều chỉnh rồi chạy lại "Phân bổ đại biểu".',
  officialNegative: (unit: string, figure: number) =>
    `Số chính thức của ${unit} là ${n(figure)}: số đại biểu không thể âm.`,
  officialNegativeHint: 'Sửa cột Điều chỉnh để Số phân bổ + Điều chỉnh không nhỏ hơn 0.',
  /** The fixed seats clause is left out when there are none. */
  officialTotalMismatch: (sheet: string, sum: number, fixedSeats: number, officialTotal: number) =>
    `Tổng Số chính thức trong trang "${sheet}" là ${n(sum)}${
      fixedSeats ? `, cộng ${n(fixedSeats)} đại biểu cơ quan cấp tỉnh và đương nhiên là ${n(sum + fixedSeats)}` : ''
    }, khác tổng số đại biểu chính thức đã cấu hình (${n(officialTotal)}).`,
  officialTotalMismatchHint: 'Các số Điều chỉnh phải có tổng bằng 0; không gõ đè cột Số chính thức.',
  /** An ethnic group typed without its diacritics, recognised. */
  ethnicUnaccented: (typed: string, group: string) => `"${typed}" được hiểu là dân tộc ${group} (ghi không dấu)`,
  /** Share rules: what is counted. */
  shareLabels: {
    minWomenShare: 'nữ',
    minYouthShare: 'đại biểu trẻ',
    minPrestigeShare: 'người có uy tín',
    maxKinhShare: 'người Kinh',
  },
  provincialAgencies: 'đại biểu cơ quan cấp tỉnh',
  exOfficio: 'đại biểu đương nhiên',
  // Profile of the delegates (src/domain/checks/profile.ts).
  /** What a delegate lacks when a profile column is blank ("Thiếu trình độ chuyên môn."), by column key. */
  profileNouns: {
    birthDate: 'ngày sinh',
    education: 'trình độ chuyên môn',
    politicalTheory: 'trình độ lý luận chính trị',
    partyMember: 'thông tin đảng viên',
    youthMember: 'thông tin đoàn viên',
    awards: 'thông tin khen thưởng',
    phone: 'số điện thoại',
    gender: 'giới tính',
    birthYear: 'năm sinh',
    category: 'thành phần',
    position: 'chức vụ, nơi công tác',
    index: 'số thứ tự',
    note: 'ghi chú',
  } as Record<string, string>,
  requiredFieldsUnknown: (names: readonly string[], sheet: string, examples: readonly string[]) =>
    `${names.map((x) => `"${x}"`).join(', ')} không phải là cột của trang "${sheet}" (ví dụ các cột có thể ghi: ${examples.join(', ')})`,
  profileMissing: (noun: string) => `Thiếu ${noun}.`,
  profileMissingHint: (header: string) =>
    `Cột "${header}" là thông tin bắt buộc (Cấu hình: "Thông tin bắt buộc của đại biểu"); nếu không có, ghi "Không".`,
  /** "Xã Ea Tân: 4 đại biểu thiếu trình độ chuyên môn." */
  profileMissingUnit: (unit: string, count: number, noun: string) => `${unit}: ${n(count)} đại biểu thiếu ${noun}.`,
  profileMissingUnitHint: (sheet: string) =>
    `Đề nghị đơn vị bổ sung; các ô còn trống được đánh dấu trong trang "${sheet}".`,
  profileColumnEmpty: (header: string, count: number) =>
    `Cột "${header}" là thông tin bắt buộc nhưng chưa đại biểu nào có (${n(count)} ô còn trống).`,
  profileColumnEmptyHint:
    'Nhập thông tin này cho các đại biểu, hoặc bỏ tên cột khỏi "Thông tin bắt buộc của đại biểu" trong Cấu hình.',
  /** A required column blank for too many delegates to mark each cell (validateAll's budget). */
  profileColumnIncomplete: (header: string, missing: number, total: number, units: number) =>
    `Cột "${header}" là thông tin bắt buộc nhưng còn trống ở ${n(missing)} trên ${n(total)} đại biểu (${n(units)} đơn vị); quá nhiều để đánh dấu từng ô.`,
  profileColumnIncompleteHint: (header: string) =>
    `Lọc cột "${header}" theo ô trống (Dữ liệu > Tạo bộ lọc) để xem các đại biểu còn thiếu và đề nghị đơn vị bổ sung, hoặc bỏ tên cột khỏi "Thông tin bắt buộc của đại biểu" trong Cấu hình.`,
  profileMissingUnitUnmarkedHint: 'Đề nghị đơn vị bổ sung.',
  /** Value problems beyond validateAll's budget, counted at the column's header. */
  profileValuesMore: (header: string, count: number) =>
    `Cột "${header}" còn ${n(count)} ô khác có giá trị cần xem lại; quá nhiều để đánh dấu từng ô.`,
  profileValuesMoreHint: (header: string) =>
    `Sửa các ô đã được đánh dấu của cột "${header}" rồi chạy lại Kiểm tra dữ liệu để thấy các ô còn lại.`,
  profileColumnAbsent: (header: string, sheet: string) =>
    `Cột "${header}" là thông tin bắt buộc nhưng trang "${sheet}" chưa có cột này.`,
  profileColumnAbsentHint: (header: string) =>
    `Chạy "Thiết lập bảng tính" để thêm cột "${header}", hoặc bỏ tên cột khỏi "Thông tin bắt buộc của đại biểu".`,
  phoneLetters: (typed: string) => `Điện thoại "${typed}" có chữ cái, không phải là số điện thoại.`,
  phoneDigits: (typed: string) => `Điện thoại "${typed}" không đúng số chữ số của một số điện thoại (9 đến 12 chữ số).`,
  phoneHint: 'Ghi số điện thoại bằng chữ số, ví dụ 0912 345 678; nhiều số cách nhau bởi dấu ";".',
  phoneAsNumberPlus: (shown: string) => `Điện thoại ${shown} đã bị bảng tính đổi thành số nên mất dấu + ở đầu.`,
  phoneNoZero: (typed: string) =>
    `Điện thoại "${typed}" thiếu số 0 ở đầu (số điện thoại trong nước bắt đầu bằng 0, hoặc +84).`,
  phoneAsNumber: (shown: string) => `Điện thoại ${shown} đã bị bảng tính đổi thành số nên mất số 0 ở đầu.`,
  phoneAsNumberHint:
    'Định dạng cột là văn bản thuần (Định dạng > Số > Văn bản thuần) rồi nhập lại số, ví dụ 0912 345 678.',
  birthDateInvalid: (typed: string, reason: string) => `Ngày sinh "${typed}" không hợp lệ: ${reason}.`,
  birthDateFuture: (date: string) => `Ngày sinh ${date} ở sau ngày hôm nay.`,
  birthDateYearMismatch: (date: string, birthYear: number) =>
    `Ngày sinh ${date} không khớp với năm sinh ${birthYear} ở cột "Năm sinh".`,
  birthDateHint: 'Ghi ngày sinh dạng dd/mm/yyyy, khớp với cột "Năm sinh".',
  membershipUnknown: (header: string, typed: string) =>
    `${header}: không hiểu "${typed}" (ghi Có, x hoặc ngày vào; Không hoặc để trống nếu không phải).`,
  profileErrorValue: (cell: string, header: string, error: string) => `Ô ${cell} (${header}) có giá trị lỗi ${error}.`,
  profileErrorValueHint: 'Sửa công thức hoặc nhập lại giá trị.',
  membershipHint: (header: string) => `Chọn Có hoặc Không trong danh sách thả xuống của cột "${header}".`,
} as const;

/** Messages of the roster rules (tasks, members, bodies, progress); a task rule's text follows the task's name. */
export const ROSTER_MESSAGES = {
  /** "Nhiệm vụ dòng 5 (Xây dựng dự thảo Chỉ thị…)": the task's name, cut at a word. */
  taskName: (row: number, content: string) => `Nhiệm vụ dòng ${row}${content ? ` (${content})` : ''}`,
  taskNoLead: 'chưa có đơn vị chủ trì.',
  taskNoLeadHint: 'Ghi cơ quan chủ trì vào cột "Chủ trì".',
  taskNoDeadline: 'chưa có hạn hoàn thành.',
  taskNoDeadlineHint: 'Ghi hạn hoàn thành (ngày/tháng/năm), ví dụ 15/01/2024.',
  taskOverdue: (days: number, deadline: string, lead: string) =>
    `đã quá hạn ${n(days)} ngày (hạn ${deadline}${lead ? `, chủ trì: ${lead}` : ''}).`,
  taskOverdueHint: 'Đôn đốc đơn vị chủ trì; nếu đã xong, ghi "Hoàn thành" và ngày hoàn thành.',
  taskDueSoon: (left: number, deadline: string) =>
    `${left === 0 ? 'đến hạn hôm nay' : `còn ${n(left)} ngày đến hạn`} (${deadline}).`,
  taskDueSoonHint: 'Nhắc đơn vị chủ trì hoàn thành đúng hạn.',
  taskDoneBeforeMeeting: (doneOn: string, meeting: string, date: string) =>
    `có ngày hoàn thành ${doneOn}, trước ngày cuộc họp ${meeting} giao nhiệm vụ (${date}).`,
  taskDoneBeforeMeetingHint: 'Kiểm tra lại ngày hoàn thành hoặc mã cuộc họp.',
  taskDoneWithoutDate: (task: string) => `${task} đã "Hoàn thành" nhưng chưa có ngày hoàn thành.`,
  taskDoneWithoutDateHint: 'Ghi ngày hoàn thành (ngày/tháng/năm).',
  taskDateWithoutDone: (task: string, doneOn: string) =>
    `${task} có ngày hoàn thành ${doneOn} nhưng trạng thái chưa là "Hoàn thành".`,
  taskDateWithoutDoneHint: 'Sửa trạng thái thành "Hoàn thành", hoặc xóa ngày hoàn thành nếu chưa xong.',
  taskMeetingUnknown: (meeting: string, sheet: string) => `ghi cuộc họp "${meeting}", không có trong trang "${sheet}".`,
  taskMeetingUnknownHint: 'Chọn mã cuộc họp trong danh sách, hoặc thêm cuộc họp vào trang Cuộc họp.',
  memberUnitUnknown: (name: string | null, row: number, item: string, sheet: string) =>
    `Thành viên ${name ?? `dòng ${row}`} phụ trách "${item}", không có trong trang "${sheet}".`,
  memberUnitUnknownHint: 'Ghi mã hoặc tên đơn vị đúng như trang Đơn vị, cách nhau bởi dấu phẩy.',
  unitUnsupervisedHint: (sheet: string) =>
    `Phân công thành viên phụ trách trong cột "Đơn vị phụ trách" của trang "${sheet}".`,
  /** Many units at once: the count and the first names. */
  unitsUnsupervised: (count: number, word: string, names: readonly string[]) =>
    `${n(count)} ${word} chưa có thành viên phụ trách: ${names.join(', ')}…`,
  unitUnsupervised: (word: string, unit: string) => `Chưa có thành viên nào phụ trách ${word} ${unit}.`,
  bodyWithoutHead: (body: string, members: number) => `${body} có ${n(members)} thành viên nhưng chưa có Trưởng ban.`,
  bodyWithoutHeadHint: 'Ghi "Trưởng ban" (hoặc "Trưởng tiểu ban") ở cột "Vai trò" của người đứng đầu.',
  milestones: { steeringCommittee: 'thành lập Ban Chỉ đạo', plan: 'ban hành Kế hoạch', congressDate: 'Đại hội' },
  milestonesOutOfOrder: (unit: string, what: string, date: string, before: string, beforeDate: string) =>
    `${unit}: ngày ${what} (${date}) trước ngày ${before} (${beforeDate}).`,
  milestonesOutOfOrderHint: 'Thứ tự đúng: thành lập Ban Chỉ đạo → ban hành Kế hoạch → Đại hội. Kiểm tra lại các ngày.',
  congressAfterDeadline: (unit: string, date: string, deadline: string) =>
    `${unit} tổ chức Đại hội ngày ${date}, sau hạn ${deadline} của tỉnh.`,
  congressAfterDeadlineHint:
    'Đề nghị đơn vị tổ chức Đại hội trước hạn, hoặc sửa "Hạn tổ chức Đại hội cấp cơ sở" trong Cấu hình.',
  progressDuplicate: (unit: string, row: number) => `${unit} có nhiều dòng tiến độ (trùng với dòng ${row}).`,
  progressDuplicateHint: 'Mỗi đơn vị chỉ nên có một dòng trong trang Tiến độ.',
  /** The milestones of `Tiến độ`: a label (the sidebar) and a phrase (sentences, the notices). */
  progressMilestones: {
    steering: { label: 'Thành lập Ban Chỉ đạo', phrase: 'thành lập Ban Chỉ đạo' },
    plan: { label: 'Ban hành Kế hoạch', phrase: 'ban hành Kế hoạch tổ chức Đại hội' },
    congress: { label: 'Tổ chức Đại hội', phrase: 'tổ chức Đại hội' },
  },
  /** "3/11 huyện, thành phố đã thành lập Ban Chỉ đạo". */
  progressReached: (reached: number, total: number, word: string, phrase: string) =>
    `${n(reached)}/${n(total)} ${word} đã ${phrase}`,
  progressNoUnits: (word: string) => `Chưa có ${word} nào trong trang "Đơn vị"`,
  progressReportNone: (word: string, anyUnits: boolean) =>
    `Đến nay, chưa có ${word} nào ${anyUnits ? 'thành lập Ban Chỉ đạo' : 'được khai báo'}.`,
  progressReport: (clauses: readonly string[]) => `Đến nay, ${clauses.join('; ')}.`,
  /** "a và b", "a, b và c". */
  andList: (first: readonly string[], last: string) => `${first.join(', ')} và ${last}`,
} as const;

/**
 * What Google Docs does not let the add-in lay out (README, "Layout of the documents"): neither
 * DocumentApp nor the Docs API inserts a page number; keeping the signature block with the last
 * paragraph needs the Docs advanced service, which a deployment may not enable. Said after a Doc is made.
 */
export const DOCUMENT_LAYOUT = {
  pageNumbers:
    'Lưu ý khi in: Google Docs không cho tiện ích tự đánh số trang. Nếu văn bản dài hơn một trang, vào ' +
    'Chèn > Số trang > Tùy chọn khác, chọn Đầu trang, bỏ chọn "Hiển thị trên trang đầu tiên" rồi căn giữa số trang.',
  keepTogether: 'Kiểm tra khối "Nơi nhận" và chữ ký không bị tách khỏi đoạn cuối sang trang sau.',
  /** The note after a Doc made with the add-in's layout. */
  googleDocsNote: (keptTogether: boolean): string =>
    keptTogether ? DOCUMENT_LAYOUT.pageNumbers : `${DOCUMENT_LAYOUT.pageNumbers} ${DOCUMENT_LAYOUT.keepTogether}`,
};

/** "So sánh phương pháp": the six apportionment methods side by side (nothing is written). */
export const COMPARE_MESSAGES = {
  blocked: (errors: readonly { sheet: string; cell: string; message: string }[]) => {
    const shown = errors.slice(0, 5).map((e, i) => {
      const where = `trang "${e.sheet}"${e.cell ? `, ô ${e.cell}` : ''}`;
      return `${errors.length > 1 ? `(${i + 1}) ` : ''}${where}: ${e.message.replace(/\.$/, '')}`;
    });
    const more = errors.length > 5 ? `; và ${errors.length - 5} lỗi khác` : '';
    return `Chưa so sánh được các phương pháp: có ${errors.length} lỗi cần sửa trước: ${shown.join('; ')}${more}.`;
  },
  done: (units: number, house: number) =>
    `Đã tính theo 6 phương pháp cho ${units} đơn vị, ${house} đại biểu được phân bổ theo tỷ lệ. Bảng tính không bị thay đổi.`,
};

/** The composition of the congress (compositionSummary). */
export const COMPOSITION_LABELS = {
  provincial: 'Cấp tỉnh',
  unitUnknown: 'Chưa rõ đơn vị',
  /** "Dưới 30 tuổi", "Từ 30 đến 45 tuổi", "Từ 61 tuổi trở lên". */
  ageBand: (from: number | null, to: number | null): string =>
    from === null
      ? `Dưới ${to === null ? 0 : to + 1} tuổi`
      : to === null
        ? `Từ ${from} tuổi trở lên`
        : `Từ ${from} đến ${to} tuổi`,
  noDelegateSheet: 'Chưa có trang "Đại biểu": chạy "Thiết lập bảng tính" rồi nhập danh sách đại biểu.',
  noYear: 'Chưa nhập "Năm" trong trang "Cấu hình": chưa tính được tuổi và nhóm tuổi của đại biểu.',
  badAgeBands: (text: string, cell: string) =>
    `Ô ${cell} của trang "Cấu hình": "Mốc nhóm tuổi" là "${text}", không phải các số tuổi tăng dần cách nhau bởi dấu phẩy (ví dụ 30, 46, 61); đang dùng các nhóm mặc định.`,
  summary: (total: number, groups: number) =>
    `Có ${n(total)} đại biểu chính thức (kể cả đại biểu đương nhiên), thuộc ${n(groups)} dân tộc.`,
} as const;

/** Sub-unit intake (issue 15): the forms sent to the units and the lists they return. */
export const INTAKE_MESSAGES = {
  /** "Dòng 7: …" (the row of the submitted file). */
  row: (row: number, text: string) => `Dòng ${row}: ${text}`,
  unknownUnit: (unit: string) =>
    `Không có đơn vị "${unit}" trong trang "Đơn vị"; hãy chọn đơn vị trong danh sách (theo mã hoặc tên).`,
  noUnits: 'Trang "Đơn vị" chưa có đơn vị nào: hãy khai báo các đơn vị trước khi gửi mẫu danh sách.',
  noDelegateSheet: 'Chưa có trang "Đại biểu": chạy "Thiết lập bảng tính" trước khi nhận danh sách.',
  delegateSheetNoHeader:
    'Trang "Đại biểu" không có dòng tiêu đề với cột "Họ và tên" và "Mã đơn vị": chạy "Thiết lập bảng tính" trước khi nhận danh sách.',
  emptyFile: 'Tệp không có dữ liệu (trống): hãy chọn đúng tệp danh sách đơn vị gửi về.',
  noHeader:
    'Không tìm thấy dòng tiêu đề của danh sách trong 10 dòng đầu của tệp (cần ít nhất cột "Họ và tên"); hãy dùng mẫu danh sách đã gửi cho đơn vị.',
  headerOnly: (row: number) =>
    `Tệp chỉ có dòng tiêu đề (dòng ${row}), chưa có đại biểu nào ở các dòng dưới; hãy kiểm tra lại tệp đơn vị gửi về.`,
  noRowForUnit: (unit: string) =>
    `Tệp không có dòng đại biểu nào của ${unit}: không có gì để nhận (các dòng của đơn vị khác không được nhận).`,
  unrecognisedColumn: (header: string) =>
    `Cột "${header}" không có trong mẫu danh sách, nội dung cột này không được nhận.`,
  missingColumn: (header: string) => `Tệp không có cột "${header}": các đại biểu được nhận với ô "${header}" để trống.`,
  duplicateColumn: (header: string, used: string) => `Cột "${header}" xuất hiện nhiều lần; chỉ lấy cột ${used}.`,
  otherUnit: (name: string, unit: string, chosen: string) =>
    `đại biểu "${name}" ghi đơn vị "${unit}", không phải ${chosen}; dòng này không được nhận.`,
  missingName: 'thiếu "Họ và tên"; dòng này không được nhận.',
  tooLong: (header: string, length: number, max: number) =>
    `ô "${header}" dài ${formatVnNumber(length)} ký tự (tối đa ${formatVnNumber(max)}); dòng này không được nhận.`,
  missingValue: (header: string) => `thiếu "${header}".`,
  /** "Năm sinh: "19x5" không phải là năm hợp lệ; giữ nguyên như tệp ghi." */
  keptAsTyped: (header: string, detail: string) => `${header}: ${detail}; giữ nguyên như tệp ghi.`,
  doubtful: (header: string, detail: string) => `${header}: ${detail}.`,
  duplicateRow: (row: number) => `trùng họ tên và năm sinh với dòng ${row}.`,
  signatureBlock: 'phần ký tên cuối danh sách bắt đầu từ dòng này; các dòng từ đây trở xuống không được nhận.',
  /** Replace. */
  stale: 'Dữ liệu đã thay đổi kể từ khi xem trước (trang "Đại biểu" hoặc tệp): hãy xem trước lại rồi xác nhận.',
  blocked: 'Không nhận được danh sách này:',
  notOwnSheet: (name: string, header: string) =>
    `Trang "${name}" hiện có không phải của tiện ích (dòng 1 không phải tiêu đề mẫu: ${header}): hãy sửa lại dòng tiêu đề, hoặc đổi tên trang đó, rồi nhận lại danh sách; chưa có gì thay đổi.`,
  mergedCells: (sheet: string, cells: string, unit: string) =>
    `Trang "${sheet}" có ô gộp ở ${cells}, trong các dòng của ${unit}: hãy hủy gộp các ô đó (Định dạng > Gộp ô > Hủy gộp) rồi nhận lại danh sách; chưa có gì thay đổi.`,
  writeWhat: 'trang "Đại biểu"',
  /** Summaries. */
  previewSummary: (unit: string, rows: number, added: number, removed: number, changed: number, unchanged: number) =>
    `Tệp có ${formatVnNumber(rows)} đại biểu của ${unit}: ${formatVnNumber(added)} thêm mới, ${formatVnNumber(changed)} thay đổi, ${formatVnNumber(unchanged)} giữ nguyên, ${formatVnNumber(removed)} bị bỏ khỏi danh sách. Chưa ghi gì vào bảng tính.`,
  replaced: (unit: string, rows: number, removed: number, sheet: string) =>
    `Đã nhận danh sách của ${unit}: ${formatVnNumber(rows)} đại biểu trong trang "${sheet}"${removed ? `, bỏ ${formatVnNumber(removed)} dòng cũ không còn trong danh sách` : ''}; đã ghi vào trang "Tiếp nhận danh sách".`,
  withProblems: (errors: number, warnings: number) =>
    errors || warnings
      ? ` Có ${[errors ? `${formatVnNumber(errors)} lỗi` : '', warnings ? `${formatVnNumber(warnings)} cảnh báo` : ''].filter(Boolean).join(' và ')}.`
      : '',
  /** Forms. */
  formInstructions: (unit: string, deadline: string) => [
    `Đơn vị ${unit} ghi mỗi đại biểu trên một dòng, bắt đầu từ dòng dưới tiêu đề; không đổi tên cột, không thêm dòng tiêu đề.`,
    'Cột có dấu * là bắt buộc. Dân tộc, Giới tính, Loại đại biểu: chọn trong danh sách thả xuống.',
    'Năm sinh ghi đủ 4 chữ số (ví dụ 1985); ngày tháng ghi theo dạng ngày/tháng/năm (ví dụ 12/01/1985).',
    'Số điện thoại, số giấy tờ ghi như văn bản (giữ số 0 ở đầu).',
    deadline
      ? `Gửi tệp này về Ban Chỉ đạo trước ngày ${deadline}, giữ nguyên định dạng .xlsx.`
      : 'Gửi tệp này về Ban Chỉ đạo, giữ nguyên định dạng .xlsx.',
  ],
  formsFor: (count: number) => `Đã chuẩn bị ${formatVnNumber(count)} mẫu danh sách.`,
  fileNamePrefix: 'Danh sách đại biểu',
  /** Who has sent. */
  sentLabel: 'Gửi danh sách đại biểu',
  sentPhrase: 'gửi danh sách đại biểu',
  sentHint:
    'Đơn vị được tính là đã gửi khi trang "Tiếp nhận danh sách" có ghi nhận danh sách của đơn vị (sau khi "Nhận danh sách" và xác nhận).',
  lateSentence: (late: number, word: string, deadline: string) =>
    `${formatVnNumber(late)} ${word} chưa gửi danh sách đại biểu, đã quá hạn ${deadline}`,
  lateWarning: (unit: string, deadline: string) =>
    `${unit} chưa gửi danh sách đại biểu, đã quá hạn ${deadline} (Hạn gửi danh sách đại biểu).`,
  lateSuggestion: 'Đôn đốc đơn vị gửi danh sách; khi nhận được, dùng "Nhận danh sách" để ghi vào trang "Đại biểu".',
} as const;

/** The `Thống kê` sheet written by writeStatistics (titles, headers, chart titles, messages). */
export const STATISTICS_LABELS = {
  sheetName: 'Thống kê',
  menuItem: 'Cập nhật trang Thống kê',
  title: 'THỐNG KÊ CƠ CẤU ĐẠI BIỂU',
  subtitle: (year: number | null, when: string) =>
    `Số liệu tính trên đại biểu chính thức và đại biểu đương nhiên${year === null ? '' : `; tuổi tính theo năm ${year}`}; cập nhật lúc ${when}; tỷ lệ làm tròn như trong báo cáo cơ cấu đại biểu. Trang này do tiện ích ghi lại toàn bộ mỗi lần cập nhật: không nhập số liệu vào đây.`,
  section: (index: number, title: string) => `${index}. ${title}`,
  totals: 'Tổng số đại biểu',
  byEthnic: 'Theo dân tộc',
  women: 'Đại biểu nữ',
  ageBands: 'Theo nhóm tuổi',
  byCategory: 'Theo thành phần',
  party: 'Đảng viên',
  oldestYoungest: 'Đại biểu cao tuổi nhất và trẻ tuổi nhất',
  byUnit: 'Theo đơn vị',
  groupsWithout: 'Dân tộc có đồng bào sinh sống nhưng chưa có đại biểu',
  seats: 'Số đại biểu phân bổ theo đơn vị',
  headers: {
    item: 'Chỉ tiêu',
    count: 'Số lượng',
    delegates: 'Số đại biểu',
    share: 'Tỷ lệ',
    group: 'Dân tộc',
    band: 'Nhóm tuổi',
    category: 'Thành phần',
    name: 'Họ và tên',
    age: 'Tuổi',
    unit: 'Đơn vị',
    unitCode: 'Mã đơn vị',
    unitName: 'Tên đơn vị',
    women: 'Nữ',
    population: 'Dân số',
    seats: 'Số đại biểu phân bổ',
  },
  rows: {
    counted: 'Đại biểu chính thức và đương nhiên',
    official: 'Trong đó: đại biểu chính thức',
    exOfficio: 'Trong đó: đại biểu đương nhiên',
    guests: 'Khách mời (không tính vào cơ cấu)',
    unclassified: 'Chưa ghi loại đại biểu (không tính)',
    women: 'Đại biểu nữ',
    genderUnknown: 'Chưa ghi giới tính',
    ethnicUnknown: 'Chưa ghi dân tộc',
    ageUnknown: 'Chưa tính được tuổi',
    categoryUnknown: 'Chưa ghi thành phần',
    party: 'Đảng viên',
    oldest: 'Cao tuổi nhất',
    youngest: 'Trẻ tuổi nhất',
    noPerson: 'Chưa tính được (thiếu năm đại hội hoặc năm sinh)',
    morePersons: (more: number) => `và ${n(more)} đại biểu khác cùng tuổi`,
    noGroupWithout: 'Mọi dân tộc có đồng bào sinh sống đều có đại biểu',
    noAllocation: 'Chưa có số đại biểu phân bổ (chạy "Phân bổ đại biểu" trước)',
    noDelegates: 'Chưa có đại biểu',
  },
  charts: {
    seats: 'Số đại biểu phân bổ theo đơn vị',
    byEthnic: 'Đại biểu chính thức theo dân tộc',
    ageBands: 'Đại biểu theo nhóm tuổi',
    axisUnit: 'Đơn vị',
    axisDelegates: 'Số đại biểu',
    axisGroup: 'Dân tộc',
    axisBand: 'Nhóm tuổi',
  },
  what: 'trang "Thống kê"',
  written: (total: number, charts: number, sheet: string) =>
    `Đã cập nhật trang "${sheet}": ${n(total)} đại biểu chính thức (kể cả đương nhiên), ${n(charts)} biểu đồ.`,
  notOurs: (actual: string) =>
    `Bảng tính đã có trang ${actual} không do tiện ích tạo, nên không ghi gì vào trang đó. Hãy đổi tên trang của bạn (ví dụ "Thống kê (của tôi)") rồi chạy lại "Cập nhật trang Thống kê".`,
  noDelegateSheet:
    'Chưa có trang "Đại biểu": chạy "Thiết lập bảng tính" rồi nhập danh sách đại biểu trước khi cập nhật trang "Thống kê".',
  chartOmitted: (title: string, bars: number, table: string) =>
    `Không vẽ biểu đồ "${title}" vì có ${n(bars)} dòng, quá nhiều để đọc được trên một biểu đồ; số liệu có đủ trong bảng "${table}".`,
  changedByHand: (sheet: string, where: string) =>
    `Trang ${sheet} đã được sửa tay sau lần cập nhật trước (${where}). Trang này do tiện ích ghi lại toàn bộ mỗi lần cập nhật, nên chưa ghi gì để phần đã nhập không bị mất. Hãy chép phần cần giữ sang trang khác, rồi xoá trang ${sheet} và chạy lại "Cập nhật trang Thống kê": tiện ích sẽ tạo lại trang với số liệu mới.`,
  protection:
    'Trang do tiện ích Trợ lý Đại hội DTTS ghi lại toàn bộ mỗi lần "Cập nhật trang Thống kê": không nhập số liệu vào đây.',
} as const;

/** Báo cáo cơ cấu, thành phần đại biểu (generateNotice 'bao-cao-co-cau'): the document's text and its refusals. */
export const COMPOSITION_REPORT = {
  what: 'báo cáo cơ cấu đại biểu',
  summaryPrefix: 'Cơ cấu, thành phần đại biểu dự',
  intro:
    'Trên cơ sở danh sách đại biểu dự Đại hội do các đơn vị gửi về và đã được tổng hợp, cơ cấu, thành phần đại biểu dự Đại hội như sau:',
  rounding:
    'Tỷ lệ phần trăm tính trên tổng số đại biểu chính thức (kể cả đại biểu đương nhiên), mỗi tỷ lệ làm tròn đến một chữ số thập phân; ' +
    'do làm tròn, tổng các tỷ lệ trong một bảng có thể không đúng bằng 100%.',
  totalTitle: 'TỔNG SỐ ĐẠI BIỂU',
  totalLine: (total: string, official: string, exOfficio: string) =>
    `Tổng số đại biểu chính thức dự Đại hội: ${total} đại biểu, gồm ${official} đại biểu chính thức và ${exOfficio} đại biểu đương nhiên.`,
  guestsLine: (guests: string) => `Ngoài ra có ${guests} khách mời (không tính trong cơ cấu dưới đây).`,
  ethnicTitle: 'CƠ CẤU THEO DÂN TỘC',
  ethnicLine: (groups: string, top: string, count: string, pct: string) =>
    `Đại biểu thuộc ${groups} dân tộc; dân tộc có nhiều đại biểu nhất là dân tộc ${top} với ${count} đại biểu (${pct}%).`,
  /** Several groups share the most delegates: all are named (their shares are in the table). */
  ethnicLineTied: (groups: string, tops: readonly string[], count: string) =>
    `Đại biểu thuộc ${groups} dân tộc; các dân tộc có nhiều đại biểu nhất là dân tộc ${tops.slice(0, -1).join(', ')} và ${tops.at(-1)}, mỗi dân tộc ${count} đại biểu.`,
  ethnicUnknown: 'Chưa rõ dân tộc',
  genderTitle: 'CƠ CẤU THEO GIỚI TÍNH',
  genderUnknown: 'Chưa rõ giới tính',
  ageTitle: (year: number | null) => `CƠ CẤU THEO ĐỘ TUỔI${year === null ? '' : ` (TÍNH ĐẾN NĂM ${year})`}`,
  ageUnknown: 'Chưa rõ năm sinh',
  oldest: 'Đại biểu cao tuổi nhất',
  youngest: 'Đại biểu trẻ tuổi nhất',
  person: (what: string, p: { name: string; age: number; group: string | null; unit: string }) =>
    `${what}: ${p.name}, ${p.age} tuổi${p.group ? `, dân tộc ${p.group}` : ''}, đơn vị: ${p.unit}.`,
  /** Several delegates of the same (oldest or youngest) age: every one is named, up to `shown`. */
  persons: (
    what: string,
    age: number,
    people: readonly { name: string; group: string | null; unit: string }[],
    more: number,
  ) =>
    `${what}: ${people.length + more} đại biểu cùng ${age} tuổi: ${people
      .map((p) => `${p.name} (${p.group ? `dân tộc ${p.group}, ` : ''}đơn vị: ${p.unit})`)
      .join('; ')}${more > 0 ? ` và ${more} đại biểu khác` : ''}.`,
  categoryTitle: 'CƠ CẤU THEO THÀNH PHẦN',
  categoryUnknown: 'Chưa rõ thành phần',
  partyTitle: 'ĐẢNG VIÊN',
  partyLine: (count: string, pct: string) => `Số đại biểu là đảng viên: ${count} đại biểu (${pct}%).`,
  unitTitle: 'SỐ ĐẠI BIỂU THEO ĐƠN VỊ',
  withoutTitle: 'CÁC DÂN TỘC THIỂU SỐ SINH SỐNG TRÊN ĐỊA BÀN CHƯA CÓ ĐẠI BIỂU',
  withoutLine: (list: string) => `Các dân tộc thiểu số sinh sống trên địa bàn chưa có đại biểu chính thức: ${list}.`,
  everyGroup: 'Tất cả các dân tộc thiểu số sinh sống trên địa bàn đều có đại biểu chính thức dự Đại hội.',
  noLivingData: `Chưa có số liệu dân số theo dân tộc ở trang "Dân tộc theo đơn vị" để xác định các dân tộc chưa có đại biểu.`,
  closing: 'Trên đây là báo cáo cơ cấu, thành phần đại biểu dự Đại hội.',
  blank: (sheet: string, what: string, n: number, cells: readonly string[]) =>
    `Trang "${sheet}" có ${n} đại biểu chính thức chưa ghi ${what}, báo cáo sẽ ghi "chưa rõ": ${cells.slice(0, 6).join('; ')}` +
    `${cells.length > 6 ? ` và ${cells.length - 6} ô khác` : ''}.`,
  implausibleYear: (birthYear: number, year: number) =>
    birthYear >= year
      ? `năm sinh ${birthYear} không trước năm Đại hội ${year}`
      : `năm sinh ${birthYear} trước năm 1900`,
  implausible: (sheet: string, cells: readonly string[]) =>
    `Chưa tạo báo cáo cơ cấu đại biểu vì trang "${sheet}" có năm sinh không hợp lệ, tuổi và nhóm tuổi sẽ sai: ${cells.slice(0, 6).join('; ')}` +
    `${cells.length > 6 ? ` và ${cells.length - 6} ô khác` : ''}. Hãy sửa các ô này rồi tạo lại.`,
  partyUnreadable: (sheet: string, cells: readonly string[]) =>
    `Trang "${sheet}" có ${cells.length} ô "Đảng viên" không ghi rõ có hay không, báo cáo sẽ không tính là đảng viên: ${cells.slice(0, 6).join('; ')}` +
    `${cells.length > 6 ? ` và ${cells.length - 6} ô khác` : ''}.`,
  livingUnreadable: (sheet: string, cells: readonly string[]) =>
    `Chưa tạo báo cáo cơ cấu đại biểu vì trang "${sheet}" có ô không đọc được, chưa xác định được các dân tộc thiểu số sinh sống trên địa bàn chưa có đại biểu: ${cells.slice(0, 6).join('; ')}` +
    `${cells.length > 6 ? ` và ${cells.length - 6} ô khác` : ''}. Hãy sửa các ô này rồi tạo lại.`,
  namelessGuests: (sheet: string, cells: readonly string[]) =>
    `Trang "${sheet}" có ${cells.length} dòng ghi "Khách mời" nhưng chưa có họ và tên, báo cáo không tính vào số khách mời: ${cells.slice(0, 6).join('; ')}` +
    `${cells.length > 6 ? ` và ${cells.length - 6} ô khác` : ''}.`,
  guestDuplicate: (sheet: string, row: number, name: string, birthYear: number, first: number) =>
    `Trang "${sheet}" dòng ${row}: khách mời "${name}" (sinh ${birthYear}) có thể trùng với dòng ${first}, số khách mời sẽ bị tính thừa.`,
  badYear: (sheet: string, cell: string, problem: string) =>
    `Chưa tạo báo cáo cơ cấu đại biểu vì ô ${cell} của trang "${sheet}" ("Năm" tổ chức Đại hội) chưa đọc được: ${problem}`,
  noYear: (sheet: string, cell: string) =>
    `Chưa tạo báo cáo cơ cấu đại biểu vì trang "${sheet}" chưa có "Năm" tổ chức Đại hội${cell ? ` (ô ${cell})` : ''}: cần để tính tuổi của đại biểu.`,
  badAgeBands: (sheet: string, cell: string, text: string) =>
    `Chưa tạo báo cáo cơ cấu đại biểu vì ô ${cell} của trang "${sheet}" ("Mốc nhóm tuổi") là "${text}", không phải các số tuổi tăng dần cách nhau bởi dấu phẩy (ví dụ 30, 46, 61).`,
} as const;

/** The sub-units as `Cấp đơn vị` names them (settings.ts unitWord): "huyện" / "huyện, thành phố". */
export interface UnitWords {
  short: string;
  long: string;
}

/** Each sub-unit's form of choosing delegates and the province's level (eligibility.ts). */
export const ELIGIBILITY_LABELS = {
  congress: 'Đại hội',
  jointConference: 'Hội nghị liên tịch',
  thresholdNote:
    'Đơn vị có từ số người DTTS sinh sống thành cộng đồng này trở lên (theo cột Dân số DTTS của trang Đơn vị) đủ điều kiện tổ chức Đại hội; đơn vị dưới ngưỡng cử đại biểu qua Hội nghị liên tịch. Tỉnh có từ 2 đơn vị đủ điều kiện trở lên thì tổ chức Đại hội hai cấp; có 1 hoặc không có đơn vị nào đủ điều kiện thì tổ chức Đại hội một cấp (chỉ Đại hội cấp tỉnh) và mọi đơn vị cử đại biểu qua Hội nghị liên tịch. Số nguyên từ 0; để trống: 5.000.',
  formColumnHelp:
    'Đại hội hoặc Hội nghị liên tịch: tiện ích ghi khi phân bổ, theo Dân số DTTS và mục "Ngưỡng tổ chức đại hội" của trang Cấu hình.',
  /**
   * "Tỉnh tổ chức Đại hội hai cấp (cấp huyện và cấp tỉnh): 5 huyện, thành phố tổ chức Đại hội cấp huyện; 6
   * huyện, thành phố tổ chức Hội nghị liên tịch cử đại biểu dự Đại hội cấp tỉnh (ngưỡng 5.000 người DTTS)."
   * `words`: the sub-units as `Cấp đơn vị` names them (unitWord: huyện / xã).
   */
  twoLevel: (congress: number, joint: number, threshold: number, words: UnitWords) =>
    `Tỉnh tổ chức Đại hội hai cấp (cấp ${words.short} và cấp tỉnh): ${vn(congress)} ${words.long} tổ chức Đại hội cấp ${words.short}${joint > 0 ? `; ${vn(joint)} ${words.long} tổ chức Hội nghị liên tịch cử đại biểu dự Đại hội cấp tỉnh` : ''} (ngưỡng ${vn(threshold)} người DTTS sinh sống thành cộng đồng).`,
  /**
   * "Tỉnh tổ chức Đại hội một cấp (chỉ Đại hội cấp tỉnh) vì chỉ có 1 huyện, thành phố đủ điều kiện tổ chức
   * Đại hội cấp huyện (ngưỡng 5.000 người DTTS): 11 huyện, thành phố tổ chức Hội nghị liên tịch cử đại biểu dự
   * Đại hội cấp tỉnh."
   */
  oneLevel: (qualifying: number, joint: number, threshold: number, words: UnitWords) =>
    `Tỉnh tổ chức Đại hội một cấp (chỉ Đại hội cấp tỉnh) vì ${qualifying === 0 ? `không có ${words.short} nào` : `chỉ có ${vn(qualifying)} ${words.long}`} đủ điều kiện tổ chức Đại hội cấp ${words.short} (ngưỡng ${vn(threshold)} người DTTS sinh sống thành cộng đồng)${joint > 0 ? `: ${vn(joint)} ${words.long} tổ chức Hội nghị liên tịch cử đại biểu dự Đại hội cấp tỉnh` : ''}.`,
  /** Units whose DTTS population is blank or unreadable, by name (the first few): no form yet. */
  unknown: (names: readonly string[], words: UnitWords) =>
    ` Chưa xác định được hình thức tổ chức của ${vn(names.length)} ${words.long} (${names.slice(0, 5).join(', ')}${names.length > 5 ? `, và ${vn(names.length - 5)} ${words.short} khác` : ''}) vì Dân số DTTS để trống hoặc không hợp lệ.`,
  /** `Ngưỡng tổ chức đại hội` typed wrong: no form is claimed anywhere, and the cell is named. */
  thresholdInvalid: (sheet: string, cell: string, message: string, words: UnitWords) =>
    `Chưa xác định được hình thức tổ chức (Đại hội hoặc Hội nghị liên tịch) của các ${words.long}: ô ${cell} trang "${sheet}" (Ngưỡng tổ chức đại hội) không hợp lệ: ${message.replace(/^Ngưỡng tổ chức đại hội:\s*/, '').replace(/\.$/, '')}.`,
  formColumnNotOwned: (cell: string) =>
    `Cột "Hình thức" (ô ${cell}) là cột riêng của người dùng, không do tiện ích tạo, nên tiện ích không ghi hình thức tổ chức (Đại hội / Hội nghị liên tịch) vào đó; hình thức của từng đơn vị xem ở thanh bên.`,
  formColumnNotOwnedHint:
    'Nếu muốn tiện ích ghi hình thức tổ chức vào trang "Phân bổ": đổi tên cột này (ví dụ "Hình thức riêng"), chạy "Thiết lập bảng tính" để thêm cột "Hình thức" của tiện ích, rồi phân bổ lại.',
  /** Preview: "Hữu Lũng: Đại hội → Hội nghị liên tịch". */
  formChange: (name: string, from: string, to: string) => `${name}: ${from} → ${to}`,
  /** Preview: the forms that would change (the first ten named). */
  formChanges: (changes: readonly string[]) =>
    ` Hình thức tổ chức sẽ thay đổi ở ${vn(changes.length)} đơn vị (${changes.slice(0, 10).join('; ')}${changes.length > 10 ? `; và ${vn(changes.length - 10)} đơn vị khác` : ''}).`,
  /** A cell of the add-in's column typed over by the officer (not one of the two forms): replaced, undo gives it back. */
  formTypedOver: (cell: string, typed: string, form: string) =>
    `Ô ${cell} (Hình thức) đang ghi "${typed.length > 80 ? `${typed.slice(0, 80)}…` : typed}", khác với hai hình thức tiện ích ghi; đã thay bằng "${form}" theo Dân số DTTS và ngưỡng tổ chức đại hội.`,
  formTypedOverHint:
    'Nếu nội dung cũ là quyết định riêng của tỉnh, chọn "Hoàn tác phân bổ" để lấy lại, rồi ghi quyết định đó ở một cột riêng (ví dụ "Hình thức theo quyết định") để tiện ích không ghi đè.',
  formColumnTwice: (used: string, others: readonly string[]) =>
    `Trang "Phân bổ" có ${others.length + 1} cột "Hình thức": tiện ích ghi vào cột ${used}, không ghi vào ${others.join(', ')}.`,
  formColumnTwiceHint: 'Nếu cột còn lại là số liệu riêng, nên đổi tên cho khỏi nhầm; nếu không dùng nữa, có thể xóa.',
  /** Progress: "Đại hội (5): A, B, …" */
  formList: (label: string, count: number, units: string) => `${label} (${vn(count)}): ${units}`,
} as const;
