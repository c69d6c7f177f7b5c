/**
 * `--name`, `--tags` and `--notes` checked against the schemas the API uses (shared/run-text.ts), so the
 * command line accepts exactly the names, tags and notes the app does; errors name the flag.
 */
import type { z } from 'zod';
import { runNameSchema, runNotesSchema, runTagsSchema } from '../../shared/run-text';
import { UsageError } from './train-flags';

/** `value` if `schema` accepts it; else UsageError "<flag>: <what is wrong>, got <what was given>". */
function checked<T>(flag: string, schema: z.ZodType<T>, value: T, got: (path: PropertyKey[]) => string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const each = issue.path.length > 0 ? 'each tag ' : '';
  throw new UsageError(`${flag}: ${each}${issue.message}, got ${got(issue.path)}`);
}

/** A run's or a sweep's name, trimmed; undefined when the flag was not given. */
export function nameFlag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const name = value.trim();
  if (name === '') throw new UsageError('--name: must not be empty');
  return checked('--name', runNameSchema, name, () => String(name.length));
}

/** Comma-separated tags, trimmed, empty ones dropped (so `--tags ""` clears them). */
export function tagsFlag(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const tags = value
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  return checked('--tags', runTagsSchema, tags, (path) => String(path.length > 0 ? tags[Number(path[0])].length : tags.length));
}

/** Free-text notes, kept as typed. */
export function notesFlag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return checked('--notes', runNotesSchema, value, () => String(value.length));
}
