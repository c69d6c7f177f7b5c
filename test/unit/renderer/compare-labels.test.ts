/** Names, subtitles, verdicts and the sweep chart of the compare view. */
import { describe, expect, it } from 'vitest';
import {
  compareLabels,
  fieldInWords,
  learningVerdict,
  orderedForComparison,
  sharedDescription,
} from '../../../renderer/src/lib/compare';
import { panelRange, sweepChart } from '../../../renderer/src/lib/sweep-chart';
import type { RunRecord } from '../../../shared/run-record';
import { makeRecord } from '../../support/runs';
import { language } from '../../../renderer/src/lib/i18n';

const withConfig = (change: object, seed = 3, extra: Partial<RunRecord> = {}) =>
  makeRecord({ config: { ...makeRecord().config, ...change, seed }, ...extra });
/** A finished run with its last accuracy measurement and its mean loss over the last 100 iterations. */
const finished = (lr: number, testAcc: number, meanLoss: number, status: RunRecord['status'] = 'completed') =>
  withConfig({ learningRate: lr, iterations: 2000 }, 3, {
    status,
    lastEpoch: { iteration: 2000, epoch: 3.3, trainAcc: testAcc + 0.01, testAcc },
    summary: { meanLossLast100: meanLoss, finalLoss: meanLoss } as RunRecord['summary'],
  });

describe('compare labels', () => {
  it('show only the fields that differ, in words', () => {
    const runs = [withConfig({ learningRate: 1 }, 7), withConfig({ learningRate: 0.1 }, 8)];
    expect([...compareLabels(runs).values()]).toEqual(['lr 1 · seed 7', 'lr 0.1 · seed 8']);
    const sweep = [withConfig({ learningRate: 0.01, batchSize: 50 }), withConfig({ learningRate: 1, batchSize: 100 })];
    expect([...compareLabels(sweep).values()]).toEqual(['lr 0.01 · batch 50', 'lr 1 · batch 100']);
  });

  it('are unique when the configurations are the same: names, numbered where they repeat', () => {
    const same = [withConfig({}, 3, { name: 'book' }), withConfig({}, 3, { name: 'book' }), withConfig({}, 3, { name: 'other' })];
    expect([...compareLabels(same).values()]).toEqual(['book #1', 'book #2', 'other']);
  });

  it('a single run keeps its name', () => {
    const run = withConfig({}, 3, { name: 'mine' });
    expect(compareLabels([run]).get(run.id)).toBe('mine');
  });
});

describe('what compared runs share (figure subtitles)', () => {
  it("network, batch, iterations and seed; the book's usual values left out; differing fields left out", () => {
    const runs = [withConfig({ learningRate: 0.1, iterations: 2000 }), withConfig({ learningRate: 1, iterations: 2000 })];
    expect(sharedDescription(runs)).toBe('784-50-10 sigmoid · batch 100 · 2,000 iterations · seed 3');
    const unusual = [withConfig({ learningRate: 0.5, loss: 'mse', trainSize: 10000, activation: 'relu' })];
    expect(sharedDescription(unusual)).toBe(
      '784-50-10 relu · mean squared error · lr 0.5 · batch 100 · 10,000 iterations · 10,000 images · seed 3',
    );
  });

  it('counts formatted as the page writes numbers, in its language', () => {
    const runs = [withConfig({ iterations: 12000, trainSize: 3000, batchSize: 1000 }, 12345)];
    try {
      language.chosen = 'ja';
      expect(sharedDescription(runs)).toBe(
        '784-50-10 sigmoid · 学習率 0.1 · ミニバッチ 1,000 · 12,000 回 · 画像 3,000 枚 · 乱数シード 12345',
      );
      language.chosen = 'zh-CN';
      expect(sharedDescription(runs)).toBe(
        '784-50-10 sigmoid · 学习率 0.1 · mini-batch 1,000 · 迭代 12,000 次 · 3,000 张图像 · 随机种子 12345',
      );
    } finally {
      language.chosen = null;
    }
  });

  it('parameters in words', () => {
    expect(fieldInWords('learningRate')).toBe('learning rate');
    expect(fieldInWords('batchSize')).toBe('batch size');
    expect(fieldInWords('layers')).toBe('hidden units');
  });
});

