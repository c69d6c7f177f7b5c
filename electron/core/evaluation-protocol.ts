/** The messages between a trainer and its evaluation worker (evaluation-off-thread.ts, evaluation-worker.ts). */
import { z } from 'zod';

const floats = z.custom<Float32Array | Float64Array>((value) => value instanceof Float32Array || value instanceof Float64Array);

/** To the worker: the network to evaluate in (once, first), then snapshots to measure, in order. */
export const evaluationRequestSchema = z.discriminatedUnion('type', [
  // The share's own schema (fused-training.ts) checks it in the worker.
  z.strictObject({ type: z.literal('attach'), share: z.unknown() }),
  z.strictObject({ type: z.literal('measure'), id: z.number().int(), weights: z.array(floats), biases: z.array(floats) }),
]);
export type EvaluationRequest = z.infer<typeof evaluationRequestSchema>;

/** From the worker: one snapshot's accuracies and the seconds they took, or why it cannot measure. */
export const evaluationReplySchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('measured'),
    id: z.number().int(),
    trainAcc: z.number(),
    testAcc: z.number(),
    seconds: z.number().nonnegative(),
  }),
  z.strictObject({ type: z.literal('failed'), message: z.string() }),
]);
export type EvaluationReply = z.infer<typeof evaluationReplySchema>;
