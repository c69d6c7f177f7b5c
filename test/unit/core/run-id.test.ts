/** Run ids: the creation time in UTC, then random hex; valid for the run format, sorted as created. */
import { describe, expect, it } from 'vitest';
import { isRunId, newRunId } from '../../../electron/core/run-id';

describe('newRunId', () => {
  it('writes the UTC date and time to the second, then 6 hex digits, and the run format accepts it', () => {
    const id = newRunId(new Date(Date.UTC(2026, 10, 28, 10, 26, 0, 999)));
    expect(id).toMatch(/^20261128-102600-[0-9a-f]{6}$/);
    expect(isRunId(id)).toBe(true);
  });

  it('sorts ids as their runs were created, across seconds, days and years', () => {
    const times = [
      Date.UTC(2025, 11, 31, 23, 59, 59),
      Date.UTC(2026, 0, 1, 0, 0, 0),
      Date.UTC(2026, 0, 1, 0, 0, 1),
      Date.UTC(2026, 9, 2, 8, 0, 0),
    ];
    const ids = times.map((t) => newRunId(new Date(t)));
    expect([...ids].reverse().sort()).toEqual(ids);
  });

  it('is refused as a run id when it is not one (no path tricks can pass for an id)', () => {
    expect(isRunId('20261128-102600-3f9a1c')).toBe(true);
    for (const bad of [
      '',
      '../20261128-102600-3f9a1c',
      '20261128-102600-3F9A1C',
      '20261128-102600-3f9a1',
      '20261128-102600-3f9a1c/x',
    ]) {
      expect(isRunId(bad), bad).toBe(false);
    }
  });
});
