/**
 * A backend failure as both transports carry it to the page: a stable `code` and its `params` (what the page words
 * in the user's language), the English `message` (what the CLI and the logs say), and for a request that was refused
 * field by field, its `issues` (field, value, range). One schema, used by the browser bridge's answers, the desktop
 * IPC's rejections and the page's clients.
 */
import { z } from 'zod';
import { errorMessage } from './errors';

/** Every kind of failure the page can word; anything else is `unexpected` (its message shown as it is). */
export const FAILURE_CODES = [
  /** params: id. A run no store folder holds (deleted meanwhile, here or elsewhere). */
  'run.notFound',
  /** params: id. Restore of a run that is not in the trash. */
  'run.notInTrash',
  /** params: id. Restore of a run whose folder exists again. */
  'run.exists',
  /** params: id. Delete of a run the trash holds already. */
  'run.inTrash',
  /** params: id. Stop, pause or resume of a run that is not running. */
  'run.notRunning',
  /** params: id, state (`running` | `queued`). Delete of a run that trains. */
  'run.busy',
  /** params: id, owner (process and machine). A run another live process trains. */
  'run.ownedElsewhere',
  /** params: limit. A gradient check while the limit of them run. */
  'gradcheck.busy',
  /** params: reason (English). Work given up: the backend is stopping or its client went away. */
  'backend.unavailable',
  /** issues: each field's problem. A configuration that does not fit its dataset. */
  'config.doesNotFit',
  /** params: dataset, reason (English). A dataset folder that cannot be read. */
  'dataset.unusable',
  /** params: method; issues. A call whose arguments fail the method's schema. */
  'request.invalid',
  /** The browser bridge refused a call without its session (token or cookie): 401. */
  'request.unauthorised',
  /** The browser bridge refused a call from another Host or Origin: 403. */
  'request.foreignOrigin',
  /** params: limit (bytes). A call whose body is larger than the browser bridge reads: 413. */
  'request.tooLarge',
  /** params: reason (English). A call the browser bridge cannot read (not JSON, a malformed URL, not a POST): 400, 405. */
  'request.malformed',
  /** params: reason (English). A file that could not be written (desktop save dialog). */
  'export.writeFailed',
  /** params: index, count. A test image past the end of the run's test set (which has images 0 to count − 1). */
  'inside.testImageOutOfRange',
  /** A run's trainer that did not stop when asked, killed (a run warning). */
  'run.killedAfterStop',
  /** params: reason (English). A run the store could not take at its start (a run warning). */
  'run.cannotStart',
  /** params: reason (English). A request the run's trainer refused; the run goes on (a run warning). */
  'run.requestRefused',
  /** params: reason (English). A run's record or summary the store could not write (a run warning). */
  'run.recordNotWritten',
  /** params: message. Anything else: the backend's own words. */
  'unexpected',
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

/** Values a failure's words are made from: ids, counts, names. */
export const failureParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type FailureParams = z.infer<typeof failureParamsSchema>;

/**
 * One field's problem (shared/config.ts's ConfigIssue, as it crosses a transport): the dotted field path, the English
 * message, zod's issue code, the value given, a custom issue's params (`rule` names it) and the allowed choices.
 */
export const failureIssueSchema = z.strictObject({
  field: z.string(),
  message: z.string(),
  code: z.string().optional(),
  input: z.unknown().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  allowed: z.array(z.unknown()).readonly().optional(),
});
export type FailureIssue = z.infer<typeof failureIssueSchema>;

export const failureSchema = z.strictObject({
  code: z.enum(FAILURE_CODES),
  params: failureParamsSchema,
  message: z.string(),
  issues: z.array(failureIssueSchema).optional(),
});
export type Failure = z.infer<typeof failureSchema>;

/** What a thrown value says as a Failure: a coded error's code, anything else `unexpected` with its message. */
export function failureOf(error: unknown): Failure {
  if (isCarrier(error)) return error.failure;
  const message = errorMessage(error);
  return { code: 'unexpected', params: { message }, message };
}

/** A thrown value that carries its Failure (shared/errors.ts's coded errors, the page's FailedCall). */
function isCarrier(error: unknown): error is { failure: Failure } {
  return typeof error === 'object' && error !== null && 'failure' in error && failureSchema.safeParse(error.failure).success;
}

/**
 * Electron's IPC keeps only an error's message on its way to the page (`Error invoking remote method '…': Error: …`,
 * and again across the context bridge), so main puts the Failure into the message after this marker.
 */
const IPC_MARKER = 'descent-failure:';

/** The message main rejects an IPC call with. */
export function encodeFailure(failure: Failure): string {
  return IPC_MARKER + JSON.stringify(failure);
}

/** The Failure in a message made by `encodeFailure` (with whatever Electron put before it); undefined if none. */
export function decodeFailure(message: string): Failure | undefined {
  const at = message.indexOf(IPC_MARKER);
  if (at < 0) return undefined;
  try {
    const parsed = failureSchema.safeParse(JSON.parse(message.slice(at + IPC_MARKER.length)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A call the backend refused, as the page's clients throw it: its message is the English one (for the console), its
 * failure what the page words.
 */
export class FailedCall extends Error {
  override name = 'FailedCall';
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

/** Whatever a page's call threw, as a FailedCall: a Failure the error carries or encodes, or an unexpected one. */
export function asFailedCall(error: unknown): FailedCall {
  if (error instanceof FailedCall) return error;
  const decoded = decodeFailure(errorMessage(error));
  return new FailedCall(decoded ?? failureOf(error));
}
