/**
 * The workbench as a user meets it: the built renderer on `descent serve`, in Debian's Chromium driven by
 * playwright-core. Book defaults → train → live charts → sweep → compare → export → reload → stop → bad input.
 * Each case opens a workbench on a store of its own and sets up what it needs, so cases pass alone and in any
 * order; each must log no console errors. Nothing here writes into the repository (README screenshots are
 * `npm run docs:screenshots`).
 */
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { PALETTE } from '../../renderer/src/lib/palette';
import { uiStateSchema, type UiState } from '../../shared/ui-state';
import { e2eSuite } from '../support/e2e-suite';
import { svgTexts } from '../support/svg-texts';
import {
  launchLearningRateSweep,
  newHome,
  openWorkbench,
  runItems,
  runsWithStatus,
  trainFromForm,
  trainWithCli,
  type OpenWorkbench,
} from '../support/workbench-browser';

const suite = e2eSuite();
let page: Page;

/** Runs `body` on a fresh workbench (`page` is its page), after `seed` filled its store; then closes it. */
async function onFreshWorkbench(
  body: (wb: OpenWorkbench) => Promise<void>,
  seed: (home: string) => void = () => {},
): Promise<void> {
  const home = newHome();
  seed(home);
  const wb = await openWorkbench(suite.browser(), home);
  page = wb.page;
  try {
    await body(wb);
    expect(wb.consoleErrors).toEqual([]);
  } finally {
    await wb.close();
  }
}

/** A short completed run in the store, trained by the `descent` command. */
const oneShortRun = (home: string) => trainWithCli(home, ['--iters', '100', '--train-size', '1000', '--name', 'short run']);

const points = (chart: string) => page.locator(`figure[data-chart="${chart}"]`).first().getAttribute('data-points').then(Number);

/** The book defaults' learning-rate sweep the compare cases start from: three runs of 300 iterations, completed. */
async function completedSweep(): Promise<void> {
  await launchLearningRateSweep(page, '0.01, 0.1, 1', 300);
  await runsWithStatus(page, 'completed', 3);
}

const download = (action: () => Promise<void>): Promise<string> => suite.download(page, action);

/** The page's saved state in the store's home, as written (null while none). */
function readUiStateFile(home: string): UiState | null {
  try {
    return uiStateSchema.parse(JSON.parse(readFileSync(join(home, 'ui-state.json'), 'utf8')));
  } catch {
    return null;
  }
}

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
  });
}

