/**
 * The Runs view (issue 17): a 3 × 3 sweep (learning rate × batch) and two more seeds of one of its points, read in the
 * runs table (sorted by accuracy, the repeat group collapsed to mean ± sd and expanded, filtered, exported as CSV,
 * rows selected for Compare) and in the parallel-coordinates chart (a typed range and a dragged brush filter the
 * table; SVG export); axe-clean in light and dark.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cliSummaryLineSchema, type CliSummaryLine } from '../../shared/cli-lines';
import { describeSample } from '../../shared/stats/sample';
import { seriousAxeViolations } from '../support/axe';
import { runDescent } from '../support/descent-cli';
import { e2eSuite } from '../support/e2e-suite';
import { newHome, openWorkbench } from '../support/workbench-browser';

const suite = e2eSuite();

/** Few iterations on few images: the sweep trains in seconds. */
const SMALL = ['--iters', '40', '--train-size', '500'];

/** The summaries `descent … --json` printed. */
function summaries(stdout: string): CliSummaryLine[] {
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { type: string })
    .filter((line) => line.type === 'summary')
    .map((line) => cliSummaryLineSchema.parse(line));
}

/** A store with the 3 × 3 sweep (seed 3) and lr 0.5 · batch 50 again over seeds 10 and 11: 11 runs. */
function sweptStore(): { home: string; runs: CliSummaryLine[] } {
  const home = newHome();
  const sweep = runDescent(home, ['sweep', '--json', ...SMALL, '--lr', '0.05,0.5,5', '--batch', '20,50,100', '--seed', '3']);
  if (sweep.code !== 0) throw new Error(`descent sweep failed: ${sweep.stderr}`);
  const repeats = runDescent(home, [
    'train',
    '--json',
    ...SMALL,
    '--lr',
    '0.5',
    '--batch',
    '50',
    '--repeat',
    '2',
    '--seed',
    '10',
  ]);
  if (repeats.code !== 0) throw new Error(`descent train --repeat failed: ${repeats.stderr}`);
  return { home, runs: [...summaries(sweep.stdout), ...summaries(repeats.stdout)] };
}

const rows = (page: Page) => page.locator('[aria-label="runs table"] tbody tr');
/** The table's cells of the column headed `heading`, top to bottom. */
async function column(page: Page, heading: string): Promise<string[]> {
  const headings = await page.locator('[aria-label="runs table"] thead tr:first-child th').allTextContents();
  const index = headings.findIndex((h) => h.replace(/[▲▼]/g, '').trim() === heading);
  if (index < 0) throw new Error(`no column ${heading} in ${headings.join(' | ')}`);
  return rows(page)
    .locator(`td:nth-child(${index + 1})`)
    .allTextContents();
}
/** A cell's number, a group's mean ("0.8123 ± 0.0040"); NaN for a missing value ("–"). */
const mean = (cell: string) => Number(cell.split('±')[0]);

/** The numbers in order `direction`, then the missing ones (NaN). */
function sortedThenMissing(values: number[], direction: 'ascending' | 'descending'): boolean {
  const finite = values.filter(Number.isFinite);
  const ordered = [...finite].sort((a, b) => (direction === 'ascending' ? a - b : b - a));
  return JSON.stringify(values.slice(0, finite.length)) === JSON.stringify(ordered);
}

