/** The "repeat over N seeds" field as typed. */
import { describe, expect, it } from 'vitest';
import { parseRepeatCount } from '../../../renderer/src/lib/repeat-count';

describe('repeat over N seeds', () => {
  it('empty means once; whole numbers 1 to 100 are counts', () => {
    expect(parseRepeatCount('')).toEqual({ ok: true, count: 1 });
    expect(parseRepeatCount(' 3 ')).toEqual({ ok: true, count: 3 });
    expect(parseRepeatCount('100')).toEqual({ ok: true, count: 100 });
  });

  it.each(['0', '101', '2.5', '-1', 'three', '1e1'])('%j is refused with the range', (text) => {
    expect(parseRepeatCount(text)).toEqual({
      ok: false,
      error: `must be a whole number from 1 to 100, got ${JSON.stringify(text)}`,
    });
  });
});
