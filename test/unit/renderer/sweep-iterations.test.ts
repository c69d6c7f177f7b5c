/** The sweep builder's "iterations per run" as typed: its range, and the text named as typed when it is not one. */
import { describe, expect, it } from 'vitest';
import { parseSweepIterations } from '../../../renderer/src/lib/sweep-values';

describe('sweep iterations', () => {
  it('takes a whole number from 1 to 10 000 000, spaces around it ignored', () => {
    expect(parseSweepIterations('2000')).toEqual({ ok: true, iterations: 2000 });
    expect(parseSweepIterations(' 1 ')).toEqual({ ok: true, iterations: 1 });
    expect(parseSweepIterations('10000000')).toEqual({ ok: true, iterations: 10_000_000 });
    expect(parseSweepIterations('1e3')).toEqual({ ok: true, iterations: 1000 });
  });

  it('names the field, the range and what was typed — not "got NaN" for text nor "got 0" for an empty field', () => {
    const error = (text: string) => `iterations: must be a whole number from 1 to 10,000,000, got ${JSON.stringify(text)}`;
    for (const text of ['', 'abc', '0', '-1', '1.5', '1e99', '10000001']) {
      expect(parseSweepIterations(text)).toEqual({ ok: false, error: error(text) });
    }
  });
});
