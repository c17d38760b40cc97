/**
 * The intake dialog (build/Intake.html, opened by openIntakeDialog): "Tạo mẫu danh sách" makes each
 * unit's .xlsx form in the browser and downloads it; "Nhận danh sách" reads a unit's returned file
 * (.xlsx, .csv, or pasted rows) in the browser, asks importSubmission for a preview, and replaces the
 * unit's rows only when the officer confirms (with the preview's `expect`, so a list changed since is
 * refused). All DOM is built with h() (text is always text); every string is in i18n.ts.
 */
import type { IntakeForm, SubmissionCell, SubmissionPreviewDto, SubmissionRow } from '../rpc/contract';
import { type Child, fill, h } from '../sidebar/dom';
import { downloadNames, type ExcelModule, formBytes } from './form';
import { KEY_LABELS, t } from './i18n';
import { type FileOrigin, fileOrigin } from './origin';
import { knownHeaders, readFile, readPasted } from './read';
import { call, closeDialog } from './rpc';

declare global {
  interface Window {
    /** The exceljs browser build, inlined before this script. */
    ExcelJS?: ExcelModule;
  }
}

type Mode = 'form' | 'import';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Rows listed per section of the preview; the rest are counted. */
const LIST_LIMIT = 50;
/** Pause between two downloads of "Tất cả đơn vị" (browsers drop downloads started all at once). */
const DOWNLOAD_GAP_MS = 400;

interface State {
  mode: Mode;
  /** The unit chosen: its code, or "" (form mode: all units). */
  unit: string;
  forms: IntakeForm[] | null;
  busy: boolean;
  error: string;
  note: string;
  /** Form mode: the files made, as links the officer can click again. */
  made: { fileName: string; url: string }[];
  /** Import mode: what was read, and the server's answer. */
  table: SubmissionCell[][] | null;
  fileName: string;
  /** Rows of the file to check with the unit (hidden, struck through), said above the preview. */
  caution: string;
  /** The pasted text, kept across redraws. */
  pasteText: string;
  preview: SubmissionPreviewDto | null;
  done: SubmissionPreviewDto | null;
  /** The unit the file names (title line or file name) when it is not the unit chosen. */
  mismatch: FileOrigin | null;
  /** The officer ticked that the file is the chosen unit's list all the same. */
  mismatchAck: boolean;
}

function readRequest(): { mode: Mode; unit: string } {
  try {
    const raw = JSON.parse(document.getElementById('intake-request')?.textContent ?? '{}') as {
      mode?: unknown;
      unit?: unknown;
    };
    return { mode: raw.mode === 'form' ? 'form' : 'import', unit: typeof raw.unit === 'string' ? raw.unit : '' };
  } catch {
    return { mode: 'import', unit: '' };
  }
}

const request = readRequest();
const state: State = {
  mode: request.mode,
  unit: '',
  forms: null,
  busy: true,
  error: '',
  note: '',
  made: [],
  table: null,
  fileName: '',
  caution: '',
  pasteText: '',
  preview: null,
  done: null,
  mismatch: null,
  mismatchAck: false,
};

const app = document.getElementById('app') as HTMLElement;

function set(patch: Partial<State>): void {
  Object.assign(state, patch);
  render();
}

/** Matches the request's unit (a code or a name) to a form's unit code. */
function matchUnit(forms: IntakeForm[], wanted: string): string {
  const key = wanted.normalize('NFC').trim().toLocaleLowerCase('vi');
  if (!key) return '';
  const found = forms.find(
    (f) =>
      f.unit.code.normalize('NFC').toLocaleLowerCase('vi') === key ||
      f.unit.name.normalize('NFC').toLocaleLowerCase('vi') === key,
  );
  return found?.unit.code ?? '';
}

async function load(): Promise<void> {
  try {
    const answer = await call('getIntakeForms', {});
    if (!answer.ok) {
      set({ busy: false, forms: [], error: answer.message });
      return;
    }
    set({
      busy: false,
      forms: answer.forms,
      unit: matchUnit(answer.forms, request.unit),
      error: answer.forms.length ? '' : t.noUnits,
    });
  } catch (e) {
    set({ busy: false, forms: [], error: (e as Error).message });
  }
}

// ---- Form out ----

