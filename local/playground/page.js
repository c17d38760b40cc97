/* dtts playground page: renders /api/state (menus, sheet tabs, grid, formula bar, sidebar, toasts,
   alerts) and /api/documents (the Docs made, with previews), and sends menu clicks, tab switches,
   cell selection, typed edits and "Lưu" to the local server. Plain JS, no network access beyond the
   local server. Everything from the workbook is put into the page as text (textContent, title). */
'use strict';

const $ = (id) => document.getElementById(id);
let current = null;
let documents = [];
let shownSidebarVersion = -1;
let shownDialogVersion = -1;
let seenToasts = 0;
let seenAlerts = 0;
/** False until the first state is rendered (its toasts and alerts are history, not news). */
let noticesSeen = false;
/** "sheet!A1" of the active cell at the last render, to scroll when the add-in moves it. */
let shownActive = null;
/** The in-cell editor's target while it is open: { sheet, r, c }. */
let editing = null;
let autoOpened = false;

/**
 * Requests that change or read the runtime's selection and cells run one after the other, so a
 * state read after a click or an edit includes it. Selections still on their way are counted: a
 * state read meanwhile keeps the selection shown here (the user's latest), not the runtime's.
 */
let queue = Promise.resolve();
let pendingSelects = 0;
function inOrder(fn) {
  const next = queue.then(fn, fn);
  queue = next.catch(() => {});
  return next;
}

async function api(path, body) {
  const init =
    body === undefined
      ? {}
      : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const res = await fetch(path, init);
  return res.json();
}

function el(tag, props, children) {
  const node = document.createElement(tag);
  Object.assign(node, props || {});
  for (const child of children || []) node.append(child);
  return node;
}

