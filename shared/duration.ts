/**
 * A duration split into the units people read it in — the one rule behind the page's durations (in its language),
 * the CLI's and its countdown (English). Only the numbers are decided here; the words are the caller's.
 */

/** "850 ms", "12.3 s", "4 min 5 s", "2 h 5 min": which units, and their values. */
export type DurationParts =
  | { unit: 'ms'; ms: number }
  /** `s` to a tenth (`tenths`), or whole in a countdown. */
  | { unit: 's'; s: number; tenths: boolean }
  | { unit: 'min'; min: number; s: number }
  | { unit: 'h'; h: number; min: number };

export interface DurationStyle {
  /** A countdown: whole seconds rounded up (never "0 s" while time is left), no milliseconds or tenths. */
  readonly countdown?: boolean;
  /** Seconds (to a tenth) are said below this many, minutes and seconds from there (default 60). */
  readonly secondsBelow?: number;
}

/**
 * `seconds` (finite, ≥ 0) in units. Each unit is chosen on the value as it will be shown, rounded, so 59.97 s reads
 * "1 min 0 s", never "60.0 s", and 299.6 s "5 min 0 s", never "4 min 60 s". From an hour on: hours and whole minutes.
 */
export function durationParts(seconds: number, style: DurationStyle = {}): DurationParts {
  const secondsBelow = style.secondsBelow ?? 60;
  if (style.countdown) {
    const whole = Math.ceil(seconds);
    return whole < secondsBelow ? { unit: 's', s: whole, tenths: false } : minutesOrHours(whole);
  }
  const ms = Math.round(seconds * 1000);
  if (ms < 1000) return { unit: 'ms', ms };
  const tenths = Math.round(seconds * 10);
  if (tenths < secondsBelow * 10) return { unit: 's', s: tenths / 10, tenths: true };
  return minutesOrHours(Math.round(seconds));
}

function minutesOrHours(whole: number): DurationParts {
  const minutes = Math.floor(whole / 60);
  return whole < 3600
    ? { unit: 'min', min: minutes, s: whole % 60 }
    : { unit: 'h', h: Math.floor(minutes / 60), min: minutes % 60 };
}
