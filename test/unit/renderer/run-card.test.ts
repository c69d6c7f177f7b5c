import { describe, expect, it } from 'vitest';
import { bestSoFar } from '../../../renderer/src/lib/run-card';
import { makeRecord } from '../../support/runs';

const epoch = (testAcc: number, iteration: number) => ({ iteration, epoch: iteration / 600, trainAcc: testAcc, testAcc });
const live = (accs: number[]) => ({ iterations: [], losses: [], seconds: [], epochs: accs.map((a, i) => epoch(a, (i + 1) * 600)) });

describe('the run card\'s best accuracy', () => {
  it('is shown from the first epoch of a running run: the highest measurement so far, not the last', () => {
    const running = makeRecord({ status: 'running', lastEpoch: epoch(0.91, 1800) });
    expect(bestSoFar(running, live([0.88, 0.93, 0.91]))).toBe(0.93);
    // Histories not loaded yet: at least the last measurement.
    expect(bestSoFar(running, undefined)).toBe(0.91);
    expect(bestSoFar(makeRecord({ status: 'running' }), live([]))).toBeNull();
  });
});
