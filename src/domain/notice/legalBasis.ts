/**
 * The "Căn cứ" lines of a decision, from what the workbook holds: the decision founding the steering
 * committee (the `Quyết định thành lập Ban Chỉ đạo` setting, or the decision a meeting's attendees
 * cell cites: "các thành viên Ban Chỉ đạo theo Quyết định số 1822/QĐ-UBND ngày 08/11/2023 của Chủ tịch
 * UBND tỉnh"), then the `Căn cứ khác` lines. Never a dotted placeholder: a missing fact is refused.
 */
import type { MeetingRecord } from '../records';
import type { Settings } from '../settings';

/** "Quyết định số 1822/QĐ-UBND ngày 08/11/2023 của Chủ tịch UBND tỉnh" inside a longer text. */
const DECISION_RE =
  /Quyết định số\s+\d+[^\s,;.]*\s+ngày\s+\d{1,2}\/\d{1,2}\/\d{4}(?:\s+của\s+[^;,.()]+?)?(?=\s*(?:[;,.()]|về việc|$))/iu;

/** The decision founding the committee: the setting, else the first one a meeting cites; null when none. */
export function foundingDecisionOf(settings: Settings, meetings: readonly MeetingRecord[] = []): string | null {
  const typed = settings.foundingDecision
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[;.]+$/, '');
  if (typed) return typed;
  for (const m of meetings) {
    const found = DECISION_RE.exec((m.data.attendees ?? '').normalize('NFC'));
    if (found) return found[0].replace(/\s+/g, ' ').trim();
  }
  return null;
}

/** "Căn cứ Quyết định số … về việc thành lập Ban Chỉ đạo …;" and the further lines, each ending with ";". */
export function legalBasisLines(founding: string, further: readonly string[], committee: string): string[] {
  const line = (text: string) => {
    const t = text.trim().replace(/[;.,]+$/, '');
    return `${/^căn cứ\s/i.test(t) ? t : `Căn cứ ${t}`};`;
  };
  const founded = /về việc thành lập/i.test(founding) ? founding : `${founding} về việc thành lập ${committee}`;
  return [line(founded), ...further.filter((x) => x.trim()).map(line)];
}
