/**
 * Attack on validateAll's lazy protections, on every corpus workbook: the owner checks, then edits
 * (corrects a population, inserts a row above the units, corrects birth years), then a collaborator
 * checks. The collaborator's check must go through, never change a cell a protection keeps from
 * them (whole-cell snapshot), and the owner's next check must leave no mark on a cell without a problem.
 */
import { Runtime, runBundle } from '../../local/runtime';
import type { LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { builtCodePath } from '../../local/testing';
import type { ValidationResultDto } from '../../src/rpc/contract';
import { COLLABORATOR, CORPUS, type CorpusWorkbook, OWNER, sheet } from '../trust/corpus';
import { diff, MARKER, snapshot } from '../trust/snapshot';

function validate(ss: LocalSpreadsheet, w: CorpusWorkbook, user: string): ValidationResultDto | string {
  try {
    return (
      runBundle(new Runtime({ spreadsheet: ss, user, now: w.now }), 'validateAll') as { result: ValidationResultDto }
    ).result;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

describe('attack budget: owner checks, edits, a collaborator checks (every corpus workbook)', () => {
  builtCodePath();

  for (const w of CORPUS) {
    it(w.name, () => {
      const ss = w.build();
      const first = validate(ss, w, OWNER);
      if (typeof first === 'string') return; // a workbook the check refuses (e.g. incomplete): nothing to attack
      // The owner edits: a population corrected, a row inserted above the units, birth years corrected.
      const units = sheet(ss, 'Đơn vị');
      const dtts = units.getRange(1, 1, 1, units.getLastColumn()).getValues()[0]?.indexOf('Dân số DTTS') ?? -1;
      if (dtts >= 0) units.getRange(3, dtts + 1).setValue(Number(units.getRange(3, dtts + 1).getValue()) + 4000);
      units.insertRowsBefore(2, 1);
      const delegates = sheet(ss, w.delegatesSheet);
      const year = delegates.getRange(1, 1, 1, delegates.getLastColumn()).getValues()[0]?.indexOf('Năm sinh') ?? -1;
      if (year >= 0) for (const row of [4, 6, 8, 10]) delegates.getRange(row, year + 1).setValue(1980 + row);
      const before = snapshot(ss);
      const second = validate(ss, w, COLLABORATOR);
      expect(typeof second === 'string' ? second : '').toBe('');
      const after = snapshot(ss);
      // Protected against the collaborator: not one field of one cell changed.
      if (w.user === COLLABORATOR) {
        const locked = diff(before, after).filter((d) => d.sheet === 'Đơn vị' || d.sheet === 'Cấu hình');
        expect(locked).toEqual([]);
      }
      // The owner's next check: every mark left sits on a cell with a problem.
      const third = validate(ss, w, OWNER);
      expect(typeof third).not.toBe('string');
      const problems = new Set((third as ValidationResultDto).problems.map((p) => `${p.sheet}!${p.cell}`));
      const total = (third as ValidationResultDto).total ?? Number.POSITIVE_INFINITY;
      if (problems.size < total) return; // the payload is bounded: cannot judge every mark
      const marked: string[] = [];
      for (const s of snapshot(ss).sheets) {
        for (const [ref, cell] of s.cells) if (cell.note.startsWith(MARKER)) marked.push(`${s.name}!${ref}`);
      }
      expect(marked.length).toBeGreaterThan(0);
      expect(marked.filter((m) => !problems.has(m))).toEqual([]);
    });
  }
});
