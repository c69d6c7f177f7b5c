/** Sample summaries and Welch's test against scipy (test/fixtures/repeat-stats.json, scripts/make_repeat_stats.py). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeSample, tCritical } from '../../../shared/stats/sample';
import { welchTest } from '../../../shared/stats/welch';

interface Fixture {
  tQuantiles975: Record<string, number>;
  samples: Record<string, { values: number[]; n: number; mean: number; sd: number; ci95: [number, number] }>;
  welch: Array<{
    a: string;
    b: string;
    difference: number;
    statistic: number;
    df: number;
    pValue: number;
    ci95: [number, number];
  }>;
}
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/repeat-stats.json', import.meta.url), 'utf8')) as Fixture;

describe("Student's t critical values", () => {
  it.each(Object.entries(fixture.tQuantiles975))("t(0.975, %s) is scipy's", (df, expected) => {
    expect(tCritical(Number(df))).toBeCloseTo(expected, 10);
  });

  it('the book value for 9 degrees of freedom: 2.262', () => {
    expect(tCritical(9)).toBeCloseTo(2.262, 3);
  });
});

describe('a sample over seeds', () => {
  it.each(Object.entries(fixture.samples))("%s: mean, sd and 95 %% CI of the mean are scipy's", (_, expected) => {
    const summary = describeSample(expected.values);
    expect(summary.n).toBe(expected.n);
    expect(summary.mean).toBeCloseTo(expected.mean, 12);
    expect(summary.sd).toBeCloseTo(expected.sd, 12);
    expect(summary.ci95![0]).toBeCloseTo(expected.ci95[0], 10);
    expect(summary.ci95![1]).toBeCloseTo(expected.ci95[1], 10);
    expect(summary.min).toBe(Math.min(...expected.values));
    expect(summary.max).toBe(Math.max(...expected.values));
  });

  it('by hand: 1, 2, 3 has mean 2, sd 1, CI 2 ± 4.303/√3', () => {
    const summary = describeSample([1, 2, 3]);
    expect(summary.mean).toBe(2);
    expect(summary.sd).toBe(1);
    expect(summary.ci95![1] - 2).toBeCloseTo(4.302652729749464 / Math.sqrt(3), 12);
  });

  it('one value has a mean but no spread; none has nothing', () => {
    expect(describeSample([0.9])).toEqual({ n: 1, mean: 0.9, sd: null, min: 0.9, max: 0.9, ci95: null });
    expect(describeSample([])).toEqual({ n: 0, mean: null, sd: null, min: null, max: null, ci95: null });
  });

  it('keeps its precision around a large mean (no Σx² − n·mean² cancellation)', () => {
    expect(describeSample([1e9 + 1, 1e9 + 2, 1e9 + 3]).sd).toBe(1);
  });
});

describe("Welch's t-test", () => {
  it.each(fixture.welch.map((w) => [`${w.a} vs ${w.b}`, w] as const))(
    "%s is scipy's ttest_ind(equal_var=False)",
    (_, expected) => {
      const result = welchTest(fixture.samples[expected.a].values, fixture.samples[expected.b].values)!;
      expect(result.difference).toBeCloseTo(expected.difference, 12);
      expect(result.statistic).toBeCloseTo(expected.statistic, 9);
      expect(result.df).toBeCloseTo(expected.df, 9);
      expect(result.pValue).toBeCloseTo(expected.pValue, 9);
      expect(result.ci95[0]).toBeCloseTo(expected.ci95[0], 9);
      expect(result.ci95[1]).toBeCloseTo(expected.ci95[1], 9);
    },
  );

  it('is antisymmetric: b against a flips the difference and keeps the p-value', () => {
    const [a, b] = [fixture.samples['lr 1.0'].values, fixture.samples['lr 0.5'].values];
    const ab = welchTest(a, b)!;
    const ba = welchTest(b, a)!;
    expect(ba.difference).toBeCloseTo(-ab.difference, 15);
    expect(ba.pValue).toBeCloseTo(ab.pValue, 15);
  });

  it('needs two values in each group', () => {
    expect(welchTest([0.9], [0.8, 0.81])).toBeNull();
  });

  it('groups without spread: an exact difference (p = 0), or none (p = 1)', () => {
    // 0.098 three times has a mean a rounding error off 0.098: a variance of ~1e-34, not 0; the same answer.
    for (const stuck of [
      [0.125, 0.125, 0.125],
      [0.098, 0.098, 0.098],
    ]) {
      const result = welchTest(stuck, [0.1135, 0.1135])!;
      expect(result.pValue).toBeLessThan(1e-12);
      expect(result.ci95[0]).toBeCloseTo(stuck[0] - 0.1135, 12);
      expect(result.ci95[1]).toBeCloseTo(stuck[0] - 0.1135, 12);
    }
    expect(welchTest([0.5, 0.5], [0.5, 0.5, 0.5])).toMatchObject({ difference: 0, pValue: 1, ci95: [0, 0] });
  });
});
