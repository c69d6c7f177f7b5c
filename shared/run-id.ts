/**
 * The run id's format, alone in a module: the run record, the run summary it holds and the API's events all check
 * ids with it (run-record.ts imports summary.ts, so the pattern cannot live in either).
 */
import { z } from 'zod';

/** `20261128-103400-3f9a1c`: the UTC date and time a run was created, then 24 random bits. */
export const RUN_ID_PATTERN = /^\d{8}-\d{6}-[0-9a-f]{6}$/;
export const runIdSchema = z.string().regex(RUN_ID_PATTERN, 'must be a run id like 20261128-103400-3f9a1c');

/** True for strings that name a run (checked before one becomes a path). */
export function isRunId(value: string): boolean {
  return RUN_ID_PATTERN.test(value);
}
