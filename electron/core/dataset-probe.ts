/**
 * Probing a dataset folder off the event loop: `probeIdxDataset` reads files (bounded by their headers,
 * but a folder on a slow disk or a share can still take seconds), so servers run it in a worker thread
 * with a time limit. The worker is unreferenced: it never keeps a process alive, and one that overruns
 * its limit is terminated.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { datasetShapeSchema, probeIdxDataset, type DatasetShape } from './datasets';
import { typescriptWorkerCode } from './typescript-loader';

/** How a dataset folder's shape is found: off the thread (servers), or in it (a trainer, the CLI). */
export type DatasetProbe = (folder: string) => Promise<DatasetShape>;

/** The probe in this thread, for processes with no window or clients to keep responsive. */
export const probeInThisThread: DatasetProbe = async (folder) => probeIdxDataset(folder);

/** How long a probe may take by default (MNIST's take milliseconds). */
export const PROBE_TIMEOUT_MS = 20_000;

const probeReplySchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), shape: datasetShapeSchema }),
  z.strictObject({ ok: z.literal(false), message: z.string() }),
]);

/** What the worker posts: the folder's shape, or why it cannot be used. */
export type ProbeReply = z.infer<typeof probeReplySchema>;

/**
 * The worker's code: the built entry beside this module's bundle (`dataset-probe-worker.js`, an input of
 * electron.vite.config.ts), else the TypeScript source through tsx (the CLI and the tests run sources).
 */
function workerSource(): { code: string | URL; eval: boolean } {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const folder of [here, join(here, '..')]) {
    const built = join(folder, 'dataset-probe-worker.js');
    if (existsSync(built)) return { code: pathToFileURL(built), eval: false };
  }
  return { code: typescriptWorkerCode(join(here, 'dataset-probe-worker.ts')), eval: true };
}

/** `probeIdxDataset(folder)` in a worker thread, rejected with the probe's error or after `timeoutMs`. */
export function probeDatasetOffThread(folder: string, options: { timeoutMs?: number } = {}): Promise<DatasetShape> {
  const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS;
  const source = workerSource();
  return new Promise((resolve, reject) => {
    const worker = new Worker(source.code, { eval: source.eval, workerData: { folder }, stdout: false, stderr: false });
    worker.unref();
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      void worker.terminate();
    };
    const timer = setTimeout(
      () => settle(() => reject(new Error(`${folder}: reading the dataset took longer than ${timeoutMs / 1000} s; not used`))),
      timeoutMs,
    );
    timer.unref();
    worker.on('message', (value: unknown) => {
      const parsed = probeReplySchema.safeParse(value);
      if (!parsed.success) return settle(() => reject(new Error(`${folder}: the dataset probe sent a malformed reply`)));
      const reply = parsed.data;
      settle(reply.ok ? () => resolve(reply.shape) : () => reject(new Error(reply.message)));
    });
    worker.on('error', (error) => settle(() => reject(new Error(`${folder}: the dataset probe failed (${error.message})`))));
    worker.on('exit', (code) => settle(() => reject(new Error(`${folder}: the dataset probe ended (exit code ${code}) before its result`))));
  });
}
