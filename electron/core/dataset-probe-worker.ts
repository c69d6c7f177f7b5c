/**
 * Worker-thread entry of dataset-probe.ts: probes the dataset folder it is given and posts the shape or
 * the error's message. A thread of its own, so that a slow or hostile folder never stalls the event loop
 * of the process that serves the window or the bridge.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { probeIdxDataset } from './datasets';
import { errorMessage } from '../../shared/errors';
import type { ProbeReply } from './dataset-probe';

const folder = String((workerData as { folder?: unknown } | null)?.folder);
let reply: ProbeReply;
try {
  reply = { ok: true, shape: probeIdxDataset(folder) };
} catch (error) {
  reply = { ok: false, message: errorMessage(error) };
}
parentPort?.postMessage(reply);
