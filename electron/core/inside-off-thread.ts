/**
 * Inside-view jobs (inside-jobs.ts) in a worker thread (worker-thread.ts), so that the process serving the
 * window or the bridge keeps answering while 10 000 test images go through a network.
 */
import { insideReplySchema, type InsideJob, type InsideReply } from './inside-jobs';
import { runViewJobInWorker } from './worker-thread';

/** How long one job may take (18 analyses of MNIST's test set take a few seconds). */
export const INSIDE_JOB_TIMEOUT_MS = 120_000;

/** Runs `job` in a new worker thread; rejects with the job's error, or after `timeoutMs`. */
export function runInsideJobOffThread(
  job: InsideJob,
  timeoutMs = INSIDE_JOB_TIMEOUT_MS,
): Promise<Exclude<InsideReply, { type: 'failed' }>> {
  return runViewJobInWorker({
    entry: 'inside-worker',
    owner: "the Inside view's",
    replySchema: insideReplySchema,
    job,
    timeoutMs,
  });
}
