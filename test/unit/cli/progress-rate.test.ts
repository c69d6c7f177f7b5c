/** The progress bar's speed and time left, from a run's events on the trainer's clock. */
import { describe, expect, it } from 'vitest';
import { countdown, ProgressRate } from '../../../electron/cli/progress-rate';

describe('ProgressRate', () => {
  it('has no speed and no ETA from a single event (loading time is not a pace)', () => {
    const rate = new ProgressRate();
    rate.progress(1, 2.0);
    expect(rate.speed).toBeUndefined();
    expect(rate.eta(1000)).toBeUndefined();
  });

  it('measures training only: an interval that an evaluation ended is left out of the speed', () => {
    const rate = new ProgressRate();
    rate.progress(1, 1.0); // after loading and the first evaluation
    rate.progress(101, 1.1); // 100 iterations in 0.1 s, not yet known to be clean
    expect(rate.speed).toBeUndefined();
    rate.progress(151, 1.5); // 50 iterations in 0.4 s: an evaluation follows
    rate.epoch();
    rate.progress(251, 1.6); // 100 iterations in 0.1 s
    rate.progress(351, 1.7);
    // Clean: 1→101 and 151→251 (0.1 s each); 251→351 pending; 101→151 dropped.
    expect(rate.speed).toBeCloseTo(200 / 0.2, 9);
  });

  it('estimates time left from the overall pace since the first event, evaluations included', () => {
    const rate = new ProgressRate();
    rate.progress(1, 1.0);
    rate.progress(101, 1.1);
    rate.progress(201, 1.2);
    rate.epoch();
    rate.progress(301, 1.5);
    rate.progress(401, 1.6);
    // 400 iterations in 0.6 s → 1000 − 401 = 599 left at 666.7/s ≈ 0.8985 s.
    expect(rate.eta(1000)).toBeCloseTo(599 / (400 / 0.6), 9);
    expect(rate.eta(401)).toBe(0);
  });
});

describe('countdown', () => {
  it('rounds up to whole seconds, then minutes and hours', () => {
    expect(countdown(0)).toBe('0 s');
    expect(countdown(0.2)).toBe('1 s');
    expect(countdown(59.5)).toBe('1 min 00 s');
    expect(countdown(125)).toBe('2 min 05 s');
    expect(countdown(3 * 3600 + 3 * 60 + 1)).toBe('3 h 03 min');
  });
});
