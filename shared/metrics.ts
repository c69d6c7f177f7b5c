/**
 * A run's recorded history, as one format everywhere: the trainer's `progress` and `epoch` messages
 * are appended to `metrics.ndjson` as they arrive (one JSON object per line), read back from it, and
 * published to the UI — so the line schema, the protocol message and the event share these schemas.
 */
import { z } from 'zod';

const finite = z.number().refine(Number.isFinite, 'must be finite');
const iteration = z.number().int().min(0);
const accuracy = z.number().min(0).max(1);
/** Wall-clock seconds since the run started. */
const elapsed = z.number().min(0);

/** One accuracy measurement: after iteration `iteration`, `epoch` epochs in (fractional for the final one). */
export const epochMeasurementSchema = z.object({
  iteration,
  epoch: finite,
  trainAcc: accuracy,
  testAcc: accuracy,
  seconds: elapsed.optional(),
});
export type EpochMeasurement = z.infer<typeof epochMeasurementSchema>;

/** A batch of iterations and their losses (parallel arrays), stamped with the batch's end time. */
export const progressLineSchema = z
  .strictObject({
    type: z.literal('progress'),
    iterations: z.array(iteration),
    losses: z.array(finite),
    /** Wall-clock seconds since the run started, at the batch's end (early files have none). */
    seconds: elapsed.optional(),
  })
  .refine((m) => m.iterations.length === m.losses.length, 'iterations and losses differ in length');

/** An accuracy measurement as a line. */
export const epochLineSchema = z.strictObject({ type: z.literal('epoch'), ...epochMeasurementSchema.shape });

/** One line of `metrics.ndjson`. */
export const metricsLineSchema = z.discriminatedUnion('type', [progressLineSchema, epochLineSchema]);
export type MetricsLine = z.infer<typeof metricsLineSchema>;
export type ProgressLine = z.infer<typeof progressLineSchema>;
export type EpochLine = z.infer<typeof epochLineSchema>;

/**
 * Parses one line of `metrics.ndjson`. A line that is not JSON, or not a progress or epoch record, gets
 * a reason that completes "line N …" (the reader skips it and reports it with the file and line number).
 */
export function parseMetricsLine(text: string): { ok: true; line: MetricsLine } | { ok: false; reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'is not JSON' };
  }
  const parsed = metricsLineSchema.safeParse(value);
  return parsed.success
    ? { ok: true, line: parsed.data }
    : { ok: false, reason: 'is not a well-formed progress or epoch record' };
}

/** A run's recorded history, as the store serves it. */
export const runMetricsSchema = z.object({
  iterations: z.array(iteration),
  losses: z.array(finite),
  /**
   * Wall-clock seconds since the run started, per iteration; NaN where the file has no time stamp.
   * JSON (the browser bridge) carries NaN as null, which parsing turns back into NaN.
   */
  seconds: z.array(z.union([elapsed, z.nan(), z.null().transform(() => Number.NaN)])),
  epochs: z.array(epochMeasurementSchema),
  /** Problems found reading it (torn last line, unreadable lines), each naming the file. */
  warnings: z.array(z.string()),
});
export type RunMetrics = z.infer<typeof runMetricsSchema>;

/**
 * Times of a batch's `count` iterations, spread evenly from the previous batch's end to this one's:
 * progress is stamped per batch (≤ 20 a second), close enough for a time axis.
 */
export function spreadTimes(previousEnd: number, end: number | undefined, count: number): number[] {
  if (end === undefined) return new Array<number>(count).fill(Number.NaN);
  return Array.from({ length: count }, (_, k) => previousEnd + ((end - previousEnd) * (k + 1)) / count);
}
