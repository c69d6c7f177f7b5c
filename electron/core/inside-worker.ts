/**
 * Worker-thread entry of inside-off-thread.ts: runs the one job it is given (inside-jobs.ts) and posts the result or
 * the failure.
 */
import { insideJobSchema, runInsideJob, type InsideReply } from './inside-jobs';
import { failedReply } from './worker-failure';
import { answerOnce } from './worker-thread-entry';

answerOnce<InsideReply>((data) => runInsideJob(insideJobSchema.parse(data)), failedReply);
