/**
 * Probing a dataset folder off the event loop: `probeIdxDataset` reads files (bounded by their headers,
 * but a folder on a slow disk or a share can still take seconds), so servers run it in a worker thread
 * with a time limit. The worker is unreferenced: it never keeps a process alive, and one that overruns
 * its limit is terminated.
 */
import { z } from 'zod';
import { datasetShapeSchema, probeIdxDataset, type DatasetShape } from './datasets';
import { runInWorker } from './worker-thread';

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

/** `probeIdxDataset(folder)` in a worker thread, rejected with the probe's error or after `timeoutMs`. */
export function probeDatasetOffThread(folder: string, options: { timeoutMs?: number } = {}): Promise<DatasetShape> {
  const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS;
  return runInWorker({
    entry: 'dataset-probe-worker',
    workerData: { folder },
    timeoutMs,
    what: `${folder}: the dataset probe`,
    timeoutMessage: `${folder}: reading the dataset took longer than ${timeoutMs / 1000} s; not used`,
    reply: (value) => {
      const parsed = probeReplySchema.safeParse(value);
      if (!parsed.success) return undefined;
      const reply = parsed.data;
      return reply.ok ? { ok: true, value: reply.shape } : { ok: false, message: reply.message };
    },
  });
}
