import { describe, expect, it } from 'vitest';
import { crossEntropyError, meanSquaredError, relu, sigmoid, softmax, softmaxRowsInPlace } from '../../shared/engine/functions';
import { argmax, pairwiseSum } from '../../shared/engine/tensor';
import { expectAllClose } from '../support/close';

// The book's §4.2 example: the correct class is 2.
const t = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0];
const confident = [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0];
const wrong = [0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0];

describe('loss functions (book §4.2)', () => {
  it("mean squared error: the book's two examples to the last digit", () => {
    expect(meanSquaredError(confident, t)).toBe(0.09750000000000003);
    expect(meanSquaredError(wrong, t)).toBe(0.5975);
  });

  it("cross-entropy error: the book's two examples to the last digit", () => {
    expect(crossEntropyError(confident, t)).toBe(0.510825457099338);
    expect(crossEntropyError(wrong, t)).toBe(2.302584092994546);
  });

  it('cross-entropy accepts label indices as well as one-hot rows', () => {
    expect(crossEntropyError(confident, [2])).toBe(0.510825457099338);
    const batch = [...confident, ...wrong];
    expect(crossEntropyError(batch, [2, 2], 2)).toBeCloseTo((0.510825457099338 + 2.302584092994546) / 2, 15);
    expect(crossEntropyError(batch, [...t, ...t], 2)).toBe(crossEntropyError(batch, [2, 2], 2));
  });

  it('cross-entropy of a zero probability is finite thanks to δ = 1e-7', () => {
    expect(crossEntropyError([1, 0], [1])).toBeCloseTo(-Math.log(1e-7), 12);
  });

  it('mean squared error is a batch mean', () => {
    expect(meanSquaredError([...confident, ...confident], [2, 2], 2)).toBe(0.09750000000000003);
  });

  it('rejects targets of the wrong size', () => {
    expect(() => crossEntropyError(confident, [1, 2, 3])).toThrow(/targets must hold 1 labels/);
  });
});

describe('activations (book §3.2)', () => {
  it('sigmoid: hand-computed values and symmetry', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(1)).toBeCloseTo(0.7310585786300049, 15);
    expect(sigmoid(-1) + sigmoid(1)).toBeCloseTo(1, 15);
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
  });

  it('relu', () => {
    expect([-2, -0, 0, 0.5, 3].map(relu)).toEqual([0, 0, 0, 0.5, 3]);
  });

  it("softmax: the book's example [0.3, 2.9, 4.0]", () => {
    const y = softmax([0.3, 2.9, 4.0]);
    // numpy's values; Math.exp and numpy's exp may differ in the last bit.
    expectAllClose(y, [0.01821127329554753, 0.24519181293507392, 0.7365969137693786], 1e-15);
    expect(y.reduce((a, b) => a + b)).toBeCloseTo(1, 15);
  });

  it('softmax subtracts the maximum, so [1010, 1000, 990] does not overflow', () => {
    const y = softmax([1010, 1000, 990]);
    expect(Array.from(y)).toEqual(Array.from(softmax([0, -10, -20])));
    expectAllClose(y, [0.999954600070331, 4.539786860886666e-5, 2.061060046209062e-9], 1e-15);
  });

  it('softmax of rows is independent per row', () => {
    const rows = new Float64Array([0.3, 2.9, 4.0, 1010, 1000, 990]);
    softmaxRowsInPlace(rows, 2, 3);
    expect(Array.from(rows.subarray(0, 3))).toEqual(Array.from(softmax([0.3, 2.9, 4.0])));
    expect(Array.from(rows.subarray(3))).toEqual(Array.from(softmax([1010, 1000, 990])));
  });
});

describe('numpy-compatible helpers', () => {
  it("pairwise sum matches numpy's order (0.1·10 is exactly 1 in numpy, not in a plain loop)", () => {
    const tenths = new Array(10).fill(0.1);
    let naive = 0;
    for (const v of tenths) naive += v;
    expect(naive).toBe(0.9999999999999999);
    expect(pairwiseSum(tenths)).toBe(1);
  });

  it('pairwise sum over long arrays stays exact on integers', () => {
    const values = Array.from({ length: 1001 }, (_, i) => i);
    expect(pairwiseSum(values)).toBe(500500);
    expect(pairwiseSum(values, 1, 3)).toBe(6);
  });

  it('argmax returns the first maximum, like np.argmax', () => {
    expect(argmax([1, 3, 3, 2])).toBe(1);
    expect(argmax([5, 1, 9, 9], 1, 3)).toBe(1);
    expect(argmax([-Infinity, -Infinity])).toBe(0);
  });
});
