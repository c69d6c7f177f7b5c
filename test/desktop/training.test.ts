/**
 * Training in the desktop app, through IPC and utility-process trainers: the book's run from the form with
 * live charts, the taskbar progress and the end-of-run notification; a three-value learning-rate sweep,
 * one trainer process per run, compared; charts exported through the native save dialog to where it said.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { DesktopApp } from './launch';
import type { Page } from 'playwright-core';
import {
  answerNextSaveDialog,
  chartPoints,
  clickMenu,
  desktopSession,
  desktopSignals,
  exportFromMenu,
  recordDesktopSignals,
  recordUtilityProcesses,
  runItems,
  savedDialogs,
  utilityProcesses,
} from './support';

const session = desktopSession();
let app: DesktopApp;
let page: Page;
let errors: string[];

describe('training in the desktop app', () => {
  it("trains the book's network from the form: live, growing charts, taskbar progress, a notification at the end (window in the background)", async () => {
    ({ app, page, errors } = await session.launch());
    await recordDesktopSignals(app);
    await recordUtilityProcesses(app);
    // The user looks elsewhere while it trains: the end is notified.
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].blur());
    await page.getByRole('button', { name: 'Book defaults' }).click();
    await page.fill('input[name=iterations]', '1500');
    await page.fill('input[name=trainSize]', '10000');
    await page.getByRole('button', { name: 'Start training' }).click();
    await expect.poll(() => runItems(page).count()).toBe(1);
    await expect.poll(() => chartPoints(page, 'Loss per iteration')).toBeGreaterThan(20);
    const early = await chartPoints(page, 'Loss per iteration');
    await expect.poll(() => chartPoints(page, 'Loss per iteration')).toBeGreaterThan(early + 50);
    await expect.poll(() => runItems(page).first().getAttribute('data-status'), { timeout: 90_000 }).toBe('completed');
    const runId = await runItems(page).first().getAttribute('data-run-id');
    // The run trained in a utility process of its own, started from the built trainer bundle.
    expect(await utilityProcesses(app)).toEqual([`descent-trainer-${runId} main/trainer.js`]);
    const { progress, notifications } = await desktopSignals(app);
    expect(progress.some((value) => value > 0 && value < 1)).toBe(true);
    expect(progress.filter((value) => value >= 0)).toEqual([...progress.filter((value) => value >= 0)].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(-1); // no run left: the bar goes
    expect(notifications).toHaveLength(1);
    expect(notifications[0].title).toMatch(/: completed$/);
    expect(notifications[0].body).toMatch(/^1500 iterations · test accuracy 0\.\d{4}$/);
  });

  it('trains a sweep of three learning rates, each in its own utility process, and compares them', async () => {
    // Watched in the window this time: no notifications.
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].focus());
    await page.getByRole('button', { name: 'Sweep', exact: true }).click();
    await page.fill('input[name=values]', '0.01, 0.1, 1');
    await page.fill('input[name=sweepIterations]', '300');
    await page.getByRole('button', { name: 'Launch 3 runs' }).click();
    await page.getByRole('heading', { name: 'Compare 3 runs' }).waitFor({ timeout: 60_000 });
    await expect
      .poll(() => page.locator('ul[aria-label="runs"] li[data-status="completed"]').count(), { timeout: 120_000 })
      .toBe(4);
    const sweepIds = await page
      .locator('ul[aria-label="runs"] li[data-run-id]')
      .evaluateAll((items) => items.map((item) => (item as unknown as { dataset: { runId: string } }).dataset.runId));
    const forks = await utilityProcesses(app);
    expect(forks).toHaveLength(4);
    expect(new Set(forks).size).toBe(4);
    for (const id of sweepIds) expect(forks).toContain(`descent-trainer-${id} main/trainer.js`);
    await expect.poll(() => page.locator('.multiples figure').count()).toBe(3);
    expect((await desktopSignals(app)).notifications).toHaveLength(1);
    expect(await page.locator('table.diff tbody tr th').allTextContents()).toEqual(['learning rate']);
  });

  it('exports PNG, SVG and CSV through the save dialog, to the paths the dialog gave', async () => {
    const figure = page.locator('figure[data-chart="Loss per iteration"]').first();
    const exported = async (format: string, path: string) => {
      await answerNextSaveDialog(app, path);
      await figure.locator('button', { hasText: format }).first().click();
      await expect.poll(() => readFileSync(path).length).toBeGreaterThan(0);
      return readFileSync(path);
    };
    const png = PNG.sync.read(await exported('PNG', join(session.home, 'chosen loss.png')));
    expect([png.width, png.height]).toEqual([2400, 1400]);
    const svg = (await exported('SVG', join(session.home, 'chosen loss.svg'))).toString('utf8');
    expect(svg).toMatch(/^<svg[\s>]/);
    expect(svg).toContain('lr 0.1');
    const csv = (await exported('CSV', join(session.home, 'chosen loss.csv'))).toString('utf8').trim().split('\n');
    // The chart's data (its columns are the renderer's business, test/e2e checks them): three runs of 300 iterations.
    expect(csv[0].split(',')).toEqual(expect.arrayContaining(['iteration', 'loss']));
    expect(csv.length - 1).toBeGreaterThanOrEqual(3 * 300);
    // The dialog was offered the chart's own file names, one per format.
    const offered = (await savedDialogs(app)).map((options) => options.defaultPath ?? '');
    expect(offered.map((name) => name.split('.').pop())).toEqual(['png', 'svg', 'csv']);
    expect(errors).toEqual([]);
  });

  it("File › Export… on the Runs, Lab and Inside views offers the view's first figure in the formats its buttons save, through the save dialog", async () => {
    const exportView = async (view: string, ready: string, format: string, path: string, complete: (file: Buffer) => boolean) => {
      await clickMenu(app, ['View', view]);
      await page.locator(ready).first().waitFor();
      await exportFromMenu(app, page, format, path);
      await expect.poll(() => existsSync(path) && complete(readFileSync(path))).toBe(true);
      return { file: readFileSync(path), offered: (await savedDialogs(app)).at(-1)?.defaultPath ?? '' };
    };
    const svgWritten = (file: Buffer) => /<\/svg>\s*$/.test(file.toString('utf8'));
    const pngWritten = (file: Buffer) => {
      try {
        return PNG.sync.read(file).width > 0;
      } catch {
        return false; // not all written yet
      }
    };
    const offered = () => page.getByRole('dialog', { name: 'Export figure' }).getByRole('button');
    // Runs: the parallel coordinates of the four runs (the learning rate varies), as PNG, SVG or CSV like its buttons.
    await clickMenu(app, ['View', 'Runs']);
    await page.locator('figure[data-chart="parallel coordinates"]').waitFor();
    await clickMenu(app, ['File', 'Export…']);
    await expect.poll(() => offered().allTextContents()).toEqual(['Save PNG', 'Save SVG', 'Save CSV (data)', 'Cancel']);
    await page.getByRole('dialog', { name: 'Export figure' }).getByText('Save the parallel coordinates chart as:').waitFor();
    await offered().filter({ hasText: 'Cancel' }).click();
    await page.getByRole('dialog', { name: 'Export figure' }).waitFor({ state: 'hidden' });
    const runs = await exportView(
      'Runs',
      'figure[data-chart="parallel coordinates"]',
      'SVG',
      join(session.home, 'runs view.svg'),
      svgWritten,
    );
    expect(runs.offered).toMatch(/^descent-parallel-4-runs\.svg$/);
    expect(runs.file.toString('utf8')).toContain('learning rate');
    const csv = await exportView(
      'Runs',
      'figure[data-chart="parallel coordinates"]',
      'CSV (data)',
      join(session.home, 'runs view.csv'),
      (file) => file.toString('utf8').trim().split('\n').length === 5,
    );
    expect(csv.offered).toBe('descent-parallel-4-runs.csv');
    // Lab: its first page's figure, the losses' bars, as PNG.
    const lab = await exportView('Lab', '.bars', 'PNG', join(session.home, 'lab view.png'), pngWritten);
    expect(lab.offered).toBe('descent-lab-losses.png');
    // Inside: the first figure of the watched runs, their first-layer weights.
    const inside = await exportView(
      'Inside',
      'button[data-export="svg"]',
      'SVG',
      join(session.home, 'inside view.svg'),
      svgWritten,
    );
    expect(inside.offered).toMatch(/\.svg$/);
    expect(inside.file.toString('utf8')).toMatch(/^<(\?xml|svg)/);
    expect(errors).toEqual([]);
  });
});
