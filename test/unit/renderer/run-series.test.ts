/** Chart series of runs: the epoch axis follows each run's own dataset and batch, not MNIST's size. */
import { describe, expect, it } from 'vitest';
import { BOOK_DEFAULTS } from '../../../shared/config';
import { itersPerEpochOf, lossSeries } from '../../../renderer/src/lib/run-series';
import type { LiveMetrics } from '../../../renderer/src/lib/workbench.svelte';
import { makeRecord } from '../../support/runs';

/** A run of `count` iterations on a dataset of `trainImages` images, measured every epoch as the loop does. */
function measured(trainImages: number, batchSize: number, count: number): LiveMetrics {
  const perEpoch = Math.max(trainImages / batchSize, 1);
  const iterations = Array.from({ length: count }, (_, i) => i);
  return {
    iterations,
    losses: iterations.map((i) => 2.3 / (1 + i)),
    seconds: iterations.map((i) => i / 100),
    epochs: iterations
      .filter((i) => i % perEpoch === 0)
      .map((i) => ({ iteration: i, epoch: i / perEpoch, trainAcc: 0.5, testAcc: 0.5 })),
  };
}

const byEpoch = (run: ReturnType<typeof makeRecord>, m: LiveMetrics) =>
  lossSeries(
    [run],
    () => m,
    () => '#000',
    0,
    'epoch',
    (r) => r.name,
    10_000,
  )[0]?.points ?? [];

describe("the epoch axis of a run's loss", () => {
  it("reads iterations per epoch from the run's measurements: a 1 000-image dataset at batch 100 has 10", () => {
    const run = makeRecord({ config: { ...BOOK_DEFAULTS, dataset: '/data/small', trainSize: null, batchSize: 100, seed: 1 } });
    const m = measured(1000, 100, 35);
    expect(itersPerEpochOf(run, m)).toBe(10);
    const points = byEpoch(run, m);
    expect(points.at(-1)).toEqual({ x: 3.4, y: 2.3 / 35 });
  });

  it('uses trainSize / batch before the first epoch of a limited run, and shows no epoch axis for a whole dataset of unknown size', () => {
    const limited = makeRecord({ config: { ...BOOK_DEFAULTS, trainSize: 5000, batchSize: 50, seed: 1 } });
    expect(itersPerEpochOf(limited, measured(5000, 50, 20))).toBe(100);
    const whole = makeRecord({ config: { ...BOOK_DEFAULTS, dataset: '/data/small', trainSize: null, seed: 1 } });
    const early = measured(1000, 100, 5);
    expect(itersPerEpochOf(whole, early)).toBeUndefined();
    expect(byEpoch(whole, early)).toEqual([]);
  });

  it('recomputes the x values once the epoch length becomes known while the run grows', () => {
    const run = makeRecord({ config: { ...BOOK_DEFAULTS, dataset: '/data/small', trainSize: null, batchSize: 100, seed: 1 } });
    const m = measured(1000, 100, 5);
    expect(byEpoch(run, m)).toEqual([]);
    const grown = measured(1000, 100, 21);
    Object.assign(m, grown);
    expect(
      byEpoch(run, m)
        .map((p) => p.x)
        .at(-1),
    ).toBe(2);
  });
});
