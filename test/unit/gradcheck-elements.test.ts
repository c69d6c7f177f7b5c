import { describe, expect, it } from 'vitest';
import { gradientElements, MAX_W1_ELEMENTS, SCATTER_POINTS, scatterStrides } from '../../shared/gradcheck-elements';
import { decodeFloats } from '../../shared/inside/float-codec';

/** A parameter whose numerical gradient is its analytic one plus `offset(j)`. */
const parameter = (name: string, rows: number, cols: number, offset: (j: number) => number) => {
  const analytic = Float64Array.from({ length: rows * cols }, (_, j) => Math.sin(j));
  return { name, rows, cols, analytic, numerical: analytic.map((v, j) => v + offset(j)) };
};

describe("the gradient check's values element by element, bounded", () => {
  it("the book's 784-50-10: the biases and W2 whole, W1 every 12th — under 4 000 points in all", () => {
    const strides = scatterStrides([39_200, 50, 500, 10]);
    expect(strides).toEqual([12, 1, 1, 1]);
    const points = [39_200, 50, 500, 10].reduce((sum, c, i) => sum + Math.ceil(c / strides[i]), 0);
    expect(points).toBeLessThanOrEqual(SCATTER_POINTS);
  });

  it('a wide network still stays within the budget', () => {
    const counts = [784 * 1000, 1000, 1000 * 1000, 1000, 1000 * 10, 10];
    const strides = scatterStrides(counts);
    expect(counts.reduce((sum, c, i) => sum + Math.ceil(c / strides[i]), 0)).toBeLessThanOrEqual(SCATTER_POINTS);
  });

  it('samples every stride-th element of both gradients, and sends W1’s |difference| whole as float32', () => {
    const w1 = parameter('W1', 784, 50, (j) => (j % 7) * 1e-9);
    const b1 = parameter('b1', 1, 50, () => -2e-10);
    const elements = gradientElements([w1, b1]);
    const [sw1, sb1] = elements.scatter;
    expect(sb1).toEqual({ name: 'b1', stride: 1, numerical: Array.from(b1.numerical), analytic: Array.from(b1.analytic) });
    expect(sw1.numerical[3]).toBe(w1.numerical[3 * sw1.stride]);
    expect(sw1.analytic[3]).toBe(w1.analytic[3 * sw1.stride]);
    expect(sw1.numerical.length).toBe(Math.ceil(39_200 / sw1.stride));
    const diff = decodeFloats(elements.w1AbsDiff!.base64, 'float32');
    expect([elements.w1AbsDiff!.rows, elements.w1AbsDiff!.cols, diff.length]).toEqual([784, 50, 39_200]);
    expect(diff[13]).toBeCloseTo(6e-9, 12);
    expect(diff[14]).toBeCloseTo(0, 12);
  });

  it('leaves out a W1 larger than MAX_W1_ELEMENTS', () => {
    const rows = Math.ceil(MAX_W1_ELEMENTS / 100) + 1;
    expect(gradientElements([parameter('W1', rows, 100, () => 0)]).w1AbsDiff).toBeNull();
  });
});
