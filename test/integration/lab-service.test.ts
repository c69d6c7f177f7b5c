/**
 * The Lab's pages on a stored run (§4.2.3 mini-batches, §4.2.5 one weight of a trained network), through
 * LabService and its worker thread, on a run `descent train` trained on MNIST (1 200 iterations of the book's
 * network): the statistics a mini-batch estimate must obey, on the real per-image losses.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledMnistFolder } from '../../electron/core/datasets';
import { networkFromWeights } from '../../electron/core/inside-analysis';
import { loadTrainSplit } from '../../electron/core/lab-jobs';
import { LabService } from '../../electron/core/lab-service';
import { RunStore } from '../../electron/core/store/run-store';
import { readWeights } from '../../electron/core/store/weights-file';
import { MultiLayerNet } from '../../shared/engine/network';
import { RandomState } from '../../shared/engine/rng';
import { MINI_BATCH_SIZES, type MiniBatchStudy, type NetworkEstimates } from '../../shared/lab/lab-schemas';
import { perImageLosses } from '../../shared/lab/mini-batch-estimates';

const BIN = join(__dirname, '..', '..', 'bin', 'descent.js');
const HOME = mkdtempSync(join(tmpdir(), 'descent-lab-'));
const store = new RunStore(HOME);
const lab = new LabService(store);
const DRAWS = 1000;

let runId = '';
let trainAcc = 0;
let study: MiniBatchStudy;

beforeAll(async () => {
  const env = { ...process.env, DESCENT_HOME: HOME };
  const trained = spawnSync(process.execPath, [BIN, 'train', '--iters', '1200', '--seed', '1', '--json'], {
    encoding: 'utf8',
    timeout: 120_000,
    env,
  });
  expect(trained.status).toBe(0);
  const summary = JSON.parse(trained.stdout.trim().split('\n').pop()!) as { runId: string; trainAcc: number };
  runId = summary.runId;
  trainAcc = summary.trainAcc;
  study = await lab.miniBatches(runId, { draws: DRAWS, seed: 7 });
}, 180_000);

afterAll(() => rmSync(HOME, { recursive: true, force: true }));

/** Kurtosis E[(x − μ)⁴]/σ⁴ of the per-image losses: how noisy a sample's standard deviation is. */
function kurtosis(values: Float64Array): number {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  let [m2, m4] = [0, 0];
  for (const v of values) {
    m2 += (v - mean) ** 2;
    m4 += (v - mean) ** 4;
  }
  return m4 / values.length / (m2 / values.length) ** 2;
}

/** Least-squares slope of log(spread) against log(batch size): −½ if the spread shrinks like 1/√batch. */
function logLogSlope(estimates: NetworkEstimates): number {
  const xs = estimates.batches.map((b) => Math.log(b.batchSize));
  const ys = estimates.batches.map((b) => Math.log(b.std));
  const [mx, my] = [xs.reduce((a, b) => a + b) / xs.length, ys.reduce((a, b) => a + b) / ys.length];
  const cov = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0);
  return cov / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
}

