import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../../renderer/src/lib/duration';

describe('durations', () => {
  it('read as people say them', () => {
    expect(formatDuration(0.39)).toBe('390 ms');
    expect(formatDuration(12.34)).toBe('12.3 s');
    expect(formatDuration(250)).toBe('4 min 10 s');
    // 0.39 s per iteration × 10 000 iterations (the book's network, numerical gradient).
    expect(formatDuration(3900)).toBe('1 h 5 min');
    expect(formatDuration(Number.NaN)).toBe('–');
  });

  it('rounds before choosing the unit: never "60 s" or "1000 ms" in a place', () => {
    expect(formatDuration(299.6)).toBe('5 min 0 s');
    expect(formatDuration(3599.6)).toBe('1 h 0 min');
    expect(formatDuration(59.97)).toBe('1 min 0 s');
    expect(formatDuration(0.9996)).toBe('1.0 s');
  });
});
