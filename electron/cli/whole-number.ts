/** Flags whose value is a whole number in a range: parsed by commander, refused with the flag's name and the range. */
import { Option } from 'commander';
import { UsageError } from './train-flags';

/**
 * An option whose value commander parses as a whole number in [min, max] (UsageError naming the flag and the range
 * otherwise, exit 2); `fallback` when the flag is absent (none if undefined), shown in the help with `why` if given.
 */
export function wholeNumberOption(
  flags: string,
  description: string,
  min: number,
  max: number,
  fallback?: number,
  why?: string,
): Option {
  const flag = flags.split(' ')[0];
  const option = new Option(flags, `${description}, ${min}–${max}`).argParser((text: string) =>
    wholeNumber(flag, text, min, max),
  );
  return fallback === undefined ? option : option.default(fallback, why === undefined ? undefined : `${fallback}, ${why}`);
}

/** A flag that must be a whole number in [min, max]; UsageError naming the flag otherwise. */
export function wholeNumber(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
    throw new UsageError(`${flag}: must be a whole number from ${min} to ${max}, got ${JSON.stringify(text)}`);
  }
  return value;
}
