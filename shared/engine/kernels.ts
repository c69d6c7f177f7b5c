/**
 * Matrix kernels over flat row-major float arrays. These are the readable reference versions: plain
 * loops in the i-k-j order that keeps the inner loop running along contiguous rows.
 *
 * Zero entries of the left operand are skipped. MNIST images are about 81% zeros, so the first layer's
 * products do ~5× less work; for finite weights the result is unchanged, since adding 0·w adds nothing.
 */
import type { FloatArray } from './tensor';

/** out (rows×n) = a (rows×k) · b (k×n). */
export function matmul(a: FloatArray, b: FloatArray, out: FloatArray, rows: number, k: number, n: number): void {
  out.fill(0, 0, rows * n);
  for (let i = 0; i < rows; i++) {
    const aRow = i * k;
    const outRow = i * n;
    for (let p = 0; p < k; p++) {
      const av = a[aRow + p];
      if (av === 0) continue;
      const bRow = p * n;
      for (let j = 0; j < n; j++) out[outRow + j] += av * b[bRow + j];
    }
  }
}

/** out (k×n) = aᵀ · b, where a is rows×k and b is rows×n (the weight gradient xᵀ·δ). */
export function matmulTransposeA(a: FloatArray, b: FloatArray, out: FloatArray, rows: number, k: number, n: number): void {
  out.fill(0, 0, k * n);
  for (let i = 0; i < rows; i++) {
    const aRow = i * k;
    const bRow = i * n;
    for (let p = 0; p < k; p++) {
      const av = a[aRow + p];
      if (av === 0) continue;
      const outRow = p * n;
      for (let j = 0; j < n; j++) out[outRow + j] += av * b[bRow + j];
    }
  }
}

/** out (rows×k) = a (rows×n) · bᵀ, where b is k×n (the backward pass δ·Wᵀ). */
export function matmulTransposeB(a: FloatArray, b: FloatArray, out: FloatArray, rows: number, n: number, k: number): void {
  for (let i = 0; i < rows; i++) {
    const aRow = i * n;
    for (let p = 0; p < k; p++) {
      const bRow = p * n;
      let sum = 0;
      for (let j = 0; j < n; j++) sum += a[aRow + j] * b[bRow + j];
      out[i * k + p] = sum;
    }
  }
}

/** Adds the vector `v` (length cols) to every row of `m` (rows×cols), like numpy broadcasting `m + v`. */
export function addRowVector(m: FloatArray, v: FloatArray, rows: number, cols: number): void {
  for (let i = 0; i < rows; i++) {
    const row = i * cols;
    for (let j = 0; j < cols; j++) m[row + j] += v[j];
  }
}

/** out (cols) = Σ over rows of m (rows×cols): `np.sum(m, axis=0)`, which numpy adds row after row. */
export function sumRows(m: FloatArray, out: FloatArray, rows: number, cols: number): void {
  out.fill(0, 0, cols);
  for (let i = 0; i < rows; i++) {
    const row = i * cols;
    for (let j = 0; j < cols; j++) out[j] += m[row + j];
  }
}

/** v ← v − lr·g over the whole array: one SGD step for one parameter. */
export function subtractScaled(v: FloatArray, g: FloatArray, learningRate: number): void {
  for (let i = 0; i < v.length; i++) v[i] -= learningRate * g[i];
}
