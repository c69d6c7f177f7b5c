import { describe, expect, it } from 'vitest';
import { gradientDescent, numericalDiff, numericalGradient } from '../../shared/engine/gradient';

// The book's function_1 and function_2 (§4.3), written with Python's operator grouping:
// 0.01*x**2 is 0.01 * (x*x), not (0.01*x) * x.
const function1 = (x: number): number => 0.01 * (x * x) + 0.1 * x;
const function2 = (x: Float64Array): number => x[0] * x[0] + x[1] * x[1];

describe('numerical differentiation (book §4.3)', () => {
  it('numericalDiff of 0.01x² + 0.1x matches the book to the last digit', () => {
    expect(numericalDiff(function1, 5)).toBe(0.1999999999990898);
    expect(numericalDiff(function1, 10)).toBe(0.2999999999986347);
  });

  it('numericalGradient of x0² + x1² matches the book to the last digit', () => {
    expect(Array.from(numericalGradient(function2, new Float64Array([3, 4])))).toEqual([6.00000000000378, 7.999999999999119]);
    expect(Array.from(numericalGradient(function2, new Float64Array([0, 2])))).toEqual([0, 4.000000000004]);
    expect(Array.from(numericalGradient(function2, new Float64Array([3, 0])))).toEqual([6.000000000012662, 0]);
  });

  it('numericalGradient restores every element it perturbs', () => {
    const x = new Float64Array([0.1, -7.25, 3e-9]);
    const before = Array.from(x);
    numericalGradient((v) => v[0] * v[1] + v[2], x);
    expect(Array.from(x)).toEqual(before);
  });
});

describe('gradient descent (book §4.4.1)', () => {
  const descend = (lr: number): number[] => Array.from(gradientDescent(function2, new Float64Array([-3, 4]), lr, 100));

  it('lr = 0.1 reaches the minimum (0, 0)', () => {
    expect(descend(0.1)).toEqual([-6.111107928998789e-10, 8.148143905314271e-10]);
  });

  it("lr = 10 diverges to the book's exact huge values", () => {
    expect(descend(10)).toEqual([-25898374737328.363, -1295248616896.5398]);
  });

  it('lr = 1e-10 barely moves', () => {
    expect(descend(1e-10)).toEqual([-2.999999939999995, 3.9999999199999934]);
  });
});
