/**
 * Seeds for repeats: `--repeat N` trains one configuration (or every value of a sweep) once per seed. A sweep
 * uses the same N seeds for every value, so value A's seed-7 run and value B's seed-7 run start from the same
 * weights and batches: the comparison is paired.
 */
import { z } from 'zod';
import { MAX_SEED, pickSeed } from './engine/rng';

/** Most seeds one request may repeat over. */
export const MAX_REPEATS = 100;

export const repeatCountSchema = z
  .number()
  .int(`must be a whole number from 1 to ${MAX_REPEATS}`)
  .min(1, `must be a whole number from 1 to ${MAX_REPEATS}`)
  .max(MAX_REPEATS, `must be a whole number from 1 to ${MAX_REPEATS}`);

/**
 * `count` distinct seeds: `first`, `first + 1`, … when a first seed is given (reproducible: `--seed 7 --repeat 3`
 * is seeds 7, 8, 9, wrapping past the largest seed to 0), else `count` distinct random ones.
 */
export function repeatSeeds(count: number, first?: number): number[] {
  repeatCountSchema.parse(count);
  if (first !== undefined) return Array.from({ length: count }, (_, i) => (first + i) % (MAX_SEED + 1));
  const seeds = new Set<number>();
  while (seeds.size < count) seeds.add(pickSeed());
  return [...seeds];
}

/** Each configuration once per seed, configuration-major (all seeds of the first, then the next…). */
export function repeatOverSeeds<C extends object>(configs: readonly C[], seeds: readonly number[]): Array<C & { seed: number }> {
  return configs.flatMap((config) => seeds.map((seed) => ({ ...config, seed })));
}
