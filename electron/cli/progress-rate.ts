import { durationParts } from '../../shared/duration';
import { englishDuration } from './format';

/**
 * A run's speed and time left for its progress bar, on the trainer's clock (each event's `seconds`), not
 * the CLI's: time spent queued, spawning the trainer or loading the data is not training.
 *
 * - `speed` is the training step's own pace, as the summary's it/s is (iterations / training seconds):
 *   a progress event that an evaluation follows carries that evaluation's time, so its interval is left
 *   out.
 * - `eta` is the overall pace since the first event, evaluations included (they recur to the end), and
 *   is given only once a speed has been measured: a guess from the first 50 ms is not shown.
 */
export class ProgressRate {
  private first: { done: number; seconds: number } | undefined;
  private last: { done: number; seconds: number } | undefined;
  /** The latest interval, counted once the next event shows no evaluation ended it. */
  private pending: { iterations: number; seconds: number } | undefined;
  private readonly clean = { iterations: 0, seconds: 0 };

  /** A progress event: `done` iterations finished, `seconds` after the run started. */
  progress(done: number, seconds: number): void {
    if (this.pending) {
      this.clean.iterations += this.pending.iterations;
      this.clean.seconds += this.pending.seconds;
    }
    this.pending = this.last ? { iterations: done - this.last.done, seconds: seconds - this.last.seconds } : undefined;
    this.first ??= { done, seconds };
    this.last = { done, seconds };
  }

  /** An evaluation ended the interval just reported: it is not training time. */
  epoch(): void {
    this.pending = undefined;
  }

  /** Iterations per second of training, or undefined until an interval without evaluation is measured. */
  get speed(): number | undefined {
    return this.clean.seconds > 0 ? this.clean.iterations / this.clean.seconds : undefined;
  }

  /** Seconds until `total` iterations at the pace so far, or undefined while there is no speed yet. */
  eta(total: number): number | undefined {
    if (this.speed === undefined || !this.first || !this.last || this.last.seconds <= this.first.seconds) return undefined;
    const pace = (this.last.done - this.first.done) / (this.last.seconds - this.first.seconds);
    return pace > 0 ? Math.max(0, total - this.last.done) / pace : undefined;
  }
}

/** Whole seconds for a countdown: "8 s", "2 min 05 s", "1 h 03 min". */
export function countdown(seconds: number): string {
  return englishDuration(durationParts(seconds, { countdown: true }));
}
