import { describe, expect, it } from 'vitest';
import { step, stepInPlace } from '../../shared/engine/functions';
import { MultiLayerNet } from '../../shared/engine/network';
import { incrementalNumericalGradient } from '../../shared/engine/numerical-incremental';
import { RandomState } from '../../shared/engine/rng';
import type { NetworkSpec } from '../../shared/engine/types';
import { BOOK_DEFAULTS, parseRunConfig } from '../../shared/config';
import { pixelScale, sliceRows, takeFirst } from '../../shared/engine/dataset';
import { matmul } from '../../shared/engine/kernels';
import { wasmEngine } from '../../shared/engine/best-engine';
import { Training } from '../../shared/engine/train';
import { bundledMnistFolder, loadIdxDataset } from '../../electron/core/datasets';

const spec: NetworkSpec = {
  layers: [12, 6, 4],
  activation: 'step',
  loss: 'cross_entropy',
  dtype: 'float64',
  crossEntropyDelta: 0,
};

function setup(seed: number, rows: number) {
  const rng = new RandomState(seed);
  const net = MultiLayerNet.initialise(spec, 0.5, rng);
  const x = new Float64Array(rows * 12).map(() => (rng.randomSample() < 0.7 ? 0 : rng.randomSample()));
  const t = Int32Array.from({ length: rows }, () => rng.randint(4));
  return { net, x, t, rows };
}

/** The book's TwoLayerNet(784, 50, 10) with step units, seed 1, on the first `rows` MNIST training images, and its pre-activations. */
function bookStepNetwork(rows: number) {
  const net = MultiLayerNet.initialise(
    { layers: [784, 50, 10], activation: 'step', loss: 'cross_entropy', dtype: 'float64' },
    0.01,
    new RandomState(1),
  );
  const x = new Float64Array(rows * 784);
  const t = new Int32Array(rows);
  sliceRows(takeFirst(loadIdxDataset(bundledMnistFolder()).train, rows), 0, rows, pixelScale('float64'), x, t);
  const pre = new Float64Array(rows * 50);
  matmul(x, net.weights[0], pre, rows, 784, 50);
  return { net, x, t, pre: Array.from(pre) };
}

