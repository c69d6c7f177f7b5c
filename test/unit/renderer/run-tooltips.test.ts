/** Every chart line of a run carries the run's hyperparameters, and the tooltip shows them under the value. */
import { describe, expect, it } from 'vitest';
import { BOOK_DEFAULTS } from '../../../shared/config';
import { groupRepeats } from '../../../shared/repeat-groups';
import { chartConfig, datasetsOf } from '../../../renderer/src/lib/chart-setup';
import { groupSeries } from '../../../renderer/src/lib/repeat-series';
import { runDescription, runHyperparameters } from '../../../renderer/src/lib/run-description';
import { accuracySeries, lossSeries } from '../../../renderer/src/lib/run-series';
import { sweepChart } from '../../../renderer/src/lib/sweep-chart';
import type { LiveMetrics } from '../../../renderer/src/lib/workbench.svelte';
import { makeRecord, makeSummary } from '../../support/runs';

const config = (seed: number) => ({ ...BOOK_DEFAULTS, learningRate: 0.5, batchSize: 20, iterations: 300, seed });
const runs = [1, 2].map((seed) =>
  makeRecord({ config: config(seed), summary: makeSummary({ testAcc: 0.91, config: config(seed) }) }),
);
const history: LiveMetrics = {
  iterations: [0, 1, 2],
  losses: [2.3, 2.0, 1.8],
  seconds: [0, 0.1, 0.2],
  epochs: [{ iteration: 2, epoch: 1, trainAcc: 0.5, testAcc: 0.4, seconds: 0.2 }],
};

describe('run tooltips', () => {
  it("a run's hyperparameters in words: network, learning rate, batch, iterations, seed", () => {
    expect(runHyperparameters(runs[0])).toBe('784-50-10 sigmoid · lr 0.5 · batch 20 · 300 iterations · seed 1');
    expect(runDescription(runs[0]).split('\n')).toEqual([
      runs[0].name,
      runHyperparameters(runs[0]),
      'completed · final test acc 0.9100',
    ]);
  });

  it('loss and accuracy lines carry them, raw and smoothed, test and train', () => {
    const lines = [
      ...lossSeries(
        [runs[0]],
        () => history,
        () => '#0072b2',
        0.6,
        'iteration',
      ),
      ...accuracySeries(
        [runs[0]],
        () => history,
        () => '#0072b2',
        'iteration',
      ),
    ];
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line.detail).toBe(runHyperparameters(runs[0]));
  });

  it("a repeat group's lines carry what its runs share (not the seed); its runs faint, their own", () => {
    const lines = groupSeries(
      groupRepeats(runs),
      () => history,
      () => '#0072b2',
      { kind: 'loss', smoothing: 0 },
      {
        band: 'sd',
        showRuns: true,
      },
    );
    expect(lines.find((l) => l.label.includes('mean of 2'))!.detail).toBe(
      '784-50-10 sigmoid · lr 0.5 · batch 20 · 300 iterations',
    );
    expect(lines.filter((l) => l.label.endsWith('seed 2'))[0].detail).toBe(runHyperparameters(runs[1]));
  });

  it("Chart.js's tooltip shows the detail under the line's value", () => {
    const [line] = lossSeries(
      [runs[0]],
      () => history,
      () => '#0072b2',
      0,
      'iteration',
    );
    const options = chartConfig([line], { xLabel: 'iteration', yLabel: 'loss', logY: false }).options!;
    const afterLabel = options.plugins!.tooltip!.callbacks!.afterLabel!;
    // Chart.js calls it with the tooltip as `this` and an item whose dataset is the line's: only the dataset is read.
    expect(afterLabel.call({} as never, { dataset: datasetsOf([line])[0] } as never)).toBe(runHyperparameters(runs[0]));
  });

  it("a sweep result's points each name their run, also each seed's dot of a sweep with repeats", () => {
    const at = (lr: number, seed: number, acc: number) => {
      const c = { ...config(seed), learningRate: lr };
      return makeRecord({
        config: c,
        lastEpoch: { iteration: 300, epoch: 1, trainAcc: acc, testAcc: acc },
        summary: makeSummary({ testAcc: acc, config: c }),
      });
    };
    const single = [at(1, 1, 0.9), at(0.1, 1, 0.8)];
    const chart = sweepChart(single, 'learningRate')!;
    const test = chart.series.find((s) => s.label === 'final test accuracy')!;
    expect(test.pointDetails).toEqual([runHyperparameters(single[1]), runHyperparameters(single[0])]);
    const afterLabel = chartConfig([test], chart.look).options!.plugins!.tooltip!.callbacks!.afterLabel!;
    expect(afterLabel.call({} as never, { dataset: datasetsOf([test])[0], dataIndex: 1 } as never)).toBe(
      runHyperparameters(single[0]),
    );
    const repeated = [at(0.1, 1, 0.8), at(0.1, 2, 0.82), at(1, 1, 0.9), at(1, 2, 0.91)];
    const dots = sweepChart(repeated, 'learningRate')!.series.find((s) => s.label === 'each seed (test)')!;
    expect(dots.pointDetails).toEqual(repeated.map(runHyperparameters));
  });
});