describe('did not learn / diverged', () => {
  it('a finished run at chance accuracy with the loss at ln 10 did not learn', () => {
    expect(learningVerdict(finished(0.001, 0.1028, 2.2999))).toBe('did not learn');
    // So did one whose loss jumps about far above a uniform guess's (lr 100 in the e2e sweep: 12.9).
    expect(learningVerdict(finished(100, 0.098, 12.86))).toBe('did not learn');
  });

  it('a run that learned, a slow learner below ln 10, an unfinished or a diverged run do not get the badge', () => {
    expect(learningVerdict(finished(1, 0.87, 0.15))).toBeNull();
    // Loss clearly below a uniform guess (2.30 − 0.1): it is learning, however slowly.
    expect(learningVerdict(finished(0.01, 0.12, 2.1))).toBeNull();
    expect(learningVerdict(finished(0.001, 0.1, 2.3, 'stopped'))).toBeNull();
    expect(learningVerdict(finished(1000, 0.1, 2.3, 'diverged'))).toBe('diverged');
  });

  it('mean squared error compares with its own uniform-guess loss, ½·(1 − 1/10) = 0.45', () => {
    const mse = (loss: number) =>
      learningVerdict(
        withConfig({ loss: 'mse' }, 3, {
          status: 'completed',
          lastEpoch: { iteration: 1, epoch: 1, trainAcc: 0.1, testAcc: 0.1 },
          summary: { meanLossLast100: loss } as RunRecord['summary'],
        }),
      );
    expect(mse(0.45)).toBe('did not learn');
    expect(mse(0.2)).toBeNull();
  });
});

describe('sweep chart', () => {
  const runs = [
    finished(1, 0.87, 0.15),
    finished(0.001, 0.1028, 2.2999),
    finished(0.1, 0.46, 1.9),
    finished(1000, 0.1, 2.3, 'diverged'),
  ];

  it('a tick at every swept value, the parameter in words, on a log axis spanning decades', () => {
    const chart = sweepChart(runs, 'learningRate')!;
    expect(chart.look.xTicks).toEqual([0.001, 0.1, 1, 1000]);
    expect(chart.look.xLabel).toBe('learning rate');
    expect(chart.look.logX).toBe(true);
  });

  it('marks the best run, the runs that did not learn, and the diverged ones (at 0, not on the curve)', () => {
    const chart = sweepChart(runs, 'learningRate')!;
    expect(chart.best!.x).toBe(1);
    expect(chart.didNotLearn.map((p) => p.x)).toEqual([0.001]);
    expect(chart.diverged.map((p) => p.x)).toEqual([1000]);
    const byLabel = Object.fromEntries(chart.series.map((s) => [s.label, s.points]));
    expect(byLabel['final test accuracy']).toEqual([
      { x: 0.001, y: 0.1028 },
      { x: 0.1, y: 0.46 },
      { x: 1, y: 0.87 },
    ]);
    expect(byLabel['best: lr 1 (test 0.870)']).toEqual([{ x: 1, y: 0.87 }]);
    expect(byLabel['did not learn']).toEqual([{ x: 0.001, y: 0.1028 }]);
    expect(byLabel['diverged (no accuracy)']).toEqual([{ x: 1000, y: 0 }]);
  });

  it('compared runs of a sweep are ordered by their swept value', () => {
    expect(orderedForComparison(runs).map((r) => r.config.learningRate)).toEqual([0.001, 0.1, 1, 1000]);
  });

  it('panels share 0 … a round top, or whole decades on a log axis', () => {
    const series = [
      {
        label: 'a',
        color: '#000000',
        points: [
          { x: 0, y: 2.3 },
          { x: 1, y: 0.04 },
        ],
      },
      { label: 'b', color: '#000000', points: [{ x: 0, y: 13.7 }] },
    ];
    expect(panelRange(series, false)).toEqual({ min: 0, max: 15 });
    expect(panelRange(series, true)).toEqual({ min: 0.01, max: 100 });
    expect(panelRange([], false)).toBeNull();
  });
});
