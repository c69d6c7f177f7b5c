/**
 * The Inside view's heavy work as jobs for a worker thread (inside-worker.ts): analyse the test set through
 * stored weights, or read test images by index. Both read and inflate the dataset's test files and the
 * first does 10 000 forward passes per set of weights — nothing a window's or a bridge's event loop should wait on.
 */
import { z } from 'zod';
import { failedReplySchema } from './worker-failure';
import { analyseTestSet, loadTestSplit, networkFromWeights } from './inside-analysis';
import { readWeights } from './store/weights-file';
import { writeCache } from './inside-cache';
import { encodeBytes } from '../../shared/inside/float-codec';
import { InvalidRequestError } from '../../shared/errors';
import {
  insideAnalysisSchema,
  snapshotRefSchema,
  testImagesSchema,
  type InsideAnalysis,
  type TestImages,
} from '../../shared/inside/inside-schemas';

/** Stored weights to analyse: their base path, which snapshot they are, and where to cache the analysis. */
const weightsEntrySchema = z.strictObject({ base: z.string(), iteration: snapshotRefSchema, cache: z.string() });
type WeightsEntry = z.infer<typeof weightsEntrySchema>;

/** What a worker is asked: analyses of several stored weights (one dataset read for all), or test images. */
export const insideJobSchema = z.discriminatedUnion('type', [
  /** One snapshot's whole analysis, cached at `cache` (best effort) and sent back. */
  z.strictObject({ type: z.literal('analyse'), folder: z.string(), weights: weightsEntrySchema }),
  /**
   * Several snapshots' analyses written to their caches, and only their confusion matrices sent back (the
   * whole analyses — megabytes — are never copied to the serving thread); one dataset read for all.
   */
  z.strictObject({ type: z.literal('confusions'), folder: z.string(), weights: z.array(weightsEntrySchema) }),
  z.strictObject({ type: z.literal('images'), folder: z.string(), indices: z.array(z.number().int().min(0)) }),
]);
export type InsideJob = z.infer<typeof insideJobSchema>;

/** What a worker posts back. */
export const insideReplySchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('analysis'), analysis: insideAnalysisSchema }),
  z.strictObject({
    type: z.literal('confusions'),
    points: z.array(insideAnalysisSchema.pick({ iteration: true, confusion: true })),
  }),
  z.strictObject({ type: z.literal('images'), images: testImagesSchema }),
  failedReplySchema,
]);
export type InsideReply = z.infer<typeof insideReplySchema>;

/** Analyses of every set of weights in the job, in order, each written to its cache (best effort) as it is made. */
export function analyseAll(folder: string, weights: WeightsEntry[]): InsideAnalysis[] {
  const test = loadTestSplit(folder);
  return weights.map(({ base, iteration, cache }) => {
    const { header, values } = readWeights(base);
    const analysis = analyseTestSet(networkFromWeights(header, values), test, iteration);
    writeCache(cache, analysis);
    return analysis;
  });
}

/** Test images at `indices`, each as its pixel bytes (base64), with its label; refuses indices past the end. */
export function readTestImages(folder: string, indices: number[]): TestImages {
  const test = loadTestSplit(folder);
  const bad = indices.find((i) => i >= test.count);
  if (bad !== undefined)
    throw new InvalidRequestError(
      `test image ${bad} does not exist: the test set has images 0…${test.count - 1}`,
      'inside.testImageOutOfRange',
      { index: bad, count: test.count },
    );
  return {
    width: test.width,
    height: test.height,
    images: indices.map((index) => ({
      index,
      label: test.labels[index],
      base64: encodeBytes(test.images.subarray(index * test.features, (index + 1) * test.features)),
    })),
  };
}

/** Runs one job in this thread. */
export function runInsideJob(job: InsideJob): InsideReply {
  switch (job.type) {
    case 'analyse':
      return { type: 'analysis', analysis: analyseAll(job.folder, [job.weights])[0] };
    case 'confusions':
      return {
        type: 'confusions',
        points: analyseAll(job.folder, job.weights).map(({ iteration, confusion }) => ({ iteration, confusion })),
      };
    case 'images':
      return { type: 'images', images: readTestImages(job.folder, job.indices) };
  }
}
