/** Mean lines with bands over a repeat group's curves, aligned by iteration. */
import { describe, expect, it } from 'vitest';
import { curveBand } from '../../../shared/stats/curve-band';
import { tCritical } from '../../../shared/stats/sample';

describe("a group's curves as a mean with a band", () => {
  const curves = [
    { x: [0, 10, 20], y: [2, 1, 0.5] },
    { x: [0, 10, 20], y: [2.2, 1.4, 0.7] },
    { x: [0, 10, 20], y: [1.8, 1.2, 0.9] },
  ];

  it('min–max: the extremes at each iteration; the mean between', () => {
    const band = curveBand(curves, 'minmax');
    expect(band.x).toEqual([0, 10, 20]);
    expect(band.n).toEqual([3, 3, 3]);
    expect(band.mean[1]).toBeCloseTo(1.2, 12);
    expect(band.lower).toEqual([1.8, 1, 0.5]);
    expect(band.upper).toEqual([2.2, 1.4, 0.9]);
  });

  it('±1 sd and the 95 % CI of the mean, by hand: 1, 1.4, 1.2 has mean 1.2 and sd 0.2', () => {
    const sd = curveBand(curves, 'sd');
    expect(sd.lower[1]).toBeCloseTo(1.0, 12);
    expect(sd.upper[1]).toBeCloseTo(1.4, 12);
    const ci = curveBand(curves, 'ci95');
    expect(ci.upper[1] - 1.2).toBeCloseTo((tCritical(2) * 0.2) / Math.sqrt(3), 12);
  });

  it("aligns by iteration, not index: another run's points are read by interpolation, only within its range", () => {
    // A run measured at 0, 5, 20 and a shorter one that stopped at 10.
    const band = curveBand(
      [
        { x: [0, 5, 20], y: [2, 1.5, 0] },
        { x: [0, 10], y: [3, 1] },
      ],
      'minmax',
    );
    expect(band.x).toEqual([0, 5, 10, 20]);
    expect(band.n).toEqual([2, 2, 2, 1]);
    // At 5 the short run is halfway from 3 to 1 (2); at 10 the long one is a third of the way from 1.5 to 0 (1).
    expect(band.mean[1]).toBeCloseTo((1.5 + 2) / 2, 12);
    expect(band.mean[2]).toBeCloseTo((1 + 1) / 2, 12);
    expect(band.lower[3]).toBe(0);
    expect(band.upper[3]).toBe(0);
  });

  it("leaves out values that are not numbers (a diverged run's last losses)", () => {
    const band = curveBand(
      [
        { x: [0, 1, 2], y: [2, Number.NaN, Number.POSITIVE_INFINITY] },
        { x: [0, 1, 2], y: [1, 1, 1] },
      ],
      'sd',
    );
    expect(band.n).toEqual([2, 1, 1]);
    expect(band.mean).toEqual([1.5, 1, 1]);
    expect(band.lower[1]).toBe(1); // one value: no spread
  });
});
