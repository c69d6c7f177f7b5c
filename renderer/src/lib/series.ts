/**
 * Curves for charts: exponential smoothing (TensorBoard's, debiased) and min/max decimation that keeps
 * every spike. Pure functions over plain arrays, unit-tested.
 */

/** A point of a line chart. */
export interface Point {
  x: number;
  y: number;
}

/**
 * TensorBoard-style smoothing: an exponential moving average with weight `weight` in [0, 1), debiased
 * so the start of the curve is not pulled towards 0. `weight` 0 returns the values unchanged.
 */
export function smooth(values: readonly number[], weight: number): number[] {
  if (!(weight > 0)) return [...values];
  const out = new Array<number>(values.length);
  let last = 0;
  let debias = 1;
  for (let i = 0; i < values.length; i++) {
    last = last * weight + (1 - weight) * values[i];
    debias *= weight;
    out[i] = last / (1 - debias);
  }
  return out;
}

/**
 * At most 4 points per bucket that draw the same envelope as all of them: for each bucket of consecutive
 * values, its first, minimum, maximum and last point (in x order), so spikes survive. Only the kept points
 * are allocated; points whose x or y is not a number are left out.
 */
export function decimateArrays(xs: readonly number[], ys: readonly number[], buckets: number): Point[] {
  const length = Math.min(xs.length, ys.length);
  const out: Point[] = [];
  const keep = (i: number): void => {
    if (Number.isFinite(xs[i]) && Number.isFinite(ys[i])) out.push({ x: xs[i], y: ys[i] });
  };
  if (length <= buckets * 4) {
    for (let i = 0; i < length; i++) keep(i);
    return out;
  }
  const size = length / buckets;
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor(b * size);
    const end = Math.min(length, Math.floor((b + 1) * size));
    if (end <= start) continue;
    let min = start;
    let max = start;
    for (let i = start + 1; i < end; i++) {
      if (ys[i] < ys[min]) min = i;
      if (ys[i] > ys[max]) max = i;
    }
    const last = end - 1;
    // The four indices in x order, each once.
    keep(start);
    const first = Math.min(min, max);
    const second = Math.max(min, max);
    if (first !== start && first !== last) keep(first);
    if (second !== first && second !== start && second !== last) keep(second);
    if (last !== start) keep(last);
  }
  return out;
}
