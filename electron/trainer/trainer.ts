/**
 * The trainer: one run (or one gradient check) per process, driven by the protocol of shared/protocol.ts. It knows nothing of
 * the transport: a `TrainerPort` adapts Electron's `process.parentPort` or Node's `process.send`.
 */
import { hostMessageSchema, parseMessage, type TrainerMessage } from '../../shared/protocol';
import { PauseGate } from '../core/pause-gate';
import { runTrainingSession } from '../core/training-session';
import { checkGradients } from '../core/gradient-check';
import { errorMessage } from '../../shared/errors';

/** The two directions of a trainer's message channel. */
export interface TrainerPort {
  send(message: TrainerMessage): void;
  onMessage(handler: (value: unknown) => void): void;
}

/** Serves one run on `port`; calls `exit` with the process exit code when it is over. */
export function serveTrainer(port: TrainerPort, exit: (code: number) => void): void {
  const stop = new AbortController();
  const pause = new PauseGate();
  let started = false;

  /** A trainer does one job, a run or a gradient check: its result (or failure) is its last message. */
  const startJob = (job: () => Promise<TrainerMessage>): void => {
    if (started) {
      port.send({ type: 'rejected', message: 'a trainer does one job (a run or a gradient check); it has started already' });
      return;
    }
    started = true;
    job().then(
      (result) => {
        port.send(result);
        exit(0);
      },
      (error: unknown) => {
        port.send({ type: 'failed', message: errorMessage(error) });
        exit(1);
      },
    );
  };

  port.onMessage((value) => {
    const parsed = parseMessage(hostMessageSchema, value);
    if (!parsed.ok) {
      port.send({ type: 'rejected', message: parsed.error });
      return;
    }
    const message = parsed.message;
    switch (message.type) {
      case 'start':
        startJob(() =>
          runTrainingSession(message.config, {
            runId: message.runId,
            dataPath: message.dataPath,
            weightsPath: message.weightsPath,
            signal: stop.signal,
            pause,
            listener: {
              onProgress: (batch) =>
                port.send({ type: 'progress', iterations: batch.iterations, losses: batch.losses, seconds: batch.seconds }),
              onEpoch: (e) =>
                port.send({
                  type: 'epoch',
                  iteration: e.iteration,
                  epoch: e.epoch,
                  trainAcc: e.trainAcc,
                  testAcc: e.testAcc,
                  seconds: e.seconds,
                }),
              // Acknowledged when the loop holds, not when asked: after it, no progress comes until resumed.
              onPaused: () => port.send({ type: 'paused' }),
            },
          }).then((summary) => ({ type: 'done', summary })),
        );
        return;
      case 'gradcheck':
        startJob(() =>
          checkGradients(message.config, message.batch, 'incremental', message.dataPath).then((report) => ({
            type: 'gradcheck-result',
            report,
          })),
        );
        return;
      case 'pause':
        pause.pause();
        return;
      case 'resume':
        pause.resume();
        port.send({ type: 'resumed' });
        return;
      case 'stop':
        stop.abort();
        pause.resume();
        if (!started) exit(0);
        return;
    }
  });
  port.send({ type: 'ready' });
}
