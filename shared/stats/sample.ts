/**
 * A sample of one figure over a repeat group's seeds (final test accuracy, say): its mean, its spread from seed
 * to seed, and the 95 % confidence interval of its mean from Student's t distribution. The distribution is
 * @stdlib's; the arithmetic around it is the textbook's and is checked against scipy (scripts/make_repeat_stats.py).
 */
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** The confidence level of every interval Descent shows. */
export const CONFIDENCE = 0.95;

/** What a sample of values says. `sd` and `ci95` need two values at least, and are null below that. */
export interface SampleSummary {
  readonly n: number;
  readonly mean: number | null;
  /** Sample standard deviation (n − 1 in the denominator): the seed-to-seed spread. */
  readonly sd: number | null;
  readonly min: number | null;
  readonly max: number | null;
  /** 95 % confidence interval of the mean: mean ± t(0.975, n − 1) · sd / √n. */
  readonly ci95: readonly [number, number] | null;
}

/** The two-sided critical value of Student's t for `df` degrees of freedom at the confidence level. */
export function tCritical(df: number, confidence = CONFIDENCE): number {
  return tQuantile(1 - (1 - confidence) / 2, df);
}

export function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Unbiased sample variance (n − 1), from deviations about the mean (not Σx² − n·mean², which cancels badly). */
export function sampleVariance(values: readonly number[]): number {
  const m = mean(values);
  return values.reduce((sum, v) => sum + (v - m) ** 2, 0) / (values.length - 1);
}

/** The summary of `values` (non-finite values must be left out by the caller: they are not measurements). */
export function describeSample(values: readonly number[]): SampleSummary {
  const n = values.length;
  if (n === 0) return { n, mean: null, sd: null, min: null, max: null, ci95: null };
  const m = mean(values);
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (n < 2) return { n, mean: m, sd: null, min, max, ci95: null };
  const sd = Math.sqrt(sampleVariance(values));
  const half = tCritical(n - 1) * (sd / Math.sqrt(n));
  return { n, mean: m, sd, min, max, ci95: [m - half, m + half] };
}
