/**
 * A sweep plan: the runs of a sweep written down instead of trained (`descent sweep … --plan FILE`), so that
 * each can be trained on its own, anywhere the store is reachable (`descent run-plan FILE --index I`, one task of
 * a cluster's job array each). One schema, versioned: a reader refuses a version it does not know rather than
 * guess, and every error names the field.
 */
import { z } from 'zod';
import { runConfigSchema } from './config';
import { runNameSchema } from './run-text';

/** The plan format version this code writes and reads. */
export const SWEEP_PLAN_VERSION = 1;
/** What the `format` field holds, so that a plan is told apart from any other JSON file at once. */
export const SWEEP_PLAN_FORMAT = 'descent-sweep-plan';
/** Most runs one plan may hold: a cluster's job array of this size is large; a larger one is a typo. */
export const MAX_PLAN_RUNS = 10_000;
/** A plan file is well under a kilobyte per run; anything past this is not one, and is not read. */
export const MAX_PLAN_BYTES = 16 * 1024 * 1024;

/** One run of the plan: what it trains (seed fixed, so every task trains the same thing wherever it runs) and its name. */
export const plannedRunSchema = z.strictObject({
  /** What this run varies in the sweep ("lr 0.1, seed 7"), shown in the CLI's output. */
  label: z.string().max(1000),
  /** The run's name in the store, as a local sweep names it ("<sweep>: lr 0.1"). */
  name: runNameSchema,
  // The seed is required here (the configuration's own schema leaves it to be picked when the run starts).
  config: runConfigSchema.and(z.object({ seed: runConfigSchema.shape.seed.unwrap() })),
});

export const sweepPlanSchema = z.strictObject({
  format: z.literal(SWEEP_PLAN_FORMAT),
  schemaVersion: z.literal(SWEEP_PLAN_VERSION),
  /** The sweep's group: every run of the plan is stored in it, so the workbench shows them as one sweep. */
  group: runNameSchema.min(1, 'must not be empty'),
  /** When the plan was written (ISO 8601). */
  createdAt: z.iso.datetime(),
  runs: z.array(plannedRunSchema).min(1, 'must list at least one run').max(MAX_PLAN_RUNS, `at most ${MAX_PLAN_RUNS} runs`),
});

export type SweepPlan = z.infer<typeof sweepPlanSchema>;
export type PlannedRun = z.infer<typeof plannedRunSchema>;

/** Either the plan or the problems with it, each naming its field ("runs.3.config.learningRate: must be …"). */
export type PlanResult = { ok: true; plan: SweepPlan } | { ok: false; issues: string[] };

/** Checks a parsed plan file: its format and version first (a clear word for another file or a newer Descent), then every field. */
export function parseSweepPlan(value: unknown): PlanResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, issues: ['(the whole file): must be a JSON object'] };
  const { format, schemaVersion } = value as { format?: unknown; schemaVersion?: unknown };
  if (format !== SWEEP_PLAN_FORMAT)
    return { ok: false, issues: [`format: must be "${SWEEP_PLAN_FORMAT}" (this is not a Descent sweep plan)`] };
  if (schemaVersion !== SWEEP_PLAN_VERSION) {
    // Only a number is quoted: the message must not echo whatever the file holds.
    const found = typeof schemaVersion === 'number' ? `version ${schemaVersion}` : 'no numeric version';
    return { ok: false, issues: [`schemaVersion: the plan has ${found}; this Descent reads version ${SWEEP_PLAN_VERSION}`] };
  }
  const parsed = sweepPlanSchema.safeParse(value);
  if (parsed.success) return { ok: true, plan: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.slice(0, 10).map((issue) => `${issue.path.join('.') || '(the whole file)'}: ${issue.message}`),
  };
}
