import type { Failure, FailureCode, FailureIssue, FailureParams } from './failure';

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

/*
 * Failures by kind, so that a transport can tell its client what happened: the browser bridge answers each with
 * its HTTP status (electron/server/http-status.ts). Each carries a code and its params (shared/failure.ts), from which
 * the page words it in the user's language; the message is the English one the CLI and the logs show. Any other
 * thrown value is the backend's own failure (500, `unexpected`).
 */

/** A failure with a code the page can word (see FAILURE_CODES). */
export abstract class CodedError extends Error {
  constructor(
    message: string,
    readonly code: FailureCode,
    readonly params: FailureParams = {},
    readonly issues?: FailureIssue[],
  ) {
    super(message);
  }

  /** What crosses a transport (shared/failure.ts). */
  get failure(): Failure {
    return { code: this.code, params: this.params, message: this.message, ...(this.issues ? { issues: this.issues } : {}) };
  }
}

/** A request that cannot be valid as made (a configuration that does not fit its dataset): HTTP 400. */
export class InvalidRequestError extends CodedError {
  override name = 'InvalidRequestError';
}

/** A request naming something that does not exist (a run no store folder holds, a run not in the trash): HTTP 404. */
export class NotFoundError extends CodedError {
  override name = 'NotFoundError';
}

/** A request the present state refuses (stop a run that is not running, a second gradient check): HTTP 409. */
export class ConflictError extends CodedError {
  override name = 'ConflictError';
}

/** Work given up because the backend is stopping or its client went away: HTTP 503. */
export class UnavailableError extends CodedError {
  override name = 'UnavailableError';
}

/** The coded errors' names: which class a coded error that crossed a thread (only plain data crosses) is thrown again as. */
export const CODED_ERROR_NAMES = ['InvalidRequestError', 'NotFoundError', 'ConflictError', 'UnavailableError'] as const;
export type CodedErrorName = (typeof CODED_ERROR_NAMES)[number];

const CODED_ERRORS: Record<CodedErrorName, new (...args: ConstructorParameters<typeof InvalidRequestError>) => CodedError> = {
  InvalidRequestError,
  NotFoundError,
  ConflictError,
  UnavailableError,
};

/** Which kind of coded error `error` is; undefined for anything else. */
export function codedErrorName(error: unknown): CodedErrorName | undefined {
  return CODED_ERROR_NAMES.find((name) => error instanceof CODED_ERRORS[name]);
}

/** The coded error of kind `name` that says `failure` (its code, params, message and issues). */
export function codedError(name: CodedErrorName, failure: Failure): CodedError {
  return new CODED_ERRORS[name](failure.message, failure.code, failure.params, failure.issues);
}
