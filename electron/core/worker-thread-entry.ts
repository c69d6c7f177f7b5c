/**
 * The worker side of `runInWorker` (worker-thread.ts) for an entry that does one job: it computes its reply from
 * the `workerData` it was started with, or the failure reply with the error's message, and posts that one message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { errorMessage } from '../../shared/errors';

/** Posts `compute(workerData)`, or `failed(message)` where it throws. */
export function answerOnce<Reply>(compute: (data: unknown) => Reply, failed: (message: string) => Reply): void {
  let reply: Reply;
  try {
    reply = compute(workerData);
  } catch (error) {
    reply = failed(errorMessage(error));
  }
  parentPort?.postMessage(reply);
}
