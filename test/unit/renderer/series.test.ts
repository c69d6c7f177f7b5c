import { describe, expect, it } from 'vitest';
import { IncrementalDecimation, IncrementalSmoothing, type Point } from '../../../renderer/src/lib/series';
import { RandomState } from '../../../shared/engine/rng';

const smooth = (values: number[], weight: number) => new IncrementalSmoothing(weight).update(values);

describe("smoothing (TensorBoard's debiased EMA)", () => {
  it('weight 0 returns the values unchanged', () => {
    expect(smooth([3, 1, 2], 0)).toEqual([3, 1, 2]);
  });

  it('is debiased: a constant curve stays constant from its first point', () => {
    for (const v of smooth([2, 2, 2, 2], 0.9)) expect(v).toBeCloseTo(2, 12);
  });

  it('hand-computed values for weight 0.5', () => {
    // last: 0.5, 1.25 ; debias: 0.5, 0.25 → 0.5/0.5 = 1, 1.25/0.75 = 1.6667
    const out = smooth([1, 2], 0.5);
    expect(out[0]).toBe(1);
    expect(out[1]).toBeCloseTo(5 / 3, 12);
  });

  it('extended batch by batch gives exactly the curve smoothed at once', () => {
    const rng = new RandomState(1);
    const values = Array.from({ length: 5000 }, () => rng.standardNormal());
    const live = new IncrementalSmoothing(0.6);
    const source: number[] = [];
    for (let i = 0; i < values.length; i += 37) {
      source.push(...values.slice(i, i + 37));
      live.update(source);
    }
    expect(live.update(source)).toEqual(smooth(values, 0.6));
  });
});

/** The reference: buckets of `size` consecutive points, each scanned whole, first/min/max/last kept in x order. */
function decimateFromScratch(xs: number[], ys: number[], size: number): Point[] {
  const out: Point[] = [];
  const keep = (i: number) => Number.isFinite(xs[i]) && Number.isFinite(ys[i]) && out.push({ x: xs[i], y: ys[i] });
  for (let start = 0; start < ys.length; start += size) {
    const end = Math.min(ys.length, start + size);
    let min = start;
    let max = start;
    for (let i = start + 1; i < end; i++) {
      if (ys[i] < ys[min]) min = i;
      if (ys[i] > ys[max]) max = i;
    }
    const kept = [...new Set([start, Math.min(min, max), Math.max(min, max), end - 1])];
    kept.forEach(keep);
  }
  return out;
}

describe('min/max decimation', () => {
  it('keeps short series whole', () => {
    expect(new IncrementalDecimation(10).update([0, 1, 2], [5, 6, 7])).toEqual([
      { x: 0, y: 5 },
      { x: 1, y: 6 },
      { x: 2, y: 7 },
    ]);
  });

  it('keeps every spike and both ends of a long noisy series, with far fewer points', () => {
    const ys = Array.from({ length: 100_000 }, (_, i) => Math.sin(i / 50));
    ys[31_337] = 40;
    ys[77_777] = -40;
    const out = new IncrementalDecimation(500).update(
      ys.map((_, i) => i),
      ys,
    );
    expect(out.length).toBeLessThanOrEqual(2000);
    expect(out.some((p) => p.y === 40 && p.x === 31_337)).toBe(true);
    expect(out.some((p) => p.y === -40 && p.x === 77_777)).toBe(true);
    expect(out[0]).toEqual({ x: 0, y: 0 });
    expect(out[out.length - 1].x).toBe(99_999);
    // x stays in order, so lines draw left to right.
    for (let i = 1; i < out.length; i++) expect(out[i].x).toBeGreaterThan(out[i - 1].x);
  });

  it('leaves out points without a number (iterations recorded before time stamps existed)', () => {
    expect(new IncrementalDecimation(10).update([0, Number.NaN, 2], [1, 2, 3])).toEqual([
      { x: 0, y: 1 },
      { x: 2, y: 3 },
    ]);
  });

  it('fed batch by batch (buckets doubling on the way), equals decimating the whole curve at its final bucket size', () => {
    const rng = new RandomState(4);
    for (const buckets of [1, 3, 50, 600]) {
      const xs: number[] = [];
      const ys: number[] = [];
      const live = new IncrementalDecimation(buckets);
      let out: Point[] = [];
      // Ties and spikes included: values drawn from a few levels.
      for (let batch = 0; batch < 300; batch++) {
        const count = 1 + rng.randint(80);
        for (let k = 0; k < count; k++) {
          xs.push(xs.length);
          ys.push(rng.randint(5) === 0 ? rng.randint(3) : rng.standardNormal());
        }
        out = live.update(xs, ys);
        expect(Math.ceil(ys.length / live.size)).toBeLessThanOrEqual(buckets);
      }
      expect(out).toEqual(decimateFromScratch(xs, ys, live.size));
      expect(live.size / 2 < Math.ceil(ys.length / buckets) || live.size === 1).toBe(true); // no coarser than needed
    }
  });
});
