import { beforeAll, describe, expect, it } from 'vitest';
import { Training, itersPerEpoch, type TrainingSpec } from '../../shared/engine/train';
import { takeFirst, type Dataset } from '../../shared/engine/dataset';
import { MultiLayerNet } from '../../shared/engine/network';
import { RandomState } from '../../shared/engine/rng';
import { gradientCheck } from '../../shared/engine/gradcheck';
import { pixelScale, sliceRows } from '../../shared/engine/dataset';
import { bundledMnistFolder, loadIdxDataset, type LoadedDataset } from '../../electron/core/datasets';
import { relativeDiff, sum } from '../support/close';
import { wasmEngine } from '../../shared/engine/best-engine';
import { typescriptEngine } from '../../shared/engine/kernel-set';
import reference from '../fixtures/numpy-training.json' with { type: 'json' };

const now = (): number => performance.now();

let mnist: LoadedDataset;
beforeAll(() => {
  mnist = loadIdxDataset(bundledMnistFolder());
});

/** A tiny dataset: `count` images of 4 pixels whose class is the brightest pixel. */
function synthetic(count: number, seed: number): Dataset {
  const rng = new RandomState(seed);
  const images = new Uint8Array(count * 4).map(() => rng.randint(256));
  const labels = new Uint8Array(count).map((_, i) => {
    const row = images.subarray(i * 4, i * 4 + 4);
    return row.indexOf(Math.max(...row));
  });
  return { images, labels, count, features: 4, classes: 4 };
}

const tinySpec: TrainingSpec = {
  layers: [4, 8, 4],
  activation: 'sigmoid',
  loss: 'cross_entropy',
  dtype: 'float64',
  weightInit: 0.5,
  gradient: 'analytic',
  learningRate: 1,
  batchSize: 10,
  iterations: 1000,
  seed: 3,
  lossTiming: 'after-update',
};

describe('the training loop of §4.5', () => {
  it("iter_per_epoch is max(train_size / batch_size, 1), a float like the book's", () => {
    expect(itersPerEpoch(60000, 100)).toBe(600);
    expect(itersPerEpoch(1000, 300)).toBeCloseTo(3.3333333333333335, 15);
    expect(itersPerEpoch(50, 100)).toBe(1);
  });

  it("measures accuracy at i = 0, 600 … 9600 for the defaults' ratio, plus once at the end: 17 + 1", () => {
    // 600 images with batch 10 and 1 000 iterations have the default run's 60 000 / 100 / 10 000 schedule.
    const data = synthetic(600, 1);
    const training = new Training({ ...tinySpec, batchSize: 10 }, data, data, now);
    const at: number[] = [];
    while (!training.finished) {
      const { epoch } = training.step();
      if (epoch) at.push(epoch.iteration);
    }
    expect(at).toEqual(Array.from({ length: 17 }, (_, k) => k * 60));
    const final = training.finalEvaluation();
    expect(final?.iteration).toBe(1000);
    expect(final?.epoch).toBeCloseTo(1000 / 60, 12);
  });

  it('does not repeat the final measurement when the last iteration already had one', () => {
    const data = synthetic(100, 2);
    const training = new Training({ ...tinySpec, batchSize: 10, iterations: 11 }, data, data, now);
    while (!training.finished) training.step();
    expect(training.lastEpoch?.iteration).toBe(10);
    expect(training.finalEvaluation()).toBeUndefined();
  });

  it('learns a learnable problem: loss falls, accuracy rises', () => {
    const data = synthetic(600, 4);
    const training = new Training(tinySpec, data, data, now);
    const losses: number[] = [];
    while (!training.finished) losses.push(training.step().loss);
    const mean = (xs: number[]): number => sum(xs) / xs.length;
    expect(mean(losses.slice(-100))).toBeLessThan(mean(losses.slice(0, 100)) / 2);
    expect(training.finalEvaluation()!.trainAcc).toBeGreaterThan(0.8);
  });

  it('the numerical gradient trains the same network as the analytic one', () => {
    const data = synthetic(100, 5);
    const run = (gradient: 'analytic' | 'numerical'): number[] => {
      const t = new Training({ ...tinySpec, gradient, iterations: 20 }, data, data, now);
      const losses: number[] = [];
      while (!t.finished) losses.push(t.step().loss);
      return losses;
    };
    const analytic = run('analytic');
    run('numerical').forEach((loss, i) => expect(relativeDiff(loss, analytic[i])).toBeLessThan(1e-6));
  });

  it('the loss timing changes what is recorded, not what is learned', () => {
    const data = synthetic(200, 7);
    const run = (lossTiming: TrainingSpec['lossTiming']) => {
      const training = new Training({ ...tinySpec, iterations: 50, lossTiming }, data, data, now);
      const losses: number[] = [];
      while (!training.finished) losses.push(training.step().loss);
      return {
        weights: training.network.weights.map((w) => Array.from(w)),
        losses,
        accuracy: training.finalEvaluation()!.testAcc,
      };
    };
    const [before, after] = [run('before-update'), run('after-update')];
    expect(after.weights).toEqual(before.weights);
    expect(after.accuracy).toBe(before.accuracy);
    // After the update each batch's loss has had one step of descent on that very batch.
    const mean = (xs: number[]): number => sum(xs) / xs.length;
    expect(mean(after.losses)).toBeLessThan(mean(before.losses));
    expect(after.losses[0]).not.toBe(before.losses[0]);
  });

  it('refuses to step past the last iteration', () => {
    const data = synthetic(10, 6);
    const training = new Training({ ...tinySpec, iterations: 1 }, data, data, now);
    training.step();
    expect(() => training.step()).toThrow(/already run every iteration/);
  });
});

