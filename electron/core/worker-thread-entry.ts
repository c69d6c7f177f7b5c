/**
 * The worker side of `runInWorker` (worker-thread.ts) for an entry that does one job: it computes its reply from
 * the `workerData` it was started with, or the failure reply with the error's message (and a coded error's kind and
 * Failure, so that the serving thread throws it again as itself), and posts that one message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { errorMessage } from '../../shared/errors';
import { codedFailureOf, type CodedFailure } from './worker-failure';

/** Posts `compute(workerData)`, or `failed(message, coded)` where it throws (`coded` undefined for an uncoded error). */
export function answerOnce<Reply>(
  compute: (data: unknown) => Reply,
  failed: (message: string, coded: CodedFailure | undefined) => Reply,
): void {
  let reply: Reply;
  try {
    reply = compute(workerData);
  } catch (error) {
    reply = failed(errorMessage(error), codedFailureOf(error));
  }
  parentPort?.postMessage(reply);
}