/** Starts a download of `bytes` under `fileName`; the link stays on the page to click again. */
function startDownload(bytes: ArrayBuffer, fileName: string): string {
  const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_TYPE }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.target = '_self';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  return url;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function makeForms(): Promise<void> {
  const excel = window.ExcelJS;
  if (!excel) {
    set({ error: t.unexpected });
    return;
  }
  set({ busy: true, error: '', note: '', made: [] });
  try {
    const answer = await call('getIntakeForms', state.unit ? { unit: state.unit } : {});
    if (!answer.ok) {
      set({ busy: false, error: answer.message });
      return;
    }
    const made: State['made'] = [];
    const names = downloadNames(answer.forms);
    for (const [i, form] of answer.forms.entries()) {
      if (i > 0) await pause(DOWNLOAD_GAP_MS);
      const bytes = await formBytes(excel, form);
      const fileName = names[i] as string;
      made.push({ fileName, url: startDownload(bytes, fileName) });
      set({ made: [...made] });
    }
    set({ busy: false, note: t.formMade(made.length) });
  } catch (e) {
    set({ busy: false, error: (e as Error).message || t.unexpected });
  }
}

function formView(): Child {
  const forms = state.forms ?? [];
  const count = state.unit ? 1 : forms.length;
  return [
    h('p', { class: 'muted' }, t.formIntro),
    unitSelect(true),
    !state.unit && forms.length > 1 ? h('p', { class: 'muted' }, t.manyDownloads) : null,
    h(
      'button',
      {
        class: 'primary',
        type: 'button',
        'data-action': 'make-forms',
        disabled: state.busy || forms.length === 0,
        onclick: () => void makeForms(),
      },
      count === 1 ? t.makeForm : t.makeForms(count),
    ),
    state.made.length
      ? h(
          'div',
          { class: 'downloads', 'data-intake': 'downloads' },
          h('p', { class: 'muted' }, t.formLinkHint),
          state.made.map((m) => {
            const a = document.createElement('a');
            a.href = m.url;
            a.download = m.fileName;
            a.target = '_self';
            a.textContent = m.fileName;
            return a;
          }),
        )
      : null,
  ];
}

// ---- List in ----

async function preview(table: SubmissionCell[][], fileName: string, note: string): Promise<void> {
  if (!state.unit) {
    set({ error: t.chooseUnitFirst });
    return;
  }
  const origin = fileOrigin(table, fileName, state.forms ?? [], state.unit);
  const mismatch = origin && origin.form.unit.code !== state.unit ? origin : null;
  set({ busy: true, error: '', note, table, fileName, preview: null, done: null, mismatch, mismatchAck: false });
  try {
    const answer = await call('importSubmission', state.unit, table, { fileName, mode: 'preview' });
    if (!answer.ok) set({ busy: false, error: answer.message });
    else set({ busy: false, preview: answer });
  } catch (e) {
    set({ busy: false, error: (e as Error).message });
  }
}

async function onFile(input: HTMLInputElement): Promise<void> {
  const file = input.files?.[0];
  input.value = '';
  if (!file) return;
  if (!state.unit) {
    set({ error: t.chooseUnitFirst });
    return;
  }
  const excel = window.ExcelJS;
  if (!excel) {
    set({ error: t.unexpected });
    return;
  }
  set({ busy: true, error: '', note: '', caution: '', preview: null, done: null });
  const headers = (state.forms ?? []).flatMap((f) => f.columns.map((c) => c.header));
  const read = await readFile(excel, file, knownHeaders([...headers, ...Object.values(KEY_LABELS)])).catch(() => ({
    ok: false as const,
    message: t.unreadableXlsx(file.name),
  }));
  if (!read.ok) {
    set({ busy: false, error: read.message });
    return;
  }
  state.caution = read.caution ?? '';
  await preview(read.table, file.name, read.note);
}

async function onPaste(text: string): Promise<void> {
  const read = readPasted(text);
  if (!read.ok) {
    set({ error: read.message });
    return;
  }
  state.caution = '';
  await preview(read.table, t.pastedName, read.note);
}

async function confirmReplace(): Promise<void> {
  const shown = state.preview;
  if (!shown || !state.table) return;
  set({ busy: true, error: '' });
  try {
    const answer = await call('importSubmission', state.unit, state.table, {
      fileName: state.fileName,
      mode: 'replace',
      expect: shown.expect,
    });
    if (!answer.ok) set({ busy: false, error: answer.message });
    else set({ busy: false, preview: null, done: answer });
  } catch (e) {
    set({ busy: false, error: (e as Error).message });
  }
}

function rowLabel(row: SubmissionRow): string {
  const name = row.values.name?.trim() || t.noName;
  const extra = [row.values.ethnic, row.values.gender, row.values.birthYear].filter((v) => v?.trim()).join(', ');
  const where = row.sourceRow > 0 ? `${t.rowOfFile(row.sourceRow)}: ` : '';
  return `${where}${name}${extra ? ` (${extra})` : ''}`;
}

