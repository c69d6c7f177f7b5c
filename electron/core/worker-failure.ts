/**
 * A view job's failure as its worker thread posts it (lab-jobs.ts, inside-jobs.ts): only plain data crosses a
 * thread, so a coded error (shared/errors.ts) travels as its kind and its Failure, and the serving thread throws it
 * again as the same kind of error — the bridge answers it with its status and the page words its code in its
 * language, instead of an `unexpected` failure with the worker's English inside.
 */
import { z } from 'zod';
import { CODED_ERROR_NAMES, codedError, codedErrorName } from '../../shared/errors';
import { failureOf, failureSchema } from '../../shared/failure';

/** A coded error as it crosses a thread. */
export const codedFailureSchema = z.strictObject({ kind: z.enum(CODED_ERROR_NAMES), failure: failureSchema });
export type CodedFailure = z.infer<typeof codedFailureSchema>;

/** A worker's failure reply: the error's English message, and the coded error's kind and Failure if it was one. */
export const failedReplySchema = z.strictObject({
  type: z.literal('failed'),
  message: z.string(),
  coded: codedFailureSchema.optional(),
});
export type FailedReply = z.infer<typeof failedReplySchema>;

/** What crosses for a thrown value that is a coded error; undefined for anything else (its message says it). */
export function codedFailureOf(error: unknown): CodedFailure | undefined {
  const kind = codedErrorName(error);
  return kind ? { kind, failure: failureOf(error) } : undefined;
}

/** A failed reply for `message`, with the coded error's kind and Failure when there is one. */
export function failedReply(message: string, coded: CodedFailure | undefined): FailedReply {
  return coded ? { type: 'failed', message, coded } : { type: 'failed', message };
}

/** The error a failed reply stands for: the same kind of coded error, or an Error with the worker's message. */
export function errorOfFailedReply(reply: FailedReply): Error {
  return reply.coded ? codedError(reply.coded.kind, reply.coded.failure) : new Error(reply.message);
}
