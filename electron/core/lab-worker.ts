/** Worker-thread entry of lab-off-thread.ts: runs the one job it is given (lab-jobs.ts) and posts the result or the failure. */
import { labJobSchema, runLabJob, type LabReply } from './lab-jobs';
import { failedReply } from './worker-failure';
import { answerOnce } from './worker-thread-entry';

answerOnce<LabReply>((data) => runLabJob(labJobSchema.parse(data)), failedReply);
