/** Run records for store tests, typed against the real schema. */
import { BOOK_DEFAULTS } from '../../shared/config';
import { RUN_SCHEMA_VERSION, type RunRecord } from '../../shared/run-record';
import type { RunSummary } from '../../shared/summary';

let counter = 0;

/** A valid record with a fresh id (ids sort by `minute`, then by a counter). */
export function makeRecord(change: Partial<RunRecord> = {}, minute = 0): RunRecord {
  counter++;
  const id = `20260101-00${String(minute % 60).padStart(2, '0')}00-${counter.toString(16).padStart(6, '0')}`;
  return {
    schemaVersion: RUN_SCHEMA_VERSION,
    id,
    name: `run ${counter}`,
    tags: [],
    notes: '',
    group: null,
    status: 'completed',
    config: { ...BOOK_DEFAULTS, seed: counter },
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, minute, counter % 60)).toISOString(),
    startedAt: null,
    endedAt: null,
    iterationsDone: 0,
    lastEpoch: null,
    owner: null,
    summary: null,
    error: null,
    ...change,
  };
}

/** A valid trainer summary of a completed book run (`makeRecord({ summary: makeSummary({ … }) })`). */
export function makeSummary(change: Partial<RunSummary> = {}): RunSummary {
  return {
    runId: '20260101-000000-000001',
    status: 'completed',
    iterations: 10000,
    trainAcc: 0.95,
    testAcc: 0.94,
    finalLoss: 0.2,
    meanLossLast100: 0.21,
    bestTestAcc: 0.945,
    bestTestAccIteration: 9600,
    seconds: 12,
    trainSeconds: 10,
    evalSeconds: 1.5,
    loadSeconds: 0.5,
    itersPerSec: 1000,
    seed: 1,
    config: { ...BOOK_DEFAULTS, seed: 1 },
    ...change,
  };
}
