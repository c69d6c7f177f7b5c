/**
 * Messages between a host (Electron main, the CLI) and a trainer process. Both sides validate every
 * message with these schemas: a malformed message is reported as an error, never acted on.
 */
import { z } from 'zod';
import { gradientElementsSchema } from './gradcheck-elements';
import { GRADIENT_CHECK_MAX_BATCH } from './engine/gradcheck';
import { epochLineSchema, progressLineSchema } from './metrics';
import { runSummarySchema, seededConfigSchema, seedSchema } from './summary';

/** Host → trainer. */
export const hostMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('start'),
    runId: z.string().min(1).max(200),
    config: seededConfigSchema,
    /** Folder of the dataset's IDX files, resolved by the host (bundled MNIST differs when packaged). */
    dataPath: z.string().min(1).max(4096),
    /** Where to write the final weights (without extension); none to skip. */
    weightsPath: z.string().min(1).max(4096).optional(),
  }),
  z.strictObject({ type: z.literal('pause') }),
  z.strictObject({ type: z.literal('resume') }),
  z.strictObject({ type: z.literal('stop') }),
  /** Instead of a run: the book's gradient check on the first `batch` training images, then exit. */
  z.strictObject({
    type: z.literal('gradcheck'),
    config: seededConfigSchema,
    batch: z.number().int().min(1).max(GRADIENT_CHECK_MAX_BATCH),
    dataPath: z.string().min(1).max(4096),
  }),
]);
export type HostMessage = z.infer<typeof hostMessageSchema>;

/** The book's gradient check for one network, per parameter: the trainer's answer and the API's result. */
export const gradientCheckReportSchema = z.strictObject({
  batch: z.number().int().min(1),
  seed: seedSchema,
  parameters: z.array(
    z.strictObject({ name: z.string(), count: z.number().int().min(0), meanAbsDiff: z.number(), maxAbsDiff: z.number() }),
  ),
  numericalSeconds: z.number().min(0),
  analyticSeconds: z.number().min(0),
  /** The gradients element by element, bounded in size (a sample for a scatter, W1's differences whole). */
  elements: gradientElementsSchema.optional(),
});
export type GradientCheckReport = z.infer<typeof gradientCheckReportSchema>;

/** Trainer → host. */
export const trainerMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  // Progress batches and measurements are stored as they come: the message is the metrics line.
  progressLineSchema,
  epochLineSchema,
  /** The run holds: sent once every report made before the pause has gone, so no progress follows until resumed. */
  z.strictObject({ type: z.literal('paused') }),
  z.strictObject({ type: z.literal('resumed') }),
  z.strictObject({ type: z.literal('done'), summary: runSummarySchema }),
  z.strictObject({ type: z.literal('failed'), message: z.string() }),
  /** A host message the trainer refused (malformed, or not valid now); the run goes on. */
  z.strictObject({ type: z.literal('rejected'), message: z.string() }),
  z.strictObject({ type: z.literal('gradcheck-result'), report: gradientCheckReportSchema }),
]);
export type TrainerMessage = z.infer<typeof trainerMessageSchema>;

/** Parses a message, or explains in one line why it is not one. */
export function parseMessage<T>(schema: z.ZodType<T>, value: unknown): { ok: true; message: T } | { ok: false; error: string } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, message: result.data };
  const first = result.error.issues[0];
  return { ok: false, error: `malformed message: ${first.path.join('.') || 'message'}: ${first.message}` };
}
