import { describe, expect, it } from 'vitest';
import { gradientDescent } from '../../../shared/engine/gradient';
import {
  BOOK_LEARNING_RATES,
  BOOK_START,
  BOOK_STEPS,
  checkRange,
  descentPath,
  function2,
  gradientAt,
  gradientField,
} from '../../../renderer/src/lib/lab/gradient-field';

describe('Lab: gradient page (§4.4)', () => {
  it("the book's three points: (3, 4) → (6, 8), (0, 2) → (0, 4), (3, 0) → (6, 0)", () => {
    expect(gradientAt(function2, 3, 4)).toEqual([6.00000000000378, 7.999999999999119]);
    expect(gradientAt(function2, 0, 2)).toEqual([0, 4.000000000004]);
    expect(gradientAt(function2, 3, 0)).toEqual([6.000000000012662, 0]);
  });

  it("the field is the negative gradient on the book's grid (−2 … 2 by 0.25), zero at the minimum", () => {
    const field = gradientField(function2);
    expect(field).toHaveLength(17 * 17);
    const at = (a: number, b: number) => field.find((f) => f.x0 === a && f.x1 === b)!;
    expect(at(0, 0).d0).toBeCloseTo(0, 12);
    expect(at(2, -1).d0).toBeCloseTo(-4, 9);
    expect(at(2, -1).d1).toBeCloseTo(2, 9);
  });
});

describe('Lab: gradient descent page (§4.4.1)', () => {
  const end = (lr: number) => descentPath(function2, BOOK_START, lr, BOOK_STEPS)[BOOK_STEPS];

  it("reaches the book's three end points", () => {
    expect(BOOK_LEARNING_RATES).toEqual([0.1, 10, 1e-10]);
    expect(end(0.1)).toEqual([-6.111107928998789e-10, 8.148143905314271e-10]);
    expect(end(10)).toEqual([-25898374737328.363, -1295248616896.5398]);
    expect(end(1e-10)).toEqual([-2.999999939999995, 3.9999999199999934]);
  });

  it("the path is the engine's gradientDescent step by step: same end for any lr and step count", () => {
    for (const [lr, steps] of [
      [0.05, 7],
      [0.3, 40],
      [1.2, 13],
    ]) {
      const path = descentPath(function2, [1.5, -2], lr, steps);
      expect(path).toHaveLength(steps + 1);
      expect(path[0]).toEqual([1.5, -2]);
      expect(path[steps]).toEqual(Array.from(gradientDescent(function2, new Float64Array([1.5, -2]), lr, steps)));
    }
  });

  it('an input out of range is refused with its name and range', () => {
    expect(checkRange('learning rate', 0.1, 1e-12, 100)).toBe(0.1);
    expect(checkRange('learning rate', 1000, 1e-12, 100)).toBe('learning rate: 1000 is outside 1e-12 … 100');
    expect(checkRange('steps', NaN, 1, 10_000, true)).toBe('steps: type a number from 1 to 10000');
    expect(checkRange('steps', 2.5, 1, 10_000, true)).toBe('steps: a whole number from 1 to 10000');
  });
});