function existingLabel(row: SubmissionRow): string {
  const name = row.values.name?.trim() || t.noName;
  return row.sheetRow ? `${name} (${t.sheetRow(row.sheetRow)})` : name;
}

function listSection(title: string, kind: string, items: string[]): Child {
  if (items.length === 0) return null;
  return h(
    'section',
    { 'data-preview': kind },
    h('h3', null, title, h('span', { class: 'badge' }, String(items.length))),
    h(
      'ul',
      { class: 'rows' },
      items.slice(0, LIST_LIMIT).map((text) => h('li', null, text)),
      items.length > LIST_LIMIT ? h('li', { class: 'muted' }, t.more(items.length - LIST_LIMIT)) : null,
    ),
  );
}

function keyLabel(p: SubmissionPreviewDto, key: string): string {
  return p.columns.find((c) => c.key === key)?.header ?? KEY_LABELS[key] ?? key;
}

function previewView(p: SubmissionPreviewDto): Child {
  const blocking = p.problems.some((x) => x.severity === 'error' && x.sourceRow === null);
  const importable = p.added.length + p.changed.length + p.unchanged > 0;
  const unknown = p.columns.filter((c) => c.key === null && c.header.trim() !== '').map((c) => c.header);
  return h(
    'div',
    { 'data-intake': 'preview' },
    h('h2', null, t.previewTitle(p.unit.name, p.fileName)),
    h('p', { 'data-preview': 'message' }, p.message),
    h('p', { class: 'muted' }, t.headerRow(p.headerRow)),
    unknown.length
      ? h('p', { class: 'muted', 'data-preview': 'unknown-columns' }, t.unknownColumns(unknown.join(', ')))
      : null,
    listSection(t.added, 'added', p.added.map(rowLabel)),
    listSection(t.removed, 'removed', p.removed.map(existingLabel)),
    listSection(
      t.changed,
      'changed',
      p.changed.map((c) => `${rowLabel(c.after)}: ${t.changedKeys(c.keys.map((k) => keyLabel(p, k)).join(', '))}`),
    ),
    p.unchanged ? h('p', { class: 'muted' }, t.unchanged(p.unchanged)) : null,
    listSection(
      t.otherUnits,
      'other-units',
      p.otherUnitRows.map((r) => `${t.rowOfFile(r.sourceRow)}: ${r.unit}`),
    ),
    listSection(
      t.problems,
      'problems',
      p.problems.map((x) => `${t.severity[x.severity]}: ${x.message}`),
    ),
    blocking ? h('p', { class: 'alert error' }, t.blockedByErrors) : null,
    state.mismatch ? mismatchView(state.mismatch, p) : null,
    !blocking && !importable ? h('p', { class: 'alert warning' }, t.nothingToImport) : null,
    h('p', { class: 'muted' }, t.confirmNote),
    h(
      'button',
      {
        class: 'primary',
        type: 'button',
        'data-action': 'confirm-replace',
        disabled: state.busy || blocking || !importable || (state.mismatch !== null && !state.mismatchAck),
        onclick: () => void confirmReplace(),
      },
      t.confirm(p.unit.name),
    ),
    // After a refusal (the list changed since this preview), the same file can be previewed again.
    state.error && state.table
      ? h(
          'button',
          {
            class: 'secondary',
            type: 'button',
            'data-action': 'preview-again',
            disabled: state.busy,
            onclick: () => {
              if (state.table) void preview(state.table, state.fileName, state.note);
            },
          },
          t.previewAgain,
        )
      : null,
    h(
      'button',
      {
        class: 'secondary',
        type: 'button',
        disabled: state.busy,
        onclick: () => set({ preview: null, table: null, note: '', error: '' }),
      },
      t.chooseAnother,
    ),
  );
}

