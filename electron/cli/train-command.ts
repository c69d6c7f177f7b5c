/** `descent train`: one run of the book's loop, with a progress bar and epoch table, or JSON lines. */
import cliProgress from 'cli-progress';
import { pickSeed } from '../../shared/engine/rng';
import type { RunConfig } from '../../shared/config';
import type { RunSummary } from '../../shared/summary';
import { newRunId } from '../core/run-id';
import { DatasetMismatchError, runTrainingSession, type SessionListener } from '../core/training-session';
import { acc, describeConfig, duration } from './format';
import { describeForCli, UsageError } from './train-flags';

export interface TrainOptions {
  readonly json: boolean;
  readonly name?: string;
}

/** One JSON object per line on stdout: the `--json` contract of DESIGN.md. */
function jsonLine(value: object): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** Trains `config` and prints as asked; resolves to the summary. Ctrl-C stops the run as `stopped`. */
export async function trainCommand(config: RunConfig, options: TrainOptions): Promise<RunSummary> {
  const seeded = { ...config, seed: config.seed ?? pickSeed() };
  const runId = newRunId();
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const output = options.json ? jsonOutput() : humanOutput(seeded);
  try {
    const summary = await runTrainingSession(seeded, { runId, listener: output.listener, signal: stop.signal });
    output.finish(summary);
    return summary;
  } catch (error) {
    output.abandon();
    if (error instanceof DatasetMismatchError) throw new UsageError(error.issues.map(describeForCli).join('\n'));
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

interface Output {
  listener: SessionListener;
  finish(summary: RunSummary): void;
  abandon(): void;
}

function jsonOutput(): Output {
  return {
    listener: {
      onProgress: (batch) => jsonLine({ type: 'progress', iterations: batch.iterations, losses: batch.losses }),
      onEpoch: (e) => jsonLine({ type: 'epoch', iteration: e.iteration, epoch: e.epoch, trainAcc: e.trainAcc, testAcc: e.testAcc }),
    },
    finish: (summary) => jsonLine({ type: 'summary', ...summary }),
    abandon: () => {},
  };
}

/**
 * A progress bar (iterations, it/s, ETA, current loss) on stderr when it is a terminal, and the
 * book's `train acc, test acc | …` line per epoch on stdout.
 */
function humanOutput(config: RunConfig & { seed: number }): Output {
  const out = (line: string): void => void process.stdout.write(`${line}\n`);
  out(`Training ${describeConfig(config)} · seed ${config.seed}`);
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar(
        {
          stream: process.stderr,
          format: ' {bar} {percentage}% | {value}/{total} it | {speed} it/s | ETA {eta_formatted} | loss {loss}',
          hideCursor: true,
          clearOnComplete: true,
          etaBuffer: 200,
          fps: 10,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  bar?.start(config.iterations, 0, { speed: '–', loss: '–' });
  const startedAt = performance.now();
  // With both streams on one terminal, clear the bar's line before printing a table line.
  const print = (line: string): void => {
    if (bar && process.stdout.isTTY) process.stderr.write('\r\x1b[K');
    out(line);
  };
  return {
    listener: {
      onProgress: (batch) => {
        const done = batch.iterations[batch.iterations.length - 1] + 1;
        const speed = Math.round(done / ((performance.now() - startedAt) / 1000));
        bar?.update(done, { speed, loss: batch.losses[batch.losses.length - 1].toFixed(4) });
      },
      onEpoch: (e) =>
        print(`epoch ${e.epoch.toFixed(e.epoch % 1 ? 2 : 0).padStart(5)} · iteration ${String(e.iteration).padStart(7)} · ` +
          `train acc, test acc | ${acc(e.trainAcc)}, ${acc(e.testAcc)}`),
    },
    finish: (s) => {
      bar?.stop();
      const loss = s.meanLossLast100 === null ? '–' : s.meanLossLast100.toFixed(4);
      const tail = s.status === 'diverged' ? ` at iteration ${s.divergedAt} (loss not finite)` : '';
      out(`${s.status}${tail}: ${s.iterations} iterations in ${duration(s.seconds)} ` +
        `(training ${duration(s.trainSeconds)} at ${Math.round(s.itersPerSec)} it/s, evaluation ${duration(s.evalSeconds)}, ` +
        `loading ${duration(s.loadSeconds)})`);
      out(`final: train acc ${acc(s.trainAcc)} · test acc ${acc(s.testAcc)} · mean loss of last 100 ${loss} · run ${s.runId}`);
    },
    abandon: () => bar?.stop(),
  };
}