function columnName(n) {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

/** 0-based row and column → "B3". */
const a1Of = (r, c) => `${columnName(c + 1)}${r + 1}`;

function showMessage(text, options) {
  const box = el('div', { className: `message${options?.error ? ' error' : ''}` });
  if (options?.title) box.append(el('span', { className: 'title', textContent: options.title }));
  box.append(document.createTextNode(text));
  $('messages').append(box);
  setTimeout(() => box.remove(), (options?.seconds ? options.seconds : 5) * 1000);
}

async function runFunction(fn, args) {
  $('status').textContent = `Đang chạy ${fn}…`;
  const res = await inOrder(() => api('/api/run', { fn, args: args || [] }));
  if (!res.ok) showMessage(res.error, { error: true, title: fn });
  await refresh();
}

// ---- menus -----------------------------------------------------------------------------------------

function renderMenuList(entries) {
  const list = el('ul', { className: 'menu-list' });
  for (const entry of entries) {
    if (entry.kind === 'separator') list.append(el('li', { className: 'separator' }));
    else if (entry.kind === 'item') {
      const button = el('button', { type: 'button', className: 'menu-item', textContent: entry.caption });
      button.addEventListener('click', () => {
        closeMenus();
        void runFunction(entry.functionName);
      });
      list.append(el('li', {}, [button]));
    } else {
      const item = el('li', { className: 'submenu' }, [
        el('button', { type: 'button', className: 'menu-item', textContent: `${entry.menu.title} ▸` }),
      ]);
      item.append(renderMenuList(entry.menu.entries));
      list.append(item);
    }
  }
  return list;
}

function closeMenus() {
  for (const m of document.querySelectorAll('.menu.open')) m.classList.remove('open');
  $('docs-button').setAttribute('aria-expanded', 'false');
}

function toggleMenu(wrap, event) {
  event.stopPropagation();
  const open = wrap.classList.contains('open');
  closeMenus();
  if (!open) wrap.classList.add('open');
  return !open;
}

function renderMenus(menus) {
  const bar = $('menubar');
  bar.replaceChildren();
  for (const menu of menus) {
    const wrap = el('div', { className: 'menu' });
    const button = el('button', {
      type: 'button',
      className: 'menu-title',
      textContent: menu.addon ? `Tiện ích mở rộng ▸ ${menu.title}` : menu.title,
    });
    button.addEventListener('click', (e) => toggleMenu(wrap, e));
    wrap.append(button, renderMenuList(menu.entries));
    bar.append(wrap);
  }
}

// ---- documents -------------------------------------------------------------------------------------

function renderDocuments(list) {
  documents = list;
  $('docs-count').textContent = String(list.length);
  const items = list.map((d) => {
    const view = el('button', { type: 'button', className: 'menu-item doc-name', textContent: d.name, title: d.name });
    view.addEventListener('click', () => {
      closeMenus();
      openPreview(d);
    });
    const docx = el('a', { className: 'doc-docx', href: d.docx, textContent: '.docx', title: 'Tải tệp Word' });
    docx.setAttribute('download', '');
    return el('li', { className: 'doc-item' }, [view, docx]);
  });
  if (items.length === 0) items.push(el('li', { className: 'empty', textContent: 'Chưa tạo văn bản nào.' }));
  $('docs-list').replaceChildren(...items);
}

/** Shows a Doc's HTML preview (sandboxed: no scripts) with its .docx download. */
function openPreview(doc) {
  $('preview-title').textContent = doc.name;
  $('preview-docx').href = doc.docx;
  $('preview-frame').src = doc.preview;
  const dialog = $('preview');
  if (!dialog.open) dialog.showModal();
}

/** A Google Docs link clicked in the sidebar: its preview when the Doc was made in this session. */
async function openDocumentUrl(url) {
  renderDocuments(await api('/api/documents'));
  const doc = documents.find((d) => d.url === url);
  if (doc) openPreview(doc);
  else showMessage('Văn bản này không được tạo trong phiên playground này.', { error: true });
}

// ---- sheet tabs, grid, formula bar -------------------------------------------------------------------

function renderTabs(state) {
  const tabs = $('tabs');
  tabs.replaceChildren();
  for (const sheet of state.sheets) {
    const active = sheet.name === state.activeSheet;
    const button = el('button', {
      type: 'button',
      textContent: sheet.name,
      className: [active ? 'active' : '', sheet.hidden ? 'hidden' : ''].join(' '),
    });
    if (active) button.setAttribute('aria-current', 'page');
    if (sheet.tabColor) button.style.borderBottomColor = sheet.tabColor;
    button.addEventListener('click', async () => {
      await inOrder(() => api('/api/activate', { sheet: sheet.name }));
      await refresh();
    });
    tabs.append(button);
  }
}

function cellAt(r, c) {
  const tr = $('grid').tBodies[0]?.rows[r];
  return tr ? tr.cells[c + 1] : undefined;
}

function renderGrid(grid) {
  const table = $('grid');
  const styles = new Map(grid.styles.map((s) => [`${s.r}:${s.c}`, s]));
  const colgroup = el('colgroup', {}, [el('col', { style: 'width:46px' })]);
  for (const w of grid.columnWidths) colgroup.append(el('col', { style: `width:${w}px` }));
  // A fixed table layout needs a width: without it a long text widens its column, as Sheets never does
  // (the text overflows into the empty cells beside it), and the charts anchored right of it move away.
  table.style.width = `${46 + grid.columnWidths.reduce((a, w) => a + w, 0)}px`;
  const head = el('tr', {}, [el('th', { className: 'rowhead' })]);
  for (let c = 1; c <= grid.columns; c++) head.append(el('th', { textContent: columnName(c) }));
  const body = el('tbody');
  for (let r = 0; r < grid.rows; r++) {
    const rowhead = el('th', { className: 'rowhead', textContent: String(r + 1) });
    if (r < grid.frozenRows) {
      rowhead.classList.add('frozen');
      rowhead.style.top = `${22 + r * 22}px`;
    }
    const tr = el('tr', { className: r === grid.frozenRows - 1 ? 'frozen-last' : '' }, [rowhead]);
    for (let c = 0; c < grid.columns; c++) {
      const td = el('td', { textContent: grid.values[r][c] });
      td.dataset.a1 = a1Of(r, c);
      const s = styles.get(`${r}:${c}`);
      if (s) {
        if (s.bg) td.style.backgroundColor = s.bg;
        if (s.bold) td.style.fontWeight = 'bold';
        if (s.italic) td.style.fontStyle = 'italic';
        if (s.color) td.style.color = s.color;
        if (s.align) td.style.textAlign = s.align;
        if (s.note) {
          td.title = s.note;
          td.classList.add('note');
        }
        if (s.formula && !s.note) td.title = s.formula;
      }
      if (r < grid.frozenRows) {
        td.classList.add('frozen');
        td.style.top = `${22 + r * 22}px`;
        if (!td.style.backgroundColor) td.style.backgroundColor = '#fff';
      }
      tr.append(td);
    }
    body.append(tr);
  }
  table.replaceChildren(colgroup, el('thead', {}, [head]), body);
}

/** Marks the active range (the current cell, or every cell of a larger selection). */
function markActive() {
  for (const td of $('grid').querySelectorAll('td.current, td.selected')) td.classList.remove('current', 'selected');
  const sel = current?.activeRange;
  if (!sel || sel.sheet !== current.grid.sheet) return;
  const single = sel.numRows === 1 && sel.numColumns === 1;
  for (let r = sel.row - 1; r < Math.min(sel.row - 1 + sel.numRows, current.grid.rows); r++) {
    for (let c = sel.column - 1; c < Math.min(sel.column - 1 + sel.numColumns, current.grid.columns); c++) {
      cellAt(r, c)?.classList.add(single ? 'current' : 'selected');
    }
  }
  placeCatcher();
}

// ---- keyboard catcher: typing, input methods and paste into a selected cell ----------------------

/**
 * While a cell is selected (not edited), the keyboard goes to #grid-input, a transparent text box
 * over the active cell, as in Google Sheets: an input method (Telex, VNI, dictation) needs an
 * editable target, so its composition starts there and nothing is lost; the composed text then opens
 * the cell editor whole ("Đắk Glei", never "k Glei"). Paste lands there too.
 */
function placeCatcher() {
  const catcher = $('grid-input');
  const sel = current?.activeRange;
  const td = sel && sel.sheet === current.grid.sheet ? cellAt(sel.row - 1, sel.column - 1) : undefined;
  if (!td || catcher.classList.contains('composing')) return;
  catcher.style.left = `${td.offsetLeft}px`;
  catcher.style.top = `${td.offsetTop}px`;
  catcher.style.width = `${td.offsetWidth}px`;
  catcher.style.height = `${td.offsetHeight}px`;
}

/** Gives the keyboard to the grid (its catcher), without scrolling. */
function focusGrid() {
  $('grid-input').focus({ preventScroll: true });
}

/** Text that reached the catcher outside a composition (a virtual keyboard, dictation): edit with it. */
function onCatcherInput(e) {
  const catcher = $('grid-input');
  if (e.isComposing || catcher.classList.contains('composing')) return;
  const text = catcher.value;
  catcher.value = '';
  if (text) startEdit(text);
}

function onCompositionStart() {
  const catcher = $('grid-input');
  catcher.value = '';
  catcher.classList.add('composing');
}

/** The input method committed its text: the cell editor opens with all of it. */
function onCompositionEnd() {
  const catcher = $('grid-input');
  catcher.classList.remove('composing');
  const text = catcher.value;
  catcher.value = '';
  placeCatcher();
  if (text) startEdit(text);
}

/**
 * Tab-separated text as Excel and Google Sheets copy it, split as the intake dialog splits pasted rows
 * (src/intake/pasted.ts, served as /pasted.js): the rows of cells (text as copied), [] for nothing
 * to paste.
 */
function parseClipboard(text) {
  const rows = window.dttsPasted.splitPasted(text);
  return rows.length === 1 && rows[0].length === 1 && rows[0][0] === '' ? [] : rows;
}

/** Ctrl+V on a selected cell: the block is written from that cell through typed input, like Sheets. */
async function onCatcherPaste(e) {
  const sel = current?.activeRange;
  if (!sel || sel.sheet !== current.grid.sheet) return;
  e.preventDefault();
  if (!window.dttsPasted) {
    // A dist/ built before the splitter was shared: say so rather than paste nothing in silence.
    showMessage('Chưa có /pasted.js: chạy npm run build rồi tải lại trang.', { error: true, title: 'Không dán được' });
    return;
  }
  const rows = parseClipboard(e.clipboardData?.getData('text/plain') ?? '');
  if (rows.length === 0) return;
  const a1 = a1Of(sel.row - 1, sel.column - 1);
  const res = await inOrder(() => api('/api/paste', { sheet: sel.sheet, a1, rows }));
  if (!res.ok) showMessage(res.error, { error: true, title: 'Không dán được' });
  else if (res.rejected?.length) {
    const cells = res.rejected.map((r) => r.a1).join(', ');
    showMessage(res.rejected[0].error, { error: true, title: `Không ghi được ô ${cells}` });
  }
  await refresh();
}

function renderFormulaBar() {
  const cell = current?.activeCell;
  $('name-box').value = cell ? cell.a1 : '';
  if (document.activeElement !== $('formula-input')) $('formula-input').value = cell ? cell.input : '';
}

function scrollToActive(block) {
  const sel = current?.activeRange;
  if (!sel || sel.sheet !== current.grid.sheet) return;
  cellAt(sel.row - 1, sel.column - 1)?.scrollIntoView({ block, inline: 'nearest' });
}

/** Shows one cell as active at once (highlight, name box, formula bar); the runtime is told separately. */
function showSelection(r, c) {
  if (!current || r < 0 || c < 0 || r >= current.grid.rows || c >= current.grid.columns) return null;
  const sheet = current.grid.sheet;
  const a1 = a1Of(r, c);
  current.activeRange = { sheet, a1, row: r + 1, column: c + 1, numRows: 1, numColumns: 1 };
  current.activeCell = { a1, display: current.grid.values[r][c], input: current.grid.values[r][c], note: '' };
  shownActive = `${sheet}!${a1}`;
  markActive();
  renderFormulaBar();
  scrollToActive('nearest');
  return { sheet, a1 };
}

/** Selects one cell, like a click: shown at once, then the runtime answers with the formula bar content. */
async function selectCell(r, c) {
  const target = showSelection(r, c);
  if (!target) return;
  pendingSelects++;
  const res = await inOrder(() => api('/api/select', target)).finally(() => pendingSelects--);
  if (res.ok && current.activeRange?.a1 === target.a1) {
    current.activeCell = res.activeCell;
    renderFormulaBar();
  }
}

/**
 * Types `value` into a cell through the runtime (POST /api/edit), moving the selection like Sheets
 * does (Enter: down, Tab: right) before the answer, so typing can go on.
 */
async function commitEdit(sheet, r, c, value, move) {
  const next = move && current.grid.sheet === sheet ? showSelection(r + move[0], c + move[1]) : null;
  if (next) pendingSelects++;
  const res = await inOrder(() => api('/api/edit', { sheet, a1: a1Of(r, c), value }));
  if (!res.ok) showMessage(res.error, { error: true, title: `Không ghi được ô ${a1Of(r, c)}` });
  if (next) await inOrder(() => api('/api/select', next)).finally(() => pendingSelects--);
  await refresh();
}

function startEdit(initial) {
  const sel = current?.activeRange;
  if (!sel || sel.sheet !== current.grid.sheet) return;
  const r = sel.row - 1;
  const c = sel.column - 1;
  const td = cellAt(r, c);
  if (!td) return;
  const editor = $('cell-editor');
  editing = { sheet: sel.sheet, r, c };
  editor.style.left = `${td.offsetLeft}px`;
  editor.style.top = `${td.offsetTop}px`;
  editor.style.minWidth = `${td.offsetWidth}px`;
  editor.style.height = `${td.offsetHeight}px`;
  editor.value = initial ?? current.activeCell?.input ?? '';
  editor.hidden = false;
  editor.focus();
  editor.setSelectionRange(editor.value.length, editor.value.length);
}

function stopEdit() {
  editing = null;
  $('cell-editor').hidden = true;
  focusGrid();
}

const MOVES = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

function onGridKey(e) {
  if ((e.target !== $('grid') && e.target !== $('grid-input')) || !current?.activeRange) return;
  // An input method at work (Telex, VNI…): its keys compose in the catcher, see onCompositionEnd.
  if (e.isComposing || e.key === 'Process' || e.keyCode === 229 || $('grid-input').classList.contains('composing'))
    return;
  const sel = current.activeRange;
  const move = MOVES[e.key] ?? (e.key === 'Tab' ? [0, e.shiftKey ? -1 : 1] : null);
  if (move) {
    e.preventDefault();
    void selectCell(sel.row - 1 + move[0], sel.column - 1 + move[1]);
  } else if (e.key === 'Enter' || e.key === 'F2') {
    e.preventDefault();
    startEdit();
  } else if (e.key === 'Delete' || e.key === 'Backspace') {
    e.preventDefault();
    void commitEdit(sel.sheet, sel.row - 1, sel.column - 1, '', null);
  } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
    e.preventDefault();
    startEdit(e.key);
  }
}

