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
