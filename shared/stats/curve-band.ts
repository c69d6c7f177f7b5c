/**
 * A repeat group's curves as one mean line with a band: min–max, ±1 sd, or the 95 % confidence interval of the
 * mean. Curves are aligned by iteration, not by index: runs of different lengths, or measured at different points
 * (a long history is served as bucket means at its own iterations), meet at every iteration any of them has, each
 * curve read there by linear interpolation between its neighbouring points, and only within its own range.
 */
import { describeSample } from './sample';

/** The kinds of band a group can draw. */
export const BAND_KINDS = ['minmax', 'sd', 'ci95'] as const;
export type BandKind = (typeof BAND_KINDS)[number];

/** One curve: increasing x (iterations), a value at each. */
export interface Curve {
  readonly x: readonly number[];
  readonly y: readonly number[];
}

/** The band at each aligned x: how many curves reach it, their mean, and the band's edges. */
export interface Band {
  readonly x: number[];
  readonly n: number[];
  readonly mean: number[];
  readonly lower: number[];
  readonly upper: number[];
}

/** `curve` at `x` by linear interpolation from index `i` on (the caller's cursor), or undefined outside its range. */
function valueAt(curve: Curve, x: number, i: number): number | undefined {
  if (curve.x.length === 0 || x < curve.x[0] || x > curve.x[curve.x.length - 1]) return undefined;
  if (curve.x[i] === x) return curve.y[i];
  const x0 = curve.x[i - 1];
  const x1 = curve.x[i];
  return curve.y[i - 1] + ((curve.y[i] - curve.y[i - 1]) * (x - x0)) / (x1 - x0);
}

/** Drops points whose value is not a number (a diverged run's last losses), keeping x and y paired. */
function finitePoints(curve: Curve): Curve {
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < curve.x.length; i++) {
    if (Number.isFinite(curve.y[i]) && Number.isFinite(curve.x[i])) {
      x.push(curve.x[i]);
      y.push(curve.y[i]);
    }
  }
  return { x, y };
}

/** The curves' mean and band of `kind` at every x any of them has (sorted); one curve gives a band of no width. */
export function curveBand(curves: readonly Curve[], kind: BandKind): Band {
  const clean = curves.map(finitePoints);
  const xs = [...new Set(clean.flatMap((c) => c.x))].sort((a, b) => a - b);
  const cursors = clean.map(() => 0);
  const band: Band = { x: [], n: [], mean: [], lower: [], upper: [] };
  for (const x of xs) {
    const values: number[] = [];
    clean.forEach((curve, c) => {
      while (cursors[c] < curve.x.length - 1 && curve.x[cursors[c]] < x) cursors[c]++;
      const value = valueAt(curve, x, cursors[c]);
      if (value !== undefined) values.push(value);
    });
    const sample = describeSample(values);
    const mean = sample.mean!;
    const [lower, upper] =
      kind === 'minmax'
        ? [sample.min!, sample.max!]
        : sample.sd === null
          ? [mean, mean]
          : kind === 'sd'
            ? [mean - sample.sd, mean + sample.sd]
            : sample.ci95!;
    band.x.push(x);
    band.n.push(values.length);
    band.mean.push(mean);
    band.lower.push(lower);
    band.upper.push(upper);
  }
  return band;
}