describe('the workbench in Chromium', () => {
  it("trains the book's network from the form and draws live, growing charts", () =>
    onFreshWorkbench(async () => {
      await trainFromForm(page, 1500, 10_000);
      // A fresh server checks the dataset in a worker thread of its own before it stores the run.
      await expect.poll(() => runItems(page).count(), { timeout: 30_000 }).toBe(1);
      await expect.poll(() => points('Loss per iteration'), { timeout: 30_000 }).toBeGreaterThan(20);
      const early = await points('Loss per iteration');
      await expect.poll(() => points('Loss per iteration'), { timeout: 30_000 }).toBeGreaterThan(early + 50);
      await expect.poll(() => points('Accuracy per iteration'), { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
      await expect.poll(() => runItems(page).first().getAttribute('data-status'), { timeout: 60_000 }).toBe('completed');
      // The same curve against wall-clock time.
      const byIteration = await points('Loss per iteration');
      await page.getByLabel('x axis').selectOption('time');
      // The chart is retitled for its axis and plots the same points.
      await expect.poll(() => points('Loss over time')).toBe(byIteration);
    }));

  it('launches a three-value learning-rate sweep and compares it side by side', () =>
    onFreshWorkbench(async () => {
      await launchLearningRateSweep(page, '0.01, 0.1, 1', 300);
      await expect
        .poll(() => page.locator('ul[aria-label="runs"] li[data-status="completed"]').count(), { timeout: 90_000 })
        .toBe(3);
      // Small multiples: one panel per run, plus the overlay's two charts and the sweep chart.
      await expect.poll(() => page.locator('.multiples figure').count()).toBe(3);
      // Each run's final test and train accuracy (and marks for the best run and any that did not learn).
      await expect.poll(() => points('Sweep result')).toBeGreaterThanOrEqual(6);
      const differing = await page.locator('table.diff tbody tr th').allTextContents();
      expect(differing).toEqual(['learning rate']);
    }));

  it('exports a PNG that decodes, a CSV with every plotted point and every run, and the runs as JSON', () =>
    onFreshWorkbench(async () => {
      await completedSweep();
      const png = await download(() =>
        page.locator('figure[data-chart="Loss per iteration"] button', { hasText: 'PNG' }).first().click(),
      );
      const image = PNG.sync.read(readFileSync(png));
      expect(image.width).toBe(2400);
      expect(image.height).toBe(1400);
      const svgText = readFileSync(
        await download(() => page.locator('figure[data-chart="Loss per iteration"] button', { hasText: 'SVG' }).first().click()),
        'utf8',
      );
      // A real SVG document: parses, has the axes' text, and one path per plotted line in its colour.
      const svg = await svgTexts(page, svgText);
      expect(svg.error).toBeNull();
      expect(svg.root).toBe('svg');
      expect(svg.texts).toEqual(expect.arrayContaining(['iteration', 'loss', 'lr 0.1']));
      // The three compared runs' lines are paths stroked in their palette colours (as hex or rgb()).
      const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(',')})`;
      const palette = new Set(PALETTE.flatMap((hex) => [hex, rgb(hex)]));
      const lineColours = new Set(svg.strokes.map((c) => c?.replace(/\s/g, '').toLowerCase()).filter((c) => c && palette.has(c)));
      expect(lineColours.size).toBeGreaterThanOrEqual(3);
      // The chart's data: every recorded iteration of the three runs (tidy, raw values), not the plotted reduction.
      const csv = readFileSync(
        await download(() => page.locator('figure[data-chart="Loss per iteration"] button', { hasText: 'CSV' }).first().click()),
        'utf8',
      )
        .trim()
        .split('\n');
      expect(csv[0]).toMatch(/^run,name,.*,learning_rate,.*,iteration,epoch,loss,loss_smoothed,smoothing,train_acc,test_acc$/);
      expect(csv.length - 1).toBe(3 * 301);
      const sheet = readFileSync(
        await download(() => page.getByRole('button', { name: 'Export all charts (SVG)' }).click()),
        'utf8',
      );
      // Overlay loss and accuracy, three side-by-side panels and the sweep chart: six nested charts.
      expect(sheet.match(/<svg /g)).toHaveLength(1 + 6);
      const all = readFileSync(await download(() => page.getByRole('button', { name: 'Export all data (CSV)' }).click()), 'utf8')
        .trim()
        .split('\n');
      expect(all[0]).toMatch(/^run,name,dataset,layers,.*,iteration,epoch,loss,loss_smoothed,smoothing,train_acc,test_acc$/);
      expect(all.length - 1).toBe(3 * 301);
      // The same histories as JSON, each with its run's whole record, as `descent export --format json` writes them.
      type History = { run: { config: { learningRate: number } }; iterations: number[]; losses: number[]; epochs: unknown[] };
      const histories = JSON.parse(
        readFileSync(await download(() => page.getByRole('button', { name: 'Export all data (JSON)' }).click()), 'utf8'),
      ) as History[];
      expect(histories.map((h) => h.run.config.learningRate).sort((x, y) => x - y)).toEqual([0.01, 0.1, 1]);
      for (const h of histories) {
        expect(h.iterations).toEqual(Array.from({ length: 300 }, (_, i) => i));
        expect(h.losses).toHaveLength(300);
        expect(h.epochs.length).toBeGreaterThan(0);
      }
    }));

  it('finds every run again after a reload, with the selection, view and chart settings as they were', () =>
    onFreshWorkbench(async () => {
      await completedSweep();
      await page.getByLabel('smoothing').fill('0.3');
      await page.getByLabel('log loss').check();
      const selected = await page.locator('ul[aria-label="runs"] li.selected').count();
      await page.reload();
      await page.getByRole('heading', { name: 'Compare 3 runs' }).waitFor();
      await expect.poll(() => runItems(page).count()).toBe(3);
      expect(await page.locator('ul[aria-label="runs"] li.selected').count()).toBe(selected);
      expect(await page.getByLabel('smoothing').inputValue()).toBe('0.3');
      expect(await page.getByLabel('log loss').isChecked()).toBe(true);
    }));

  it('finds the chart settings, view and selection again after descent serve restarts on another port of the same home', async () => {
    const home = newHome();
    oneShortRun(home);
    const first = await openWorkbench(suite.browser(), home);
    page = first.page;
    const firstPort = new URL(page.url()).port;
    try {
      await page.getByLabel('smoothing').fill('0.3');
      await page.getByLabel('log loss').check();
      await page.getByLabel('x axis').selectOption('epoch');
      await page.getByRole('button', { name: 'Sweep', exact: true }).click();
      // Saved in the store's home once the changes settle.
      await expect.poll(() => readUiStateFile(home)?.view, { timeout: 10_000 }).toBe('sweep');
      expect(readUiStateFile(home)?.prefs).toMatchObject({ smoothing: 0.3, logY: true, xAxis: 'epoch' });
      expect(first.consoleErrors).toEqual([]);
    } finally {
      await first.close({ keepHome: true });
    }
    const again = await openWorkbench(suite.browser(), home, { port: await freePort() });
    page = again.page;
    try {
      expect(new URL(page.url()).port).not.toBe(firstPort);
      expect(await page.getByRole('heading', { name: 'Sweep', exact: true }).isVisible()).toBe(true);
      await page.getByRole('button', { name: 'Train', exact: true }).click();
      expect(await page.getByLabel('smoothing').inputValue()).toBe('0.3');
      expect(await page.getByLabel('log loss').isChecked()).toBe(true);
      expect(await page.getByLabel('x axis').inputValue()).toBe('epoch');
      expect(await page.locator('ul[aria-label="runs"] li.selected .name').textContent()).toBe('short run');
      expect(again.consoleErrors).toEqual([]);
    } finally {
      await again.close();
    }
  });

  it('renames, tags and annotates a run', () =>
    onFreshWorkbench(async () => {
      const first = runItems(page).first();
      await first.locator('button.item').click();
      await first.getByRole('button', { name: 'Edit…' }).click();
      await first.locator('input[name=runName]').fill('baseline (book)');
      await first.locator('input[name=runTags]').fill('book, baseline');
      await first.locator('textarea[name=runNotes]').fill('the defaults, shorter');
      await first.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => first.locator('.name').textContent()).toBe('baseline (book)');
      await expect.poll(() => first.locator('.tag').allTextContents()).toEqual(['book', 'baseline']);
    }, oneShortRun));

  it('stops a running run', () =>
    onFreshWorkbench(async () => {
      await trainFromForm(page, 1_000_000, 1000);
      await expect.poll(() => runItems(page).first().getAttribute('data-status'), { timeout: 30_000 }).toBe('running');
      await runItems(page).first().getByRole('button', { name: 'Stop' }).click();
      await expect.poll(() => runItems(page).first().getAttribute('data-status'), { timeout: 30_000 }).toBe('stopped');
    }));

  it("bad input in the form shows the field's error and sends no start request", () =>
    onFreshWorkbench(async () => {
      // Every API call is an HTTP request to api/<method>: record the page's.
      const calls: string[] = [];
      page.on('request', (request) => void calls.push(new URL(request.url()).pathname));
      await page.fill('input[name=learningRate]', '-1');
      await page.fill('input[name=batchSize]', '0');
      await page.getByRole('button', { name: 'Start training' }).click();
      await expect(
        page.getByText('learning rate: must be a number greater than 0 and at most 1000, got -1').isVisible(),
      ).resolves.toBe(true);
      await expect(page.getByText('batch size: must be a whole number from 1 to 60,000, got 0').isVisible()).resolves.toBe(true);
      // The form refuses before calling the API (the errors above are drawn after that decision, in the same handler).
      expect(calls.filter((path) => path.endsWith('/api/startRun'))).toEqual([]);
      await page.reload();
      await page.getByRole('heading', { name: 'New run' }).waitFor();
      expect(await runItems(page).count()).toBe(0);
    }));

  it("runs the book's gradient check (in a trainer process) and shows one row per parameter", () =>
    onFreshWorkbench(async () => {
      await page.getByRole('button', { name: /^Gradient check$/ }).click();
      await page.fill('input[name=gradcheckBatch]', '3');
      await page.getByRole('button', { name: 'Run the check' }).click();
      const rows = page.locator('form[aria-label="Gradient check"] tbody tr');
      await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(4);
      expect(await rows.locator('th').allTextContents()).toEqual(['W1', 'b1', 'W2', 'b2']);
      // b2's difference is the book's δ = 1e-7 at work (≈ 1e-7); W1's is far smaller.
      const maxOf = async (i: number) => Number(await rows.nth(i).locator('td').nth(2).textContent());
      expect(await maxOf(0)).toBeLessThan(1e-8);
      expect(await maxOf(3)).toBeGreaterThan(1e-9);
      expect(await maxOf(3)).toBeLessThan(1e-6);
    }));

  it('follows the OS into dark mode: page and chart text take the dark colours', () =>
    onFreshWorkbench(async () => {
      await runItems(page).first().locator('button.item').click();
      await page.locator('figure[data-chart="Loss per iteration"] canvas').waitFor();
      await page.emulateMedia({ colorScheme: 'dark' });
      // Runs in the page; typed here without the DOM library of the browser-side code.
      type Page = {
        getComputedStyle(e: unknown): { getPropertyValue(n: string): string };
        document: { documentElement: unknown };
      };
      await expect
        .poll(() =>
          page.evaluate(() => {
            const { getComputedStyle, document } = globalThis as unknown as Page;
            return getComputedStyle(document.documentElement).getPropertyValue('--bg').trim();
          }),
        )
        .toBe('#15181c');
      // The chart repaints its axes in the dark scheme's muted grey (#9aa4b0): some pixels of the canvas have it.
      type Canvas = {
        width: number;
        height: number;
        getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
      };
      const hasDarkText = () =>
        page.locator('figure[data-chart="Loss per iteration"] canvas').evaluate((element) => {
          const canvas = element as unknown as Canvas;
          const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
          for (let i = 0; i < data.length; i += 4)
            if (data[i] === 0x9a && data[i + 1] === 0xa4 && data[i + 2] === 0xb0) return true;
          return false;
        });
      await expect.poll(hasDarkText).toBe(true);
    }, oneShortRun));

  it('speaks 中文 and 日本語 (form labels, chart titles, validation messages), chosen in the header and kept across a reload', () =>
    onFreshWorkbench(async ({ home }) => {
      await runItems(page).first().locator('button.item').click();
      await page.locator('figure[data-chart="Loss per iteration"] canvas').waitFor();
      expect(await page.locator('select[name=language]').inputValue()).toBe('en');
      await page.fill('input[name=batchSize]', '0');
      await page.getByRole('button', { name: 'Start training' }).click();
      await page.getByText('batch size: must be a whole number from 1 to 60,000, got 0').waitFor();

      await page.selectOption('select[name=language]', 'zh-CN');
      await page.getByRole('heading', { name: '新建训练' }).waitFor();
      expect(await page.getByLabel('学习率', { exact: true }).inputValue()).toBe('0.1');
      expect(await page.getByRole('button', { name: '开始训练' }).isVisible()).toBe(true);
      await page.locator('figure[data-chart="每次迭代的损失"] canvas').waitFor();
      await page.locator('figure[data-chart="每次迭代的识别精度"] canvas').waitFor();
      await page.getByText('mini-batch 大小：必须是 1 到 60,000 之间的整数，当前为 0').waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');

      await page.selectOption('select[name=language]', 'ja');
      await page.getByRole('heading', { name: '新規学習' }).waitFor();
      expect(await page.getByLabel('学習率', { exact: true }).inputValue()).toBe('0.1');
      await page.locator('figure[data-chart="繰り返しごとの損失"] canvas').waitFor();
      await page.getByText('ミニバッチのサイズ：1 から 60,000 までの整数にしてください（入力値：0）').waitFor();
      expect(await page.getByRole('button', { name: 'ネットワークの中' }).isVisible()).toBe(true);

      // Kept in the store's home with the rest of the page's state; a reload speaks Japanese again.
      await expect.poll(() => readUiStateFile(home)?.locale, { timeout: 10_000 }).toBe('ja');
      await page.reload();
      await page.getByRole('heading', { name: '新規学習' }).waitFor();
      expect(await page.locator('select[name=language]').inputValue()).toBe('ja');
      await page.locator('figure[data-chart="繰り返しごとの認識精度"] canvas').waitFor();
    }, oneShortRun));
});
