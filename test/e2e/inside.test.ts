/**
 * The Inside view in Chromium on runs trained by the CLI (120 iterations on 1 000 images: 10 per epoch, 13
 * snapshots): the snapshot slider, the confusion matrix agreeing with the recorded test accuracy, a cell's
 * images, the mistakes gallery, a digit drawn with the mouse predicted with its hidden activations, a running run in
 * dark mode, three runs side by side (in Inside and in Compare), and exports parsed back; axe-core finds no serious
 * problem on the way.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../support/axe';
import { e2eSuite } from '../support/e2e-suite';
import { writeToyDataset } from '../support/idx-files';
import { svgTexts } from '../support/svg-texts';
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

/** Draws a "1" (a vertical stroke) with the mouse on the page's drawing canvas. */
async function drawOne(page: Page): Promise<void> {
  const canvas = page.getByLabel('drawing area: draw a digit');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.15);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.85, { steps: 12 });
  await page.mouse.up();
}

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
      await drawOne(page);
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
      // The hidden layer's answer to the drawing: a bar per unit (50), the tiles of the 8 that respond most,
      // in the order of their activations.
      const hidden = page.locator('.block').filter({ hasText: 'Hidden units for the drawing' });
      await expect.poll(() => hidden.locator('rect[data-unit]').count()).toBe(50);
      const captions = await hidden.locator('figcaption').allTextContents();
      expect(captions).toHaveLength(8);
      const strongest = captions.map((c) => Number(c.split('·')[1]));
      expect(strongest).toEqual([...strongest].sort((a, b) => b - a));
      const barValues = (
        await hidden.locator('rect[data-unit]').evaluateAll((bars) => bars.map((b) => Number(b.getAttribute('data-activation'))))
      )
        .sort((a, b) => b - a)
        .slice(0, 8);
      expect(strongest).toEqual(barValues.map((v) => Number(v.toFixed(2))));
      expect(await seriousAxeViolations(page)).toEqual([]);

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
      await page.emulateMedia({ colorScheme: 'dark' });
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
      // Every view of the running run, in dark mode: tiles, matrix, per-class chart, and a test image's prediction.
      expect(await page.locator('[aria-label^="hidden unit "]').count()).toBe(50);
      await page.locator('figure[data-chart="Per-class test accuracy over the snapshots"]').waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: 'Use test image' }).click();
      await expect
        .poll(() => page.locator('.block').filter({ hasText: 'Prediction for the drawing' }).locator('.row').count(), {
          timeout: 60_000,
        })
        .toBe(10);
      expect(await page.evaluate('getComputedStyle(document.body).backgroundColor')).not.toBe('rgb(255, 255, 255)');
      await page.screenshot({ path: join(SHOTS, 'inside-running-dark.png'), fullPage: true });
      expect(await seriousAxeViolations(page)).toEqual([]);
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

  it('three runs side by side (lr 0.1, 1.0, 3.0): own weights and matrices, one drawing predicted by each, in Inside and in Compare', async () => {
    const home = newHome();
    for (const lr of ['0.1', '1.0', '3.0'])
      trainWithCli(home, ['--iters', '60', '--train-size', '1000', '--seed', '2', '--lr', lr, '--name', `lr ${lr}`]);
    const wb = await openWorkbench(suite.browser(), home);
    const { page } = wb;
    try {
      for (const i of [1, 2])
        await runItems(page)
          .nth(i)
          .locator('button.item')
          .click({ modifiers: ['Control'] });
      await page.getByRole('button', { name: 'Inside', exact: true }).click();
      await expect.poll(() => page.locator('table.confusion').count(), { timeout: 60_000 }).toBe(3);
      expect(await page.getByRole('region', { name: /^Inside lr / }).count()).toBe(3);
      const matrices = [await confusionCounts(page, 0), await confusionCounts(page, 1), await confusionCounts(page, 2)];
      for (const m of matrices) expect(m.flat().reduce((x, y) => x + y, 0)).toBe(10_000);
      expect(new Set(matrices.map((m) => JSON.stringify(m))).size).toBe(3);
      expect(await page.locator('[aria-label^="hidden unit "]').count()).toBe(150);
      await drawOne(page);
      const predictions = page.locator('.block').filter({ hasText: 'Prediction for the drawing' });
      await expect.poll(() => predictions.locator('.row').count()).toBe(30);
      await page.screenshot({ path: join(SHOTS, 'inside-side-by-side.png'), fullPage: true });

      // Compare: the same three runs, one drawing, a softmax per run; its CSV has each run's 10 probabilities.
      await page.getByRole('button', { name: /^Compare/ }).click();
      await page.getByText('Draw a digit: every run predicts it').click();
      await drawOne(page);
      const each = page.getByRole('group', { name: /^prediction of / });
      await expect.poll(() => each.locator('.row').count()).toBe(30);
      expect(await each.count()).toBe(3);
      expect(await seriousAxeViolations(page)).toEqual([]);
      const csv = readFileSync(
        await suite.download(page, () =>
          page.getByRole('button', { name: "Save the data as CSV: every run's prediction for the drawing" }).click(),
        ),
        'utf8',
      )
        .trim()
        .split('\n');
      expect(csv[0]).toBe('run,class,probability');
      expect(csv).toHaveLength(31);
      const sums = new Map<string, number>();
      for (const line of csv.slice(1)) {
        const probability = Number(line.slice(line.lastIndexOf(',') + 1));
        const run = line.slice(0, line.indexOf(','));
        sums.set(run, (sums.get(run) ?? 0) + probability);
      }
      expect(sums.size).toBe(3);
      for (const sum of sums.values()) expect(sum).toBeCloseTo(1, 5);
      expect(wb.consoleErrors).toEqual([]);
    } finally {
      await wb.close();
    }
  }, 240_000);

  it("exports parse and carry the view's numbers: matrix SVG and JSON, predictions CSV, weight tiles SVG, the drawing's softmax JSON, activations CSV", async () => {
    const home = newHome();
    trainWithCli(home, ['--iters', '60', '--train-size', '1000', '--seed', '3', '--lr', '1', '--name', 'exported']);
    const wb = await openWorkbench(suite.browser(), home);
    let page = wb.page;
    const url = page.url();
    try {
      const openInside = async () => {
        await page.getByRole('button', { name: 'Inside', exact: true }).click();
        await page.locator('table.confusion').waitFor({ timeout: 60_000 });
      };
      /** One download from a page of its own (Chromium refuses a page's later downloads once one outlasts its click). */
      const saved = async (name: string, prepare?: () => Promise<void>): Promise<string> => {
        await page.close();
        page = await wb.page.context().newPage();
        await page.goto(url);
        await openInside();
        await prepare?.();
        return readFileSync(await suite.download(page, () => page.getByRole('button', { name }).click()), 'utf8');
      };
      await openInside();
      const counts = await confusionCounts(page);
      const correct = counts.reduce((sum, row, t) => sum + row[t], 0);
      // saved() opens a new page: read the file before naming the page that parses it.
      const matrixSvg = await saved('Save as SVG (vector): the confusion matrix');
      const matrix = await svgTexts(page, matrixSvg, 'rect[data-true]');
      expect(matrix.error).toBeNull();
      expect(matrix.marked).toBe(100);
      expect(matrix.texts.slice(1, 101).map(Number)).toEqual(counts.flat());

      const analysis = JSON.parse(await saved('Save the data as JSON: the confusion matrix')) as {
        confusion: number[][];
        mistakes: unknown[];
      };
      expect(analysis.confusion).toEqual(counts);
      expect(analysis.mistakes).toHaveLength(10_000 - correct);

      const predictions = (await saved('Predictions CSV')).trim().split('\n');
      expect(predictions[0]).toBe('index,label,predicted,correct');
      expect(predictions).toHaveLength(10_001);
      expect(predictions.slice(1).filter((line) => line.endsWith(',1'))).toHaveLength(correct);

      const tilesSvg = await saved('Save as SVG (vector): the first-layer weights');
      const tiles = await svgTexts(page, tilesSvg, 'g[data-label]');
      expect(tiles.error).toBeNull();
      expect(tiles.marked).toBe(50);
      expect(tiles.texts.slice(1)).toEqual(Array.from({ length: 50 }, (_, j) => `unit ${j + 1}`));

      const pickSeven = async () => {
        await page.getByRole('spinbutton', { name: 'Test image', exact: true }).fill('0');
        await page.getByRole('button', { name: 'Use test image' }).click();
      };
      const softmax = JSON.parse(await saved("Save the data as JSON: the drawing's prediction", pickSeven)) as {
        input: number[];
        predicted: number;
        probabilities: number[];
      };
      expect(softmax.input).toHaveLength(784);
      expect(softmax.probabilities).toHaveLength(10);
      expect(softmax.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      expect(softmax.predicted).toBe(softmax.probabilities.indexOf(Math.max(...softmax.probabilities)));

      const activations = (await saved("Save the data as CSV: the hidden units' activations", pickSeven)).trim().split('\n');
      expect(activations[0]).toBe('unit,activation');
      expect(activations).toHaveLength(51);
      for (const line of activations.slice(1)) expect(Number(line.split(',')[1])).toBeGreaterThanOrEqual(0);
      expect(wb.consoleErrors).toEqual([]);
    } finally {
      await wb.close();
    }
  }, 240_000);

  it("says in place why the drawing has no prediction (another dataset's network, a run without weights) and why a test image cannot be used", async () => {
    const home = newHome();
    // A dataset of 8×8 images in 4 classes: its network takes 64 inputs, a drawing has 784.
    const toy = mkdtempSync(join(tmpdir(), 'descent-e2e-toy-'));
    writeToyDataset(toy, { train: 200, test: 50, side: 8, classes: 4 });
    trainWithCli(home, ['--iters', '20', '--train-size', '500', '--seed', '2', '--name', 'mnist run']);
    trainWithCli(home, ['--data', toy, '--layers', '64,10,4', '--iters', '20', '--seed', '2', '--name', 'toy run']);
    const wb = await openWorkbench(suite.browser(), home);
    const { page } = wb;
    const panel = (name: string) => page.getByRole('region', { name: `Inside ${name}` });
    /** A run's softmax bars for the drawing. */
    const bars = (name: string) =>
      panel(name).locator('.block').filter({ hasText: 'Prediction for the drawing' }).locator('.row');
    try {
      // The newest (the toy run) is selected; the MNIST run beside it.
      await runItems(page)
        .filter({ hasText: 'mnist run' })
        .locator('button.item')
        .click({ modifiers: ['Control'] });
      await page.getByRole('button', { name: 'Inside', exact: true }).click();
      await expect.poll(() => page.locator('button[data-export="png"]').count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
      await drawOne(page);
      await expect.poll(() => bars('mnist run').count()).toBe(10);
      await expect
        .poll(() => panel('toy run').getByRole('alert').textContent())
        .toBe("No prediction for the drawing: this run's network takes 64 inputs, the image has 784");
      // Its hidden units are not drawn for an input they cannot take (they threw, and the page stopped updating).
      expect(await panel('toy run').getByText('Hidden units for the drawing').count()).toBe(0);

      // Its test images at their dataset's size, 8×8, inked: drawn as 28×28 the galleries' thumbnails stayed blank.
      await panel('toy run').locator('table.confusion button').filter({ hasNotText: /^0$/ }).first().click();
      const thumbnail = panel('toy run').locator('.gallery canvas').first();
      type Canvas = {
        width: number;
        height: number;
        getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
      };
      await expect
        .poll(() =>
          thumbnail.evaluate((element) => {
            const canvas = element as unknown as Canvas;
            const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
            let inked = 0;
            for (let i = 0; i < data.length; i += 4) if (data[i + 3] === 255 && data[i] < 128) inked++;
            return { width: canvas.width, height: canvas.height, inked: inked > 0 };
          }),
        )
        .toEqual({ width: 8, height: 8, inked: true });

      // A test image the set does not have: said beside the button; the drawing stays, and so do its predictions.
      await page.getByRole('spinbutton', { name: 'Test image', exact: true }).fill('10000');
      await page.getByRole('button', { name: 'Use test image' }).click();
      await expect
        .poll(() => page.locator('.draw [role="alert"]').textContent())
        .toMatch(/^Test image 10000 could not be used: ./);
      expect(await bars('mnist run').count()).toBe(10);
      await page.screenshot({ path: join(SHOTS, 'inside-cannot-predict.png'), fullPage: true });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: join(SHOTS, 'inside-cannot-predict-dark.png'), fullPage: true });
      await page.emulateMedia({ colorScheme: 'light' });

      // A run whose weights are gone: its panel says so for the drawing too.
      await page.getByRole('button', { name: 'Clear' }).click();
      await expect.poll(() => page.locator('.draw [role="alert"]').count()).toBe(0);
      for (const run of readdirSync(join(home, 'runs'))) {
        const dir = join(home, 'runs', run);
        if (JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')).name === 'toy run')
          for (const file of readdirSync(dir))
            if (file.startsWith('weights') || file === 'snapshots') rmSync(join(dir, file), { recursive: true });
      }
      await page.reload();
      await page.locator('header .info').filter({ hasText: ' at a time · ' }).waitFor();
      await panel('toy run').getByText('This run has no stored weights (yet)').waitFor();
      await drawOne(page);
      await expect
        .poll(() => panel('toy run').getByRole('status').textContent())
        .toBe('No prediction for the drawing: this run has no stored weights yet.');
      await expect.poll(() => bars('mnist run').count()).toBe(10);
      expect(wb.consoleErrors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([]);
    } finally {
      await wb.close();
      rmSync(toy, { recursive: true, force: true });
    }
  }, 240_000);
});
