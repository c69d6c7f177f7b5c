/**
 * Curves for charts: exponential smoothing (TensorBoard's, debiased; defined in shared/) and min/max
 * decimation that keeps every spike, both incremental for live runs. Plain arrays in, plain points out; unit-tested.
 */

/** A point of a line chart. */
export interface Point {
  x: number;
  y: number;
}

/** The debiased exponential smoothing, shared with the CSV exports. */
export { IncrementalSmoothing } from '../../../shared/smoothing';

/** One bucket's kept indices: first, minimum, maximum and last. */
interface Bucket {
  first: number;
  min: number;
  max: number;
  last: number;
}

/**
 * Min/max decimation of a growing curve, kept up to date: buckets hold a power-of-two number of
 * consecutive points (`size`), doubled — by merging neighbours, which keeps each bucket's extremes
 * exact — whenever the curve outgrows `buckets` of them. Finished buckets are never scanned again;
 * a redraw scans only the points added since the last one. Draws the same envelope as
 * every spike: each bucket's first, minimum, maximum and last point (in x order). Points whose x or y
 * is not a number are left out.
 */
export class IncrementalDecimation {
  /** Points per bucket. */
  size = 1;
  /**
   * The decimated curve, one array updated in place (Chart.js draws it without copying, and the
   * points of finished buckets are made once, not at every redraw).
   */
  readonly points: Point[] = [];
  private readonly done: Bucket[] = [];
  /** Points covered by `done`, and how many of `points` they made. */
  private covered = 0;
  private donePoints = 0;

  constructor(readonly buckets: number) {}

  /** The decimated points of xs/ys (arrays that only ever grow): `points`, brought up to date. */
  update(xs: readonly number[], ys: readonly number[]): Point[] {
    const length = Math.min(xs.length, ys.length);
    let rebuilt = false;
    while (Math.ceil(length / this.size) > this.buckets) {
      this.coarsen(ys);
      rebuilt = true;
    }
    if (rebuilt) this.donePoints = 0;
    let end = this.donePoints;
    const keep = (i: number): void => {
      if (!(Number.isFinite(xs[i]) && Number.isFinite(ys[i]))) return;
      const point = this.points[end];
      // Reuse the point objects of the partial bucket drawn last time.
      if (point && end >= this.donePoints) {
        point.x = xs[i];
        point.y = ys[i];
      } else {
        this.points[end] = { x: xs[i], y: ys[i] };
      }
      end++;
    };
    if (rebuilt) for (const bucket of this.done) emit(bucket, keep);
    for (; this.covered + this.size <= length; this.covered += this.size) {
      const bucket = scan(ys, this.covered, this.covered + this.size);
      this.done.push(bucket);
      emit(bucket, keep);
    }
    this.donePoints = end;
    if (this.covered < length) emit(scan(ys, this.covered, length), keep);
    this.points.length = end;
    return this.points;
  }

  /** Doubles the bucket size: neighbours merge (an odd last one stays, as the start of a partial bucket). */
  private coarsen(ys: readonly number[]): void {
    const merged: Bucket[] = [];
    for (let b = 0; b + 1 < this.done.length; b += 2) merged.push(merge(this.done[b], this.done[b + 1], ys));
    if (this.done.length % 2 === 1) this.covered -= this.size; // rescanned as part of a bigger bucket
    this.done.length = 0;
    this.done.push(...merged);
    this.size *= 2;
  }
}

function scan(ys: readonly number[], start: number, end: number): Bucket {
  let min = start;
  let max = start;
  for (let i = start + 1; i < end; i++) {
    if (ys[i] < ys[min]) min = i;
    if (ys[i] > ys[max]) max = i;
  }
  return { first: start, min, max, last: end - 1 };
}

function merge(a: Bucket, b: Bucket, ys: readonly number[]): Bucket {
  // Strict comparisons: the earlier index wins ties, as one scan over both would choose.
  return {
    first: a.first,
    min: ys[b.min] < ys[a.min] ? b.min : a.min,
    max: ys[b.max] > ys[a.max] ? b.max : a.max,
    last: b.last,
  };
}

/** A bucket's kept indices in x order, each once. */
function emit(bucket: Bucket, keep: (i: number) => void): void {
  const { first: start, last } = bucket;
  keep(start);
  const first = Math.min(bucket.min, bucket.max);
  const second = Math.max(bucket.min, bucket.max);
  if (first !== start && first !== last) keep(first);
  if (second !== first && second !== start && second !== last) keep(second);
  if (last !== start) keep(last);
}
