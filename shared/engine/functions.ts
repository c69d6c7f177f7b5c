/**
 * The book's activation and loss functions (§3.2, §3.5, §4.2). Each works on a batch stored row by row:
 * `rows` samples of `cols` values. One sample is simply `rows = 1`.
 */
import { pairwiseSum, argmax, type FloatArray } from './tensor';

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

/**
 * Per-sample cross-entropy −log(y[t] + δ) of each of `rows` rows, written into `out`.
 * Kept separate from the mean so that callers can reuse per-sample losses.
 */
export function crossEntropyPerSample(
  y: ArrayLike<number>, t: ArrayLike<number>, rows: number, cols: number, out: FloatArray,
): void {
  for (let r = 0; r < rows; r++) out[r] = -Math.log(y[r * cols + labelOf(t, r, rows, cols)] + CROSS_ENTROPY_DELTA);
}

/** The book's `cross_entropy_error`: mean over the batch of −log(y[t] + 1e-7). */
export function crossEntropyError(y: ArrayLike<number>, t: ArrayLike<number>, rows = 1): number {
  const cols = y.length / rows;
  const perSample = new Float64Array(rows);
  crossEntropyPerSample(y, t, rows, cols, perSample);
  return pairwiseSum(perSample) / rows;
}

/** The book's `mean_squared_error`, 0.5·Σ(y − t)², averaged over the batch's rows. */
export function meanSquaredError(y: ArrayLike<number>, t: ArrayLike<number>, rows = 1): number {
  const cols = y.length / rows;
  const squares = new Float64Array(y.length);
  for (let r = 0; r < rows; r++) {
    const label = t.length === y.length ? -1 : labelOf(t, r, rows, cols);
    for (let c = 0; c < cols; c++) {
      const target = label < 0 ? t[r * cols + c] : c === label ? 1 : 0;
      const d = y[r * cols + c] - target;
      squares[r * cols + c] = d * d;
    }
  }
  return (0.5 * pairwiseSum(squares)) / rows;
}
