/**
 * The UI under load: 8 runs training at once, all shown in the compare view in Chromium, each past
 * 10 000 recorded losses; for 10 s, the duration of every data-driven redraw (series rebuilt and every
 * chart updated, the renderer's `descent:ui-update` measure), and the long tasks that kept the page from
 * answering input.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BOOK_DEFAULTS } from '../../shared/config';
import { RunManager } from '../core/run-manager';
import { RENDERER_DIR } from '../core/renderer-build';
import { RunStore } from '../core/store/run-store';
import { NodeTrainerHost } from '../core/trainer-host';
import { WorkbenchService } from '../core/workbench-service';
import { startBridge } from '../server/bridge';
import { ensureRendererBuilt, launchChromium } from './chromium';

const RUNS = 8;
const POINTS = 10_000;
const SAMPLE_MS = 10_000;

/** What the page did while 8 live runs of ≥ 10 000 points were on screen. */
export interface UiUnderLoad {
  /** Milliseconds of each data-driven redraw. */
  readonly updates: number[];
  /** The longest main-thread task: the longest the page could not answer input. */
  readonly longestTaskMs: number;
  /** Share of the sampled time spent in long tasks (> 50 ms). */
  readonly blockedShare: number;
}

export async function measureUiUpdates(chromium: string): Promise<UiUnderLoad> {
  await ensureRendererBuilt();
  const home = mkdtempSync(join(tmpdir(), 'descent-ui-bench-'));
  const manager = new RunManager({ store: new RunStore(home), host: new NodeTrainerHost(), concurrency: RUNS });
  const bridge = await startBridge({
    backend: new WorkbenchService(manager, { version: 'bench', transport: 'browser' }),
    staticDir: RENDERER_DIR,
  });
  const browser = await launchChromium(chromium);
  try {
    const runs = Array.from({ length: RUNS }, (_, i) =>
      manager.submit({ ...BOOK_DEFAULTS, iterations: 4 * POINTS, learningRate: 0.05 * (i + 1), seed: 1 }),
    );
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(bridge.url);
    const items = page.locator('ul[aria-label="runs"] li[data-run-id] button.item');
    await items.nth(RUNS - 1).waitFor();
    await items.first().click();
    for (let i = 1; i < RUNS; i++) await items.nth(i).click({ modifiers: ['Control'] });
    await page.getByRole('button', { name: /^Compare/ }).click();
    const least = () => Math.min(...runs.map((r) => manager.store.read(r.id).iterationsDone));
    // run.json is updated at each measurement (every 600 iterations): enough to know when all passed POINTS.
    while (least() < POINTS) await new Promise((r) => setTimeout(r, 1000));
    await page.evaluate(() => {
      performance.clearMeasures('descent:ui-update');
      // Long tasks (> 50 ms on the main thread) are when the page cannot answer input: the freezes.
      const tasks: number[] = ((globalThis as unknown as { descentLongTasks: number[] }).descentLongTasks = []);
      // 'longtask' is a browser entry type Node's typings do not list.
      new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration))).observe({
        type: 'longtask' as 'mark',
      });
    });
    await page.waitForTimeout(SAMPLE_MS);
    return await page.evaluate((sampleMs) => {
      const tasks = (globalThis as unknown as { descentLongTasks: number[] }).descentLongTasks;
      return {
        updates: performance.getEntriesByName('descent:ui-update').map((e) => e.duration),
        longestTaskMs: Math.max(0, ...tasks),
        blockedShare: tasks.reduce((sum, d) => sum + d, 0) / sampleMs,
      };
    }, SAMPLE_MS);
  } finally {
    await browser.close();
    await manager.stopAll();
    await bridge.close();
    rmSync(home, { recursive: true, force: true });
  }
}
