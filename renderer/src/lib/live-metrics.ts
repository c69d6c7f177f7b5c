/**
 * A run's live history, grown from its events. A history read from disk and the events sent meanwhile overlap (the
 * answer and the event stream travel apart): what the history already holds is skipped, so nothing is counted twice
 * and nothing sent while it was read is lost.
 */
import { spreadTimes, type RunMetrics, type WorkbenchEvent } from '../../../shared/api';

/** The live history of one run. */
export interface LiveMetrics {
  iterations: number[];
  losses: number[];
  seconds: number[];
  epochs: RunMetrics['epochs'];
}

export type ProgressEvent = Extract<WorkbenchEvent, { type: 'progress' }>;
export type EpochEvent = Extract<WorkbenchEvent, { type: 'epoch' }>;

/** Appends the batch's iterations the history does not hold yet (a run's iterations only grow); whether any were new. */
export function addProgress(live: LiveMetrics, event: ProgressEvent): boolean {
  const last = live.iterations.length ? live.iterations[live.iterations.length - 1] : -1;
  let from = 0;
  while (from < event.iterations.length && event.iterations[from] <= last) from++;
  const count = event.iterations.length - from;
  if (count === 0) return false;
  const previousEnd = live.seconds.length ? live.seconds[live.seconds.length - 1] : 0;
  for (let k = from; k < event.iterations.length; k++) {
    live.iterations.push(event.iterations[k]);
    live.losses.push(event.losses[k]);
  }
  live.seconds.push(...spreadTimes(Number.isNaN(previousEnd) ? 0 : previousEnd, event.seconds, count));
  return true;
}

/** Appends the measurement unless the history holds it (one per iteration, in order); whether it was new. */
export function addEpoch(live: LiveMetrics, event: EpochEvent): boolean {
  const last = live.epochs.length ? live.epochs[live.epochs.length - 1] : undefined;
  if (last && event.epoch.iteration <= last.iteration) return false;
  live.epochs.push(event.epoch);
  return true;
}
