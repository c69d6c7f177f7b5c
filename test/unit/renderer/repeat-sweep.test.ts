/** The sweep result with repeats: mean per value, error bars (95% CI of the mean), seeds as dots. */
import { describe, expect, it } from 'vitest';
import { BOOK_DEFAULTS } from '../../../shared/config';
import { tCritical } from '../../../shared/stats/sample';
import { repeatedSweepSeries } from '../../../renderer/src/lib/repeat-sweep';
import { sweepChart } from '../../../renderer/src/lib/sweep-chart';
import { makeRecord, makeSummary } from '../../support/runs';

const run = (lr: number, seed: number, testAcc: number) =>
  makeRecord({
    config: { ...BOOK_DEFAULTS, learningRate: lr, seed },
    lastEpoch: { iteration: 10000, epoch: 16.7, trainAcc: testAcc + 0.01, testAcc },
    summary: makeSummary({ testAcc, meanLossLast100: 0.3 }),
  });

describe('sweep result with repeats', () => {
  it('one run per value: null (the chart draws as before)', () => {
    expect(
      repeatedSweepSeries(
        [
          { x: 0.1, testAcc: 0.9, trainAcc: 0.91 },
          { x: 1, testAcc: 0.95, trainAcc: 0.96 },
        ],
        '#000000',
      ),
    ).toBeNull();
  });

  it('mean per value, a 95% CI bar per value, every seed a dot', () => {
    const runs = [run(0.1, 1, 0.89), run(0.1, 2, 0.9), run(0.1, 3, 0.91), run(1, 1, 0.94), run(1, 2, 0.96), run(1, 3, 0.95)];
    const chart = sweepChart(runs, 'learningRate')!;
    const [mean, train, seeds, barLow, barHigh] = chart.series;
    expect(mean.label).toBe('mean final test accuracy (bars: 95% CI of the mean)');
    expect(mean.points.map((p) => p.x)).toEqual([0.1, 1]);
    expect(mean.points[0].y).toBeCloseTo(0.9, 12);
    expect(mean.points[1].y).toBeCloseTo(0.95, 12);
    expect(train.points[0].y).toBeCloseTo(0.91, 12);
    expect(seeds.points).toHaveLength(6);
    expect(seeds.noLine).toBe(true);
    // 0.89, 0.90, 0.91: sd 0.01, so the bar is 0.9 ± t(0.975, 2) · 0.01 / √3.
    const half = (tCritical(2) * 0.01) / Math.sqrt(3);
    expect(barLow.points.map((p) => p.x)).toEqual([0.1, 0.1]);
    expect(barLow.points[0].y).toBeCloseTo(0.9 - half, 12);
    expect(barLow.points[1].y).toBeCloseTo(0.9 + half, 12);
    expect(barHigh.points[0].x).toBe(1);
    expect(chart.best!.testAcc).toBe(0.96);
  });
});
