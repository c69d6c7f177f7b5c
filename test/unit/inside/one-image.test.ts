/** One image through a network: first-layer activations and the strongest units, against a small net worked by hand. */
import { describe, expect, it } from 'vitest';
import { MultiLayerNet } from '../../../shared/engine/network';
import { firstLayerActivations, predictOne, strongestUnits } from '../../../shared/inside/one-image';

/**
 * 3 inputs → 2 hidden → 2 outputs. W1 (3 × 2, row-major: row i = input i) = [[1, −1], [2, 0], [0, 3]], b1 = [0.5, −1].
 * For x = (1, 0.5, 1): pre-activations a = (1 + 1 + 0 + 0.5, −1 + 0 + 3 − 1) = (2.5, 1).
 */
function net(activation: 'sigmoid' | 'relu' | 'step', bias1 = [0.5, -1]): MultiLayerNet {
  return new MultiLayerNet({ layers: [3, 2, 2], activation, loss: 'cross_entropy', dtype: 'float64' }, undefined, {
    weights: [Float64Array.from([1, -1, 2, 0, 0, 3]), Float64Array.from([1, 0, 0, 1])],
    biases: [Float64Array.from(bias1), Float64Array.from([0, 0])],
  });
}
const x = [1, 0.5, 1];

describe('firstLayerActivations', () => {
  it('sigmoid: (σ(2.5), σ(1))', () => {
    const h = firstLayerActivations(net('sigmoid'), x)!;
    expect(h[0]).toBeCloseTo(1 / (1 + Math.exp(-2.5)), 12);
    expect(h[1]).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
  });

  it('ReLU with b1 = (0.5, −3): (2.5, 0); step: (1, 0)', () => {
    expect(firstLayerActivations(net('relu', [0.5, -3]), x)).toEqual([2.5, 0]);
    expect(firstLayerActivations(net('step', [0.5, -3]), x)).toEqual([1, 0]);
  });

  it("agrees with the network's own forward pass: W2 = I, so the output is softmax of the activations", () => {
    const h = firstLayerActivations(net('sigmoid'), x)!;
    const p = predictOne(net('sigmoid'), x);
    expect(p[0]).toBeCloseTo(Math.exp(h[0]) / (Math.exp(h[0]) + Math.exp(h[1])), 12);
  });

  it('a network without hidden layers has none; a wrong input length is refused', () => {
    const flat = new MultiLayerNet({ layers: [3, 2], activation: 'sigmoid', loss: 'cross_entropy', dtype: 'float64' });
    expect(firstLayerActivations(flat, x)).toBeNull();
    expect(() => firstLayerActivations(net('sigmoid'), [1, 2])).toThrow('the network takes 3 inputs, got 2');
  });
});

describe('strongestUnits', () => {
  it('the k largest, largest first; equal activations keep the lower unit first', () => {
    expect(strongestUnits([0.1, 0.9, 0.5, 0.9, 0.2], 3)).toEqual([
      { unit: 1, activation: 0.9 },
      { unit: 3, activation: 0.9 },
      { unit: 2, activation: 0.5 },
    ]);
    expect(strongestUnits([0.3], 5)).toEqual([{ unit: 0, activation: 0.3 }]);
    expect(strongestUnits([0.3], 0)).toEqual([]);
  });
});
