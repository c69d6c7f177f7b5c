/**
 * `descent export` of runs of any length: the tidy CSV and the JSON of shared/export.ts's formats, written
 * piece by piece while each run's metrics file is read, never holding a history (a 10 000 000-iteration
 * run's CSV is over a gigabyte: more than one JavaScript string can hold). The measurements, which are
 * few, are taken first (`epochsOf`, e.g. from the run's tally); then each pass over the file streams.
 */
import { HistoryCsvRows, historyCsvColumns, historyCsvHeader } from '../../../shared/export';
import type { EpochMeasurement } from '../../../shared/metrics';
import type { RunRecord } from '../../../shared/run-record';
import { ChunkedWriter } from './metrics-stream';
import type { RunStore } from './run-store';

/** What a streamed export needs: the store, the runs, each run's measurements, and where the text goes. */
export interface HistoryExport {
  readonly store: RunStore;
  readonly runs: readonly RunRecord[];
  readonly epochsOf: (run: RunRecord) => EpochMeasurement[];
  readonly write: (text: string) => void;
}

/** The CSV `historiesToCsv` makes of these runs, streamed. */
export function writeHistoriesCsv({ store, runs, epochsOf, write }: HistoryExport): void {
  const out = new ChunkedWriter(write);
  const columns = historyCsvColumns(runs);
  out.add(`${historyCsvHeader(columns)}\n`);
  for (const run of runs) {
    const rows = new HistoryCsvRows(run, columns, epochsOf(run), undefined, (line) => out.add(`${line}\n`));
    store.scanMetrics(run.id, {
      progress: (line) => line.iterations.forEach((iteration, k) => rows.loss(iteration, line.losses[k])),
      epoch: () => undefined,
    });
    rows.end();
  }
  out.flush();
}

/**
 * The JSON export, streamed: `[{ run, iterations, losses, epochs }, …]` as `stringify(value, 2)` would
 * print it (`stringify` is JSON.stringify or a variant that escapes more), two passes per run.
 */
export function writeHistoriesJson(
  { store, runs, epochsOf, write }: HistoryExport,
  stringify: (value: unknown, indent: number) => string,
): void {
  const out = new ChunkedWriter(write);
  // Nested two levels down: each line of a value printed on its own gets four more spaces.
  const nested = (value: unknown): string => stringify(value, 2).replace(/\n/g, '\n    ');
  const numbers = (name: string, run: RunRecord, pick: (line: { iterations: number[]; losses: number[] }) => number[]): void => {
    out.add(`    "${name}": [`);
    let first = true;
    store.scanMetrics(run.id, {
      progress: (line) => {
        for (const value of pick(line)) {
          out.add(`${first ? '' : ','}\n      ${JSON.stringify(value)}`);
          first = false;
        }
      },
      epoch: () => undefined,
    });
    out.add(first ? '],\n' : '\n    ],\n');
  };
  if (runs.length === 0) out.add('[]');
  runs.forEach((run, index) => {
    out.add(`${index === 0 ? '[\n' : ',\n'}  {\n    "run": ${nested(run)},\n`);
    numbers('iterations', run, (line) => line.iterations);
    numbers('losses', run, (line) => line.losses);
    out.add(`    "epochs": ${nested(epochsOf(run))}\n  }`);
  });
  if (runs.length > 0) out.add('\n]');
  out.add('\n');
  out.flush();
}