function onEditorKey(e) {
  if (!editing) return;
  const { sheet, r, c } = editing;
  if (e.key === 'Escape') {
    e.preventDefault();
    stopEdit();
  } else if (e.key === 'Enter' || e.key === 'Tab') {
    e.preventDefault();
    const value = $('cell-editor').value;
    stopEdit();
    void commitEdit(sheet, r, c, value, e.key === 'Enter' ? [1, 0] : [0, e.shiftKey ? -1 : 1]);
  }
}

function onFormulaKey(e) {
  const sel = current?.activeRange;
  if (!sel) return;
  if (e.key === 'Escape') {
    $('formula-input').value = current.activeCell?.input ?? '';
    focusGrid();
  } else if (e.key === 'Enter') {
    e.preventDefault();
    const value = $('formula-input').value;
    focusGrid();
    void commitEdit(sel.sheet, sel.row - 1, sel.column - 1, value, [1, 0]);
  }
}

// ---- sidebar, toasts, alerts -----------------------------------------------------------------------

function renderSidebar(sidebar) {
  const aside = $('sidebar');
  aside.hidden = !sidebar.open;
  if (!sidebar.open) {
    shownSidebarVersion = -1;
    $('sidebar-frame').removeAttribute('src');
    return;
  }
  $('sidebar-title').textContent = sidebar.title;
  aside.style.width = `${sidebar.width || 300}px`;
  if (sidebar.version !== shownSidebarVersion) {
    shownSidebarVersion = sidebar.version;
    $('sidebar-frame').src = `/sidebar?v=${sidebar.version}`;
  }
}