/** The file names another unit than the one chosen: say so, offer that unit, or a tick to go on. */
function mismatchView(origin: FileOrigin, p: SubmissionPreviewDto): Child {
  const where = origin.row === null ? t.unitMismatchFileName : t.unitMismatchTitle(origin.row);
  const tick = h('input', {
    type: 'checkbox',
    id: 'intake-mismatch-ack',
    'data-action': 'mismatch-ack',
    disabled: state.busy,
    onchange: (e: Event) => set({ mismatchAck: (e.target as HTMLInputElement).checked }),
  });
  tick.checked = state.mismatchAck;
  return h(
    'div',
    { class: 'alert warning', 'data-preview': 'unit-mismatch', role: 'alert' },
    h('p', null, t.unitMismatch(origin.form.unit.name, p.unit.name, where)),
    h(
      'button',
      {
        class: 'secondary',
        type: 'button',
        'data-action': 'switch-unit',
        disabled: state.busy,
        onclick: () => {
          if (!state.table) return;
          state.unit = origin.form.unit.code;
          void preview(state.table, state.fileName, state.note);
        },
      },
      t.switchUnit(origin.form.unit.name),
    ),
    h('label', { for: 'intake-mismatch-ack', class: 'check' }, tick, ' ', t.unitMismatchAck(p.unit.name)),
  );
}

function doneView(p: SubmissionPreviewDto): Child {
  return h(
    'div',
    { 'data-intake': 'done' },
    h('p', { class: 'alert ok', 'data-preview': 'message' }, p.message),
    h('button', { class: 'primary', type: 'button', 'data-action': 'close', onclick: () => closeDialog() }, t.close),
    // The next unit's list without closing and opening the dialog again.
    h(
      'button',
      {
        class: 'secondary',
        type: 'button',
        'data-action': 'next-unit',
        onclick: () =>
          set({ done: null, preview: null, table: null, fileName: '', note: '', error: '', unit: '', pasteText: '' }),
      },
      t.nextUnit,
    ),
  );
}

function importView(): Child {
  if (state.done) return doneView(state.done);
  if (state.preview)
    return [
      state.note ? h('p', { class: 'muted' }, state.note) : null,
      state.caution ? h('p', { class: 'alert warning', 'data-intake': 'caution' }, state.caution) : null,
      previewView(state.preview),
    ];
  const paste = h('textarea', {
    id: 'intake-paste',
    placeholder: t.pastePlaceholder,
    disabled: state.busy,
    oninput: (e: Event) => {
      state.pasteText = (e.target as HTMLTextAreaElement).value;
    },
  });
  paste.value = state.pasteText;
  return [
    h('p', { class: 'muted' }, t.importIntro),
    unitSelect(false),
    h('label', { for: 'intake-file' }, t.fileLabel),
    h('input', {
      id: 'intake-file',
      type: 'file',
      accept:
        '.xlsx,.xlsm,.xls,.csv,.tsv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv',
      disabled: state.busy,
      onchange: (e: Event) => void onFile(e.target as HTMLInputElement),
    }),
    h('label', { for: 'intake-paste' }, t.pasteLabel),
    paste,
    h(
      'button',
      {
        class: 'secondary',
        type: 'button',
        'data-action': 'preview-paste',
        disabled: state.busy,
        onclick: () => void onPaste(paste.value),
      },
      t.previewPasted,
    ),
  ];
}

// ---- Frame ----

function unitSelect(allowAll: boolean): Child {
  const forms = state.forms ?? [];
  const select = h(
    'select',
    {
      id: 'intake-unit',
      disabled: state.busy,
      onchange: (e: Event) => set({ unit: (e.target as HTMLSelectElement).value, error: '', made: [] }),
    },
    h('option', { value: '' }, allowAll ? t.allUnits : t.chooseUnit),
    forms.map((f) => h('option', { value: f.unit.code }, f.unit.name)),
  );
  select.value = state.unit;
  return [h('label', { for: 'intake-unit' }, t.unitLabel), select];
}

function tab(mode: Mode, label: string): HTMLElement {
  return h(
    'button',
    {
      type: 'button',
      role: 'tab',
      'aria-selected': String(state.mode === mode),
      'data-tab': mode,
      disabled: state.busy && state.mode !== mode,
      onclick: () => set({ mode, error: '', note: '', preview: null, done: null, made: [] }),
    },
    label,
  );
}

function render(): void {
  fill(
    app,
    h('nav', { class: 'tabs', role: 'tablist' }, tab('form', t.tabForm), tab('import', t.tabImport)),
    state.error ? h('p', { class: 'alert error', role: 'alert', 'data-intake': 'error' }, state.error) : null,
    state.forms === null ? h('p', { class: 'muted' }, t.loading) : state.mode === 'form' ? formView() : importView(),
    state.note && state.mode === 'form' ? h('p', { class: 'alert ok', 'data-intake': 'note' }, state.note) : null,
    state.busy && state.forms !== null ? h('p', { class: 'muted', 'data-intake': 'busy' }, t.working) : null,
  );
  document.documentElement.dataset.busy = state.busy ? '1' : '0';
}

render();
void load().then(() => {
  document.documentElement.dataset.ready = '1';
});
