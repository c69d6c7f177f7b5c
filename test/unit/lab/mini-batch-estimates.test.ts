import { describe, expect, it } from 'vitest';
import { RandomState } from '../../../shared/engine/rng';
import { miniBatchEstimates, percentile } from '../../../shared/lab/mini-batch-estimates';

describe('Lab: mini-batch estimates of the training loss (§4.2.3), hand-computed cases', () => {
  it('two images with losses 1 and 3: the full loss is 2, σ is 1, and a batch of one estimates 1 or 3', () => {
    const study = miniBatchEstimates(Float64Array.of(1, 3), 1, [1, 2, 4], 400, new RandomState(0));
    expect(study.fullLoss).toBe(2);
    expect(study.perImageStd).toBe(1);
    expect(study.accuracy).toBe(0.5);
    const [one, two, four] = study.batches;
    expect(new Set(one.estimates)).toEqual(new Set([1, 3]));
    expect([one.min, one.max]).toEqual([1, 3]);
    expect(new Set(two.estimates)).toEqual(new Set([1, 2, 3]));
    expect(one.estimates).toHaveLength(100);
    expect([one.predictedStd, two.predictedStd, four.predictedStd]).toEqual([1, 1 / Math.SQRT2, 0.5]);
  });

  it("the draws are the book's np.random.choice: a seed gives the same estimates, another seed others", () => {
    const losses = Float64Array.from({ length: 1000 }, (_, i) => (i % 7) / 3);
    const a = miniBatchEstimates(losses, 0, [10], 50, new RandomState(9));
    const b = miniBatchEstimates(losses, 0, [10], 50, new RandomState(9));
    const c = miniBatchEstimates(losses, 0, [10], 50, new RandomState(10));
    expect(a).toEqual(b);
    expect(a.batches[0].estimates).not.toEqual(c.batches[0].estimates);
    const picks = new RandomState(9).choice(1000, new Int32Array(10));
    expect(a.batches[0].estimates[0]).toBeCloseTo(Array.from(picks, (i) => losses[i]).reduce((s, v) => s + v, 0) / 10, 12);
  });

  it('every image with the same loss: every estimate is that loss and the spread is 0 (to rounding)', () => {
    const study = miniBatchEstimates(new Float64Array(500).fill(Math.LN10), 50, [1, 100], 20, new RandomState(1));
    for (const b of study.batches) {
      for (const v of [b.mean, b.min, b.max]) expect(v).toBeCloseTo(Math.LN10, 13);
      for (const v of [b.std, b.predictedStd]) expect(v).toBeCloseTo(0, 13);
    }
  });

  it("percentiles as numpy's default (linear between ranks)", () => {
    const sorted = Float64Array.of(1, 2, 3, 4, 10);
    expect(percentile(sorted, 0.05)).toBeCloseTo(1.2, 12);
    expect(percentile(sorted, 0.95)).toBeCloseTo(8.8, 12);
    expect(percentile(sorted, 0.5)).toBe(3);
    expect(percentile(Float64Array.of(7), 0.95)).toBe(7);
  });

  it('refuses an empty training set', () => {
    expect(() => miniBatchEstimates(new Float64Array(0), 0, [1], 10, new RandomState(1))).toThrow('no images');
  });
});
