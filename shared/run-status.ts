/**
 * A run's lifecycle and the groups of statuses every layer asks about ("is it still live?", "did it
 * go wrong?"), defined once. No zod here: the preload and the renderer can use it at no cost.
 *
 *   queued → running ⇄ paused → completed | stopped | failed | diverged | interrupted
 */

/** Waiting for a trainer or being trained: the run may still change by itself. */
export const LIVE_STATUSES = ['queued', 'running', 'paused'] as const;

/** Over: the run never changes by itself again (the user may still rename or delete it). */
export const FINISHED_STATUSES = ['completed', 'stopped', 'failed', 'diverged', 'interrupted'] as const;

/** How a trainer can end a run it got to finish: the status in its summary. */
export const END_STATUSES = ['completed', 'stopped', 'diverged'] as const;

/** Ends that did not come from the run completing or the user stopping it: shown as problems. */
export const FAILED_STATUSES = ['failed', 'diverged', 'interrupted'] as const;

/** Trained to its end (or to a non-finite loss): its figures are an experiment's outcome, not cut short. */
export const OUTCOME_STATUSES = ['completed', 'diverged'] as const;

/** Every status, in lifecycle order. */
export const RUN_STATUSES = [...LIVE_STATUSES, ...FINISHED_STATUSES] as const;

export type RunStatus = (typeof RUN_STATUSES)[number];
export type LiveStatus = (typeof LIVE_STATUSES)[number];
export type FinishedStatus = (typeof FINISHED_STATUSES)[number];
export type EndStatus = (typeof END_STATUSES)[number];
export type FailedStatus = (typeof FAILED_STATUSES)[number];
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];

const member =
  <T extends string>(group: readonly T[]) =>
  (status: string): status is T =>
    (group as readonly string[]).includes(status);

/** Queued, running or paused: a process owns the run and may still change it. */
export const isLive: (status: string) => status is LiveStatus = member(LIVE_STATUSES);
/** The run is over. */
export const isFinished: (status: string) => status is FinishedStatus = member(FINISHED_STATUSES);
/** The run ended by failing, diverging or losing its process. */
export const isFailed: (status: string) => status is FailedStatus = member(FAILED_STATUSES);
/** Completed or diverged: the run's figures count as the outcome of its configuration. */
export const isOutcome: (status: string) => status is OutcomeStatus = member(OUTCOME_STATUSES);
/**
 * The run ended without the user asking it to (completed, failed or diverged while training): worth a
 * notification. `stopped` was the user's doing; `interrupted` is found at start-up, not as it happens.
 */
export function endedByItself(status: string): boolean {
  return status === 'completed' || status === 'failed' || status === 'diverged';
}