describe('the Runs view in Chromium', () => {
  it('reads a 3 × 3 sweep in the table and the parallel-coordinates chart', async () => {
    const { home, runs } = sweptStore();
    expect(runs).toHaveLength(11);
    const wb = await openWorkbench(suite.browser(), home);
    const { page } = wb;
    try {
      await page.getByRole('button', { name: 'Runs', exact: true }).click();
      // The repeat group is one row: 8 runs alone and the group.
      await expect.poll(() => rows(page).count()).toBe(9);
      const group = page.locator('tbody tr[data-group="lr 0.5 · batch 50"]');
      await group.waitFor();

      // Columns: what varies (learning rate, batch size, seed) and the figures; the configuration left out where shared.
      const headings = await page.locator('[aria-label="runs table"] thead tr:first-child th').allTextContents();
      expect(headings.map((h) => h.replace(/[▲▼]/g, '').trim())).toEqual([
        'selected',
        'run',
        'status',
        'learning rate',
        'batch size',
        'seed',
        'final test acc',
        'best test acc',
        'mean loss (last 100)',
        'time',
      ]);

      // Sorted by final test accuracy, best first; the group by its mean, which is the three seeds' mean ± sd.
      const accuracy = page.locator('th', { hasText: 'final test acc' }).first();
      expect(await accuracy.getAttribute('aria-sort')).toBe('descending');
      const accs = (await column(page, 'final test acc')).map(mean);
      expect(sortedThenMissing(accs, 'descending')).toBe(true);
      const seeds = runs.filter((r) => r.config.learningRate === 0.5 && r.config.batchSize === 50).map((r) => r.testAcc!);
      const expected = describeSample(seeds);
      const groupAcc = await group.locator('td').nth(6).textContent();
      expect(groupAcc).toBe(`${expected.mean!.toFixed(4)} ± ${expected.sd!.toFixed(4)}`);
      expect(await group.locator('td').nth(5).textContent()).toBe('3 seeds');

      // From the keyboard: the header's button sorts ascending.
      await accuracy.getByRole('button').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => accuracy.getAttribute('aria-sort')).toBe('ascending');
      expect(sortedThenMissing((await column(page, 'final test acc')).map(mean), 'ascending')).toBe(true);

      // The group expands into its three runs.
      await group.getByRole('button', { name: 'expand lr 0.5 · batch 50' }).click();
      await expect.poll(() => page.locator('tbody tr.member').count()).toBe(3);
      await group.getByRole('button', { name: 'collapse lr 0.5 · batch 50' }).click();
      await expect.poll(() => rows(page).count()).toBe(9);

      // A filter per column: learning rates of at least 0.5 (two values of three).
      await page.getByLabel('filter learning rate').fill('>=0.5');
      await expect.poll(() => rows(page).count()).toBe(6);
      const csvPath = await suite.download(page, () => page.getByRole('button', { name: 'Export CSV' }).click());
      const csv = readFileSync(csvPath, 'utf8').trim().split('\n');
      expect(csv[0]).toBe('id,repeat_group,name,status,learningRate,batchSize,seed,testAcc,bestTestAcc,meanLossLast100,seconds');
      expect(csv).toHaveLength(1 + 8); // 5 runs alone, the group's 3
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await expect.poll(() => rows(page).count()).toBe(9);

      // The chart: an axis per hyperparameter that varies (not the seed) and the figure, a line per run.
      const chart = page.locator('figure[data-chart="parallel coordinates"]');
      expect(await chart.locator('g[data-axis]').evaluateAll((axes) => axes.map((a) => a.getAttribute('data-axis')))).toEqual([
        'learningRate',
        'batchSize',
        'testAcc',
      ]);
      await expect.poll(() => chart.locator('.drawing path[data-run]').count()).toBe(11);
      // Each line's tooltip names its run's hyperparameters.
      const tooltip = await chart.locator(`.drawing path[data-run="${runs[0].runId}"] title`).textContent();
      expect(tooltip).toContain(`lr ${runs[0].config.learningRate}`);
      expect(tooltip).toContain(`batch ${runs[0].config.batchSize}`);

      // A range typed for the keyboard: learning rate from 0.1 keeps lr 0.5 and 5 (6 sweep runs and 2 more seeds).
      await page.getByLabel('learning rate from').fill('0.1');
      await page.getByLabel('learning rate from').press('Tab');
      await expect.poll(() => rows(page).count()).toBe(6);
      // A brush dragged along the batch-size axis over its upper half keeps batch 100 (its top) alone: 2 rows.
      const strip = chart.locator('rect.strip[data-axis="batchSize"]');
      const box = (await strip.boundingBox())!;
      const x = box.x + box.width / 2;
      await page.mouse.move(x, box.y + 2);
      await page.mouse.down();
      await page.mouse.move(x, box.y + box.height * 0.3, { steps: 4 });
      await page.mouse.up();
      await expect.poll(() => rows(page).count()).toBe(2);
      expect(await column(page, 'batch size')).toEqual(['100', '100']);
      // The runs the ranges keep, selected at once.
      await page.getByRole('button', { name: 'Select these 2' }).click();
      await page.getByRole('button', { name: 'Compare selected (2)' }).waitFor();
      // Runs outside the brushes are drawn faint, under the others.
      const svgPath = await suite.download(page, () => chart.getByRole('button', { name: 'SVG' }).click());
      const svg = readFileSync(svgPath, 'utf8');
      expect(svg.match(/<path [^>]*data-run=/g)).toHaveLength(11);
      expect(svg).toContain('learning rate (log)');
      const pngPath = await suite.download(page, () => chart.getByRole('button', { name: 'PNG' }).click());
      expect(readFileSync(pngPath).subarray(1, 4).toString('latin1')).toBe('PNG');

      // Shift-click selects a range of rows (the three at lr 0.05, sorted by learning rate); Compare shows them.
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await expect.poll(() => rows(page).count()).toBe(9);
      await page.locator('th', { hasText: 'learning rate' }).first().getByRole('button').click();
      await expect
        .poll(() => column(page, 'learning rate'))
        .toEqual(['0.05', '0.05', '0.05', '0.5', '0.5', '0.5', '5', '5', '5']);
      await rows(page).nth(0).click();
      await rows(page)
        .nth(2)
        .click({ modifiers: ['Shift'] });
      await page.getByRole('button', { name: 'Compare selected (3)' }).click();
      await page.getByRole('heading', { name: 'Compare 3 runs' }).waitFor();

      await page.getByRole('button', { name: 'Runs', exact: true }).click();
      await rows(page).first().waitFor();
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        expect(await seriousAxeViolations(page), colorScheme).toEqual([]);
      }
      await page.emulateMedia({ colorScheme: 'light' });
      expect(wb.consoleErrors).toEqual([]);
    } finally {
      await wb.close();
    }
  }, 300_000);
});
