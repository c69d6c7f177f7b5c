/**
 * The Inside view in Chromium on runs trained by the CLI (120 iterations on 1 000 images: 10 per epoch, 13
 * snapshots): the snapshot slider, the confusion matrix agreeing with the recorded test accuracy, a cell's
 * images, the mistakes gallery, a digit drawn with the mouse predicted, two runs side by side, light and dark.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSuite } from '../support/e2e-suite';
import { newHome, openWorkbench, runItems, runsWithStatus, trainFromForm, trainWithCli } from '../support/workbench-browser';

const suite = e2eSuite();
/** Screenshots for a person to look at (a temporary folder: tests never write into the repository). */
const SHOTS = mkdtempSync(join(tmpdir(), 'descent-inside-shots-'));

const confusionCounts = async (page: Page, panel = 0): Promise<number[][]> => {
  const rows = page.locator('table.confusion').nth(panel).locator('tbody tr');
  const out: number[][] = [];
  for (let r = 0; r < (await rows.count()); r++) out.push((await rows.nth(r).locator('button').allTextContents()).map(Number));
  return out;
};

describe('the Inside view in Chromium', () => {
  it("one run: slider over 13 snapshots, confusion matrix = recorded accuracy, a cell's images, mistakes, a drawn digit predicted", async () => {
    const home = newHome();
    trainWithCli(home, ['--iters', '120', '--train-size', '1000', '--seed', '1', '--lr', '1', '--name', 'small']);
    const wb = await openWorkbench(suite.browser(), home);
    const { page } = wb;
    try {
      await page.getByRole('button', { name: 'Inside', exact: true }).click();
      const slider = page.getByRole('slider', { name: 'snapshot' });
      await slider.waitFor();
      expect(await slider.getAttribute('max')).toBe('12');
      await expect.poll(() => page.getByText('Snapshot 13 / 13').count()).toBe(1);
      await page.locator('table.confusion').waitFor({ timeout: 60_000 });
      const counts = await confusionCounts(page);
      expect(counts.flat().reduce((a, b) => a + b, 0)).toBe(10_000);
      const correct = counts.reduce((sum, row, t) => sum + row[t], 0);
      // The panel shows the accuracy the run recorded at that snapshot: the diagonal must give the same.
      const at = await page.locator('.at').first().textContent();
      expect(at).toContain('iteration 120');
      expect(at).toContain(`test acc ${((correct / 10_000) * 100).toFixed(2)}%`);
      expect(await page.getByRole('heading', { name: /^Mistakes \(/ }).textContent()).toContain(
        `(${10_000 - correct} of ${10_000 - correct})`,
      );

      // Exports: the matrix as CSV equals what is shown; per-class accuracy as CSV (13 snapshots) and SVG.
      const csv = readFileSync(
        await suite.download(page, () =>
          page.getByRole('button', { name: 'Save the data as CSV: the confusion matrix' }).click(),
        ),
        'utf8',
      );
      expect(
        csv
          .trim()
          .split('\n')
          .slice(1)
          .map((line) => line.split(',').slice(1).map(Number)),
      ).toEqual(counts);
      const perClassChart = page.locator('figure[data-chart="Per-class test accuracy over the snapshots"]');
      await perClassChart.getByRole('button', { name: 'PNG', exact: true }).waitFor({ timeout: 60_000 });
      const perClass = readFileSync(
        await suite.download(page, () => perClassChart.getByRole('button', { name: 'CSV', exact: true }).click()),
        'utf8',
      )
        .trim()
        .split('\n');
      expect(perClass[0]).toBe('iteration,epoch,class_0,class_1,class_2,class_3,class_4,class_5,class_6,class_7,class_8,class_9');
      expect(perClass.slice(1).map((line) => Number(line.split(',')[0]))).toEqual([
        0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120,
      ]);
      // The chart is one of the app's (LineChart): its SVG has the title, the axes and a legend entry per class.
      const svg = readFileSync(
        await suite.download(page, () => perClassChart.getByRole('button', { name: 'SVG', exact: true }).click()),
        'utf8',
      );
      expect(svg).toContain('Per-class test accuracy: small');
      expect(svg).toContain('test accuracy');
      expect(svg).toContain('epoch');

      // A cell's images: true 0 predicted 0.
      await page.locator('table.confusion tbody tr').first().locator('button').first().click();
      await expect.poll(() => page.getByRole('heading', { name: `True 0, predicted 0: ${counts[0][0]} images` }).count()).toBe(1);
      const cell = page.getByRole('list', { name: 'images of the picked cell' });
      expect(counts[0][0]).toBeGreaterThan(0);
      await expect.poll(() => cell.getByRole('listitem').count()).toBe(Math.min(48, counts[0][0]));
      // Fetched from the backend (a worker thread reads the test files): on a busy machine it takes seconds.
      await expect
        .poll(() => cell.locator('[aria-label^="test image"]').count(), { timeout: 60_000 })
        .toBe(Math.min(48, counts[0][0]));
      await page.screenshot({ path: join(SHOTS, 'inside-light.png'), fullPage: true });

      // Tiles: 50 hidden units.
      expect(await page.locator('[aria-label^="hidden unit "]').count()).toBe(50);

      // Draw a "1": a vertical stroke with the mouse.
      const canvas = page.getByLabel('drawing area: draw a digit');
      await canvas.scrollIntoViewIfNeeded();
      const box = (await canvas.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.15);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.85, { steps: 12 });
      await page.mouse.up();
      const bars = page.locator('.block').filter({ hasText: 'Prediction for the drawing' }).locator('.row');
      await expect.poll(() => bars.count()).toBe(10);
      const label = await page
        .locator('.block')
        .filter({ hasText: 'Prediction for the drawing' })
        .locator('[role="img"]')
        .getAttribute('aria-label');
      const shares = [...label!.matchAll(/(\d) ([\d.]+)%/g)].map((m) => Number(m[2]));
      expect(shares).toHaveLength(10);
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);

      // The slider back to the first snapshot (the untrained net, iteration 0).
      await slider.focus();
      await page.keyboard.press('Home');
      await expect.poll(() => page.locator('.at').first().textContent()).toContain('iteration 0 ');
      // The matrix shown is the untrained net's, and agrees with the accuracy recorded at iteration 0.
      await expect
        .poll(() => page.getByRole('heading', { name: 'Confusion matrix (test set)', exact: true }).count(), { timeout: 60_000 })
        .toBe(1);
      const first = await confusionCounts(page);
      const firstAcc = first.reduce((sum, row, t) => sum + row[t], 0) / 10_000;
      expect(await page.locator('.at').first().textContent()).toContain(`test acc ${(firstAcc * 100).toFixed(2)}%`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: join(SHOTS, 'inside-dark.png'), fullPage: true });
      expect(wb.consoleErrors).toEqual([]);
    } finally {
      await wb.close();
    }
  }, 180_000);

  it('a running run: its panel gains snapshots as it measures, and keeps the last one when stopped', async () => {
    const wb = await openWorkbench(suite.browser(), newHome());
    const { page } = wb;
    const snapshots = async (): Promise<number> =>
      Number((await page.getByRole('slider', { name: 'snapshot' }).getAttribute('max')) ?? -1) + 1;
    try {
      // 100 000 iterations on 5 000 images: 50 per epoch, so a snapshot every few hundred milliseconds.
      await trainFromForm(page, 100_000, 5000);
      await runsWithStatus(page, 'running', 1);
      await page.getByRole('button', { name: 'Inside', exact: true }).click();
      await expect.poll(snapshots, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
      expect(
        await page
          .getByRole('region', { name: /^Inside / })
          .locator('.status')
          .textContent(),
      ).toBe('running');
      const seen = await snapshots();
      await expect.poll(snapshots, { timeout: 60_000 }).toBeGreaterThan(seen);
      await page.locator('table.confusion').waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: 'Stop' }).click();
      await runsWithStatus(page, 'stopped', 1);
      await expect
        .poll(() =>
          page
            .getByRole('region', { name: /^Inside / })
            .locator('.status')
            .textContent(),
        )
        .toBe('stopped');
      // The slider followed the newest snapshot; the stopped run's last one is its final measurement.
      await expect.poll(() => page.locator('.at').first().textContent(), { timeout: 30_000 }).toMatch(/test acc \d/);
      expect(wb.consoleErrors).toEqual([]);
    } finally {
      await wb.close();
    }
  }, 180_000);

  it('two runs side by side (lr 0.1 and 1.0), each with its own weights and matrix', async () => {
    const home = newHome();
    trainWithCli(home, ['--iters', '60', '--train-size', '1000', '--seed', '2', '--lr', '0.1', '--name', 'lr 0.1']);
    trainWithCli(home, ['--iters', '60', '--train-size', '1000', '--seed', '2', '--lr', '1', '--name', 'lr 1.0']);
    const wb = await openWorkbench(suite.browser(), home);
    const { page } = wb;
    try {
      await runItems(page)
        .nth(1)
        .locator('button.item')
        .click({ modifiers: ['Control'] });
      await page.getByRole('button', { name: 'Inside', exact: true }).click();
      await expect.poll(() => page.locator('table.confusion').count(), { timeout: 60_000 }).toBe(2);
      expect(await page.getByRole('region', { name: /^Inside lr / }).count()).toBe(2);
      const [a, b] = [await confusionCounts(page, 0), await confusionCounts(page, 1)];
      expect(a.flat().reduce((x, y) => x + y, 0)).toBe(10_000);
      expect(b.flat().reduce((x, y) => x + y, 0)).toBe(10_000);
      expect(a).not.toEqual(b);
      expect(await page.locator('[aria-label^="hidden unit "]').count()).toBe(100);
      await page.screenshot({ path: join(SHOTS, 'inside-side-by-side.png'), fullPage: true });
      expect(wb.consoleErrors).toEqual([]);
    } finally {
      await wb.close();
    }
  }, 180_000);
});
