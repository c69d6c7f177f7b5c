import { describe, expect, it } from 'vitest';
import {
  END_STATUSES,
  FAILED_STATUSES,
  FINISHED_STATUSES,
  LIVE_STATUSES,
  RUN_STATUSES,
  endedByItself,
  isFailed,
  isFinished,
  isLive,
} from '../../shared/run-record';
import { runSummarySchema } from '../../shared/summary';

describe('run status groups (defined once, in shared/run-status.ts)', () => {
  it('live and finished split the statuses: every status is exactly one of them', () => {
    for (const status of RUN_STATUSES) expect([isLive(status), isFinished(status)]).toContain(true);
    for (const status of RUN_STATUSES) expect(isLive(status)).toBe(!isFinished(status));
    expect([...LIVE_STATUSES, ...FINISHED_STATUSES].sort()).toEqual([...RUN_STATUSES].sort());
    expect(LIVE_STATUSES).toEqual(['queued', 'running', 'paused']);
  });

  it("a trainer's end statuses and the failed ones are finished statuses", () => {
    expect(END_STATUSES.every(isFinished)).toBe(true);
    expect(FAILED_STATUSES.every(isFinished)).toBe(true);
    expect(FAILED_STATUSES.filter((s) => isFailed(s))).toEqual(['failed', 'diverged', 'interrupted']);
    expect(RUN_STATUSES.filter(isFailed)).toEqual(['failed', 'diverged', 'interrupted']);
  });

  it("the summary accepts exactly the trainer's end statuses", () => {
    expect(runSummarySchema.shape.status.options).toEqual([...END_STATUSES]);
  });

  it('a run that ended by itself is worth telling the user about; one the user stopped or a crash found later is not', () => {
    expect(RUN_STATUSES.filter(endedByItself)).toEqual(['completed', 'failed', 'diverged']);
  });

  it('unknown strings belong to no group', () => {
    expect([isLive('done'), isFinished('done'), isFailed('done')]).toEqual([false, false, false]);
  });
});
