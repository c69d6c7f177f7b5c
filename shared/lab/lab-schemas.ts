/**
 * What the Lab asks of the backend about real networks (methods in shared/api.ts's table): how well a
 * mini-batch's loss estimates the loss of the whole training set (§4.2.3), and the loss and accuracy of a
 * trained network as one of its weights moves along a line (§4.2.5). Both use a stored run: its final
 * weights (the trained network) and the weights its seed drew before the first step (the untrained one).
 */
import { z } from 'zod';

const int = (min: number, max: number) =>
  z
    .number()
    .int(`must be a whole number from ${min} to ${max}`)
    .min(min, `must be from ${min} to ${max}`)
    .max(max, `must be from ${min} to ${max}`);

/** The batch sizes studied: 1 … 1000, about three per decade (the book's 100 among them). */
export const MINI_BATCH_SIZES = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] as const;

/** Draws per batch size, and how many of the estimates are sent back to be drawn as points. */
export const MINI_BATCH_LIMITS = { draws: { min: 10, max: 2000 }, keptEstimates: 100 } as const;

/** A mini-batch study: `draws` batches of every size, drawn with replacement as the book's `np.random.choice`. */
export const miniBatchRequestSchema = z.strictObject({
  draws: int(MINI_BATCH_LIMITS.draws.min, MINI_BATCH_LIMITS.draws.max),
  seed: int(0, 0xffffffff),
});
export type MiniBatchRequest = z.infer<typeof miniBatchRequestSchema>;

/** The estimates of one batch size. */
export const batchEstimatesSchema = z.strictObject({
  batchSize: z.number().int().min(1),
  /** Mean and sample standard deviation of the `draws` estimates. */
  mean: z.number(),
  std: z.number().min(0),
  /** What the spread should be: σ/√batch, σ the standard deviation of the per-image losses. */
  predictedStd: z.number().min(0),
  min: z.number(),
  max: z.number(),
  /** The middle 90 % of the estimates: from the 5th to the 95th percentile (a trained network's are skewed). */
  p05: z.number(),
  p95: z.number(),
  /** The first estimates in draw order (at most MINI_BATCH_LIMITS.keptEstimates), to draw as points. */
  estimates: z.array(z.number()).max(MINI_BATCH_LIMITS.keptEstimates),
});
export type BatchEstimates = z.infer<typeof batchEstimatesSchema>;

/** One network's loss over the whole training set, and its mini-batch estimates. */
export const networkEstimatesSchema = z.strictObject({
  /** The loss of the whole training set: what every mini-batch estimates. */
  fullLoss: z.number(),
  /** Standard deviation of the per-image losses (σ). */
  perImageStd: z.number().min(0),
  /** Accuracy on the whole training set. */
  accuracy: z.number().min(0).max(1),
  batches: z.array(batchEstimatesSchema),
});
export type NetworkEstimates = z.infer<typeof networkEstimatesSchema>;

export const miniBatchStudySchema = z.strictObject({
  runId: z.string(),
  /** Images in the run's training set (its trainSize first images, or all). */
  trainCount: z.number().int().min(1),
  draws: z.number().int().min(1),
  seed: z.number().int().min(0),
  /** The run's initial weights (its seed's draw, as the book's `TwoLayerNet.__init__`) and its final weights. */
  untrained: networkEstimatesSchema,
  trained: networkEstimatesSchema,
});
export type MiniBatchStudy = z.infer<typeof miniBatchStudySchema>;

/** Limits of a walk along one weight. */
export const WEIGHT_LINE_LIMITS = {
  images: { min: 1, max: 10_000 },
  points: { min: 3, max: 1001 },
  /** How far from the stored value the line goes each way. */
  span: { min: 1e-6, max: 1000 },
} as const;

/** One weight of a stored run (W`layer`[row][col], layer from 1), moved over value ± span, on the first `images` training images. */
export const weightLineRequestSchema = z.strictObject({
  layer: int(1, 20),
  row: int(0, 100_000),
  col: int(0, 100_000),
  span: z
    .number()
    .min(WEIGHT_LINE_LIMITS.span.min, `must be from ${WEIGHT_LINE_LIMITS.span.min} to ${WEIGHT_LINE_LIMITS.span.max}`)
    .max(WEIGHT_LINE_LIMITS.span.max, `must be from ${WEIGHT_LINE_LIMITS.span.min} to ${WEIGHT_LINE_LIMITS.span.max}`),
  points: int(WEIGHT_LINE_LIMITS.points.min, WEIGHT_LINE_LIMITS.points.max),
  images: int(WEIGHT_LINE_LIMITS.images.min, WEIGHT_LINE_LIMITS.images.max),
});
export type WeightLineRequest = z.infer<typeof weightLineRequestSchema>;

/** The loss and accuracy at evenly spaced values of the weight (the stored value in the middle). */
export const weightLineSchema = z.strictObject({
  runId: z.string(),
  layer: z.number().int().min(1),
  row: z.number().int().min(0),
  col: z.number().int().min(0),
  /** The weight's stored value. */
  value: z.number(),
  images: z.number().int().min(1),
  points: z.array(z.strictObject({ weight: z.number(), loss: z.number(), accuracy: z.number().min(0).max(1) })),
});
export type WeightLine = z.infer<typeof weightLineSchema>;
