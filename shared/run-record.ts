/**
 * A run as the store keeps it in `run.json`: configuration, lifecycle, metadata and summary. The
 * schema is versioned; readers refuse versions they do not know rather than guess.
 */
import { z } from 'zod';
import { epochMeasurementSchema } from './metrics';
import { RUN_COLOUR_SLOTS } from './run-colour';
import { RUN_STATUSES } from './run-status';
import { runIdSchema } from './run-id';
import { runSummarySchema, seededConfigSchema } from './summary';

export {
  END_STATUSES,
  FAILED_STATUSES,
  FINISHED_STATUSES,
  LIVE_STATUSES,
  RUN_STATUSES,
  endedByItself,
  isFailed,
  isFinished,
  isLive,
  type EndStatus,
  type FailedStatus,
  type FinishedStatus,
  type LiveStatus,
  type RunStatus,
} from './run-status';

/** The `run.json` format version this code writes and reads. */
export const RUN_SCHEMA_VERSION = 1;

export { RUN_ID_PATTERN, isRunId, runIdSchema } from './run-id';

export const runRecordSchema = z.object({
  schemaVersion: z.literal(RUN_SCHEMA_VERSION),
  id: runIdSchema,
  name: z.string(),
  tags: z.array(z.string()),
  notes: z.string(),
  /** Sweep group the run belongs to, if any. */
  group: z.string().nullable(),
  /**
   * The palette slot the run is drawn in, given once at creation (shared/run-colour.ts). Absent in records from
   * before slots were kept: those follow the order of creation.
   */
  colour: z
    .number()
    .int()
    .min(0)
    .max(RUN_COLOUR_SLOTS - 1)
    .optional(),
  status: z.enum(RUN_STATUSES),
  config: seededConfigSchema,
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /**
   * Time paused since `startedAt`: seconds of the pauses that ended, and when the current one began (null
   * while not paused), so a card's duration leaves pauses out. Absent in records from before they were kept.
   */
  pausedSeconds: z.number().min(0).optional(),
  pausedAt: z.string().nullable().optional(),
  /** Iterations done so far and the latest accuracy measurement (updated at each epoch). */
  iterationsDone: z.number().int().min(0),
  // The record stores a measurement without its time stamp; the key is stripped if an old file has one.
  lastEpoch: epochMeasurementSchema.omit({ seconds: true }).nullable(),
  /**
   * The process that is training the run, so another process can tell a live run from a dead one. A pid
   * alone can be reused (after a reboot, or by a long-lived machine); the process's start time (clock ticks
   * after boot, Linux's /proc/<pid>/stat) and the boot's id tell a reused pid from the owner. Both are
   * optional: older records and systems without /proc have the pid and host alone.
   */
  owner: z
    .object({
      pid: z.number().int(),
      hostname: z.string(),
      startTime: z.number().int().min(0).optional(),
      bootId: z.string().max(100).optional(),
      /**
       * The machine's id (/etc/machine-id): two machines can share a hostname (cloned images, containers), and a
       * process on another machine cannot be seen from here, however its pid looks. Absent in older records.
       */
      machineId: z.string().max(100).optional(),
    })
    .nullable(),
  /** The trainer's summary of a run that ended in a trainer (null while live, and for failed runs). */
  summary: runSummarySchema.nullable(),
  /** Why the run failed or was interrupted. */
  error: z.string().nullable(),
});

export type RunRecord = z.infer<typeof runRecordSchema>;
