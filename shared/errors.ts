/**
 * One line for any thrown value: what a user, a log or a client is told. `throw` accepts anything —
 * a string, a plain object from a structured clone, `undefined` — and `(error as Error).message` reads
 * `undefined` for all of those; this never does.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error || 'an empty error message';
  if (error === undefined || error === null) return `an unknown error (${String(error)} was thrown)`;
  // An Error that crossed a process boundary arrives as a plain object with its message.
  if (typeof error === 'object' && 'message' in error && typeof error.message === 'string' && error.message) return error.message;
  try {
    const json = JSON.stringify(error);
    if (json !== undefined) return json;
  } catch {
    // Cyclic or BigInt-holding values: fall through to String.
  }
  try {
    return String(error);
  } catch {
    return 'an error that cannot be shown';
  }
}

/** The `code` of a system error (`ENOENT`, `EACCES`, …), if the thrown value has one. */
export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}
