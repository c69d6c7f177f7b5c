/**
 * What the Inside view asks of the backend (methods in shared/api.ts's table): a run's parameter
 * snapshots, the weights of one, the test-set analysis at one (confusion matrix, predictions, mistakes
 * with their softmax outputs), per-class accuracy at every snapshot, and test images by index.
 */
import { z } from 'zod';
import { runConfigSchema } from '../config';

const count = z.number().int().min(0);
const probability = z.number().min(0).max(1);

/** A snapshot by the iteration after which it was taken; null: the run's final weights (`weights.json`). */
export const snapshotRefSchema = count.nullable();
export type SnapshotRef = z.infer<typeof snapshotRefSchema>;

/** One stored snapshot, with the accuracy the run recorded at that point (null where metrics have none). */
export const snapshotInfoSchema = z.strictObject({
  iteration: snapshotRefSchema,
  epoch: z.number().nullable(),
  trainAcc: probability.nullable(),
  testAcc: probability.nullable(),
});
export type SnapshotInfo = z.infer<typeof snapshotInfoSchema>;

/**
 * A run's snapshots, oldest first. `kind` 'snapshots': one per kept evaluation point; 'final-only': a run
 * from before snapshots (or one whose every snapshot is gone) with its final weights only; 'none': no weights.
 */
export const snapshotListSchema = z.strictObject({
  kind: z.enum(['snapshots', 'final-only', 'none']),
  snapshots: z.array(snapshotInfoSchema),
});
export type SnapshotList = z.infer<typeof snapshotListSchema>;

/** The weights of one snapshot: each parameter's values as base64 of little-endian floats in `dtype`. */
export const snapshotWeightsSchema = z.strictObject({
  iteration: snapshotRefSchema,
  dtype: z.enum(['float32', 'float64']),
  layers: runConfigSchema.shape.layers,
  activation: runConfigSchema.shape.activation,
  loss: runConfigSchema.shape.loss,
  parameters: z.array(z.strictObject({ name: z.string(), rows: count, cols: count, base64: z.string() })),
});
export type SnapshotWeights = z.infer<typeof snapshotWeightsSchema>;

/** A misclassified test image: its index, true and predicted class, and the softmax output of every class. */
export const mistakeSchema = z.strictObject({
  index: count,
  label: count,
  predicted: count,
  probabilities: z.array(z.number()),
});
export type Mistake = z.infer<typeof mistakeSchema>;

/** The test set through one snapshot: counts[true][predicted], every image's prediction, the mistakes. */
export const insideAnalysisSchema = z.strictObject({
  iteration: snapshotRefSchema,
  classes: count,
  confusion: z.array(z.array(count)),
  /** Test labels and predicted classes, image by image (what a confusion cell's images are found from). */
  labels: z.array(count),
  predicted: z.array(count),
  mistakes: z.array(mistakeSchema),
});
export type InsideAnalysis = z.infer<typeof insideAnalysisSchema>;

/** Per-class test accuracy at every snapshot (null: no test images of that class). */
export const perClassHistorySchema = z.strictObject({
  points: z.array(
    z.strictObject({ iteration: snapshotRefSchema, epoch: z.number().nullable(), perClass: z.array(probability.nullable()) }),
  ),
});
export type PerClassHistory = z.infer<typeof perClassHistorySchema>;

/** At most this many test images per call. */
export const TEST_IMAGES_MAX = 500;

export const testImageIndicesSchema = z.array(count).min(1).max(TEST_IMAGES_MAX, `at most ${TEST_IMAGES_MAX} images per call`);

/** Test images of a run's dataset: each as base64 of its width × height pixel bytes, with its label. */
export const testImagesSchema = z.strictObject({
  width: count,
  height: count,
  images: z.array(z.strictObject({ index: count, label: count, base64: z.string() })),
});
export type TestImages = z.infer<typeof testImagesSchema>;

/** One input given to `descent predict`: a PNG picture or a test image by index, and the network's answer. */
export const predictionSchema = z.strictObject({
  /** The argument as given (a path, or the index). */
  input: z.string(),
  source: z.enum(['png', 'test-image']),
  /** A test image's true class; null for a picture. */
  label: count.nullable(),
  predicted: count,
  probabilities: z.array(probability),
});
export type Prediction = z.infer<typeof predictionSchema>;

/** `descent predict --json`: the snapshot that predicted and one prediction per input, in the order given. */
export const predictOutputSchema = z.strictObject({
  runId: z.string(),
  iteration: snapshotRefSchema,
  epoch: z.number().nullable(),
  predictions: z.array(predictionSchema),
});
export type PredictOutput = z.infer<typeof predictOutputSchema>;
