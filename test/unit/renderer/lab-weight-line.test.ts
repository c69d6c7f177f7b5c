import { describe, expect, it } from 'vitest';
import { changes, lineSeries, pixelOf } from '../../../renderer/src/lib/lab/weight-line';

const line = {
  runId: 'r',
  layer: 1,
  row: 406,
  col: 0,
  value: 0.5,
  images: 100,
  points: [
    { weight: -0.5, loss: 0.31, accuracy: 0.9 },
    { weight: 0.5, loss: 0.3, accuracy: 0.9 },
    { weight: 1.5, loss: 0.32, accuracy: 0.89 },
  ],
};

describe('Lab: the walk along one weight, drawn', () => {
  it('W1 row 406 is the pixel (14, 14) of a 28 × 28 image; rows of non-square images have no pixel', () => {
    expect(pixelOf(406, 784)).toEqual({ x: 14, y: 14 });
    expect(pixelOf(27, 784)).toEqual({ x: 27, y: 0 });
    expect(pixelOf(3, 50)).toBeNull();
  });

  it('counts the steps that changed the loss and the accuracy', () => {
    expect(changes(line)).toEqual({ steps: 2, loss: 2, accuracy: 1 });
  });

  it('marks the trained value at its own loss', () => {
    const [curve, mark] = lineSeries(line, 'loss');
    expect(curve.points).toEqual([
      { x: -0.5, y: 0.31 },
      { x: 0.5, y: 0.3 },
      { x: 1.5, y: 0.32 },
    ]);
    expect(mark.points).toEqual([{ x: 0.5, y: 0.3 }]);
  });
});
