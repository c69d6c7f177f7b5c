/** Run identifiers: sortable by creation time, unique across processes, safe as folder names. */
import { randomBytes } from 'node:crypto';

/** e.g. `20261128-102600-3f9a1c`: UTC date and time, then 24 random bits. */
export function newRunId(date = new Date()): string {
  const stamp = date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

/** True for strings `newRunId` could have produced (checked before one becomes a path). */
export function isRunId(value: string): boolean {
  return /^\d{8}-\d{6}-[0-9a-f]{6}$/.test(value);
}
