/** Flat float storage for matrices and vectors; shapes travel beside the data, as in tfjs's CPU kernels. */

/** The two precisions a run can compute in. */
export type DType = 'float32' | 'float64';

/** A flat, row-major buffer of floats in either precision. */
export type FloatArray = Float32Array | Float64Array;

/** A new zero-filled buffer of `length` floats in `dtype`. */
export function allocate(dtype: DType, length: number): FloatArray {
  return dtype === 'float32' ? new Float32Array(length) : new Float64Array(length);
}

/** Bytes one element of `dtype` takes. */
export function bytesPerElement(dtype: DType): number {
  return dtype === 'float32' ? 4 : 8;
}

/**
 * Sum of `length` values starting at `offset`, by numpy's pairwise summation (`pairwise_sum` in
 * `loops_utils.h`): eight running sums for blocks of up to 128 values, halves recursively above that.
 * Summing in numpy's order keeps losses equal to the book's to the last bit where the inputs are equal.
 */
export function pairwiseSum(values: ArrayLike<number>, offset = 0, length = values.length - offset): number {
  if (length < 8) {
    let sum = 0;
    for (let i = 0; i < length; i++) sum += values[offset + i];
    return sum;
  }
  if (length <= 128) {
    let r0 = values[offset],
      r1 = values[offset + 1],
      r2 = values[offset + 2],
      r3 = values[offset + 3];
    let r4 = values[offset + 4],
      r5 = values[offset + 5],
      r6 = values[offset + 6],
      r7 = values[offset + 7];
    let i = 8;
    for (; i < length - (length % 8); i += 8) {
      const p = offset + i;
      r0 += values[p];
      r1 += values[p + 1];
      r2 += values[p + 2];
      r3 += values[p + 3];
      r4 += values[p + 4];
      r5 += values[p + 5];
      r6 += values[p + 6];
      r7 += values[p + 7];
    }
    let sum = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < length; i++) sum += values[offset + i];
    return sum;
  }
  let half = Math.floor(length / 2);
  half -= half % 8;
  return pairwiseSum(values, offset, half) + pairwiseSum(values, offset + half, length - half);
}

/** Index of the largest value in `values[offset .. offset+length)`; the first one on ties, as `np.argmax`. */
export function argmax(values: ArrayLike<number>, offset = 0, length = values.length - offset): number {
  let best = 0;
  let bestValue = values[offset];
  for (let i = 1; i < length; i++) {
    const v = values[offset + i];
    // NaN never wins a comparison; numpy's argmax returns the first NaN, which we match below.
    if (v > bestValue || (v !== v && bestValue === bestValue)) {
      best = i;
      bestValue = v;
      if (v !== v) break;
    }
  }
  return best;
}
