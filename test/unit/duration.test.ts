/** The one rule behind every duration shown: the page's (translated), the CLI's and its countdown (English). */
import { describe, expect, it } from 'vitest';
import { durationParts } from '../../shared/duration';
import { duration } from '../../electron/cli/format';
import { countdown } from '../../electron/cli/progress-rate';

describe('durationParts', () => {
  it('milliseconds, tenths of seconds, minutes and seconds, then hours and minutes', () => {
    expect(durationParts(0.39)).toEqual({ unit: 'ms', ms: 390 });
    expect(durationParts(12.34)).toEqual({ unit: 's', s: 12.3, tenths: true });
    expect(durationParts(250)).toEqual({ unit: 'min', min: 4, s: 10 });
    expect(durationParts(3900)).toEqual({ unit: 'h', h: 1, min: 5 });
  });

  it('chooses the unit on the value as it will be shown', () => {
    expect(durationParts(0.9996)).toEqual({ unit: 's', s: 1, tenths: true });
    expect(durationParts(59.97)).toEqual({ unit: 'min', min: 1, s: 0 });
    expect(durationParts(299.6)).toEqual({ unit: 'min', min: 5, s: 0 });
    expect(durationParts(3599.6)).toEqual({ unit: 'h', h: 1, min: 0 });
    // Where seconds are said up to two minutes (the CLI's summaries).
    expect(durationParts(119.9, { secondsBelow: 120 })).toEqual({ unit: 's', s: 119.9, tenths: true });
    expect(durationParts(119.97, { secondsBelow: 120 })).toEqual({ unit: 'min', min: 2, s: 0 });
  });

  it('a countdown is in whole seconds rounded up: time left never reads 0 s', () => {
    expect(durationParts(0.2, { countdown: true })).toEqual({ unit: 's', s: 1, tenths: false });
    expect(durationParts(59.5, { countdown: true })).toEqual({ unit: 'min', min: 1, s: 0 });
    expect(durationParts(3 * 3600 + 3 * 60 + 1, { countdown: true })).toEqual({ unit: 'h', h: 3, min: 3 });
  });
});

describe("the CLI's words", () => {
  it('a run of over an hour reads in hours and minutes, like its countdown (it read "121 min 40 s")', () => {
    expect(duration(7300)).toBe('2 h 01 min');
    expect(countdown(7300)).toBe('2 h 01 min');
    expect(duration(3599.4)).toBe('59 min 59 s');
  });
});
