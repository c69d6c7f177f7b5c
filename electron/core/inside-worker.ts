/**
 * Worker-thread entry of inside-off-thread.ts: runs the one job it is given (inside-jobs.ts) and posts the
 * result or the error's message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { insideJobSchema, runInsideJob, type InsideReply } from './inside-jobs';
import { errorMessage } from '../../shared/errors';

let reply: InsideReply;
try {
  reply = runInsideJob(insideJobSchema.parse(workerData));
} catch (error) {
  reply = { type: 'failed', message: errorMessage(error) };
}
parentPort?.postMessage(reply);
