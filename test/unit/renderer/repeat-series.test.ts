/** Repeat groups' chart lines: band edges, a shaded upper edge, the mean, runs faint on demand. */
import { describe, expect, it } from 'vitest';
import { BOOK_DEFAULTS } from '../../../shared/config';
import { groupRepeats } from '../../../shared/repeat-groups';
import { groupFigureParts, groupPanelTitle, groupSeries } from '../../../renderer/src/lib/repeat-series';
import { language } from '../../../renderer/src/lib/i18n';
import type { LiveMetrics } from '../../../renderer/src/lib/workbench.svelte';
import { makeRecord } from '../../support/runs';

const run = (lr: number, seed: number) => makeRecord({ config: { ...BOOK_DEFAULTS, learningRate: lr, seed } });
const runs = [run(0.1, 1), run(0.1, 2), run(1, 1)];
/** Loss 2, 1 for the first run, 3, 2 for the second; a one-run group at lr 1 that only reached iteration 0. */
const histories: Record<string, LiveMetrics> = {
  [runs[0].id]: {
    iterations: [0, 10],
    losses: [2, 1],
    seconds: [0, 1],
    epochs: [{ iteration: 10, epoch: 1, trainAcc: 0.5, testAcc: 0.4 }],
  },
  [runs[1].id]: {
    iterations: [0, 10],
    losses: [3, 2],
    seconds: [0, 1],
    epochs: [{ iteration: 10, epoch: 1, trainAcc: 0.7, testAcc: 0.6 }],
  },
  [runs[2].id]: { iterations: [0], losses: [2.5], seconds: [0], epochs: [] },
};
const colours = ['#111111', '#222222'];

describe('repeat group series', () => {
  const series = groupSeries(
    groupRepeats(runs),
    (id) => histories[id],
    (g) => colours[g],
    { kind: 'loss', smoothing: 0 },
    { band: 'minmax', showRuns: false },
  );

  it("per group: lower edge, upper edge shaded down to it, then the mean, in the group's colour", () => {
    expect(series.map((s) => s.label)).toEqual([
      'lr 0.1 · lower',
      'lr 0.1 · min–max',
      'lr 0.1 · mean of 2',
      'lr 1 · lower',
      'lr 1 · min–max',
      'lr 1 · mean of 1',
    ]);
    expect(series.map((s) => Boolean(s.fillToPrevious))).toEqual([false, true, false, false, true, false]);
    expect(series.map((s) => Boolean(s.unlisted))).toEqual([true, true, false, true, true, false]);
    expect(new Set(series.slice(0, 3).map((s) => s.color))).toEqual(new Set(['#111111']));
  });

  it("the mean and the edges are the runs' values at each iteration", () => {
    expect(series[0].points).toEqual([
      { x: 0, y: 2 },
      { x: 10, y: 1 },
    ]);
    expect(series[1].points).toEqual([
      { x: 0, y: 3 },
      { x: 10, y: 2 },
    ]);
    expect(series[2].points).toEqual([
      { x: 0, y: 2.5 },
      { x: 10, y: 1.5 },
    ]);
  });

  it('test accuracy by measurement; runs faint by seed on demand; runs without a history are left out', () => {
    const acc = groupSeries(
      groupRepeats(runs),
      (id) => histories[id],
      (g) => colours[g],
      { kind: 'testAcc' },
      { band: 'sd', showRuns: true },
    );
    expect(acc.map((s) => s.label)).toEqual([
      'lr 0.1 · lower',
      'lr 0.1 · ±1 sd',
      'lr 0.1 · mean of 2',
      'lr 0.1 · seed 1',
      'lr 0.1 · seed 2',
    ]);
    expect(acc[2].points[0].y).toBeCloseTo(0.5, 12);
    expect(acc[3].faint).toBe(true);
  });
});

