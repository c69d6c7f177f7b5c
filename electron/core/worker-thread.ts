/**
 * One job in a worker thread, for work that must stay off the event loop of a process serving a window or a
 * bridge: the built entry `<name>.js` beside this module's bundle (electron-vite's and the CLI bundle's
 * inputs), else the TypeScript source `<name>.ts` through tsx (the tests run sources). The worker is
 * unreferenced — it never keeps a process alive — and one that overruns its time limit is terminated.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { z } from 'zod';
import { typescriptWorkerCode } from './typescript-loader';
import { errorOfFailedReply, failedReplySchema } from './worker-failure';

/** Where a worker entry's code is: `new Worker(source.code, { eval: source.eval })`. */
export function workerSource(name: string): { code: string | URL; eval: boolean } {
  return presentWorkerSource(name) ?? { code: typescriptWorkerCode(join(moduleFolder(), `${name}.ts`)), eval: true };
}

/** `workerSource`, or null where neither the built entry nor its TypeScript source is there (a build without it). */
export function presentWorkerSource(name: string): { code: string | URL; eval: boolean } | null {
  const here = moduleFolder();
  for (const folder of [here, join(here, '..')]) {
    const built = join(folder, `${name}.js`);
    if (existsSync(built)) return { code: pathToFileURL(built), eval: false };
  }
  const source = join(here, `${name}.ts`);
  return existsSync(source) ? { code: typescriptWorkerCode(source), eval: true } : null;
}

function moduleFolder(): string {
  return dirname(fileURLToPath(import.meta.url));
}

/** How a job's worker is run and its messages judged. */
export interface WorkerJob<T> {
  /** The entry's name, e.g. `dataset-probe-worker`. */
  readonly entry: string;
  readonly workerData: unknown;
  readonly timeoutMs: number;
  /** Starts every error message: what the worker was doing (`<folder>: the dataset probe`). */
  readonly what: string;
  /** The message when the time limit passes. */
  readonly timeoutMessage: string;
  /**
   * The worker's one message as the result, or the error it reports (`error` to reject with, else an Error with
   * `message`); undefined for a malformed message.
   */
  readonly reply: (value: unknown) => { ok: true; value: T } | { ok: false; message: string; error?: Error } | undefined;
}

/** Runs `job` in a new worker thread; resolves with its result, rejects with its error or after its time limit. */
export function runInWorker<T>(job: WorkerJob<T>): Promise<T> {
  const source = workerSource(job.entry);
  return new Promise((resolve, reject) => {
    const worker = new Worker(source.code, { eval: source.eval, workerData: job.workerData, stdout: false, stderr: false });
    worker.unref();
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      void worker.terminate();
    };
    const timer = setTimeout(() => settle(() => reject(new Error(job.timeoutMessage))), job.timeoutMs);
    timer.unref();
    worker.on('message', (value: unknown) => {
      const reply = job.reply(value);
      if (!reply) return settle(() => reject(new Error(`${job.what} sent a malformed reply`)));
      settle(reply.ok ? () => resolve(reply.value) : () => reject(reply.error ?? new Error(reply.message)));
    });
    worker.on('error', (error) => settle(() => reject(new Error(`${job.what} failed (${error.message})`))));
    worker.on('exit', (code) => settle(() => reject(new Error(`${job.what} ended (exit code ${code}) before its result`))));
  });
}

/** A view's job whose worker posts one message of a union with worker-failure.ts's failed reply (lab-jobs.ts, inside-jobs.ts). */
export interface ViewJob<Reply extends { type: string }> {
  /** The entry's name, e.g. `lab-worker`. */
  readonly entry: string;
  /** Whose job it is, as errors start: `the Lab's` (→ "the Lab's worker failed", "the Lab's computation took …"). */
  readonly owner: string;
  /** The worker's one message. */
  readonly replySchema: z.ZodType<Reply>;
  readonly job: unknown;
  readonly timeoutMs: number;
}

/**
 * Runs a view's job in a new worker thread; resolves with its result, rejects with its failure (a coded error as the
 * same kind of coded error) or after its time limit.
 */
export function runViewJobInWorker<Reply extends { type: string }>(
  job: ViewJob<Reply>,
): Promise<Exclude<Reply, { type: 'failed' }>> {
  return runInWorker({
    entry: job.entry,
    workerData: job.job,
    timeoutMs: job.timeoutMs,
    what: `${job.owner} worker`,
    timeoutMessage: `${job.owner} computation took longer than ${job.timeoutMs / 1000} s`,
    reply: (value) => {
      const parsed = job.replySchema.safeParse(value);
      if (!parsed.success) return undefined;
      const reply = parsed.data;
      if (isResult(reply)) return { ok: true, value: reply };
      const failed = failedReplySchema.safeParse(reply);
      return failed.success ? { ok: false, message: failed.data.message, error: errorOfFailedReply(failed.data) } : undefined;
    },
  });
}

function isResult<Reply extends { type: string }>(reply: Reply): reply is Exclude<Reply, { type: 'failed' }> {
  return reply.type !== 'failed';
}
