import { describe, expect, it } from 'vitest';
import { pixelScale, sliceRows, type Dataset } from '../../../shared/engine/dataset';
import { MultiLayerNet } from '../../../shared/engine/network';
import { RandomState } from '../../../shared/engine/rng';
import type { Activation } from '../../../shared/engine/types';
import { weightLine } from '../../../shared/lab/weight-line';

/** 40 random 6-pixel "images" in 3 classes. */
function smallData(): Dataset {
  const rng = new RandomState(5);
  const images = Uint8Array.from({ length: 40 * 6 }, () => rng.randint(256));
  const labels = Uint8Array.from({ length: 40 }, () => rng.randint(3));
  return { images, labels, count: 40, features: 6, classes: 3 };
}

function network(layers: number[], activation: Activation): MultiLayerNet {
  const net = MultiLayerNet.initialise({ layers, activation, loss: 'cross_entropy', dtype: 'float64' }, 1, new RandomState(2));
  net.biases.forEach((b) => new RandomState(3).randn(b as Float64Array, 0.5));
  return net;
}

/** The loss and accuracy with the weight set and the whole network run again: what the shortcut must equal. */
function direct(net: MultiLayerNet, data: Dataset, layer: number, row: number, col: number, weight: number) {
  const w = net.weights[layer - 1];
  const n = net.spec.layers[layer];
  const kept = w[row * n + col];
  w[row * n + col] = weight;
  const x = new Float64Array(data.count * data.features);
  const t = new Int32Array(data.count);
  sliceRows(data, 0, data.count, pixelScale('float64'), x, t);
  const result = { loss: net.loss(x, t, data.count), accuracy: net.accuracy(x, t, data.count) };
  w[row * n + col] = kept;
  return result;
}

describe('Lab: one weight of a network moved along a line (§4.2.5)', () => {
  for (const activation of ['sigmoid', 'relu', 'step'] as const) {
    for (const layer of [1, 2, 3]) {
      it(`W${layer} of a ${activation} 6-5-4-3 network: each point's loss and accuracy are the whole network's`, () => {
        const net = network([6, 5, 4, 3], activation);
        const data = smallData();
        const [row, col] = [layer === 1 ? 4 : 2, 1];
        const line = weightLine(net, data, { layer, row, col, span: 3, points: 13 });
        expect(line.value).toBe(net.weights[layer - 1][row * net.spec.layers[layer] + col]);
        expect(line.points).toHaveLength(13);
        expect(line.points[6].weight).toBeCloseTo(line.value, 12);
        for (const p of line.points) {
          const d = direct(net, data, layer, row, col, p.weight);
          expect(p.loss).toBeCloseTo(d.loss, 10);
          expect(p.accuracy).toBe(d.accuracy);
        }
      });
    }
  }

  it('in a two-layer network too (W1 and the output layer), and the accuracy moves in steps of 1/images', () => {
    const net = network([6, 5, 3], 'sigmoid');
    const data = smallData();
    for (const layer of [1, 2]) {
      const line = weightLine(net, data, { layer, row: 3, col: 2, span: 20, points: 41 });
      for (const p of [line.points[0], line.points[17], line.points[40]]) {
        const d = direct(net, data, layer, 3, 2, p.weight);
        expect(p.loss).toBeCloseTo(d.loss, 10);
        expect(p.accuracy).toBe(d.accuracy);
      }
      for (const p of line.points) expect(Number.isInteger(Math.round(p.accuracy * 40 * 1e6) / 1e6)).toBe(true);
    }
  });

  it('names the field and its range for a weight the network does not have', () => {
    const net = network([6, 5, 3], 'sigmoid');
    const data = smallData();
    expect(() => weightLine(net, data, { layer: 3, row: 0, col: 0, span: 1, points: 3 })).toThrow(
      'layer: must be from 1 to 2, got 3',
    );
    expect(() => weightLine(net, data, { layer: 1, row: 6, col: 0, span: 1, points: 3 })).toThrow(
      'row: W1 has rows 0 to 5, got 6',
    );
    expect(() => weightLine(net, data, { layer: 2, row: 0, col: 3, span: 1, points: 3 })).toThrow(
      'col: W2 has columns 0 to 2, got 3',
    );
  });
});
