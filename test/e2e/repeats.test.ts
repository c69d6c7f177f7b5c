/**
 * Repeats in the workbench (issue 17): the run form's and the sweep builder's "repeat over N seeds" start a run per
 * seed, and the compare view shows the repeat groups' table and the comparison of two groups in words.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../support/axe';
import { e2eSuite } from '../support/e2e-suite';
import { launchLearningRateSweep, newHome, openWorkbench, runItems, runsWithStatus } from '../support/workbench-browser';

const suite = e2eSuite();

/** The book's defaults in the form, shortened: 200 iterations on 1 000 images, seed 5. */
async function shortDefaults(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Book defaults' }).click();
  await page.fill('input[name=iterations]', '200');
  await page.fill('input[name=trainSize]', '1000');
  await page.fill('input[name=seed]', '5');
}

const groupRows = (page: Page) => page.locator('[aria-label="repeat groups"] tbody tr');

describe('repeats in Chromium', () => {
  it('the run form repeats a run over 3 seeds (5, 6, 7) and the compare view shows its group', async () => {
    const wb = await openWorkbench(suite.browser(), newHome());
    const { page } = wb;
    try {
      await shortDefaults(page);
      await page.fill('input[name=repeat]', '101');
      await page.getByRole('button', { name: 'Start training' }).click();
      await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('must be a whole number from 1 to 100');
      expect(await runItems(page).count()).toBe(0);
      await page.fill('input[name=repeat]', '3');
      await page.getByRole('button', { name: 'Start training' }).click();
      await page.getByRole('heading', { name: 'Compare 3 runs' }).waitFor();
      await runsWithStatus(page, 'completed', 3);
      await expect.poll(() => groupRows(page).count()).toBe(1);
      const row = await groupRows(page).first().locator('th, td').allTextContents();
      expect(row[0]).toBe('784-50-10 · lr 0.1 · batch 100');
      expect(row[1]).toBe('3');
      expect(row[2]).toMatch(/^0\.\d{4} ± 0\.\d{4}$/);
      expect(row[6]).toBe('0 diverged / 0 did not learn of 3');
      expect(wb.consoleErrors).toEqual([]);
    } finally {
      await wb.close();
    }
  }, 240_000);

  it('a sweep over the same 3 seeds per value compares the two learning rates in words', async () => {
    const wb = await openWorkbench(suite.browser(), newHome());
    const { page } = wb;
    try {
      await shortDefaults(page);
      await launchLearningRateSweep(page, '0.1, 1', 200, 3);
      await runsWithStatus(page, 'completed', 6, 180_000);
      await expect.poll(() => groupRows(page).count()).toBe(2);
      expect(await groupRows(page).locator('th').allTextContents()).toEqual(['lr 0.1', 'lr 1']);
      // Seeds 5, 6, 7 for each rate: lr 1 learns far more in 200 iterations, beyond the seeds' spread.
      await expect
        .poll(() => page.locator('p.verdict').textContent())
        .toMatch(/^lr 1 is better by 0\.\d{3} ± 0\.\d{3}; this holds across seeds \(p [<=] 0\.\d{3}\)\.$/);
      expect(await page.locator('p.warning').count()).toBe(0);

      // The sweep result: per rate the mean test and train accuracy (2 + 2 points), the 6 seeds as dots, a 95% CI bar
      // per rate (2 × 2 points) and the best run's diamond.
      await expect
        .poll(() => page.locator('figure[data-chart="Sweep result"]').getAttribute('data-points').then(Number))
        .toBe(15);

      // The groups drawn as mean lines with bands: each group's lower edge, shaded upper edge and mean, 200 iterations (0–199) each.
      const loss = page.locator('figure[data-chart="Loss, mean of each repeat group (±1 sd)"]');
      await expect.poll(() => loss.getAttribute('data-points').then(Number)).toBe(2 * 3 * 200);
      await page.getByLabel('band').selectOption('ci95');
      const accuracy = page.locator('figure[data-chart="Test accuracy, mean of each repeat group (95% CI of the mean)"]');
      await accuracy.waitFor();
      // 21 measurements (iteration 0, every 10th) per line.
      expect(await accuracy.getAttribute('data-points').then(Number)).toBe(2 * 3 * 21);
      // Side by side: one loss panel per group (its band and mean), on the same y scale.
      const panels = page.locator('[aria-label="repeat groups side by side"] figure');
      await expect.poll(() => panels.count()).toBe(2);
      expect(await panels.first().getAttribute('data-chart')).toBe('lr 0.1');
      await expect.poll(() => panels.nth(1).getAttribute('data-points').then(Number)).toBe(3 * 200);
      await expect.poll(() => panels.nth(0).getAttribute('data-y-ticks')).toBe(await panels.nth(1).getAttribute('data-y-ticks'));
      await page.getByLabel('individual runs').check();
      await expect.poll(() => accuracy.getAttribute('data-points').then(Number)).toBe(2 * 6 * 21);
      // Exported as SVG, each group's band is one filled path in its colour, translucent.
      const svg = readFileSync(
        await suite.download(page, () => accuracy.getByRole('button', { name: 'SVG', exact: true }).click()),
        'utf8',
      );
      const bands = svg.match(/<path(?=[^>]*fill="rgb\(\d+,\d+,\d+\)")(?=[^>]*fill-opacity="0\.18")[^>]*>/g) ?? [];
      expect(bands).toHaveLength(2); // one shaded band per group

      // The report figure draws the groups the same way: both charts' bands (2 groups × 2 charts), the band chosen above.
      await page.getByText('Report figure').click();
      const figure = readFileSync(
        await suite.download(page, () => page.getByRole('button', { name: 'Figure SVG' }).click()),
        'utf8',
      );
      expect(figure).toContain('Loss, mean of each repeat group (95% CI of the mean)');
      expect(figure.match(/<path(?=[^>]*fill-opacity="0\.18")[^>]*>/g) ?? []).toHaveLength(4);

      // The groups' table, comparison, controls and charts pass axe-core, light and dark.
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        expect(await seriousAxeViolations(page), colorScheme).toEqual([]);
      }
      expect(wb.consoleErrors).toEqual([]);
    } finally {
      await wb.close();
    }
  }, 300_000);
});
