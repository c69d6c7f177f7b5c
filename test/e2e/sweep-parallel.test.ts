/** The sweep builder's "runs at once" (issue 18): a hint from the machine's cores, bad values refused, the choice kept. */
import { describe, expect, it } from 'vitest';
import { runDescent } from '../support/descent-cli';
import { e2eSuite } from '../support/e2e-suite';
import { launchLearningRateSweep, newHome, openWorkbench, runsWithStatus } from '../support/workbench-browser';

const suite = e2eSuite();

describe('sweep: runs at once, in Chromium', () => {
  it('hints at the cores, refuses what is not 1–64, and trains the sweep one at a time when asked', async () => {
    const wb = await openWorkbench(suite.browser(), newHome());
    const { page } = wb;
    try {
      await page.getByRole('button', { name: 'Sweep', exact: true }).click();
      const field = page.locator('input[name=sweepParallel]');
      // `descent serve --parallel 2` (workbench-browser.ts): the default it shows, and the hint's numbers.
      expect(await field.getAttribute('placeholder')).toBe('2');
      expect(await page.locator('#sweep-parallel-hint').textContent()).toMatch(
        /^\d+ cores here; Descent trains 2 at a time unless told otherwise\./,
      );
      await page.fill('input[name=values]', '0.1, 1');
      for (const bad of ['0', '65', '1.5', 'two']) {
        await field.fill(bad);
        await expect
          .poll(() => page.locator('ul[aria-label="problems with the values"] li').allTextContents())
          .toEqual([`runs at once: must be a whole number from 1 to 64, got ${JSON.stringify(bad)}`]);
        expect(await page.getByRole('button', { name: /^Launch/ }).isDisabled()).toBe(true);
      }
      await field.fill('1');
      await launchLearningRateSweep(page, '0.1, 1', 40);
      await runsWithStatus(page, 'completed', 2);
      const runs = runDescent(wb.home, ['runs', '--json'])
        .stdout.trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { startedAt: string; endedAt: string; config: { learningRate: number } })
        .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
      expect(runs.map((r) => r.config.learningRate)).toEqual([0.1, 1]);
      // One at a time: the second started once the first had ended (the server would train 2 at once).
      expect(runs[1].startedAt >= runs[0].endedAt).toBe(true);
      expect(wb.consoleErrors).toEqual([]);
    } finally {
      await wb.close();
    }
  }, 180_000);
});
