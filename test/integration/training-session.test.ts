/** A training session on real MNIST: the loop of §4.5 learns, reports in batches, and stops on request. */
import { describe, expect, it } from 'vitest';
import { BOOK_DEFAULTS } from '../../shared/config';
import { bundledMnistFolder, loadIdxDataset } from '../../electron/core/datasets';
import { runTrainingSession, type ProgressBatch } from '../../electron/core/training-session';
import type { EpochRecord } from '../../shared/engine/train';

const dataset = loadIdxDataset(bundledMnistFolder());

describe("training the book's network on real MNIST", () => {
  it('1 000 iterations: the loss falls and test accuracy clears 0.85', async () => {
    const batches: ProgressBatch[] = [];
    const epochs: EpochRecord[] = [];
    const summary = await runTrainingSession(
      { ...BOOK_DEFAULTS, iterations: 1000, seed: 7 },
      { runId: 'test', dataset, listener: { onProgress: (b) => batches.push(b), onEpoch: (e) => epochs.push(e) } },
    );
    const losses = batches.flatMap((b) => b.losses);
    expect(losses).toHaveLength(1000);
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    // Untrained, the loss is ≈ ln 10 = 2.30; the book's curve falls below 0.5 within 1 000 iterations.
    expect(mean(losses.slice(0, 10))).toBeGreaterThan(2.2);
    expect(mean(losses.slice(-100))).toBeLessThan(0.6);
    expect(epochs.map((e) => e.iteration)).toEqual([0, 600, 1000]);
    expect(summary.status).toBe('completed');
    expect(summary.testAcc).toBeGreaterThan(0.85);
    expect(summary.trainAcc).toBeGreaterThan(0.85);
    expect(summary.bestTestAcc).toBe(summary.testAcc);
    expect(summary.bestTestAccIteration).toBe(1000);
  });

  it('stops after the current iteration when aborted, as `stopped`, with the final accuracy measured', async () => {
    const stop = new AbortController();
    let seen = 0;
    const summary = await runTrainingSession(
      { ...BOOK_DEFAULTS, iterations: 100_000, seed: 1, trainSize: 1000 },
      {
        runId: 'test',
        dataset,
        signal: stop.signal,
        listener: {
          onProgress: (b) => {
            seen += b.iterations.length;
            if (seen >= 50) stop.abort();
          },
        },
      },
    );
    expect(summary.status).toBe('stopped');
    expect(summary.iterations).toBeGreaterThanOrEqual(50);
    expect(summary.iterations).toBeLessThan(100_000);
    expect(summary.testAcc).not.toBeNull();
  });

  it('refuses a network that does not fit the dataset, naming the field', async () => {
    await expect(runTrainingSession({ ...BOOK_DEFAULTS, layers: [100, 10], seed: 1 }, { runId: 'x', dataset })).rejects.toThrow(
      'layers: the input layer must have 784 units (pixels per image), got 100',
    );
  });
});
