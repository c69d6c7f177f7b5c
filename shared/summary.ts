/** What a finished (or stopped) run reports: the CLI's `summary` line and, later, `run.json`'s summary. */
import type { RunConfig } from './config';

/** How a run ended. */
export type EndStatus = 'completed' | 'stopped' | 'diverged';

export interface RunSummary {
  readonly runId: string;
  readonly status: EndStatus;
  /** Iterations actually run. */
  readonly iterations: number;
  /** Accuracy of the final weights on the training and test sets (null if never measured). */
  readonly trainAcc: number | null;
  readonly testAcc: number | null;
  /** Loss of the last mini-batch, and the mean over the last 100 (fewer if the run was shorter). */
  readonly finalLoss: number | null;
  readonly meanLossLast100: number | null;
  /** Best test accuracy seen and the iteration it was measured at. */
  readonly bestTestAcc: number | null;
  readonly bestTestAccIteration: number | null;
  /** Wall time of the whole run, and its parts: training steps, accuracy measurements, data loading. */
  readonly seconds: number;
  readonly trainSeconds: number;
  readonly evalSeconds: number;
  readonly loadSeconds: number;
  /** iterations / trainSeconds: the speed of the training step alone. */
  readonly itersPerSec: number;
  readonly seed: number;
  /** Iteration whose loss was not finite, for a diverged run. */
  readonly divergedAt?: number;
  readonly config: RunConfig & { seed: number };
}

/** Mean of the last `count` values of `values` (all of them if fewer), or null if there are none. */
export function meanOfLast(values: readonly number[], count: number): number | null {
  if (values.length === 0) return null;
  const tail = values.slice(-count);
  return tail.reduce((a, b) => a + b, 0) / tail.length;
}
