/**
 * The intake form of a unit (issue 15): what the browser needs to build the `.xlsx` the agency sends
 * to the unit. Its columns are those of the `Đại biểu` template (the unit is fixed by the form, the
 * provenance columns are the add-in's), with the same dropdown lists as the sheets' data validation.
 */
import type { IntakeForm, IntakeFormColumn } from '../../rpc/contract';
import { INTAKE_MESSAGES as M } from '../../ui/vi';
import { formatVnDate } from '../dates';
import { ETHNIC_GROUPS, groupByCode } from '../ethnic';
import type { AllocationRecord, UnitEthnicRecord, UnitIndex, UnitRecord } from '../records';
import { type Settings, unitWord } from '../settings';
import { LIST_VALUES } from '../template';
import { foldKey } from '../text';
import { intakeColumns } from './submission';

/**
 * The form's columns: every template column of `Đại biểu` but `Mã đơn vị` and the add-in's own;
 * `required` also holds for the columns `Thông tin bắt buộc của đại biểu` names (`requiredKeys`).
 */
export function formColumns(requiredKeys: readonly string[] = []): IntakeFormColumn[] {
  return intakeColumns()
    .filter((c) => c.key !== 'unit')
    .map((c): IntakeFormColumn => {
      const kind = c.kind === 'year' || c.kind === 'date' || c.kind === 'integer' ? c.kind : 'text';
      const choices =
        c.list === 'ethnic'
          ? ETHNIC_GROUPS.map((g) => g.name)
          : c.list && c.list in LIST_VALUES
            ? [...LIST_VALUES[c.list as keyof typeof LIST_VALUES]]
            : undefined;
      return {
        header: c.header,
        key: c.key,
        required: Boolean(c.required) || requiredKeys.includes(c.key),
        kind,
        ...(choices && { choices }),
        ...(c.width !== undefined && { width: c.width }),
        ...(c.help && { help: c.help }),
      };
    });
}

/** Characters Windows refuses in a file name, and control characters. */
const ILLEGAL = /[<>:"/\\|?*\u0000-\u001f]+/g;

/** "Danh sách đại biểu - Xã Ea Tân.xlsx": NFC, no character Windows refuses, no trailing dot or space. */
export function formFileName(unitName: string): string {
  const base = `${M.fileNamePrefix} - ${unitName}`
    .normalize('NFC')
    .replace(ILLEGAL, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '')
    .slice(0, 150);
  return `${base}.xlsx`;
}

export interface FormInputs {
  settings: Settings;
  index: UnitIndex;
  allocation: readonly AllocationRecord[];
  unitEthnic: readonly UnitEthnicRecord[];
}

/** The form model of one unit. */
export function intakeForm(unit: UnitRecord, inputs: FormInputs): IntakeForm {
  const { settings, index } = inputs;
  const code = unit.data.code ?? '';
  const name = index.label(unit);
  const row = inputs.allocation.find((r) => r.data.code !== null && foldKey(r.data.code) === foldKey(code));
  const seats = row ? (row.data.final ?? row.data.seats ?? null) : null;
  const guests =
    seats === null || !(settings.maxGuestShare > 0) ? null : Math.floor(seats * settings.maxGuestShare + 1e-9);
  const groups = new Map<string, number>();
  for (const r of inputs.unitEthnic) {
    if ((r.unitRecord ?? index.resolve(r.data.unit)) !== unit || !r.data.ethnic) continue;
    const g = groupByCode(r.data.ethnic);
    if (!g?.minority || r.data.population === 0) continue;
    groups.set(g.name, (groups.get(g.name) ?? 0) + (r.data.population ?? 0));
  }
  const ethnicGroups = [...groups.entries()].sort((a, b) => b[1] - a[1]).map(([g]) => g);
  const deadline = settings.submissionDeadline ? formatVnDate(settings.submissionDeadline) : '';
  return {
    unit: { code, name },
    province: settings.province,
    unitWord: unitWord(settings.level).long,
    round: settings.round,
    year: settings.year,
    seats,
    guests,
    ethnicGroups,
    deadline,
    columns: formColumns(settings.requiredProfileFields),
    instructions: [...M.formInstructions(name, deadline)],
    fileName: formFileName(name),
  };
}
