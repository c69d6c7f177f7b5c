/**
 * The Lab's computations on stored networks, as jobs for a worker thread (lab-worker.ts): the mini-batch
 * study (every training image's loss under the run's initial and final weights, then thousands of batch
 * means) and the walk along one weight. Both read — and may inflate — MNIST's training images and make
 * up to 120 000 forward passes: nothing a window's or a bridge's event loop should wait on.
 */
import { z } from 'zod';
import { failedReplySchema } from './worker-failure';
import { loadIdxSplit } from './datasets';
import { networkFromWeights } from './inside-analysis';
import { readWeights } from './store/weights-file';
import { takeFirst, type Dataset } from '../../shared/engine/dataset';
import { bestEngine } from '../../shared/engine/best-engine';
import { MultiLayerNet } from '../../shared/engine/network';
import { RandomState } from '../../shared/engine/rng';
import { runConfigSchema } from '../../shared/config';
import {
  MINI_BATCH_SIZES,
  miniBatchRequestSchema,
  miniBatchStudySchema,
  weightLineRequestSchema,
  weightLineSchema,
  type MiniBatchStudy,
  type WeightLine,
} from '../../shared/lab/lab-schemas';
import { miniBatchEstimates, perImageLosses } from '../../shared/lab/mini-batch-estimates';
import { weightLine } from '../../shared/lab/weight-line';

/** The stored run a job works on: its id, dataset folder, final weights and how its initial weights were drawn. */
const storedRunSchema = z.strictObject({
  runId: z.string(),
  folder: z.string(),
  weightsBase: z.string(),
  weightInit: runConfigSchema.shape.weightInit,
  seed: z.number().int().min(0),
  /** The run's training set: the first `trainSize` images, or all of them (null). */
  trainSize: z.number().int().min(1).nullable(),
});
type StoredRun = z.infer<typeof storedRunSchema>;

/** What a worker is asked. */
export const labJobSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('mini-batches'), run: storedRunSchema, request: miniBatchRequestSchema }),
  z.strictObject({ type: z.literal('weight-line'), run: storedRunSchema, request: weightLineRequestSchema }),
]);
export type LabJob = z.infer<typeof labJobSchema>;

/** What a worker posts back. */
export const labReplySchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('mini-batches'), study: miniBatchStudySchema }),
  z.strictObject({ type: z.literal('weight-line'), line: weightLineSchema }),
  failedReplySchema,
]);
export type LabReply = z.infer<typeof labReplySchema>;

/** The training split of the dataset in `folder` (the test files are not read). */
export function loadTrainSplit(folder: string): Dataset {
  return loadIdxSplit(folder, 'train');
}

/** The images the run trained on: the first `trainSize` of the training split (the book's `x_train[:N]`), or all. */
function trainingSetOf(run: StoredRun): Dataset {
  const train = loadTrainSplit(run.folder);
  return run.trainSize === null ? train : takeFirst(train, run.trainSize);
}

/** The run's final weights, and the weights its seed drew before the first step (the book's `TwoLayerNet.__init__`). */
function networksOf(run: StoredRun, features: number): { trained: MultiLayerNet; untrained: MultiLayerNet } {
  const { header, values } = readWeights(run.weightsBase);
  if (header.layers[0] !== features)
    throw new Error(`run ${run.runId} takes ${header.layers[0]} inputs but its dataset's images have ${features} pixels`);
  const trained = networkFromWeights(header, values);
  const untrained = MultiLayerNet.initialise(trained.spec, run.weightInit, new RandomState(run.seed), bestEngine().kernels);
  return { trained, untrained };
}

/** How well mini-batches of every size estimate the training loss, for the run's untrained and trained network. */
export function studyMiniBatches(run: StoredRun, request: z.infer<typeof miniBatchRequestSchema>): MiniBatchStudy {
  const train = trainingSetOf(run);
  const { trained, untrained } = networksOf(run, train.features);
  // One stream for both networks, in this order: a seed gives the same study every time.
  const rng = new RandomState(request.seed);
  const estimate = (network: MultiLayerNet) => {
    const { losses, correct } = perImageLosses(network, train);
    return miniBatchEstimates(losses, correct, MINI_BATCH_SIZES, request.draws, rng);
  };
  return {
    runId: run.runId,
    trainCount: train.count,
    draws: request.draws,
    seed: request.seed,
    untrained: estimate(untrained),
    trained: estimate(trained),
  };
}

/** The loss and accuracy of the run's final network on its first training images as one weight moves. */
export function walkWeight(run: StoredRun, request: z.infer<typeof weightLineRequestSchema>): WeightLine {
  const train = trainingSetOf(run);
  const { trained } = networksOf(run, train.features);
  if (request.images > train.count)
    throw new RangeError(`images: must be from 1 to ${train.count} (the run's training set), got ${request.images}`);
  const { value, points } = weightLine(trained, takeFirst(train, request.images), request);
  return { runId: run.runId, layer: request.layer, row: request.row, col: request.col, value, images: request.images, points };
}

/** Runs one job in this thread. */
export function runLabJob(job: LabJob): LabReply {
  switch (job.type) {
    case 'mini-batches':
      return { type: 'mini-batches', study: studyMiniBatches(job.run, job.request) };
    case 'weight-line':
      return { type: 'weight-line', line: walkWeight(job.run, job.request) };
  }
}
