/**
 * Inside-view jobs (inside-jobs.ts) in a worker thread, so that the process serving the window or the
 * bridge keeps answering while 10 000 test images go through a network. Like the dataset probe's worker:
 * the built entry beside the bundle, else the TypeScript source through tsx; unreferenced, time-limited.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { insideReplySchema, type InsideJob, type InsideReply } from './inside-jobs';
import { typescriptWorkerCode } from './typescript-loader';

/** How long one job may take (18 analyses of MNIST's test set take a few seconds). */
export const INSIDE_JOB_TIMEOUT_MS = 120_000;

function workerSource(): { code: string | URL; eval: boolean } {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const folder of [here, join(here, '..')]) {
    const built = join(folder, 'inside-worker.js');
    if (existsSync(built)) return { code: pathToFileURL(built), eval: false };
  }
  return { code: typescriptWorkerCode(join(here, 'inside-worker.ts')), eval: true };
}

/** Runs `job` in a new worker thread; rejects with the job's error, or after `timeoutMs`. */
export function runInsideJobOffThread(job: InsideJob, timeoutMs = INSIDE_JOB_TIMEOUT_MS): Promise<Exclude<InsideReply, { type: 'failed' }>> {
  const source = workerSource();
  return new Promise((resolve, reject) => {
    const worker = new Worker(source.code, { eval: source.eval, workerData: job, stdout: false, stderr: false });
    worker.unref();
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      void worker.terminate();
    };
    const timer = setTimeout(() => settle(() => reject(new Error(`the Inside view's computation took longer than ${timeoutMs / 1000} s`))), timeoutMs);
    timer.unref();
    worker.on('message', (value: unknown) => {
      const parsed = insideReplySchema.safeParse(value);
      if (!parsed.success) return settle(() => reject(new Error('the Inside view\'s worker sent a malformed reply')));
      const reply = parsed.data;
      settle(() => (reply.type === 'failed' ? reject(new Error(reply.message)) : resolve(reply)));
    });
    worker.on('error', (error) => settle(() => reject(new Error(`the Inside view's worker failed (${error.message})`))));
    worker.on('exit', (code) => settle(() => reject(new Error(`the Inside view's worker ended (exit code ${code}) before its result`))));
  });
}
