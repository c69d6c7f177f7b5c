/**
 * A run as the store keeps it in `run.json`: configuration, lifecycle, metadata and summary. The
 * schema is versioned; readers refuse versions they do not know rather than guess.
 */
import { z } from 'zod';
import { runConfigSchema } from './config';

/** The `run.json` format version this code writes and reads. */
export const RUN_SCHEMA_VERSION = 1;

/** Lifecycle: queued → running ⇄ paused → completed | stopped | failed | diverged | interrupted. */
export const RUN_STATUSES = ['queued', 'running', 'paused', 'completed', 'stopped', 'failed', 'diverged', 'interrupted'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** Statuses after which a run never changes by itself again. */
export const FINISHED_STATUSES: ReadonlySet<RunStatus> = new Set(['completed', 'stopped', 'failed', 'diverged', 'interrupted']);

const epochSchema = z.object({
  iteration: z.number(),
  epoch: z.number(),
  trainAcc: z.number(),
  testAcc: z.number(),
});

export const runRecordSchema = z.object({
  schemaVersion: z.literal(RUN_SCHEMA_VERSION),
  id: z.string(),
  name: z.string(),
  tags: z.array(z.string()),
  notes: z.string(),
  /** Sweep group the run belongs to, if any. */
  group: z.string().nullable(),
  status: z.enum(RUN_STATUSES),
  config: runConfigSchema.and(z.object({ seed: z.number().int() })),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** Iterations done so far and the latest accuracy measurement (updated at each epoch). */
  iterationsDone: z.number().int().min(0),
  lastEpoch: epochSchema.nullable(),
  /** The process that is training the run, so another process can tell a live run from a dead one. */
  owner: z.object({ pid: z.number().int(), hostname: z.string() }).nullable(),
  summary: z.looseObject({}).nullable(),
  /** Why the run failed or was interrupted. */
  error: z.string().nullable(),
});

export type RunRecord = z.infer<typeof runRecordSchema>;
