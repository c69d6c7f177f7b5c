/**
 * Welch's two-sample t-test: is the difference between two repeat groups' means larger than their seeds'
 * spread explains? Welch's form does not assume equal variances (a learning rate near divergence spreads far
 * more than a safe one). The t distribution is @stdlib's; checked against scipy's `ttest_ind(equal_var=False)`.
 */
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import { mean, sampleVariance, tCritical } from './sample';

/** The test of mean(a) − mean(b). */
export interface WelchResult {
  /** mean(a) − mean(b). */
  readonly difference: number;
  /** 95 % confidence interval of the difference. */
  readonly ci95: readonly [number, number];
  readonly statistic: number;
  /** Welch–Satterthwaite degrees of freedom (not a whole number in general). */
  readonly df: number;
  /** Two-sided p-value: the chance of a difference at least this large if the means were equal. */
  readonly pValue: number;
}

/** Welch's test of `a` against `b`, or null when a group has fewer than two values (no spread to judge by). */
export function welchTest(a: readonly number[], b: readonly number[]): WelchResult | null {
  if (a.length < 2 || b.length < 2) return null;
  const difference = mean(a) - mean(b);
  const va = sampleVariance(a) / a.length;
  const vb = sampleVariance(b) / b.length;
  const se = Math.sqrt(va + vb);
  if (se === 0) {
    // Every seed gave the same value in both groups (runs stuck at chance, say): the difference, if any, is
    // exact; the t statistic is infinite (or undefined when the means agree too).
    return {
      difference,
      ci95: [difference, difference],
      statistic: difference === 0 ? 0 : Math.sign(difference) * Infinity,
      df: a.length + b.length - 2,
      pValue: difference === 0 ? 1 : 0,
    };
  }
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  const statistic = difference / se;
  const pValue = Math.min(1, 2 * tCdf(-Math.abs(statistic), df));
  const half = tCritical(df) * se;
  return { difference, ci95: [difference - half, difference + half], statistic, df, pValue };
}
