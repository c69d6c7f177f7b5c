import { describe, expect, it } from 'vitest';
import {
  arrowSegments,
  contourRadii,
  formatNumber,
  fromPx,
  pathPoints,
  shadeCells,
  toPx,
} from '../../../renderer/src/lib/lab/plane';

const plane = { limit: 5, size: 400 };

describe('Lab: the (x0, x1) plane figures', () => {
  it('maps data to pixels (x1 up) and back', () => {
    expect(toPx(plane, 0, 0)).toEqual([200, 200]);
    expect(toPx(plane, -5, 5)).toEqual([0, 0]);
    expect(toPx(plane, 2.5, -5)).toEqual([300, 400]);
    expect(fromPx(plane, 300, 400)).toEqual([2.5, -5]);
  });

  it('scales arrows in proportion, the longest to the given length', () => {
    const [long, short] = arrowSegments(
      plane,
      [
        { x0: 0, x1: 0, d0: 6, d1: 8 },
        { x0: 1, x1: 1, d0: 0, d1: -5 },
      ],
      20,
    );
    expect(Math.hypot(long.x2 - long.x1, long.y2 - long.y1)).toBeCloseTo(20, 12);
    expect(short.x2 - short.x1).toBeCloseTo(0, 12);
    expect(short.y2 - short.y1).toBeCloseTo(10, 12); // d1 < 0 points down the page
  });

  it('keeps a diverging path drawable: 1e13 becomes 100 picture sizes', () => {
    expect(
      pathPoints(plane, [
        [0, 0],
        [-2.6e13, -1.3e12],
      ]),
    ).toBe('200.00,200.00 -40000.00,40000.00');
  });

  it('draws the contour f = r² at radius r', () => {
    expect(contourRadii(plane, [1, 4, 25])).toEqual([40, 80, 200]);
  });

  it('formats ordinary numbers fixed and tiny or huge ones scientific', () => {
    expect(formatNumber(0.09750000000000003)).toBe('0.0975');
    expect(formatNumber(-6.111107928998789e-10)).toBe('-6.111e-10');
    expect(formatNumber(-25898374737328.363)).toBe('-2.590e+13');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(Infinity)).toBe('Infinity');
  });

  it('shades a function by rank: the lowest square 0, the highest 0.55; squares without a value left out', () => {
    const cells = shadeCells(plane, (x) => (x[0] > 4 ? NaN : x[0] + 10 * x[1]), 4);
    // 4 × 4 squares of 100 px; the column x0 = 3.75 (centre of the last column) is ≤ 4, so all 16 count.
    expect(cells).toHaveLength(16);
    const lowest = cells.find((c) => c.level === 0)!;
    const highest = cells.find((c) => c.level === 0.55)!;
    expect([lowest.x, lowest.y]).toEqual([0, 300]); // x0 = −3.75, x1 = −3.75
    expect([highest.x, highest.y]).toEqual([300, 0]);
    expect(shadeCells(plane, (x) => (x[0] > 0 ? NaN : 1), 4)).toHaveLength(8);
  });
});
