import { describe, expect, it } from 'vitest';
import { activeSeconds, bestSoFar } from '../../../renderer/src/lib/run-card';
import { makeRecord, makeSummary } from '../../support/runs';

const epoch = (testAcc: number, iteration: number) => ({ iteration, epoch: iteration / 600, trainAcc: testAcc, testAcc });
const live = (accs: number[]) => ({
  iterations: [],
  losses: [],
  seconds: [],
  epochs: accs.map((a, i) => epoch(a, (i + 1) * 600)),
});

describe("the run card's best accuracy", () => {
  it('is shown from the first epoch of a running run: the highest measurement so far, not the last', () => {
    const running = makeRecord({ status: 'running', lastEpoch: epoch(0.91, 1800) });
    expect(bestSoFar(running, live([0.88, 0.93, 0.91]))).toBe(0.93);
    // Histories not loaded yet: at least the last measurement.
    expect(bestSoFar(running, undefined)).toBe(0.91);
    expect(bestSoFar(makeRecord({ status: 'running' }), live([]))).toBeNull();
  });
});

describe("the run card's duration", () => {
  const start = Date.parse('2026-12-01T10:00:00.000Z');
  const at = (seconds: number) => start + seconds * 1000;
  const started = { startedAt: '2026-12-01T10:00:00.000Z', summary: null };

  it('leaves out the pauses that ended and the one under way', () => {
    // Started 100 s ago, paused 30 s in all before: 70 s of training.
    expect(activeSeconds({ ...started, pausedSeconds: 30, pausedAt: null }, at(100))).toBe(70);
    // Paused since 80 s in (20 s ago) after 30 s of earlier pauses: 50 s, and still 50 s a minute later.
    const paused = { ...started, pausedSeconds: 30, pausedAt: '2026-12-01T10:01:20.000Z' };
    expect(activeSeconds(paused, at(100))).toBe(50);
    expect(activeSeconds(paused, at(160))).toBe(50);
  });

  it('is the time since the start for a record from before pauses were kept, null before the start', () => {
    expect(activeSeconds(started, at(42.5))).toBe(42.5);
    expect(activeSeconds({ startedAt: null, summary: null }, at(10))).toBeNull();
  });

  it("is a finished run's measured time less its pauses", () => {
    const finished = makeRecord({
      status: 'completed',
      summary: makeSummary({ seconds: 95 }),
      pausedSeconds: 20,
      pausedAt: null,
    });
    expect(activeSeconds(finished, at(1000))).toBe(75);
    expect(activeSeconds({ ...finished, pausedSeconds: undefined }, at(1000))).toBe(95);
  });
});
