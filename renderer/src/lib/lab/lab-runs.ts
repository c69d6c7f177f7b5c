/**
 * The stored runs a Lab page can study: those that ended with final weights (completed, or stopped by the
 * user after some steps; a diverged run keeps none), the book's MNIST network first.
 */
import type { RunRecord } from '../../../../shared/run-record';

/** Runs with final weights, in the list's order (newest first). */
export function runsWithWeights(runs: readonly RunRecord[]): RunRecord[] {
  return runs.filter((r) => (r.status === 'completed' || r.status === 'stopped') && r.iterationsDone > 0);
}

/** The run a page starts with: `current` if it still qualifies, else the newest completed MNIST run, else the newest with weights. */
export function pickLabRun(runs: readonly RunRecord[], current: string | null): string | null {
  const usable = runsWithWeights(runs);
  if (current && usable.some((r) => r.id === current)) return current;
  const mnist = usable.find((r) => r.status === 'completed' && r.config.dataset === 'mnist');
  return (mnist ?? usable[0])?.id ?? null;
}
