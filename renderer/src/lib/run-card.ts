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