describe('repeat groups in a figure', () => {
  it('loss and test accuracy, titled with the band; null while no configuration has more than one seed', () => {
    const parts = groupFigureParts(runs, (id) => histories[id], { smoothing: 0, logY: true }, { band: 'ci95', showRuns: false })!;
    expect(parts.map((p) => p.look.title)).toEqual([
      'Loss, mean of each repeat group (95% CI of the mean)',
      'Test accuracy, mean of each repeat group (95% CI of the mean)',
    ]);
    expect(parts[0].look.logY).toBe(true);
    expect(parts[1].look.yRange).toEqual({ min: 0, max: 1 });
    expect(parts[0].series.filter((s) => s.fillToPrevious)).toHaveLength(2);
    expect(
      groupFigureParts([runs[0], runs[2]], (id) => histories[id], { smoothing: 0, logY: false }, { band: 'sd', showRuns: false }),
    ).toBeNull();
  });
});

describe('repeat groups on the epoch and time axes', () => {
  // Two seeds: A took 2 s for its 10 iterations, B 1 s; both measured once, at iteration 10 (epoch 1).
  const a = run(0.1, 1);
  const b = run(0.1, 2);
  const timed: Record<string, LiveMetrics> = {
    [a.id]: {
      iterations: [0, 10],
      losses: [2, 1],
      seconds: [0, 2],
      epochs: [{ iteration: 10, epoch: 1, trainAcc: 0.5, testAcc: 0.4, seconds: 2 }],
    },
    [b.id]: {
      iterations: [0, 10],
      losses: [3, 2],
      seconds: [0, 1],
      epochs: [{ iteration: 10, epoch: 1, trainAcc: 0.7, testAcc: 0.6, seconds: 1 }],
    },
  };
  const parts = (xAxis: 'epoch' | 'time') =>
    groupFigureParts([a, b], (id) => timed[id], { smoothing: 0, logY: false, xAxis }, { band: 'minmax', showRuns: false })!;
  const mean = (series: ReturnType<typeof parts>[number]['series']) => series.find((s) => s.label.includes('mean of'))!.points;

  it('on the time axis the runs align by seconds (hand-computed: A is 1.5 at 1 s, halfway from 2 to 1)', () => {
    const [loss, accuracy] = parts('time');
    expect(loss.look.xLabel).toBe('time (s)');
    expect(mean(loss.series)).toEqual([
      { x: 0, y: 2.5 },
      { x: 1, y: 1.75 },
      { x: 2, y: 1 },
    ]);
    // Each measured once, at different times: each time has one run's accuracy.
    expect(mean(accuracy.series)).toEqual([
      { x: 1, y: 0.6 },
      { x: 2, y: 0.4 },
    ]);
  });

  it('on the epoch axis iterations become epochs (10 iterations per epoch here)', () => {
    const [loss, accuracy] = parts('epoch');
    expect(loss.look.xLabel).toBe('epoch');
    expect(mean(loss.series)).toEqual([
      { x: 0, y: 2.5 },
      { x: 1, y: 1.5 },
    ]);
    expect(mean(accuracy.series).map((p) => p.x)).toEqual([1]);
    expect(mean(accuracy.series)[0].y).toBeCloseTo(0.5, 12);
  });
});

describe("repeat groups' words in the page's language", () => {
  it("a group's band edge and its own panel's figure title (they were English in every language)", () => {
    try {
      language.chosen = 'zh-CN';
      const zh = groupSeries(
        groupRepeats(runs),
        (id) => histories[id],
        (g) => colours[g],
        { kind: 'loss', smoothing: 0 },
        { band: 'sd', showRuns: false },
      );
      expect(zh[0].label).toBe('lr 0.1 · 下界');
      expect(groupPanelTitle('学习率 0.1', 'minmax')).toBe('损失：学习率 0.1，平均值与最小–最大');
      language.chosen = 'ja';
      expect(groupPanelTitle('学習率 0.1', 'ci95')).toBe('損失：学習率 0.1、平均と平均の 95% 信頼区間');
      language.chosen = 'en';
      expect(groupPanelTitle('lr 0.1', 'sd')).toBe('Loss: lr 0.1, mean and ±1 sd');
    } finally {
      language.chosen = null;
    }
  });
});
