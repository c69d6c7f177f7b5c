/**
 * Worker-thread entry of dataset-probe.ts: probes the dataset folder it is given and posts the shape or
 * the error's message. A thread of its own, so that a slow or hostile folder never stalls the event loop
 * of the process that serves the window or the bridge.
 */
import { probeIdxDataset } from './datasets';
import type { ProbeReply } from './dataset-probe';
import { answerOnce } from './worker-thread-entry';

answerOnce<ProbeReply>(
  (data) => ({ ok: true, shape: probeIdxDataset(String((data as { folder?: unknown } | null)?.folder)) }),
  (message) => ({ ok: false, message }),
);
