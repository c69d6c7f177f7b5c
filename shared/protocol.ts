/**
 * Messages between a host (Electron main, the CLI) and a trainer process. Both sides validate every
 * message with these schemas: a malformed message is reported as an error, never acted on.
 */
import { z } from 'zod';
import { runConfigSchema } from './config';
import type { RunSummary } from './summary';
import type { GradientCheckReport } from './api';

const seededConfig = runConfigSchema.and(z.object({ seed: z.number().int().min(0).max(0xffffffff) }));

/** Host → trainer. */
export const hostMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('start'),
    runId: z.string().min(1).max(200),
    config: seededConfig,
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
    config: seededConfig,
    batch: z.number().int().min(1).max(60000),
    dataPath: z.string().min(1).max(4096),
  }),
]);
export type HostMessage = z.infer<typeof hostMessageSchema>;

const finite = z.number().refine(Number.isFinite, 'must be finite');
// The fields the host acts on are checked; the rest of the summary is stored as the trainer made it.
const summarySchema = z.looseObject({
  runId: z.string(),
  status: z.enum(['completed', 'stopped', 'diverged']),
  iterations: z.number().int().min(0),
}) as unknown as z.ZodType<RunSummary>;

const gradientCheckReportSchema = z.strictObject({
  batch: z.number().int().min(1),
  seed: z.number().int().min(0),
  parameters: z.array(z.strictObject({ name: z.string(), count: z.number().int().min(0), meanAbsDiff: z.number(), maxAbsDiff: z.number() })),
  numericalSeconds: z.number().min(0),
  analyticSeconds: z.number().min(0),
}) satisfies z.ZodType<GradientCheckReport>;

/** Trainer → host. */
export const trainerMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({
    type: z.literal('progress'),
    iterations: z.array(z.number().int().min(0)),
    losses: z.array(finite),
    /** Wall-clock seconds since the run started, at the batch's end. */
    seconds: z.number().min(0).optional(),
  }).refine((m) => m.iterations.length === m.losses.length, 'iterations and losses differ in length'),
  z.strictObject({
    type: z.literal('epoch'),
    iteration: z.number().int().min(0),
    epoch: finite,
    trainAcc: z.number().min(0).max(1),
    testAcc: z.number().min(0).max(1),
    seconds: z.number().min(0).optional(),
  }),
  z.strictObject({ type: z.literal('paused') }),
  z.strictObject({ type: z.literal('resumed') }),
  z.strictObject({ type: z.literal('done'), summary: summarySchema }),
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
