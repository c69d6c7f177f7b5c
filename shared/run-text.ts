/**
 * What a person writes about a run — its name, tags and notes — and how long each may be. One set of
 * limits for the command line's flags, the API's schemas and the UI, so that a name one of them accepts
 * the others accept too (and run.json stays a small file).
 */
import { z } from 'zod';

/** Longest name, tag and notes (in UTF-16 code units, as JavaScript counts), and most tags per run. */
export const RUN_TEXT_LIMITS = { name: 200, tag: 50, tags: 20, notes: 10_000 } as const;

const text = (max: number) => z.string().max(max, `at most ${max} characters`);

/** A run's or a sweep's name. */
export const runNameSchema = text(RUN_TEXT_LIMITS.name);
/** A run's tags. */
export const runTagsSchema = z.array(text(RUN_TEXT_LIMITS.tag)).max(RUN_TEXT_LIMITS.tags, `at most ${RUN_TEXT_LIMITS.tags} tags`);
/** A run's free-text notes. */
export const runNotesSchema = text(RUN_TEXT_LIMITS.notes);

/**
 * A name put together from parts (a sweep's name and what one run varies) cut to the limit with "…", so
 * that every stored name is one the app and `annotate` accept back unchanged.
 */
export function fitRunName(name: string): string {
  return name.length <= RUN_TEXT_LIMITS.name ? name : `${name.slice(0, RUN_TEXT_LIMITS.name - 1)}…`;
}
