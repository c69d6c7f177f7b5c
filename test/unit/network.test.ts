import { sum } from '../support/close';
import { describe, expect, it } from 'vitest';
import { MultiLayerNet, initStd } from '../../shared/engine/network';
import type { NetworkSpec } from '../../shared/engine/types';
import { gradientCheck } from '../../shared/engine/gradcheck';
import { RandomState } from '../../shared/engine/rng';
import { crossEntropyError, meanSquaredError } from '../../shared/engine/functions';

const now = (): number => performance.now();

/** A small network and batch with values drawn from `seed`; ~half the inputs are zero, like pixels. */
function setup(spec: Partial<NetworkSpec>, rows: number, seed: number, std = 0.5) {
  const full: NetworkSpec = { layers: [6, 5, 3], activation: 'sigmoid', loss: 'cross_entropy', dtype: 'float64', ...spec };
  const rng = new RandomState(seed);
  const net = MultiLayerNet.initialise(full, std, rng);
  net.biases.forEach((b) => rng.randn(b, 0.1));
  const x = new Float64Array(rows * full.layers[0]).map(() => (rng.randomSample() < 0.5 ? 0 : rng.randomSample()));
  const t = Int32Array.from({ length: rows }, () => rng.randint(full.layers[full.layers.length - 1]));
  return { net, x, t, rows };
}

describe('MultiLayerNet', () => {
  it("has the book's parameters W1 (784×50), b1, W2 (50×10), b2 — 39 760 in all", () => {
    const net = MultiLayerNet.initialise(
      { layers: [784, 50, 10], activation: 'sigmoid', loss: 'cross_entropy', dtype: 'float32' },
      0.01,
      new RandomState(0),
    );
    const params = net.parameters();
    expect(params.map((p) => [p.name, p.rows, p.cols])).toEqual([
      ['W1', 784, 50],
      ['b1', 1, 50],
      ['W2', 50, 10],
      ['b2', 1, 10],
    ]);
    expect(params.reduce((n, p) => n + p.values.length, 0)).toBe(39760);
    expect(net.biases.every((b) => b.every((v) => v === 0))).toBe(true);
    expect(net.weights[0]).toBeInstanceOf(Float32Array);
  });

  it('weight init: std 0.01 gives weights with standard deviation ≈ 0.01; Xavier and He scale by fan-in', () => {
    const net = MultiLayerNet.initialise(
      { layers: [784, 50, 10], activation: 'sigmoid', loss: 'cross_entropy', dtype: 'float64' },
      0.01,
      new RandomState(1),
    );
    const w = net.weights[0];
    const mean = sum(w) / w.length;
    const std = Math.sqrt(sum(Array.from(w, (v) => (v - mean) ** 2)) / w.length);
    expect(std).toBeGreaterThan(0.0098);
    expect(std).toBeLessThan(0.0102);
    expect(initStd('xavier', 100)).toBeCloseTo(0.1, 15);
    expect(initStd('he', 50)).toBeCloseTo(0.2, 15);
  });

  it('predict returns probabilities whose rows sum to 1', () => {
    const { net, x, rows } = setup({}, 4, 1);
    const y = net.predict(x, rows);
    for (let r = 0; r < rows; r++) expect(y[r * 3] + y[r * 3 + 1] + y[r * 3 + 2]).toBeCloseTo(1, 15);
  });

  it("loss is the book's cross_entropy_error (or mean_squared_error) of predict", () => {
    for (const loss of ['cross_entropy', 'mse'] as const) {
      const { net, x, t, rows } = setup({ loss }, 5, 2);
      const y = Float64Array.from(net.predict(x, rows));
      const expected = loss === 'mse' ? meanSquaredError(y, t, rows) : crossEntropyError(y, t, rows);
      expect(net.loss(x, t, rows)).toBe(expected);
    }
  });

  it('accuracy: a hand-made network that copies its input classifies by the largest input', () => {
    const net = new MultiLayerNet({ layers: [3, 3], activation: 'sigmoid', loss: 'cross_entropy', dtype: 'float64' });
    net.weights[0].set([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    const x = new Float64Array([0.9, 0.1, 0, 0, 0.2, 0.8, 0.3, 0.6, 0.1, 1, 0, 0]);
    expect(net.accuracy(x, [0, 2, 1, 2], 4)).toBe(0.75);
  });

  const variants: Array<[string, Partial<NetworkSpec>]> = [
    ['sigmoid + cross-entropy', {}],
    ['relu + cross-entropy', { activation: 'relu' }],
    ['sigmoid + MSE', { loss: 'mse' }],
    ['relu + MSE, three hidden layers', { activation: 'relu', loss: 'mse', layers: [6, 7, 5, 4, 3] }],
    ['no hidden layer', { layers: [6, 3] }],
    ['odd widths', { layers: [13, 1, 7] }],
  ];
  for (const [name, spec] of variants) {
    it(`analytic gradient equals the book's numerical gradient: ${name}`, () => {
      const { net, x, t, rows } = setup({ ...spec, crossEntropyDelta: 0 }, 4, 7);
      const result = gradientCheck(net, x, t, rows, now);
      expect(result.parameters.map((p) => p.name)).toEqual(net.parameters().map((p) => p.name));
      // Central differences with h = 1e-4 are accurate to O(h²) ≈ 1e-8 here.
      for (const p of result.parameters) expect(p.maxAbsDiff, p.name).toBeLessThan(1e-7);
    });
  }

  it('gradient returns the loss of the same forward pass', () => {
    const { net, x, t, rows } = setup({}, 3, 4);
    const before = net.loss(x, t, rows);
    expect(net.gradient(x, t, rows).loss).toBe(before);
  });

  it('numericalGradient leaves every parameter exactly as it was', () => {
    const { net, x, t, rows } = setup({}, 2, 5);
    const before = net.parameters().map((p) => Array.from(p.values));
    net.numericalGradient(x, t, rows);
    expect(net.parameters().map((p) => Array.from(p.values))).toEqual(before);
  });
});