describe('Lab: mini-batch estimates of the training loss, on a trained and an untrained MNIST network', () => {
  it('covers batch sizes 1…1000 over the 60 000 training images; the trained accuracy is the one the run recorded', () => {
    expect(study.trainCount).toBe(60_000);
    expect(study.untrained.batches.map((b) => b.batchSize)).toEqual([...MINI_BATCH_SIZES]);
    expect(study.trained.accuracy).toBeCloseTo(trainAcc, 3);
    // Weights of std 0.01 give nearly uniform outputs: every image's loss is about ln 10, and guesses are chance.
    expect(study.untrained.fullLoss).toBeCloseTo(Math.LN10, 2);
    expect(study.untrained.accuracy).toBeGreaterThan(0.05);
    expect(study.untrained.accuracy).toBeLessThan(0.15);
    expect(study.trained.fullLoss).toBeLessThan(0.6);
  });

  it('the full loss is the mean of the per-image losses of the run’s final and initial weights', () => {
    const train = loadTrainSplit(bundledMnistFolder());
    const { header, values } = readWeights(store.weightsBase(runId));
    const trained = networkFromWeights(header, values);
    const untrained = MultiLayerNet.initialise(trained.spec, 0.01, new RandomState(1), trained.kernels);
    for (const [net, estimates] of [
      [trained, study.trained],
      [untrained, study.untrained],
    ] as const) {
      const { losses } = perImageLosses(net, train);
      expect(estimates.fullLoss).toBeCloseTo(losses.reduce((s, v) => s + v, 0) / losses.length, 10);
      // The mean of the estimates is the full loss within 4 of its standard errors σ/√(batch·draws);
      // their spread is σ/√batch within 4 standard errors of a sample deviation (from the losses' kurtosis κ).
      const kappa = kurtosis(losses);
      for (const b of estimates.batches) {
        expect(Math.abs(b.mean - estimates.fullLoss)).toBeLessThan((4 * estimates.perImageStd) / Math.sqrt(b.batchSize * DRAWS));
        const kappaOfMean = 3 + (kappa - 3) / b.batchSize;
        const relativeError = 0.5 * Math.sqrt((kappaOfMean - 1) / DRAWS);
        expect(Math.abs(b.std / b.predictedStd - 1)).toBeLessThan(4 * relativeError);
      }
    }
  });

  it('the spread shrinks like 1/√batch: log(spread) falls by ½ per unit of log(batch size)', () => {
    expect(logLogSlope(study.trained)).toBeCloseTo(-0.5, 1);
    expect(logLogSlope(study.untrained)).toBeCloseTo(-0.5, 1);
    // A trained network's losses differ from image to image far more than an untrained one's (all ≈ ln 10).
    expect(study.trained.perImageStd).toBeGreaterThan(10 * study.untrained.perImageStd);
  });

  it('a seed gives the same study again, computed off the event loop (which keeps turning meanwhile)', async () => {
    let turns = 0;
    let done = false;
    const spin = (): void => {
      turns++;
      if (!done) setImmediate(spin);
    };
    const pending = lab.miniBatches(runId, { draws: DRAWS, seed: 7 });
    setImmediate(spin);
    const again = await pending;
    done = true;
    expect(again).toEqual(study);
    // Two passes over 60 000 images computed in this thread would have blocked it: no turn at all until the answer.
    expect(turns).toBeGreaterThan(10);
  }, 60_000);
});

describe('Lab: one weight of a trained MNIST network moved along a line', () => {
  it('the loss changes at every step, the accuracy in steps of 1/100 and not between them (a staircase)', async () => {
    const line = await lab.weightLine(runId, { layer: 1, row: 406, col: 0, span: 5, points: 201, images: 100 });
    expect(line.points).toHaveLength(201);
    expect(line.points[100].weight).toBeCloseTo(line.value, 12);
    const losses = line.points.map((p) => p.loss);
    const accuracies = line.points.map((p) => p.accuracy);
    const lossMoves = losses.slice(1).filter((v, i) => v !== losses[i]).length;
    const accuracyMoves = accuracies.slice(1).filter((v, i) => v !== accuracies[i]).length;
    expect(lossMoves).toBe(200);
    expect(accuracyMoves).toBeGreaterThan(0);
    expect(accuracyMoves).toBeLessThan(20);
    for (const a of accuracies) expect(Math.round(a * 100)).toBeCloseTo(a * 100, 9);
  }, 60_000);

  it('names the field and the range of a weight the network does not have; refuses an unknown run', async () => {
    await expect(lab.weightLine(runId, { layer: 3, row: 0, col: 0, span: 1, points: 3, images: 10 })).rejects.toThrow(
      'layer: must be from 1 to 2, got 3',
    );
    await expect(lab.weightLine(runId, { layer: 2, row: 50, col: 0, span: 1, points: 3, images: 10 })).rejects.toThrow(
      'row: W2 has rows 0 to 49, got 50',
    );
    await expect(
      lab.weightLine('20260101-000000-abcdef', { layer: 1, row: 0, col: 0, span: 1, points: 3, images: 10 }),
    ).rejects.toThrow();
  }, 60_000);
});
