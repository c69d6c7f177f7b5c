/** Run identifiers: sortable by creation time, unique across processes, safe as folder names. */
import { randomBytes } from 'node:crypto';

// The pattern is part of the run format (shared/run-record.ts); ids made here must match it.
export { isRunId } from '../../shared/run-record';

/** e.g. `20261128-102600-3f9a1c`: UTC date and time, then 24 random bits. */
export function newRunId(date = new Date()): string {
  const stamp = date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}
