/** The confusion matrix and what is read off it, on a hand-counted case. */
import { describe, expect, it } from 'vitest';
import { confusionMatrix, matrixAccuracy, perClassAccuracy, rowNormalised } from '../../../shared/inside/confusion';

// Six images of three classes: labels 0 0 1 1 1 2, predicted 0 1 1 1 2 2 → 4 of 6 right.
const labels = [0, 0, 1, 1, 1, 2];
const predicted = [0, 1, 1, 1, 2, 2];

describe('confusionMatrix', () => {
  it('counts each (true, predicted) pair: row = true class, column = prediction', () => {
    expect(confusionMatrix(labels, predicted, 3)).toEqual([
      [1, 1, 0],
      [0, 2, 1],
      [0, 0, 1],
    ]);
  });
  it('per-class accuracy is the diagonal over the row sums; a class with no images is null', () => {
    expect(perClassAccuracy(confusionMatrix(labels, predicted, 3))).toEqual([0.5, 2 / 3, 1]);
    expect(perClassAccuracy(confusionMatrix([0], [0], 2))).toEqual([1, null]);
  });
  it('the trace over the total is the overall accuracy', () => {
    expect(matrixAccuracy(confusionMatrix(labels, predicted, 3))).toBeCloseTo(4 / 6, 15);
  });
  it('row-normalised rows sum to 1 (and an empty row stays zeros)', () => {
    expect(
      rowNormalised([
        [1, 1, 0],
        [0, 2, 1],
        [0, 0, 0],
      ]),
    ).toEqual([
      [0.5, 0.5, 0],
      [0, 2 / 3, 1 / 3],
      [0, 0, 0],
    ]);
  });
  it('refuses arrays of different lengths and classes out of range', () => {
    expect(() => confusionMatrix([0, 1], [0], 2)).toThrow('2 labels but 1 predictions');
    expect(() => confusionMatrix([0, 3], [0, 1], 3)).toThrow('image 1: class 3 or 1 is not in 0…2');
  });
});
