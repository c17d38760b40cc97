/* dtts playground page: renders /api/state (menus, sheet tabs, grid, sidebar, toasts, alerts) and
   sends menu clicks, tab switches, cell selection and "Lưu" to the local server. Plain JS, no network
   access beyond the local server. Each render* function owns one part of the page. */
'use strict';

const $ = (id) => document.getElementById(id);
let current = null;
let shownSidebarVersion = -1;
let seenToasts = 0;
let seenAlerts = 0;

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

function showMessage(text, options) {
  const box = el('div', { className: `message${options?.error ? ' error' : ''}` });
  if (options?.title) box.append(el('span', { className: 'title', textContent: options.title }));
  box.append(document.createTextNode(text));
  $('messages').append(box);
  setTimeout(() => box.remove(), (options?.seconds ? options.seconds : 5) * 1000);
}

async function runFunction(fn, args) {
  $('status').textContent = `Đang chạy ${fn}…`;
  const res = await api('/api/run', { fn, args: args || [] });
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
}

function renderMenus(menus) {
  const bar = $('menubar');
  bar.replaceChildren();
  for (const menu of menus) {
    const wrap = el('div', { className: 'menu' });
    const button = el('button', {
      type: 'button',
      className: 'menu-title',
      textContent: menu.addon ? `Tiện ích ▸ ${menu.title}` : menu.title,
    });
    button.addEventListener('click', (e) => {
      e.stopPropagation();
      const open = wrap.classList.contains('open');
      closeMenus();
      if (!open) wrap.classList.add('open');
    });
    wrap.append(button, renderMenuList(menu.entries));
    bar.append(wrap);
  }
}

// ---- sheet tabs and grid ---------------------------------------------------------------------------

function renderTabs(state) {
  const tabs = $('tabs');
  tabs.replaceChildren();
  for (const sheet of state.sheets) {
    const button = el('button', {
      type: 'button',
      textContent: sheet.name,
      className: [sheet.name === state.activeSheet ? 'active' : '', sheet.hidden ? 'hidden' : ''].join(' '),
    });
    if (sheet.tabColor) button.style.borderBottomColor = sheet.tabColor;
    button.addEventListener('click', async () => {
      await api('/api/activate', { sheet: sheet.name });
      await refresh();
    });
    tabs.append(button);
  }
}

function renderGrid(grid, activeRange) {
  const table = $('grid');
  const styles = new Map(grid.styles.map((s) => [`${s.r}:${s.c}`, s]));
  const colgroup = el('colgroup', {}, [el('col', { style: 'width:46px' })]);
  for (const w of grid.columnWidths) colgroup.append(el('col', { style: `width:${w}px` }));
  const head = el('tr', {}, [el('th', { className: 'rowhead' })]);
  for (let c = 1; c <= grid.columns; c++) head.append(el('th', { textContent: columnName(c) }));
  const body = el('tbody');
  const sel = activeRange && activeRange.sheet === grid.sheet ? activeRange : null;
  for (let r = 0; r < grid.rows; r++) {
    const tr = el('tr', { className: r === grid.frozenRows - 1 ? 'frozen-last' : '' }, [
      el('th', { className: 'rowhead', textContent: String(r + 1) }),
    ]);
    for (let c = 0; c < grid.columns; c++) {
      const td = el('td', { textContent: grid.values[r][c] });
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
      if (sel) {
        const inside =
          r + 1 >= sel.row &&
          r + 1 < sel.row + sel.numRows &&
          c + 1 >= sel.column &&
          c + 1 < sel.column + sel.numColumns;
        if (inside) td.classList.add(sel.numRows === 1 && sel.numColumns === 1 ? 'current' : 'selected');
      }
      td.addEventListener('click', async () => {
        await api('/api/select', { sheet: grid.sheet, a1: `${columnName(c + 1)}${r + 1}` });
        await refresh();
      });
      tr.append(td);
    }
    body.append(tr);
  }
  table.replaceChildren(colgroup, el('thead', {}, [head]), body);
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
  aside.style.width = '300px';
  if (sidebar.version !== shownSidebarVersion) {
    shownSidebarVersion = sidebar.version;
    $('sidebar-frame').src = `/sidebar?v=${sidebar.version}`;
  }
}

function renderNotices(state) {
  for (const toast of state.toasts.slice(Math.max(0, state.toasts.length - (state.toasts.length - seenToasts)))) {
    showMessage(toast.message, { title: toast.title });
  }
  seenToasts = state.toasts.length;
  for (const alert of state.alerts.slice(seenAlerts))
    showMessage(alert.prompt, { title: alert.title || 'Thông báo', seconds: 8 });
  seenAlerts = state.alerts.length;
}

function render(state) {
  current = state;
  $('doc-title').textContent = state.spreadsheet.name;
  document.title = `${state.spreadsheet.name} — playground`;
  $('status').textContent = `${state.calls} lệnh gọi dịch vụ`;
  renderMenus(state.menus);
  renderTabs(state);
  renderGrid(state.grid, state.activeRange);
  renderSidebar(state.sidebar);
  renderNotices(state);
}

async function refresh() {
  render(await api('/api/state'));
}

// ---- wiring ----------------------------------------------------------------------------------------

document.addEventListener('click', closeMenus);
window.addEventListener('message', (e) => {
  if (e.data && e.data.type === 'dtts:changed') void refresh();
});
$('sidebar-close').addEventListener('click', async () => {
  await api('/api/sidebar/close', {});
  await refresh();
});
$('save').addEventListener('click', async () => {
  const res = await api('/api/save', {});
  showMessage(res.ok ? `Đã lưu ${res.path}` : res.error, { error: !res.ok });
});
void refresh();
window.dttsPlayground = { refresh, runFunction, state: () => current };
