/**
 * The general MultiLayerNet against the book's TwoLayerNet written as printed (shared/engine/two-layer-net.ts):
 * the same weights give the same predictions, loss and gradients, in float64.
 */
import { describe, expect, it } from 'vitest';
import { MultiLayerNet } from '../../shared/engine/network';
import { TwoLayerNet } from '../../shared/engine/two-layer-net';
import { RandomState } from '../../shared/engine/rng';
import type { FloatArray } from '../../shared/engine/tensor';
import { relativeDiff } from '../support/close';

/** Largest difference relative to the largest magnitude of the reference. */
function scaledDiff(actual: FloatArray, reference: FloatArray): number {
  expect(actual.length).toBe(reference.length);
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < reference.length; i++) {
    diff = Math.max(diff, Math.abs(actual[i] - reference[i]));
    scale = Math.max(scale, Math.abs(reference[i]));
  }
  return diff / scale;
}

/** `rows` images of `features` pixel values in [0, 1], about 80% zeros like MNIST, and one-hot targets. */
function batch(rows: number, features: number, classes: number, seed: number) {
  const rng = new RandomState(seed);
  const x = new Float64Array(rows * features).map(() => (rng.randomSample() < 0.8 ? 0 : rng.randint(256) / 255));
  const labels = Int32Array.from({ length: rows }, () => rng.randint(classes));
  const oneHot = new Float64Array(rows * classes);
  labels.forEach((label, r) => (oneHot[r * classes + label] = 1));
  return { x, labels, oneHot };
}

/** The book's network and the general one, both drawn from `np.random.seed(seed)`'s stream. */
function twins(layers: [number, number, number], seed: number, std: number) {
  const book = new TwoLayerNet(...layers, new RandomState(seed), std);
  const general = MultiLayerNet.initialise(
    { layers, activation: 'sigmoid', loss: 'cross_entropy', dtype: 'float64' },
    std,
    new RandomState(seed),
  );
  return { book, general };
}

describe("MultiLayerNet against the book's TwoLayerNet", () => {
  it('draws the same initial weights from the same seed (W1 then W2, biases zero)', () => {
    const { book, general } = twins([784, 50, 10], 2024, 0.01);
    expect(Array.from(general.weights[0])).toEqual(Array.from(book.params.W1));
    expect(Array.from(general.weights[1])).toEqual(Array.from(book.params.W2));
    expect(general.biases.every((b) => b.every((v) => v === 0))).toBe(true);
  });

  // Trained weights and non-zero biases, so that every term of the gradient matters.
  const { book, general } = twins([784, 50, 10], 7, 0.5);
  const rng = new RandomState(8);
  for (const name of ['W1', 'b1', 'W2', 'b2'] as const) {
    const values = book.params[name];
    values.forEach((_, i) => (values[i] += 0.1 * rng.standardNormal()));
    const l = Number(name[1]) - 1;
    (name[0] === 'W' ? general.weights[l] : general.biases[l]).set(values);
  }
  const { x, labels, oneHot } = batch(100, 784, 10, 9);

  it('784-50-10, batch 100: predict and loss agree to 1e-12', () => {
    expect(scaledDiff(general.predict(x, 100), book.predict(x, 100))).toBeLessThan(1e-12);
    expect(relativeDiff(general.loss(x, labels, 100), book.loss(x, oneHot, 100))).toBeLessThan(1e-12);
    expect(general.accuracy(x, labels, 100)).toBe(book.accuracy(x, oneHot, 100));
  });

  it('784-50-10, batch 100: the analytic gradients agree to 1e-12, parameter by parameter', () => {
    const expected = book.gradient(x, oneHot, 100);
    const { grads } = general.gradient(x, labels, 100);
    [expected.W1, expected.b1, expected.W2, expected.b2].forEach((g, i) =>
      expect(scaledDiff(grads[i], g), `parameter ${i}`).toBeLessThan(1e-12),
    );
  });

  it("20-8-4, batch 5: the book's numerical gradients agree to 1e-12, and match the analytic one", () => {
    const small = twins([20, 8, 4], 3, 0.5);
    const data = batch(5, 20, 4, 4);
    const expected = small.book.numericalGradient(data.x, data.oneHot, 5);
    const reference = [expected.W1, expected.b1, expected.W2, expected.b2].map((g) => Float64Array.from(g));
    const numerical = small.general.numericalGradient(data.x, data.labels, 5);
    reference.forEach((g, i) => expect(scaledDiff(numerical[i], g), `parameter ${i}`).toBeLessThan(1e-12));
    const analytic = small.book.gradient(data.x, data.oneHot, 5);
    // Central differences with h = 1e-4 against backpropagation: the book's gradient check.
    [analytic.W1, analytic.b1, analytic.W2, analytic.b2].forEach((g, i) =>
      expect(scaledDiff(reference[i], g)).toBeLessThan(1e-5),
    );
  });
});
