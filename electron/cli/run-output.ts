/**
 * How `train` and `sweep` show runs: on a terminal, one progress bar per run (iterations, it/s, ETA,
 * loss) and the book's `train acc, test acc | …` line per epoch; with `--json`, one JSON object per
 * line, each tagged with its run id, ending with one `summary` line per run.
 */
import cliProgress from 'cli-progress';
import type { RunRecord } from '../../shared/run-record';
import type { WorkbenchEvent } from '../../shared/api';
import type { CliEpochLine, CliProgressLine, CliSummaryLine } from '../../shared/cli-lines';
import { acc, duration, printable, safeJson } from './format';
import { countdown, ProgressRate } from './progress-rate';

/** Receives a manager's events for the runs it was told about, and their final records. */
export interface RunOutput {
  /** Starts showing run `record`, labelled `label` ("lr 0.1" in a sweep, empty for a single run). */
  add(record: RunRecord, label: string): void;
  event(event: WorkbenchEvent): void;
  finish(record: RunRecord): void;
  close(): void;
}

/**
 * The `summary` line of a finished run: the trainer's summary, or what the record knows if it has none (a
 * run that failed or was stopped before it ended) — with every field of the documented line, null where
 * unknown, so that a script reading `finalLoss` or `itersPerSec` finds the key either way.
 */
export function summaryLine(record: RunRecord): CliSummaryLine {
  const base = record.summary ?? {
    runId: record.id,
    status: record.status,
    iterations: record.iterationsDone,
    trainAcc: record.lastEpoch?.trainAcc ?? null,
    testAcc: record.lastEpoch?.testAcc ?? null,
    finalLoss: null,
    meanLossLast100: null,
    seconds: null,
    itersPerSec: null,
    seed: record.config.seed,
    config: record.config,
  };
  return { type: 'summary', ...base, status: record.status, name: record.name, ...(record.error ? { error: record.error } : {}) };
}

const write = (line: string): void => void process.stdout.write(`${line}\n`);

export function jsonOutput(): RunOutput {
  return {
    add: () => {},
    event: (e) => {
      if (e.type === 'progress') {
        const line: CliProgressLine = {
          type: 'progress',
          runId: e.id,
          iterations: e.iterations,
          losses: e.losses,
          seconds: e.seconds,
        };
        write(safeJson(line));
      } else if (e.type === 'epoch') {
        const line: CliEpochLine = { type: 'epoch', runId: e.id, ...e.epoch };
        write(safeJson(line));
      } else if (e.type === 'warning') process.stderr.write(`descent: run ${e.id}: ${printable(e.message)}\n`);
    },
    finish: (record) => write(safeJson(summaryLine(record))),
    close: () => {},
  };
}

export function humanOutput(): RunOutput {
  const multibar = process.stderr.isTTY
    ? new cliProgress.MultiBar(
        {
          stream: process.stderr,
          // Speed and ETA are ours (ProgressRate, on the trainer's clock), not the bar's own estimate.
          format: ' {label}{bar} {percentage}% | {value}/{total} it | {speed} it/s | ETA {timeLeft} | loss {loss}',
          hideCursor: true,
          clearOnComplete: false,
          fps: 10,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  const runs = new Map<string, { label: string; bar?: cliProgress.SingleBar; rate: ProgressRate; total: number }>();
  // With the bars and the table on one terminal, lines go through the multibar so bars stay intact.
  const print = (line: string): void => {
    if (multibar && process.stdout.isTTY) multibar.log(`${line}\n`);
    else write(line);
  };
  return {
    add: (record, shownLabel) => {
      // Sweep labels carry flag values as typed (a --data folder can be named anything).
      const label = printable(shownLabel);
      const bar = multibar?.create(record.config.iterations, 0, {
        label: label ? `${label.padEnd(10)} ` : '',
        speed: '–',
        timeLeft: '–',
        loss: '–',
      });
      runs.set(record.id, { label, bar, rate: new ProgressRate(), total: record.config.iterations });
    },
    event: (e) => {
      const run = 'id' in e ? runs.get(e.id) : undefined;
      if (!run) return;
      if (e.type === 'progress') {
        const done = e.iterations[e.iterations.length - 1] + 1;
        // Events from the trainer carry its clock; without it there is no pace to tell (the bar still moves).
        if (e.seconds !== undefined) run.rate.progress(done, e.seconds);
        const { speed } = run.rate;
        const eta = run.rate.eta(run.total);
        run.bar?.update(done, {
          speed: speed === undefined ? '–' : Math.round(speed),
          timeLeft: eta === undefined ? '–' : countdown(eta),
          loss: e.losses[e.losses.length - 1].toFixed(4),
        });
      } else if (e.type === 'epoch') {
        run.rate.epoch();
        const { epoch, iteration, trainAcc, testAcc } = e.epoch;
        print(
          `${run.label ? `${run.label}: ` : ''}epoch ${epoch.toFixed(epoch % 1 ? 2 : 0).padStart(5)} · iteration ${String(iteration).padStart(7)} · ` +
            `train acc, test acc | ${acc(trainAcc)}, ${acc(testAcc)}`,
        );
      } else if (e.type === 'warning') {
        print(`warning: ${printable(e.message)}`);
      }
    },
    finish: (record) => {
      const run = runs.get(record.id);
      const s = record.summary;
      // The bar's last word is the summary's figure, so the two never disagree.
      if (s?.itersPerSec !== undefined)
        run?.bar?.update(record.iterationsDone, { speed: Math.round(s.itersPerSec), timeLeft: '0 s' });
      run?.bar?.stop();
      const who = run?.label ? `${run.label}: ` : '';
      if (!s) {
        print(`${who}${record.status}: ${printable(record.error ?? '')} (run ${record.id})`);
        return;
      }
      const tail = record.status === 'diverged' ? ` at iteration ${s.divergedAt} (loss not finite)` : '';
      print(
        `${who}${record.status}${tail}: ${record.iterationsDone} iterations in ${duration(s.seconds)} ` +
          `(training ${duration(s.trainSeconds)} at ${Math.round(s.itersPerSec)} it/s, evaluation ${duration(s.evalSeconds)}, ` +
          `loading ${duration(s.loadSeconds)})`,
      );
      const loss = s.meanLossLast100 == null ? '–' : s.meanLossLast100.toFixed(4);
      const last = record.lastEpoch;
      if (record.status === 'diverged') {
        // The final weights are not finite: only the last measurement before that can be shown.
        const at = last
          ? `last measured at iteration ${last.iteration}: train acc ${acc(last.trainAcc)} · test acc ${acc(last.testAcc)}`
          : 'never measured';
        print(`${who}weights no longer finite; ${at} · mean loss of last 100 ${loss} · run ${record.id}`);
        return;
      }
      print(
        `${who}final: train acc ${acc(last?.trainAcc ?? null)} · test acc ${acc(last?.testAcc ?? null)} · mean loss of last 100 ${loss} · run ${record.id}`,
      );
    },
    close: () => {
      // stop() alone drops lines logged since the last redraw (the summary lines): redraw once first.
      multibar?.update();
      multibar?.stop();
    },
  };
}
