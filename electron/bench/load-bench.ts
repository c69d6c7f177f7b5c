/**
 * The store under load: 1 000 runs listed by `descent runs` and by the workbench in Chromium. The
 * runs are copies of one real training run (its record and its whole metrics file), each under its
 * own id and name, so every list reads 1 000 real-sized folders.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BOOK_DEFAULTS } from '../../shared/config';
import { RENDERER_DIR } from '../core/renderer-build';
import { RunManager } from '../core/run-manager';
import { newRunId } from '../core/run-id';
import { RunStore } from '../core/store/run-store';
import { NodeTrainerHost } from '../core/trainer-host';
import { WorkbenchService } from '../core/workbench-service';
import { startBridge } from '../server/bridge';
import { ensureRendererBuilt, launchChromium } from './chromium';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'descent.js');
export const LOAD_RUNS = 1000;

/** A store of `count` runs: one trained for real (1 000 iterations, 6 evaluations), then copied. */
export async function generateStore(home: string, count = LOAD_RUNS): Promise<RunStore> {
  const store = new RunStore(home);
  const manager = new RunManager({ store, host: new NodeTrainerHost(), concurrency: 1 });
  const original = manager.submit({ ...BOOK_DEFAULTS, iterations: 1000, trainSize: 10_000, seed: 7 });
  await manager.whenIdle();
  const record = store.read(original.id);
  if (record.status !== 'completed') throw new Error(`the load bench's seed run ended ${record.status}: ${record.error}`);
  const start = Date.parse(record.createdAt);
  for (let i = 1; i < count; i++) {
    const id = newRunId(new Date(start + i * 1000));
    cpSync(store.runDir(record.id), store.runDir(id), { recursive: true });
    store.write({ ...record, id, name: `copy ${i} of ${record.name}` });
  }
  return store;
}

/** Wall seconds of each `descent runs` (process start to exit, as a user waits for it). */
export function measureCliList(home: string, repeats: number): number[] {
  const seconds: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, [BIN, 'runs'], {
      env: { ...process.env, DESCENT_HOME: home },
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    seconds.push((performance.now() - started) / 1000);
    const listed = result.stdout.split('\n').filter((line) => /^\d{8}-\d{6}-[0-9a-f]{6} /.test(line)).length;
    if (result.status !== 0 || listed !== LOAD_RUNS)
      throw new Error(`descent runs listed ${listed} runs (exit ${result.status}): ${result.stderr}`);
  }
  return seconds;
}

/** Seconds from navigation to all runs shown in the workbench's run list, page loaded afresh each time. */
export function measureAppList(home: string, chromium: string, repeats: number): Promise<number[]> {
  return timePageLoads(
    home,
    chromium,
    repeats,
    (count) => {
      // Runs in the page, which has the DOM this (Node-typed) file does not declare.
      const page = globalThis as unknown as { document: { querySelectorAll(selector: string): { length: number } } };
      const shown = page.document.querySelectorAll('ul[aria-label="runs"] li[data-run-id]').length;
      return shown >= (count as number) ? performance.now() : false;
    },
    LOAD_RUNS,
  );
}

/**
 * Seconds from navigation until `ready(arg)`, run in the page at every frame, returns the time it was ready
 * (or false while it is not): the workbench on store `home` over the browser bridge, loaded afresh each time.
 */
export async function timePageLoads(
  home: string,
  chromium: string,
  repeats: number,
  ready: (arg: unknown) => number | false,
  arg: unknown,
): Promise<number[]> {
  await ensureRendererBuilt();
  const manager = new RunManager({ store: new RunStore(home), host: new NodeTrainerHost(), concurrency: 1 });
  const bridge = await startBridge({
    backend: new WorkbenchService(manager, { version: 'bench', transport: 'browser' }),
    staticDir: RENDERER_DIR,
  });
  const browser = await launchChromium(chromium);
  try {
    const seconds: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.goto(bridge.url);
      const handle = await page.waitForFunction(ready, arg, { polling: 'raf', timeout: 60_000 });
      seconds.push(((await handle.jsonValue()) as number) / 1000);
      await page.close();
    }
    return seconds;
  } finally {
    await browser.close();
    await manager.stopAll();
    await bridge.close();
  }
}

/** Both list figures on one generated store, removed afterwards. */
export async function measureLoad(chromium: string | null, repeats: number): Promise<{ cli: number[]; app: number[] | null }> {
  const home = mkdtempSync(join(tmpdir(), 'descent-load-bench-'));
  try {
    await generateStore(home);
    const cli = measureCliList(home, repeats);
    const app = chromium ? await measureAppList(home, chromium, repeats) : null;
    return { cli, app };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