/** The add-in's open dialog (showModalDialog) in a modal overlay of its own size. */
function renderDialog(dialog) {
  const box = $('addin-dialog');
  if (!dialog?.open) {
    shownDialogVersion = -1;
    if (box.open) box.close();
    $('addin-dialog-frame').removeAttribute('src');
    return;
  }
  $('addin-dialog-title').textContent = dialog.title;
  box.style.width = `${dialog.width || 600}px`;
  box.style.height = `${(dialog.height || 400) + 41}px`;
  if (dialog.version !== shownDialogVersion) {
    shownDialogVersion = dialog.version;
    $('addin-dialog-frame').src = `/dialog?v=${dialog.version}`;
  }
  if (!box.open) box.showModal();
}

/** Shows the toasts and alerts that appeared since the last render (never those from before the page loaded). */
function renderNotices(state) {
  // A page (re)load shows only what appears from now on: earlier toasts were shown when they came.
  if (!noticesSeen) {
    noticesSeen = true;
    seenToasts = state.toastCount;
    seenAlerts = state.alertCount;
    return;
  }
  const newToasts = Math.min(state.toastCount - seenToasts, state.toasts.length);
  for (const toast of newToasts > 0 ? state.toasts.slice(-newToasts) : []) {
    showMessage(toast.message, { title: toast.title });
  }
  seenToasts = state.toastCount;
  const newAlerts = Math.min(state.alertCount - seenAlerts, state.alerts.length);
  for (const alert of newAlerts > 0 ? state.alerts.slice(-newAlerts) : []) {
    showMessage(alert.prompt, { title: alert.title || 'Thông báo', seconds: 8 });
  }
  seenAlerts = state.alertCount;
}

