import { describe, expect, it } from 'vitest';
import { MultiLayerNet } from '../../shared/engine/network';
import type { NetworkSpec } from '../../shared/engine/types';
import { incrementalNumericalGradient } from '../../shared/engine/numerical-incremental';
import { RandomState } from '../../shared/engine/rng';
import type { FloatArray } from '../../shared/engine/tensor';

function setup(spec: Partial<NetworkSpec>, rows: number, seed: number) {
  const full: NetworkSpec = { layers: [12, 6, 4], activation: 'sigmoid', loss: 'cross_entropy', dtype: 'float64', ...spec };
  const rng = new RandomState(seed);
  const net = MultiLayerNet.initialise(full, 0.5, rng);
  net.biases.forEach((b) => rng.randn(b, 0.2));
  // Pixel-like inputs: 70% zeros, the rest in (0, 1]; one all-zero row.
  const x = new Float64Array(rows * full.layers[0]).map((_, i) =>
    i < full.layers[0] || rng.randomSample() < 0.7 ? 0 : rng.randomSample(),
  );
  const t = Int32Array.from({ length: rows }, () => rng.randint(full.layers[full.layers.length - 1]));
  return { net, x, t, rows };
}

const copy = (gs: FloatArray[]): Float64Array[] => gs.map((g) => Float64Array.from(g));
const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

describe('incremental numerical gradient', () => {
  const variants: Array<[string, Partial<NetworkSpec>]> = [
    ['sigmoid + cross-entropy', {}],
    ['relu + cross-entropy', { activation: 'relu' }],
    ['sigmoid + MSE', { loss: 'mse' }],
    ['relu + MSE, three hidden layers', { activation: 'relu', loss: 'mse', layers: [12, 7, 5, 6, 4] }],
    ['sigmoid, two hidden layers, odd widths', { layers: [9, 1, 3, 5] }],
    ['no hidden layer', { layers: [12, 4] }],
  ];
  for (const [name, spec] of variants) {
    it(`equals the book's plain method within its rounding noise: ${name}`, () => {
      const { net, x, t, rows } = setup(spec, 5, 11);
      const plain = copy(net.numericalGradient(x, t, rows));
      const fast = incrementalNumericalGradient(net, x, t, rows);
      // The plain method subtracts two batch losses ≈ 1; its noise is ≈ 1e-16 / 2h ≈ 1e-12.
      fast.forEach((g, i) => expect(maxAbsDiff(g, plain[i]), net.parameters()[i].name).toBeLessThan(2e-11));
    });
  }

  it('is at least as close to the analytic gradient as the plain method (δ = 0)', () => {
    const { net, x, t, rows } = setup({ crossEntropyDelta: 0 }, 8, 3);
    const plain = copy(net.numericalGradient(x, t, rows));
    const fast = copy(incrementalNumericalGradient(net, x, t, rows));
    const analytic = net.gradient(x, t, rows).grads;
    const total = (gs: Float64Array[]): number => gs.reduce((s, g, i) => s + maxAbsDiff(g, analytic[i]), 0);
    expect(total(fast)).toBeLessThanOrEqual(total(plain) * 1.5);
    expect(total(fast)).toBeLessThan(1e-7);
  });

  it('leaves every parameter bit-for-bit as it was', () => {
    const { net, x, t, rows } = setup({}, 4, 5);
    const before = net.parameters().map((p) => Array.from(p.values));
    incrementalNumericalGradient(net, x, t, rows);
    expect(net.parameters().map((p) => Array.from(p.values))).toEqual(before);
  });

  it('float32 networks: uses the steps float32 actually stores and agrees with the plain method', () => {
    const { net, x, t, rows } = setup({ dtype: 'float32' }, 4, 9);
    const plain = copy(net.numericalGradient(Float32Array.from(x), t, rows));
    const fast = incrementalNumericalGradient(net, Float32Array.from(x), t, rows);
    // float32 losses are rounded to ≈ 1e-7, so the plain method's differences carry ≈ 1e-7 / 2h noise.
    fast.forEach((g, i) => expect(maxAbsDiff(g, plain[i])).toBeLessThan(5e-3));
  });

  it('a weight whose input is zero in every row gets gradient exactly 0', () => {
    const { net, x, t, rows } = setup({}, 3, 2);
    for (let n = 0; n < rows; n++) x[n * 12 + 5] = 0;
    const gradW1 = incrementalNumericalGradient(net, x, t, rows)[0];
    for (let j = 0; j < 6; j++) expect(gradW1[5 * 6 + j]).toBe(0);
  });
});
