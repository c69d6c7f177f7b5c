import { expect } from 'vitest';

/** Asserts |actual − expected| ≤ tolerance · max(1, |expected|) for every element. */
export function expectAllClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const scale = Math.max(1, Math.abs(expected[i]));
    if (!(Math.abs(actual[i] - expected[i]) <= tolerance * scale)) {
      throw new Error(`element ${i}: ${actual[i]} differs from ${expected[i]} by more than ${tolerance * scale}`);
    }
  }
}

/** Relative difference |a − b| / |b|. */
export function relativeDiff(a: number, b: number): number {
  return Math.abs(a - b) / Math.abs(b);
}

/** Plain left-to-right sum of any array of numbers (typed or not). */
export function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}