describe('the step activation (§3.2.2, §4.2.5)', () => {
  it('is 1 above 0 and 0 at or below it', () => {
    expect([-1, -1e-300, 0, 1e-300, 3].map(step)).toEqual([0, 0, 0, 1, 1]);
    const v = new Float64Array([-0.5, 0, 0.25]);
    stepInPlace(v);
    expect(Array.from(v)).toEqual([0, 0, 1]);
  });

  it('makes the hidden layer output 0s and 1s', () => {
    const { net, x, rows } = setup(4, 3);
    const y = net.predict(x, rows);
    // Outputs are softmax probabilities of a network whose hidden units are 0/1: rows still sum to 1.
    for (let r = 0; r < rows; r++) expect(Array.from(y.subarray(r * 4, r * 4 + 4)).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it("passes no gradient below it: W1 and b1 get exactly 0, analytically and numerically; the output layer's agree", () => {
    const { net, x, t, rows } = setup(7, 5);
    const plain = net.numericalGradient(x, t, rows).map((g) => Float64Array.from(g));
    const analytic = net.gradient(x, t, rows).grads.map((g) => Float64Array.from(g));
    const incremental = incrementalNumericalGradient(net, x, t, rows).map((g) => Float64Array.from(g));
    for (const grads of [analytic, plain, incremental]) {
      expect(grads[0].every((g) => g === 0)).toBe(true);
      expect(grads[1].every((g) => g === 0)).toBe(true);
    }
    // The output layer sees the 0/1 features linearly: numerical and analytic agree there.
    for (const i of [2, 3]) {
      expect(analytic[i].some((g) => g !== 0)).toBe(true);
      analytic[i].forEach((g, k) => expect(plain[i][k]).toBeCloseTo(g, 8));
      incremental[i].forEach((g, k) => expect(g).toBeCloseTo(plain[i][k], 10));
    }
  });

  it('sees a jump as a huge numerical slope when a pre-activation is within h of 0 (the derivative does not exist there)', () => {
    const { net, x, t, rows } = setup(7, 5);
    // Put unit 0's pre-activation for row 0 at +5e-5: a nudge of b1[0] by −1e-4 flips the step.
    const pre = Array.from(net.weights[0]).reduce((sum, w, k) => (k % 6 === 0 ? sum + w * x[Math.floor(k / 6)] : sum), 0);
    net.biases[0][0] = 5e-5 - pre;
    const g = net.numericalGradient(x, t, rows)[1][0];
    expect(Math.abs(g)).toBeGreaterThan(10);
    expect(net.gradient(x, t, rows).grads[1][0]).toBe(0);
  });

  it("the book's 784-50-10 on MNIST: W1's gradient is exactly 0 analytically (by definition) and numerically (no pre-activation within h of the step)", () => {
    const { net, x, t, pre } = bookStepNetwork(3);
    // The book's gradient check takes 3 images: their closest pre-activation is 3.6e-4 from the step, and a nudge of
    // h = 1e-4 moves a pre-activation by at most h (pixels are at most 1): no unit flips, the loss does not move.
    expect(Math.min(...pre.map(Math.abs))).toBeGreaterThan(1e-4);
    const numerical = incrementalNumericalGradient(net, x, t, 3).map((g) => Float64Array.from(g));
    const analytic = net.gradient(x, t, 3).grads.map((g) => Float64Array.from(g));
    for (const grads of [numerical, analytic]) {
      expect(grads[0].every((g) => g === 0)).toBe(true);
      expect(grads[1].every((g) => g === 0)).toBe(true);
    }
    // The output layer learns on the fixed 0/1 features: there the two agree (to the δ = 1e-7 in the loss's log).
    expect(analytic[2].some((g) => g !== 0)).toBe(true);
    analytic[2].forEach((g, k) => expect(numerical[2][k]).toBeCloseTo(g, 5));
  });

  it('with the book\'s batch of 100 some pre-activations lie within h of the step: there, and only there, the numerical W1 "gradient" spikes', () => {
    const { net, x, t, pre } = bookStepNetwork(100);
    const numerical = Float64Array.from(incrementalNumericalGradient(net, x, t, 100)[0]);
    // Hidden units with some image's pre-activation within h = 1e-4 of 0: a nudge can flip them.
    const near = new Set(pre.flatMap((a, k) => (Math.abs(a) < 1e-4 ? [k % 50] : [])));
    expect(near.size).toBeGreaterThan(0);
    const spikes = [...numerical.keys()].filter((k) => numerical[k] !== 0);
    expect(spikes.length).toBeGreaterThan(0);
    for (const k of spikes) expect(near.has(k % 50)).toBe(true);
    // A jump of the loss divided by 2h: far larger than any slope the output layer sees.
    expect(Math.max(...spikes.map((k) => Math.abs(numerical[k])))).toBeGreaterThan(0.1);
    expect(net.gradient(x, t, 100).grads[0].every((g) => g === 0)).toBe(true);
  });

  it("is a run configuration's activation like sigmoid and ReLU", () => {
    const ok = parseRunConfig({ ...BOOK_DEFAULTS, activation: 'step' });
    expect(ok.ok && ok.config.activation).toBe('step');
    const bad = parseRunConfig({ ...BOOK_DEFAULTS, activation: 'tanh' });
    expect(bad.ok ? [] : bad.issues.map((i) => i.field)).toEqual(['activation']);
  });

  it('trains on MNIST with the first layer frozen: W1 and b1 never move, the output layer learns (WebAssembly engine too)', () => {
    const mnist = loadIdxDataset(bundledMnistFolder());
    const train = takeFirst(mnist.train, 300);
    const training = new Training(
      {
        layers: [784, 20, 10],
        activation: 'step',
        loss: 'cross_entropy',
        dtype: 'float32',
        weightInit: 0.01,
        gradient: 'analytic',
        learningRate: 0.1,
        batchSize: 30,
        iterations: 50,
        seed: 5,
        lossTiming: 'after-update',
      },
      train,
      train,
      performance.now.bind(performance),
      wasmEngine() ?? undefined,
    );
    const before = training.network.parameters().map((p) => Array.from(p.values));
    while (!training.finished) training.step();
    const after = training.network.parameters().map((p) => Array.from(p.values));
    expect(after[0]).toEqual(before[0]);
    expect(after[1]).toEqual(before[1]);
    expect(after[2]).not.toEqual(before[2]);
  });
});
