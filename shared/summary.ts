/**
 * What a finished (or stopped) run reports: the trainer's `done` message, `run.json`'s `summary` and the
 * CLI's `summary` line. One schema; readers get its type and never cast.
 */
import { z } from 'zod';
import { storedRunConfigSchema } from './config';
import { MAX_SEED } from './engine/rng';
import { runIdSchema } from './run-id';
import { END_STATUSES } from './run-status';

export type { EndStatus } from './run-status';

/** A seed as runs record it. */
export const seedSchema = z.number().int().min(0).max(MAX_SEED);

/**
 * A configuration with its seed fixed: what a run is trained with and what `run.json` records (a stored
 * configuration from before `lossTiming` existed reads as `before-update`, which is what such runs recorded).
 */
export const seededConfigSchema = storedRunConfigSchema.and(z.object({ seed: seedSchema }));
export type SeededRunConfig = z.infer<typeof seededConfigSchema>;

const count = z.number().int().min(0);
const accuracy = z.number().min(0).max(1);
const duration = z.number().min(0);

// Every field has been written since the first stored summary; a file without one is not a summary.
export const runSummarySchema = z.object({
  runId: runIdSchema,
  status: z.enum(END_STATUSES),
  /** Iterations actually run. */
  iterations: count,
  /** Accuracy of the final weights on the training and test sets (null if never measured). */
  trainAcc: accuracy.nullable(),
  testAcc: accuracy.nullable(),
  /** Loss of the last mini-batch, and the mean over the last 100 (fewer if the run was shorter). */
  finalLoss: z.number().nullable(),
  meanLossLast100: z.number().nullable(),
  /** Best test accuracy seen and the iteration it was measured at. */
  bestTestAcc: accuracy.nullable(),
  bestTestAccIteration: count.nullable(),
  /** Wall time of the whole run, and its parts: training steps, accuracy measurements, data loading. */
  seconds: duration,
  trainSeconds: duration,
  evalSeconds: duration,
  loadSeconds: duration,
  /** iterations / trainSeconds: the speed of the training step alone. */
  itersPerSec: duration,
  seed: seedSchema,
  /** Iteration whose loss was not finite, for a diverged run. */
  divergedAt: count.optional(),
  config: seededConfigSchema,
});
export type RunSummary = z.infer<typeof runSummarySchema>;

/** Mean of the last `count` values of `values` (all of them if fewer), or null if there are none. */
export function meanOfLast(values: readonly number[], count: number): number | null {
  if (values.length === 0) return null;
  const tail = values.slice(-count);
  return tail.reduce((a, b) => a + b, 0) / tail.length;
}
