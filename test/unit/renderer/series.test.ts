import { describe, expect, it } from 'vitest';
import { decimateArrays, smooth } from '../../../renderer/src/lib/series';

describe('smooth (TensorBoard\'s debiased EMA)', () => {
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
});

describe('min/max decimation', () => {
  it('keeps short series whole', () => {
    expect(decimateArrays([0, 1, 2], [5, 6, 7], 10)).toEqual([{ x: 0, y: 5 }, { x: 1, y: 6 }, { x: 2, y: 7 }]);
  });

  it('keeps every spike and both ends of a long noisy series, with far fewer points', () => {
    const ys = Array.from({ length: 100_000 }, (_, i) => Math.sin(i / 50));
    ys[31_337] = 40;
    ys[77_777] = -40;
    const out = decimateArrays(ys.map((_, i) => i), ys, 500);
    expect(out.length).toBeLessThanOrEqual(2000);
    expect(out.some((p) => p.y === 40 && p.x === 31_337)).toBe(true);
    expect(out.some((p) => p.y === -40 && p.x === 77_777)).toBe(true);
    expect(out[0]).toEqual({ x: 0, y: 0 });
    expect(out[out.length - 1].x).toBe(99_999);
    // x stays in order, so lines draw left to right.
    for (let i = 1; i < out.length; i++) expect(out[i].x).toBeGreaterThan(out[i - 1].x);
  });
});

describe('decimateArrays', () => {
  it('leaves out points without a number (iterations recorded before time stamps existed)', () => {
    expect(decimateArrays([0, Number.NaN, 2], [1, 2, 3], 10)).toEqual([{ x: 0, y: 1 }, { x: 2, y: 3 }]);
  });
});