function render(state) {
  const local = current?.activeRange;
  if (pendingSelects > 0 && local && local.sheet === state.activeSheet) {
    state.activeRange = local;
    state.activeCell = current.activeCell;
  }
  current = state;
  $('doc-title').textContent = state.spreadsheet.name;
  document.title = `${state.spreadsheet.name} — playground`;
  $('status').textContent = `${state.calls} lệnh gọi dịch vụ`;
  renderMenus(state.menus);
  renderTabs(state);
  renderGrid(state.grid);
  renderCharts(state.charts);
  markActive();
  renderFormulaBar();
  renderSidebar(state.sidebar);
  renderDialog(state.dialog);
  renderNotices(state);
  const active = state.activeRange ? `${state.activeRange.sheet}!${state.activeRange.a1}` : null;
  if (active !== shownActive) scrollToActive('center');
  shownActive = active;
}

// ---- embedded charts (state.charts: recorded type, options, position and current values) ----------

const SVG_NS = 'http://www.w3.org/2000/svg';
const CHART_COLORS = ['#4285f4', '#db4437', '#f4b400', '#0f9d58', '#ab47bc', '#00acc1', '#ff7043', '#9e9d24'];

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Cuts a label to `max` characters (whole code points) with an ellipsis. */
function shortLabel(text, max) {
  const chars = Array.from(String(text));
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

/** One chart as inline SVG: bars (BAR), columns (COLUMN, others), or slices (PIE); text as textContent only. */
function chartSvg(chart) {
  const w = chart.width;
  const h = chart.height;
  const root = svg('svg', { width: w, height: h, viewBox: `0 0 ${w} ${h}`, role: 'img' });
  root.append(svg('title', {}, chart.title));
  root.append(svg('rect', { x: 0, y: 0, width: w, height: h, fill: '#fff', stroke: '#dadce0' }));
  root.append(
    svg(
      'text',
      { x: w / 2, y: 22, 'text-anchor': 'middle', 'font-size': 15, 'font-weight': 'bold', class: 'chart-title' },
      chart.title,
    ),
  );
  const values = chart.values.map((row) => row[0]);
  const numbers = values.filter((v) => typeof v === 'number');
  const max = Math.max(1, ...numbers);
  const n = chart.labels.length;
  if (n === 0) return root;
  if (chart.type === 'PIE') {
    const total = numbers.reduce((a, b) => a + Math.max(0, b), 0) || 1;
    const cx = w / 3;
    const cy = h / 2 + 10;
    const radius = Math.min(w / 3, h / 2) - 30;
    let angle = -Math.PI / 2;
    values.forEach((v, i) => {
      const part = Math.max(0, v || 0) / total;
      if (part <= 0) return;
      const end = angle + part * 2 * Math.PI;
      const large = end - angle > Math.PI ? 1 : 0;
      const p = (a) => `${cx + radius * Math.cos(a)},${cy + radius * Math.sin(a)}`;
      const d =
        part >= 0.9999
          ? `M ${cx - radius},${cy} a ${radius},${radius} 0 1,0 ${2 * radius},0 a ${radius},${radius} 0 1,0 ${-2 * radius},0`
          : `M ${cx},${cy} L ${p(angle)} A ${radius},${radius} 0 ${large},1 ${p(end)} Z`;
      const slice = svg('path', { d, fill: CHART_COLORS[i % CHART_COLORS.length], class: 'chart-mark' });
      slice.append(svg('title', {}, `${chart.labels[i]}: ${v}`));
      root.append(slice);
      angle = end;
    });
    chart.labels.slice(0, 14).forEach((label, i) => {
      const y = 50 + i * 18;
      root.append(
        svg('rect', { x: (2 * w) / 3, y: y - 10, width: 10, height: 10, fill: CHART_COLORS[i % CHART_COLORS.length] }),
      );
      root.append(
        svg(
          'text',
          { x: (2 * w) / 3 + 16, y, 'font-size': 12, class: 'chart-label' },
          `${shortLabel(label, 22)}: ${values[i] ?? ''}`,
        ),
      );
    });
    return root;
  }
  const horizontal = chart.type === 'BAR';
  const top = 40;
  const bottom = 44;
  const left = horizontal ? 150 : 50;
  const right = 20;
  const plotW = w - left - right;
  const plotH = h - top - bottom;
  root.append(svg('line', { x1: left, y1: top, x2: left, y2: top + plotH, stroke: '#5f6368' }));
  root.append(svg('line', { x1: left, y1: top + plotH, x2: left + plotW, y2: top + plotH, stroke: '#5f6368' }));
  const step = (horizontal ? plotH : plotW) / n;
  const thick = Math.max(1, step * 0.7);
  values.forEach((v, i) => {
    const label = chart.labels[i];
    const size = typeof v === 'number' && v > 0 ? (v / max) * (horizontal ? plotW - 30 : plotH - 16) : 0;
    const mark = horizontal
      ? svg('rect', { x: left, y: top + i * step + (step - thick) / 2, width: size, height: thick })
      : svg('rect', { x: left + i * step + (step - thick) / 2, y: top + plotH - size, width: thick, height: size });
    mark.setAttribute('fill', CHART_COLORS[0]);
    mark.setAttribute('class', 'chart-mark');
    mark.append(svg('title', {}, `${label}: ${v ?? ''}`));
    root.append(mark);
    const fontSize = Math.max(8, Math.min(12, step * 0.8));
    if (horizontal) {
      root.append(
        svg(
          'text',
          {
            x: left - 4,
            y: top + i * step + step / 2 + fontSize / 3,
            'text-anchor': 'end',
            'font-size': fontSize,
            class: 'chart-label',
          },
          shortLabel(label, 22),
        ),
      );
      root.append(
        svg(
          'text',
          {
            x: left + size + 3,
            y: top + i * step + step / 2 + fontSize / 3,
            'font-size': fontSize,
            class: 'chart-value',
          },
          v ?? '',
        ),
      );
    } else {
      root.append(
        svg(
          'text',
          {
            x: left + i * step + step / 2,
            y: top + plotH + 14,
            'text-anchor': 'middle',
            'font-size': fontSize,
            class: 'chart-label',
          },
          shortLabel(label, Math.max(4, Math.floor(step / 6))),
        ),
      );
      root.append(
        svg(
          'text',
          {
            x: left + i * step + step / 2,
            y: top + plotH - size - 3,
            'text-anchor': 'middle',
            'font-size': fontSize,
            class: 'chart-value',
          },
          v ?? '',
        ),
      );
    }
  });
  root.append(
    svg(
      'text',
      { x: left + plotW / 2, y: h - 8, 'text-anchor': 'middle', 'font-size': 12, class: 'chart-axis' },
      chart.hAxisTitle,
    ),
  );
  root.append(
    svg(
      'text',
      {
        x: 14,
        y: top + plotH / 2,
        'text-anchor': 'middle',
        'font-size': 12,
        transform: `rotate(-90 14 ${top + plotH / 2})`,
        class: 'chart-axis',
      },
      chart.vAxisTitle,
    ),
  );
  return root;
}

/** Draws the active sheet's charts over the grid at their anchor cell (below the grid when it is not shown). */
function renderCharts(charts) {
  let layer = $('charts-layer');
  if (!layer) {
    layer = el('div', { id: 'charts-layer' });
    layer.setAttribute('aria-label', 'Biểu đồ của trang tính');
  }
  $('grid-wrap').append(layer);
  layer.replaceChildren();
  let below = $('grid').offsetTop + $('grid').offsetHeight + 8;
  for (const chart of charts || []) {
    const td = cellAt(chart.anchorRow - 1, chart.anchorColumn - 1);
    let x = 40;
    let y = below;
    if (td) {
      // Relative to #grid-wrap's content (a cell's offsetParent is the table, not the wrap).
      const wrap = $('grid-wrap').getBoundingClientRect();
      const cell = td.getBoundingClientRect();
      x = cell.left - wrap.left + $('grid-wrap').scrollLeft + chart.offsetX;
      y = cell.top - wrap.top + $('grid-wrap').scrollTop + chart.offsetY;
    } else below += chart.height + 8;
    const box = el('figure', { className: 'sheet-chart' }, [chartSvg(chart)]);
    box.style.left = `${x}px`;
    box.style.top = `${y}px`;
    box.dataset.chartType = chart.type || '';
    box.dataset.chartTitle = chart.title;
    box.dataset.chartRange = chart.ranges.join(',');
    box.setAttribute('aria-label', chart.title);
    layer.append(box);
  }
}

async function refresh() {
  const [state, docs] = await inOrder(() => Promise.all([api('/api/state'), api('/api/documents')]));
  render(state);
  renderDocuments(docs);
  if (!autoOpened && !state.sidebar.open && new URLSearchParams(location.search).get('sidebar') !== '0') {
    autoOpened = true;
    const open = state.menus.flatMap((m) => m.entries).find((e) => e.functionName === 'showSidebar');
    if (open) await runFunction('showSidebar');
  }
  autoOpened = true;
}

// ---- wiring ----------------------------------------------------------------------------------------

// The grid is one keyboard stop (ARIA grid on the table): arrows move, Enter/F2 or typing edits.
$('grid').setAttribute('role', 'grid');
$('grid').tabIndex = 0;
document.addEventListener('click', closeMenus);
window.addEventListener('message', (e) => {
  const from = e.source === $('sidebar-frame').contentWindow || e.source === $('addin-dialog-frame').contentWindow;
  if (e.origin !== location.origin || !from || !e.data) return;
  if (e.data.type === 'dtts:changed') void refresh();
  if (e.data.type === 'dtts:open-document' && typeof e.data.url === 'string') void openDocumentUrl(e.data.url);
});
$('grid').addEventListener('mousedown', (e) => {
  const td = e.target.closest('td');
  if (!td) return;
  e.preventDefault();
  // A composition still open goes to the cell it was typed on, as in Sheets: blurring commits it.
  if ($('grid-input').classList.contains('composing')) $('grid-input').blur();
  focusGrid();
  const tr = td.parentElement;
  void selectCell(tr.sectionRowIndex, td.cellIndex - 1);
});
$('grid').addEventListener('dblclick', (e) => {
  if (e.target.closest('td')) startEdit();
});
$('grid').addEventListener('keydown', onGridKey);
// The grid keeps its keyboard stop; its keys go to the catcher over the active cell.
$('grid').addEventListener('focus', focusGrid);
$('grid-input').addEventListener('keydown', onGridKey);
$('grid-input').addEventListener('input', onCatcherInput);
$('grid-input').addEventListener('compositionstart', onCompositionStart);
$('grid-input').addEventListener('compositionend', onCompositionEnd);
$('grid-input').addEventListener('paste', (e) => void onCatcherPaste(e));
$('cell-editor').addEventListener('keydown', onEditorKey);
$('cell-editor').addEventListener('blur', () => {
  if (!editing) return;
  const { sheet, r, c } = editing;
  const value = $('cell-editor').value;
  editing = null;
  $('cell-editor').hidden = true;
  void commitEdit(sheet, r, c, value, null);
});
$('formula-input').addEventListener('keydown', onFormulaKey);
$('docs-button').addEventListener('click', (e) => {
  const open = toggleMenu($('docs-menu'), e);
  $('docs-button').setAttribute('aria-expanded', String(open));
});
$('preview-close').addEventListener('click', () => $('preview').close());
$('preview').addEventListener('close', () => $('preview-frame').removeAttribute('src'));
$('sidebar-close').addEventListener('click', async () => {
  await api('/api/sidebar/close', {});
  await refresh();
});
$('addin-dialog-close').addEventListener('click', async () => {
  await api('/api/dialog/close', {});
  await refresh();
});
// Escape closes a <dialog> by itself: tell the runtime too.
$('addin-dialog').addEventListener('cancel', (e) => {
  e.preventDefault();
  void api('/api/dialog/close', {}).then(refresh);
});
$('save').addEventListener('click', async () => {
  const res = await inOrder(() => api('/api/save', {}));
  showMessage(res.ok ? `Đã lưu ${res.path}` : res.error, { error: !res.ok });
});
void refresh();
window.dttsPlayground = {
  refresh,
  runFunction,
  selectCell,
  parseClipboard,
  state: () => current,
  documents: () => documents,
};
