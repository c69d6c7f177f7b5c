/**
 * The workbench's gradient check, in a trainer process of its own: at batch 100 the numerical gradient
 * takes a few tenths of a second, at larger batches seconds, and the backend (Electron's main process,
 * `descent serve`) must stay free for the window and the runs meanwhile.
 */
import { randomBytes } from 'node:crypto';
import type { GradientCheckReport } from '../../shared/api';
import type { RunConfig } from '../../shared/config';
import type { TrainerHost } from './trainer-host';

export interface GradientCheckRequest {
  readonly config: RunConfig & { seed: number };
  readonly batch: number;
  /** The dataset's folder, resolved by the host (bundled MNIST differs when packaged). */
  readonly dataPath: string;
}

/** Starts a trainer, asks it for the check, and resolves with its report (or rejects with its reason). */
export function gradientCheckInTrainer(host: TrainerHost, request: GradientCheckRequest): Promise<GradientCheckReport> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      outcome();
    };
    const handle = host.spawn(`gradcheck-${randomBytes(4).toString('hex')}`, {
      onMessage: (message) => {
        if (message.type === 'ready') handle.send({ type: 'gradcheck', ...request });
        else if (message.type === 'gradcheck-result') settle(() => resolve(message.report));
        else if (message.type === 'failed' || message.type === 'rejected') settle(() => reject(new Error(message.message)));
      },
      onMalformed: (error) => {
        settle(() => reject(new Error(`the gradient check's process sent a ${error}`)));
        handle.kill();
      },
      onExit: ({ code, signal }) =>
        settle(() => reject(new Error(`the gradient check's process ended (${signal ?? `exit code ${code}`}) before its result`))),
    });
  });
}
