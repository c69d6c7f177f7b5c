/** Weight tiles: the column of W1 a unit reads, the diverging colours, and the two scales. */
import { describe, expect, it } from 'vitest';
import { divergingColour, tileRgba, unitWeights, weightTiles } from '../../../renderer/src/lib/inside/weight-tiles';
import { networkOf } from '../../../renderer/src/lib/inside/predict';
import { predictOne } from '../../../shared/inside/one-image';
import { encodeFloats } from '../../../shared/inside/float-codec';

// W1 for 3 inputs × 2 hidden units, row-major: unit 0 reads [1, -2, 0.5], unit 1 reads [4, 0, -1].
const w1 = [1, 4, -2, 0, 0.5, -1];

describe('weight tiles', () => {
  it("a unit's tile is its column of W1", () => {
    expect(Array.from(unitWeights(w1, 3, 2, 0))).toEqual([1, -2, 0.5]);
    expect(Array.from(unitWeights(w1, 3, 2, 1))).toEqual([4, 0, -1]);
  });
  it("per-tile scale is each tile's largest |w|; shared is the layer's", () => {
    expect(weightTiles(w1, 3, 2, 'per-tile').map((t) => t.scale)).toEqual([2, 4]);
    expect(weightTiles(w1, 3, 2, 'shared').map((t) => t.scale)).toEqual([4, 4]);
  });
  it('colours: 0 is white, −1 blue #2166ac, +1 red #b2182b, halfway is the mean, beyond ±1 clamps', () => {
    expect(divergingColour(0)).toEqual([255, 255, 255]);
    expect(divergingColour(-1)).toEqual([33, 102, 172]);
    expect(divergingColour(1)).toEqual([178, 24, 43]);
    expect(divergingColour(0.5)).toEqual([217, 140, 149]);
    expect(divergingColour(-7)).toEqual([33, 102, 172]);
  });
  it('tileRgba: unit 0 per tile (scale 2) gives 1/2 → half red, −1 → blue, 1/4 → quarter red (255 − 231/4 = 197.25 → 197)', () => {
    expect(Array.from(tileRgba([1, -2, 0.5], 2))).toEqual([217, 140, 149, 255, 33, 102, 172, 255, 236, 197, 202, 255]);
  });
});

describe('prediction from API weights', () => {
  it('a 2-2-2 sigmoid net by hand: x = (1, 0), W1 = I, b1 = 0, W2 = [[2, 0], [0, 0]], b2 = 0 → softmax(2σ(1), σ(0)·0)', () => {
    const param = (name: string, rows: number, cols: number, values: number[]) => ({
      name,
      rows,
      cols,
      base64: encodeFloats(values, 'float64'),
    });
    const net = networkOf({
      iteration: 0,
      dtype: 'float64',
      layers: [2, 2, 2],
      activation: 'sigmoid',
      loss: 'cross_entropy',
      parameters: [
        param('W1', 2, 2, [1, 0, 0, 1]),
        param('b1', 1, 2, [0, 0]),
        param('W2', 2, 2, [2, 0, 0, 0]),
        param('b2', 1, 2, [0, 0]),
      ],
    });
    const z = 2 / (1 + Math.exp(-1));
    const p = predictOne(net, [1, 0]);
    expect(p[0]).toBeCloseTo(Math.exp(z) / (Math.exp(z) + 1), 12);
    expect(p[0] + p[1]).toBeCloseTo(1, 12);
  });
});
