/**
 * The workbench's gradient check, in a trainer process of its own: at batch 100 the numerical gradient
 * takes a few tenths of a second, at larger networks minutes, and the backend (Electron's main process,
 * `descent serve`) must stay free for the window and the runs meanwhile. Checks are bounded like runs:
 * one at a time per process, each with a time limit, cancelled when the client goes away or the backend
 * stops (a killed check's process never outlives it).
 */
import { randomBytes } from 'node:crypto';
import type { GradientCheckReport } from '../../shared/api';
import type { RunConfig } from '../../shared/config';
import type { TrainerHost } from './trainer-host';
import { ConflictError, UnavailableError } from '../../shared/errors';

export interface GradientCheckRequest {
  readonly config: RunConfig & { seed: number };
  readonly batch: number;
  /** The dataset's folder, resolved by the host (bundled MNIST differs when packaged). */
  readonly dataPath: string;
}

/** How long a check may take before its process is killed (the book's network takes well under a second). */
export const GRADIENT_CHECK_TIMEOUT_MS = 5 * 60_000;

/**
 * Checks run at once in one process: one. Each is a trainer process on top of the runs (which already
 * take the cores the concurrency limit allows), and the user waits for its answer.
 */
export const GRADIENT_CHECKS_AT_ONCE = 1;

/** How a check may end early: cancelled by its caller (`signal`), or past `timeoutMs`. */
export interface GradientCheckLimits {
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
}

/**
 * Starts a trainer, asks it for the check, and resolves with its report (or rejects with its reason). An
 * abort of `signal` or the time limit kills the trainer and rejects saying which.
 */
export function gradientCheckInTrainer(
  host: TrainerHost,
  request: GradientCheckRequest,
  limits: GradientCheckLimits = {},
): Promise<GradientCheckReport> {
  const { signal, timeoutMs = GRADIENT_CHECK_TIMEOUT_MS } = limits;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelled(abortReason(signal)));
      return;
    }
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const stop = (error: Error | string): void =>
      settle(() => {
        handle.kill();
        reject(typeof error === 'string' ? new Error(error) : error);
      });
    const onAbort = (): void => stop(cancelled(abortReason(signal!)));
    const handle = host.spawn(`gradcheck-${randomBytes(4).toString('hex')}`, {
      onMessage: (message) => {
        if (message.type === 'ready') handle.send({ type: 'gradcheck', ...request });
        else if (message.type === 'gradcheck-result') settle(() => resolve(message.report));
        else if (message.type === 'failed' || message.type === 'rejected') settle(() => reject(new Error(message.message)));
      },
      onMalformed: (error) => stop(`the gradient check's process sent a ${error}`),
      onExit: ({ code, signal: killedBy }) =>
        settle(() =>
          reject(new Error(`the gradient check's process ended (${killedBy ?? `exit code ${code}`}) before its result`)),
        ),
    });
    const timer = setTimeout(
      () => stop(`the gradient check took longer than ${formatSeconds(timeoutMs)} and was stopped`),
      timeoutMs,
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** A check given up because its caller cancelled it (the client went away, the backend stops). */
function cancelled(reason: string): UnavailableError {
  return new UnavailableError(`the gradient check was cancelled (${reason})`, 'backend.unavailable', { reason });
}

/** The reason an AbortSignal was aborted with, as words. */
function abortReason(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  if (typeof reason === 'string') return reason;
  return reason instanceof Error && reason.name !== 'AbortError' ? reason.message : 'aborted';
}

function formatSeconds(ms: number): string {
  return ms >= 60_000 && ms % 60_000 === 0 ? `${ms / 60_000} min` : `${ms / 1000} s`;
}

/** The gradient checks of one backend: at most GRADIENT_CHECKS_AT_ONCE at a time, all cancellable at once. */
export class GradientChecks {
  private readonly running = new Set<AbortController>();

  constructor(
    private readonly host: TrainerHost,
    private readonly timeoutMs = GRADIENT_CHECK_TIMEOUT_MS,
  ) {}

  /** Runs a check unless the limit is reached (then refuses at once); `signal` cancels it. */
  async run(request: GradientCheckRequest, signal?: AbortSignal): Promise<GradientCheckReport> {
    if (this.running.size >= GRADIENT_CHECKS_AT_ONCE) {
      throw new ConflictError(
        `a gradient check is already running (${GRADIENT_CHECKS_AT_ONCE} at a time): wait for its result`,
        'gradcheck.busy',
        { limit: GRADIENT_CHECKS_AT_ONCE },
      );
    }
    const cancel = new AbortController();
    this.running.add(cancel);
    const signals = signal ? [cancel.signal, signal] : [cancel.signal];
    try {
      return await gradientCheckInTrainer(this.host, request, { signal: AbortSignal.any(signals), timeoutMs: this.timeoutMs });
    } finally {
      this.running.delete(cancel);
    }
  }

  /** How many checks are running. */
  get active(): number {
    return this.running.size;
  }

  /** Cancels every running check (their processes are killed), giving `reason`. */
  cancelAll(reason: string): void {
    for (const cancel of this.running) cancel.abort(reason);
  }
}
