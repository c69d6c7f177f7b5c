/**
 * Lab jobs (lab-jobs.ts) in a worker thread (worker-thread.ts), so that the process serving the window or the
 * bridge keeps answering while 120 000 images go through two networks.
 */
import { labReplySchema, type LabJob, type LabReply } from './lab-jobs';
import { runInWorker } from './worker-thread';

/** How long one job may take (a mini-batch study of MNIST takes a few seconds). */
export const LAB_JOB_TIMEOUT_MS = 120_000;

/** Runs `job` in a new worker thread; rejects with the job's error, or after `timeoutMs`. */
export function runLabJobOffThread(job: LabJob, timeoutMs = LAB_JOB_TIMEOUT_MS): Promise<Exclude<LabReply, { type: 'failed' }>> {
  return runInWorker({
    entry: 'lab-worker',
    workerData: job,
    timeoutMs,
    what: "the Lab's worker",
    timeoutMessage: `the Lab's computation took longer than ${timeoutMs / 1000} s`,
    reply: (value) => {
      const parsed = labReplySchema.safeParse(value);
      if (!parsed.success) return undefined;
      const reply = parsed.data;
      return reply.type === 'failed' ? { ok: false, message: reply.message } : { ok: true, value: reply };
    },
  });
}
