/**
 * Worker-thread entry of lab-off-thread.ts: runs the one job it is given (lab-jobs.ts) and posts the result
 * or the error's message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { labJobSchema, runLabJob, type LabReply } from './lab-jobs';
import { errorMessage } from '../../shared/errors';

let reply: LabReply;
try {
  reply = runLabJob(labJobSchema.parse(workerData));
} catch (error) {
  reply = { type: 'failed', message: errorMessage(error) };
}
parentPort?.postMessage(reply);
