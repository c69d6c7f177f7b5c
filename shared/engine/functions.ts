/**
 * The book's activation and loss functions (§3.2, §3.5, §4.2). Each works on a batch stored row by row:
 * `rows` samples of `cols` values. One sample is simply `rows = 1`.
 */
import { pairwiseSum, argmax, type FloatArray } from './tensor';
import type { LossKind } from './types';

/** The δ the book adds inside the logarithm so that log(0) never happens. */
export const CROSS_ENTROPY_DELTA = 1e-7;

/** σ(x) = 1 / (1 + e^(−x)). */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** max(0, x). */
export function relu(x: number): number {
  return x > 0 ? x : 0;
}

/** The step function of §3.2.2: 1 for x > 0, else 0. */
export function step(x: number): number {
  return x > 0 ? 1 : 0;
}

/** Applies the step function to every value of `values` in place. */
export function stepInPlace(values: FloatArray, length = values.length): void {
  for (let i = 0; i < length; i++) values[i] = values[i] > 0 ? 1 : 0;
}

/** Applies σ to every value of `values` in place. */
export function sigmoidInPlace(values: FloatArray, length = values.length): void {
  for (let i = 0; i < length; i++) values[i] = 1 / (1 + Math.exp(-values[i]));
}

/** Applies ReLU to every value of `values` in place. */
export function reluInPlace(values: FloatArray, length = values.length): void {
  for (let i = 0; i < length; i++) if (!(values[i] > 0)) values[i] = 0;
}

/**
 * Softmax of each row, in place, with the row's maximum subtracted first (the book's overflow guard,
 * which leaves the result unchanged mathematically).
 */
export function softmaxRowsInPlace(values: FloatArray, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) {
    const start = r * cols;
    let max = values[start];
    for (let c = 1; c < cols; c++) if (values[start + c] > max) max = values[start + c];
    let sum = 0;
    for (let c = 0; c < cols; c++) {
      const e = Math.exp(values[start + c] - max);
      values[start + c] = e;
      sum += e;
    }
    for (let c = 0; c < cols; c++) values[start + c] /= sum;
  }
}

/** Softmax of one vector, returned as a new array (the book's `softmax(a)` for a single sample). */
export function softmax(a: ArrayLike<number>): Float64Array {
  const out = Float64Array.from(a);
  softmaxRowsInPlace(out, 1, out.length);
  return out;
}

/**
 * Target labels: either one class index per sample (`labels.length === rows`) or one-hot rows
 * (`labels.length === rows × cols`), like the book's `if t.size == y.size: t = t.argmax(axis=1)`.
 */
function labelOf(t: ArrayLike<number>, row: number, rows: number, cols: number): number {
  if (t.length === rows * cols && cols > 1) return argmax(t, row * cols, cols);
  if (t.length === rows) return t[row];
  throw new RangeError(`targets must hold ${rows} labels or ${rows}×${cols} one-hot values, got ${t.length}`);
}

/** One sample's cross-entropy, −log(p + δ), where p is the probability given to its label. */
export function crossEntropyTerm(p: number, delta = CROSS_ENTROPY_DELTA): number {
  return -Math.log(p + delta);
}

/**
 * One sample's loss from its class probabilities `y[offset .. offset + cols)` and its label: −log(y[t] + δ),
 * or 0.5·Σ(y − onehot)² summed in class order. The batch loss below averages these terms.
 */
export function sampleLoss(
  kind: LossKind,
  y: ArrayLike<number>,
  offset: number,
  cols: number,
  label: number,
  delta = CROSS_ENTROPY_DELTA,
): number {
  if (kind === 'cross_entropy') return crossEntropyTerm(y[offset + label], delta);
  let squares = 0;
  for (let c = 0; c < cols; c++) {
    const d = y[offset + c] - (c === label ? 1 : 0);
    squares += d * d;
  }
  return 0.5 * squares;
}

/**
 * The mean loss of a batch: softmax outputs `y` (rows × cols) against class indices `labels`, summed in
 * numpy's pairwise order so that losses equal the book's where the inputs are equal. The one
 * implementation MultiLayerNet's loss and the book's functions below use.
 * @param scratch where the terms are kept before their sum: `rows` values for cross-entropy, `rows × cols`
 *   for mean squared error (whose squares numpy sums element by element; a float32 buffer rounds them as
 *   numpy's float32 arrays do)
 */
export function batchLoss(
  kind: LossKind,
  y: ArrayLike<number>,
  labels: ArrayLike<number>,
  rows: number,
  cols: number,
  delta: number,
  scratch: FloatArray,
): number {
  if (kind === 'cross_entropy') {
    for (let r = 0; r < rows; r++) scratch[r] = crossEntropyTerm(y[r * cols + labels[r]], delta);
    return pairwiseSum(scratch, 0, rows) / rows;
  }
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const d = y[r * cols + c] - (c === labels[r] ? 1 : 0);
      scratch[r * cols + c] = d * d;
    }
  }
  return (0.5 * pairwiseSum(scratch, 0, rows * cols)) / rows;
}

/** Class indices of `rows` targets given as labels or one-hot rows. */
function labelsOf(t: ArrayLike<number>, rows: number, cols: number): Int32Array {
  return Int32Array.from({ length: rows }, (_, r) => labelOf(t, r, rows, cols));
}

/** The book's `cross_entropy_error`: mean over the batch of −log(y[t] + 1e-7). */
export function crossEntropyError(y: ArrayLike<number>, t: ArrayLike<number>, rows = 1): number {
  const cols = y.length / rows;
  return batchLoss('cross_entropy', y, labelsOf(t, rows, cols), rows, cols, CROSS_ENTROPY_DELTA, new Float64Array(rows));
}

/** The book's `mean_squared_error`, 0.5·Σ(y − t)², averaged over the batch's rows (labels or one-hot rows). */
export function meanSquaredError(y: ArrayLike<number>, t: ArrayLike<number>, rows = 1): number {
  const cols = y.length / rows;
  return batchLoss('mse', y, labelsOf(t, rows, cols), rows, cols, CROSS_ENTROPY_DELTA, new Float64Array(rows * cols));
}
