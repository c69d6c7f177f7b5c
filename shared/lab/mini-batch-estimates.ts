/**
 * §4.2.3: a mini-batch's loss is an estimate of the loss over the whole training set. Every image's loss is
 * computed once (one pass over the set); a batch's estimate is then the mean of the losses of the images
 * it draws — with replacement, as the book's `np.random.choice(train_size, batch_size)` — so thousands of
 * batches cost no more forward passes.
 */
import { sampleLoss, CROSS_ENTROPY_DELTA } from '../engine/functions';
import { pixelScale, sliceRows, type Dataset } from '../engine/dataset';
import { EVAL_CHUNK_ROWS } from '../engine/evaluate';
import type { MultiLayerNet } from '../engine/network';
import type { RandomState } from '../engine/rng';
import { allocate, argmax } from '../engine/tensor';
import { MINI_BATCH_LIMITS, type BatchEstimates, type NetworkEstimates } from './lab-schemas';

/** Every image's loss under `network` (in dataset order), and how many images it classifies correctly. */
export function perImageLosses(network: MultiLayerNet, data: Dataset): { losses: Float64Array; correct: number } {
  const { layers, dtype, loss, crossEntropyDelta } = network.spec;
  const classes = layers[layers.length - 1];
  const scale = pixelScale(dtype);
  const x = allocate(dtype, EVAL_CHUNK_ROWS * data.features);
  const labels = new Int32Array(EVAL_CHUNK_ROWS);
  const losses = new Float64Array(data.count);
  let correct = 0;
  for (let start = 0; start < data.count; start += EVAL_CHUNK_ROWS) {
    const rows = Math.min(EVAL_CHUNK_ROWS, data.count - start);
    sliceRows(data, start, rows, scale, x, labels);
    const y = network.predict(x, rows);
    for (let r = 0; r < rows; r++) {
      losses[start + r] = sampleLoss(loss, y, r * classes, classes, labels[r], crossEntropyDelta ?? CROSS_ENTROPY_DELTA);
      if (argmax(y, r * classes, classes) === labels[r]) correct++;
    }
  }
  return { losses, correct };
}

/** Mean and population standard deviation (σ: the draws are of single images from the whole set). */
function meanAndStd(values: ArrayLike<number>): { mean: number; std: number } {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  const mean = sum / values.length;
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i] - mean) ** 2;
  return { mean, std: Math.sqrt(squares / values.length) };
}

/** The `q` quantile of sorted values, interpolated linearly between ranks (numpy's default). */
export function percentile(sorted: Float64Array, q: number): number {
  const rank = q * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
}

/** `draws` estimates for one batch size: each the mean loss of `batchSize` images drawn with replacement. */
function estimatesFor(losses: Float64Array, batchSize: number, draws: number, rng: RandomState, sigma: number): BatchEstimates {
  const picks = new Int32Array(batchSize);
  const estimates = new Float64Array(draws);
  for (let d = 0; d < draws; d++) {
    rng.choice(losses.length, picks);
    let sum = 0;
    for (let i = 0; i < batchSize; i++) sum += losses[picks[i]];
    estimates[d] = sum / batchSize;
  }
  const { mean } = meanAndStd(estimates);
  let squares = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const e of estimates) {
    squares += (e - mean) ** 2;
    min = Math.min(min, e);
    max = Math.max(max, e);
  }
  const sorted = Float64Array.from(estimates).sort();
  return {
    batchSize,
    mean,
    // The sample standard deviation: the spread of estimates one would see, not the set's own.
    std: draws > 1 ? Math.sqrt(squares / (draws - 1)) : 0,
    predictedStd: sigma / Math.sqrt(batchSize),
    min,
    max,
    p05: percentile(sorted, 0.05),
    p95: percentile(sorted, 0.95),
    estimates: Array.from(estimates.subarray(0, MINI_BATCH_LIMITS.keptEstimates)),
  };
}

/** The full loss, σ of the per-image losses, and `draws` estimates for each of `batchSizes`, drawn from `rng` in order. */
export function miniBatchEstimates(
  losses: Float64Array,
  correct: number,
  batchSizes: readonly number[],
  draws: number,
  rng: RandomState,
): NetworkEstimates {
  if (losses.length === 0) throw new RangeError('the training set has no images');
  const { mean, std } = meanAndStd(losses);
  return {
    fullLoss: mean,
    perImageStd: std,
    accuracy: correct / losses.length,
    batches: batchSizes.map((b) => estimatesFor(losses, b, draws, rng, std)),
  };
}