describe('agreement with numpy on real MNIST (fixtures from scripts/make_fixtures.py)', () => {
  // The plain TypeScript step, and the resident WebAssembly step runs use where WebAssembly SIMD exists.
  // Each run's config says when numpy recorded the loss: before the update, or after it as the book does.
  for (const run of reference.runs)
    for (const [name, engine] of [
      ['TypeScript', typescriptEngine],
      ['WebAssembly', wasmEngine()!],
    ] as const) {
      it(`${run.name} (${run.config.lossTiming}), ${name} step: float64 losses within 1e-9 relative, accuracies equal`, () => {
        const c = run.config;
        const spec = { ...c, gradient: 'analytic', dtype: 'float64' } as TrainingSpec;
        const training = new Training(spec, takeFirst(mnist.train, c.trainSize), mnist.test, now, engine);
        training.network.weights.forEach((w, l) => expect(relativeDiff(sum(w), run.initialWeightSums[l])).toBeLessThan(1e-12));
        const epochs = [];
        for (let i = 0; i < c.iterations; i++) {
          const { loss, epoch } = training.step();
          expect(relativeDiff(loss, run.losses[i]), `iteration ${i}`).toBeLessThan(1e-9);
          if (epoch) epochs.push(epoch);
        }
        epochs.push(training.finalEvaluation()!);
        expect(epochs.map(({ iteration, trainAcc, testAcc }) => ({ iteration, trainAcc, testAcc }))).toEqual(run.epochs);
        training.network.weights.forEach((w, l) => expect(relativeDiff(sum(w), run.finalWeightSums[l])).toBeLessThan(1e-9));
      });
    }

  it('float32 follows the float64 trajectory closely', () => {
    const c = reference.runs[0].config;
    const training = new Training(
      { ...c, gradient: 'analytic', dtype: 'float32' } as TrainingSpec,
      takeFirst(mnist.train, c.trainSize),
      mnist.test,
      now,
    );
    for (let i = 0; i < 100; i++) expect(relativeDiff(training.step().loss, reference.runs[0].losses[i])).toBeLessThan(1e-4);
  });
});

describe("the book's gradient check (ch. 5) on TwoLayerNet(784, 50, 10), first 3 training images", () => {
  const check = (crossEntropyDelta: number) => {
    const net = MultiLayerNet.initialise(
      { layers: [784, 50, 10], activation: 'sigmoid', loss: 'cross_entropy', dtype: 'float64', crossEntropyDelta },
      0.01,
      new RandomState(0),
    );
    const x = new Float64Array(3 * 784);
    const t = new Int32Array(3);
    sliceRows(mnist.train, 0, 3, pixelScale('float64'), x, t);
    return Object.fromEntries(gradientCheck(net, x, t, 3, now).parameters.map((p) => [p.name, p.meanAbsDiff]));
  };

  it("with the book's δ = 1e-7 the difference is δ's own effect: ≈ 1e-7 for b2, far less for W1", () => {
    const diff = check(1e-7);
    expect(diff.b2).toBeGreaterThan(5e-8);
    expect(diff.b2).toBeLessThan(3e-7);
    expect(diff.W2).toBeLessThan(2e-7);
    expect(diff.W1).toBeLessThan(1e-9);
    expect(diff.b1).toBeLessThan(5e-9);
  });

  it("with δ = 0 only rounding remains, as small as the book's printed figures", () => {
    const diff = check(0);
    // The book prints W1 2.2e-13, b1 9.7e-13, W2 8.4e-13, b2 1.2e-10 (its own random weights).
    expect(diff.W1).toBeLessThan(1e-12);
    expect(diff.b1).toBeLessThan(1e-11);
    expect(diff.W2).toBeLessThan(1e-10);
    expect(diff.b2).toBeLessThan(1e-9);
  });
});
