/** `run.json` as earlier versions wrote it still reads, summary included, with the types its readers use. */
import { describe, expect, it } from 'vitest';
import { runRecordSchema } from '../../shared/run-record';

// A completed run as Descent wrote it before `lossTiming` existed (the summary's fields are those of the first
// stored summary; none has been added or renamed since).
const config = {
  dataset: 'mnist',
  layers: [784, 50, 10],
  activation: 'sigmoid',
  weightInit: 0.01,
  loss: 'cross_entropy',
  gradient: 'analytic',
  optimizer: 'sgd',
  learningRate: 0.1,
  batchSize: 100,
  iterations: 600,
  seed: 1234,
  trainSize: null,
  dtype: 'float32',
};
const oldRecord = {
  schemaVersion: 1,
  id: '20261128-103400-3f9a1c',
  name: '784-50-10 sigmoid, lr 0.1',
  tags: [],
  notes: '',
  group: null,
  status: 'completed',
  config,
  createdAt: '2026-11-28T10:34:00.000Z',
  startedAt: '2026-11-28T10:34:00.100Z',
  endedAt: '2026-11-28T10:34:09.000Z',
  iterationsDone: 600,
  lastEpoch: { iteration: 600, epoch: 1, trainAcc: 0.7821, testAcc: 0.7904 },
  owner: null,
  summary: {
    runId: '20261128-103400-3f9a1c',
    status: 'completed',
    iterations: 600,
    trainAcc: 0.7821,
    testAcc: 0.7904,
    finalLoss: 0.7713,
    meanLossLast100: 0.8012,
    bestTestAcc: 0.7904,
    bestTestAccIteration: 600,
    seconds: 8.9,
    trainSeconds: 7.2,
    evalSeconds: 1.1,
    loadSeconds: 0.6,
    itersPerSec: 83.3,
    seed: 1234,
    config,
  },
  error: null,
};

describe('run.json compatibility', () => {
  it("a record written before lossTiming reads, its config and its summary's config as before-update (what it recorded)", () => {
    const parsed = runRecordSchema.parse(oldRecord);
    expect(parsed.config.lossTiming).toBe('before-update');
    expect(parsed.summary?.config.lossTiming).toBe('before-update');
    expect(parsed.summary?.itersPerSec).toBe(83.3);
  });

  it("a diverged run's summary (no accuracy, the iteration where the loss stopped being finite) reads", () => {
    const summary = {
      ...oldRecord.summary,
      status: 'diverged',
      trainAcc: null,
      testAcc: null,
      bestTestAcc: null,
      bestTestAccIteration: null,
      divergedAt: 42,
    };
    expect(runRecordSchema.parse({ ...oldRecord, status: 'diverged', summary }).summary?.divergedAt).toBe(42);
  });

  it('a summary that is not one (a field missing or of the wrong kind) is named', () => {
    const noSeconds = Object.fromEntries(Object.entries(oldRecord.summary).filter(([key]) => key !== 'seconds'));
    expect(runRecordSchema.safeParse({ ...oldRecord, summary: noSeconds }).error?.issues[0].path).toEqual(['summary', 'seconds']);
    expect(
      runRecordSchema.safeParse({ ...oldRecord, summary: { ...oldRecord.summary, testAcc: 79 } }).error?.issues[0].path,
    ).toEqual(['summary', 'testAcc']);
  });
});
