/**
 * The lines `descent train|sweep --json` prints (DESIGN.md's command-line contract, which scripts depend on):
 * each run's metrics lines tagged with its id, then one `summary` line per run. One schema each; the CLI
 * builds its lines with these types, and tests parse what it prints with them.
 */
import { z } from 'zod';
import { epochMeasurementSchema, progressLineSchema } from './metrics';
import { runIdSchema } from './run-record';
import { RUN_STATUSES } from './run-status';
import { runSummarySchema } from './summary';

/** A batch of iterations and their losses, as in `metrics.ndjson`, with the run's id. */
export const cliProgressLineSchema = progressLineSchema.safeExtend({ runId: runIdSchema });
export type CliProgressLine = z.infer<typeof cliProgressLineSchema>;

/** An accuracy measurement, as in `metrics.ndjson`, with the run's id. */
export const cliEpochLineSchema = z.strictObject({
  type: z.literal('epoch'),
  runId: runIdSchema,
  ...epochMeasurementSchema.shape,
});
export type CliEpochLine = z.infer<typeof cliEpochLineSchema>;

/**
 * The last line for a run: the trainer's summary with the record's status and name — or, for a run that ended
 * without one (failed, stopped before it started), every field the contract names, null where unknown.
 */
export const cliSummaryLineSchema = runSummarySchema.partial().extend({
  type: z.literal('summary'),
  runId: runIdSchema,
  status: z.enum(RUN_STATUSES),
  name: z.string(),
  iterations: runSummarySchema.shape.iterations,
  trainAcc: runSummarySchema.shape.trainAcc,
  testAcc: runSummarySchema.shape.testAcc,
  finalLoss: runSummarySchema.shape.finalLoss,
  meanLossLast100: runSummarySchema.shape.meanLossLast100,
  seconds: runSummarySchema.shape.seconds.nullable(),
  itersPerSec: runSummarySchema.shape.itersPerSec.nullable(),
  seed: runSummarySchema.shape.seed,
  config: runSummarySchema.shape.config,
  /** Why the run failed or was interrupted. */
  error: z.string().optional(),
});
export type CliSummaryLine = z.infer<typeof cliSummaryLineSchema>;

/** A sample's summary as `descent compare` and the group line give it (shared/stats/sample.ts). */
const sampleSummarySchema = z.strictObject({
  n: z.number().int().min(0),
  mean: z.number().nullable(),
  sd: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  ci95: z.tuple([z.number(), z.number()]).readonly().nullable(),
});

/**
 * `descent train --repeat N --json` (and `sweep --repeat N --json`, one per group): after the runs' lines, each
 * repeat group's statistics — `descent compare --json`'s group, with the ids of its runs.
 */
export const cliGroupLineSchema = z.strictObject({
  type: z.literal('group'),
  /** What sets the group apart from the others printed with it ("lr 0.5"), or its main settings if it is alone. */
  label: z.string(),
  runIds: z.array(runIdSchema),
  /** Runs in the group, and how many ended by themselves (completed or diverged): the statistics are over those. */
  runs: z.number().int().min(0),
  counted: z.number().int().min(0),
  /** Runs still live, and runs stopped, failed or interrupted (not counted). */
  live: z.number().int().min(0),
  incomplete: z.number().int().min(0),
  diverged: z.number().int().min(0),
  didNotLearn: z.number().int().min(0),
  /** Seeds of the counted runs, and their final test accuracies in the same order. */
  seeds: z.array(runSummarySchema.shape.seed),
  testAccValues: z.array(z.number()),
  testAcc: sampleSummarySchema,
  meanLossLast100: sampleSummarySchema,
  bestTestAcc: sampleSummarySchema,
});
export type CliGroupLine = z.infer<typeof cliGroupLineSchema>;
