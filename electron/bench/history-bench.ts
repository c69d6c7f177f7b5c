/**
 * A run of the allowed maximum, 10 000 000 iterations (a ~285 MB metrics file): how long the workbench's
 * backend takes to hand its chart the history (the first time, when the summary is made in one pass, and
 * then from the summary kept beside the file), what it sends, and how long `descent show` takes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BOOK_DEFAULTS } from '../../shared/config';
import { RUN_SCHEMA_VERSION } from '../../shared/run-record';
import { newRunId } from '../core/run-id';
import { RunStore } from '../core/store/run-store';
import { timePageLoads } from './load-bench';
import { writeLongHistory } from './long-history';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'descent.js');
export const LONG_RUN_ITERATIONS = 10_000_000;

export interface HistoryFigures {
  readonly metricsBytes: number;
  /** Seconds for the chart's history: the first request (summary made), then later ones (summary read). */
  readonly firstOpen: number;
  readonly laterOpens: number[];
  /** JSON bytes a later request sends. */
  readonly sentBytes: number;
  /** Wall seconds of `descent show <id>` (process start to exit). */
  readonly show: number[];
  /** Seconds from page load to the workbench's first chart drawn with the run's history (with Chromium). */
  readonly app: number[] | null;
}

export async function measureLongHistory(repeats: number, chromium: string | null): Promise<HistoryFigures> {
  const home = mkdtempSync(join(tmpdir(), 'descent-history-bench-'));
  try {
    const store = new RunStore(home);
    const id = newRunId();
    const now = new Date().toISOString();
    store.create({
      schemaVersion: RUN_SCHEMA_VERSION,
      id,
      name: 'bench: 10 000 000 iterations',
      tags: [],
      notes: '',
      group: null,
      status: 'completed',
      config: { ...BOOK_DEFAULTS, iterations: LONG_RUN_ITERATIONS, seed: 1 },
      createdAt: now,
      startedAt: now,
      endedAt: now,
      iterationsDone: LONG_RUN_ITERATIONS,
      lastEpoch: null,
      owner: null,
      summary: null,
      error: null,
    });
    writeLongHistory(store.metricsPath(id), LONG_RUN_ITERATIONS);
    const timed = async (): Promise<[number, number]> => {
      const started = performance.now();
      const sent = JSON.stringify(await store.chartMetrics(id)).length;
      return [(performance.now() - started) / 1000, sent];
    };
    const [firstOpen] = await timed();
    const laterOpens: number[] = [];
    let sentBytes = 0;
    for (let r = 0; r < repeats; r++) {
      const [seconds, sent] = await timed();
      laterOpens.push(seconds);
      sentBytes = sent;
    }
    const show: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const started = performance.now();
      const result = spawnSync(process.execPath, [BIN, 'show', id], {
        env: { ...process.env, DESCENT_HOME: home },
        encoding: 'utf8',
      });
      if (result.status !== 0) throw new Error(`descent show failed (exit ${result.status}): ${result.stderr}`);
      show.push((performance.now() - started) / 1000);
    }
    // The only run is selected on a fresh page; the renderer marks each data-driven redraw with the measure
    // `descent:ui-update` (UI_UPDATE_MEASURE in renderer/src/lib/workbench.svelte.ts).
    const app = chromium
      ? await timePageLoads(
          home,
          chromium,
          repeats,
          (measure) => {
            const drawn = performance.getEntriesByName(measure as string);
            return drawn.length > 0 ? drawn[0].startTime + drawn[0].duration : false;
          },
          'descent:ui-update',
        )
      : null;
    return { metricsBytes: statSync(store.metricsPath(id)).size, firstOpen, laterOpens, sentBytes, show, app };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
