/**
 * Lab jobs (lab-jobs.ts) in a worker thread (worker-thread.ts), so that the process serving the window or the
 * bridge keeps answering while 120 000 images go through two networks.
 */
import { labReplySchema, type LabJob, type LabReply } from './lab-jobs';
import { runViewJobInWorker } from './worker-thread';

/** How long one job may take (a mini-batch study of MNIST takes a few seconds). */
export const LAB_JOB_TIMEOUT_MS = 120_000;

/** Runs `job` in a new worker thread; rejects with the job's error, or after `timeoutMs`. */
export function runLabJobOffThread(job: LabJob, timeoutMs = LAB_JOB_TIMEOUT_MS): Promise<Exclude<LabReply, { type: 'failed' }>> {
  return runViewJobInWorker({ entry: 'lab-worker', owner: "the Lab's", replySchema: labReplySchema, job, timeoutMs });
}
