/**
 * The sidebar's "Cơ cấu đại biểu" section in headless Chromium on the playground: counted when opened,
 * the figures the server gave (total, women, oldest named with its unit), nothing written.
 */
import { Runtime, runBundle } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';
import type { CompositionSummaryDto } from '../../src/rpc/contract';
import { diff, snapshot } from '../trust/snapshot';
import { keepScreenshot, NOW, openPlayground } from './harness';

test('opened, the section shows the server figures; the workbook is unchanged', async () => {
  const ss = buildSample(LANG_SON);
  const want = runBundle(new Runtime({ spreadsheet: ss, now: NOW }), 'compositionSummary')
    .result as CompositionSummaryDto;
  const s = await openPlayground({ spreadsheet: ss });
  try {
    const before = snapshot(ss);
    await s.sidebar.locator('[data-section="composition"] summary').click();
    await s.sidebar.locator('[data-composition="figures"]').waitFor();
    const text = (await s.sidebar.locator('[data-section="composition"]').textContent()) ?? '';
    expect(text).toContain(want.message);
    expect(text).toContain(`Nữ${want.women.count}`);
    expect(text).toContain(want.oldest?.name ?? '?');
    expect(text).toContain(want.oldest?.unit ?? '?');
    expect(text).toContain('Dưới 30 tuổi');
    expect(diff(before, snapshot(ss))).toEqual([]);
    await keepScreenshot(s.sidebar.locator('[data-section="composition"]'), 'composition-sidebar.png');
    expect(s.pageErrors).toEqual([]);
  } finally {
    await s.close();
  }
});
