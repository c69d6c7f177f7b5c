/** Figures a run's card shows while it trains and after. Pure. */
import type { RunRecord } from '../../../shared/run-record';
import type { LiveMetrics } from './workbench.svelte';

/**
 * The best test accuracy so far: the summary's once the run has ended; while it trains, the highest of the
 * measurements received (from the first epoch on); null before any.
 */
export function bestSoFar(run: Pick<RunRecord, 'summary' | 'lastEpoch'>, live: LiveMetrics | undefined): number | null {
  if (run.summary?.bestTestAcc !== undefined && run.summary?.bestTestAcc !== null) return run.summary.bestTestAcc;
  const measured = live?.epochs.map((e) => e.testAcc) ?? [];
  if (run.lastEpoch) measured.push(run.lastEpoch.testAcc);
  return measured.length ? Math.max(...measured) : null;
}

/**
 * How long a run has trained, pauses left out: a finished run's measured time, a live one's time since it
 * started (at `nowMs`); null before it starts. Pauses are the record's (absent in older records: none).
 */
export function activeSeconds(
  run: Pick<RunRecord, 'summary' | 'startedAt' | 'pausedSeconds' | 'pausedAt'>,
  nowMs: number,
): number | null {
  const pausedEnded = run.pausedSeconds ?? 0;
  if (run.summary) return Math.max(0, run.summary.seconds - pausedEnded);
  if (!run.startedAt) return null;
  const current = run.pausedAt ? nowMs - Date.parse(run.pausedAt) : 0;
  return Math.max(0, (nowMs - Date.parse(run.startedAt) - current) / 1000 - pausedEnded);
}
