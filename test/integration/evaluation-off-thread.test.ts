/**
 * Evaluation on a second core (issue 15): a run measured in the worker thread reports exactly what the same
 * run measured in-line reports — the same progress and accuracy lines in the same order, the same snapshots
 * byte for byte, the same summary — and a failure in the worker fails the run instead of losing a line.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BOOK_DEFAULTS } from '../../shared/config';
import { bundledMnistFolder, loadIdxDataset } from '../../electron/core/datasets';
import { runTrainingSession } from '../../electron/core/training-session';
import { evaluationPlaceFromEnvironment, startEvaluationWorker } from '../../electron/core/evaluation-off-thread';
import { snapshotsFolder } from '../../electron/core/snapshots';
import { presentWorkerSource } from '../../electron/core/worker-thread';
import { Training } from '../../shared/engine/train';
import { bestEngine } from '../../shared/engine/best-engine';
import { takeFirst } from '../../shared/engine/dataset';
import type { RunConfig } from '../../shared/config';

const dataset = loadIdxDataset(bundledMnistFolder());
const homes: string[] = [];
afterAll(() => homes.forEach((home) => rmSync(home, { recursive: true, force: true })));

/** A run's reports in the order the listener heard them (times left out), its snapshots' bytes, its summary and weights. */
async function record(config: RunConfig & { seed: number }, evaluation: 'inline' | 'worker') {
  const home = mkdtempSync(join(tmpdir(), `descent-eval-${evaluation}-`));
  homes.push(home);
  const weightsPath = join(home, 'weights');
  const lines: unknown[] = [];
  const summary = await runTrainingSession(config, {
    runId: 'r',
    dataset,
    weightsPath,
    evaluation,
    listener: {
      // One line per iteration: how iterations are batched depends on the clock, not on where measurements are made.
      onProgress: ({ iterations, losses }) => iterations.forEach((iteration, k) => lines.push({ iteration, loss: losses[k] })),
      onEpoch: ({ iteration, epoch, trainAcc, testAcc }) => lines.push({ iteration, epoch, trainAcc, testAcc }),
    },
  });
  const folder = snapshotsFolder(weightsPath);
  const snapshots = Object.fromEntries(readdirSync(folder).map((name) => [name, readFileSync(join(folder, name))]));
  const { seconds, trainSeconds, evalSeconds, loadSeconds, itersPerSec, ...rest } = summary;
  for (const time of [seconds, trainSeconds, evalSeconds, loadSeconds, itersPerSec]) expect(time).toBeGreaterThan(0);
  return { lines, snapshots, summary: rest, weights: readFileSync(`${weightsPath}.bin`) };
}

describe('accuracy measured in a worker thread beside the training', () => {
  it.each([
    [
      'float32, 60 iterations an epoch (21 measurements, several in flight)',
      { trainSize: 6000, iterations: 1200, dtype: 'float32' },
    ],
    [
      'float64, relu + MSE, 3 iterations an epoch, ending between two measurements',
      { trainSize: 300, iterations: 47, dtype: 'float64', activation: 'relu', loss: 'mse' },
    ],
  ] as const)(
    '%s: the same lines in the same order, snapshots and summary as in-line',
    async (_name, change) => {
      const config = { ...BOOK_DEFAULTS, ...change, seed: 11 };
      const inline = await record(config, 'inline');
      const worker = await record(config, 'worker');
      expect(worker.lines).toEqual(inline.lines);
      expect(Object.keys(worker.snapshots)).toEqual(Object.keys(inline.snapshots));
      for (const [name, bytes] of Object.entries(inline.snapshots)) expect(worker.snapshots[name].equals(bytes), name).toBe(true);
      expect(worker.weights.equals(inline.weights)).toBe(true);
      expect(worker.summary).toEqual(inline.summary);
      // The measurements are there, each right after its iteration's loss (the final one after the last loss).
      const measured = inline.lines.flatMap((line, k) =>
        typeof line === 'object' && line !== null && 'trainAcc' in line ? [k] : [],
      );
      expect(measured.length).toBe(Math.ceil(config.iterations / (config.trainSize / 100)) + 1);
      for (const k of measured) {
        const { iteration } = inline.lines[k] as { iteration: number };
        expect(inline.lines[k - 1]).toMatchObject({ iteration: Math.min(iteration, config.iterations - 1) });
      }
    },
    120_000,
  );

  it('a worker that cannot measure fails the run with its reason, and closes', async () => {
    const training = new Training(
      { ...BOOK_DEFAULTS, iterations: 1, seed: 1 },
      takeFirst(dataset.train, 500),
      dataset.test,
      () => performance.now(),
      bestEngine(),
      { evaluationTwin: true },
    );
    const evaluation = startEvaluationWorker('worker')!;
    try {
      evaluation.attach(training.evaluationShare!);
      const [w1] = training.network.weights;
      await expect(evaluation.measure([w1.slice()], [])).rejects.toThrow(
        'evaluation failed: a snapshot of 2 layers expected, got 1',
      );
      // Every later request fails the same way instead of waiting for an answer that never comes.
      await expect(evaluation.measure([w1.slice()], [])).rejects.toThrow('a snapshot of 2 layers expected');
    } finally {
      await evaluation.close();
    }
  }, 60_000);

  it('in-line asks for no worker, and a build without the worker entry measures in-line instead of failing', () => {
    expect(startEvaluationWorker('inline')).toBeUndefined();
    expect(presentWorkerSource('no-such-worker')).toBeNull();
    expect(presentWorkerSource('evaluation-worker')).not.toBeNull();
  });

  it('DESCENT_EVALUATION chooses the place, and a wrong value is named', () => {
    expect(evaluationPlaceFromEnvironment({})).toBe('auto');
    expect(evaluationPlaceFromEnvironment({ DESCENT_EVALUATION: 'inline' })).toBe('inline');
    expect(() => evaluationPlaceFromEnvironment({ DESCENT_EVALUATION: 'gpu' })).toThrow(
      'DESCENT_EVALUATION must be one of auto, inline, worker, got "gpu"',
    );
  });
});
