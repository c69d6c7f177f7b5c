/**
 * Exports of run histories: one tidy CSV for any number of runs (one row per run and iteration, the
 * hyperparameters in columns), and JSON.
 * Pure functions, so the CLI, the app's main process and the renderer produce identical files.
 */
import { csvField } from './csv';
import { SmoothingStep } from './smoothing';

/** What an export needs of one run. */
export interface RunHistory {
  readonly id: string;
  readonly name: string;
  /** The run's configuration: each field becomes a column (hyperparameters travel with every row). */
  readonly config?: Readonly<Record<string, unknown>>;
  readonly iterations: readonly number[];
  readonly losses: readonly number[];
  readonly epochs: ReadonlyArray<{ iteration: number; epoch: number; trainAcc: number; testAcc: number }>;
}

/** RFC 4180 quoting, and text a spreadsheet would run as a formula made inert (shared/csv.ts). */
export { csvField };

/**
 * Config fields in column order, with their column names (snake_case, as pandas and R users write them).
 * Fields not listed here (added to the config later) follow, their names converted the same way.
 */
const CONFIG_COLUMNS: ReadonlyArray<[string, string]> = [
  ['dataset', 'dataset'],
  ['layers', 'layers'],
  ['activation', 'activation'],
  ['weightInit', 'weight_init'],
  ['loss', 'loss_function'],
  ['gradient', 'gradient'],
  ['optimizer', 'optimizer'],
  ['learningRate', 'learning_rate'],
  ['batchSize', 'batch_size'],
  ['iterations', 'iterations'],
  ['trainSize', 'train_size'],
  ['dtype', 'dtype'],
  ['lossTiming', 'loss_timing'],
  ['seed', 'seed'],
];

const snakeCase = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A config value as one cell: layers as 784-50-10, "all images" (null) as empty. */
function configCell(value: unknown): string {
  if (Array.isArray(value)) return csvField(value.join('-'));
  if (typeof value === 'number' || typeof value === 'string') return csvField(value);
  if (typeof value === 'boolean') return String(value);
  return '';
}

/** The smoothing weight `loss_smoothed` uses unless told otherwise: the UI's default. */
export const DEFAULT_EXPORT_SMOOTHING = 0.6;

/**
 * A tidy CSV, analysable without parsing names: one row per run and iteration, columns
 * `run, name, <one per config field of any run>, iteration, epoch, loss, loss_smoothed, smoothing,
 * train_acc, test_acc`. Values are the raw recorded ones (every iteration, not the plotted reduction);
 * `loss_smoothed` is the UI's debiased exponential smoothing at weight `smoothing` (its own column, so the
 * raw loss stays). An accuracy measurement fills epoch, train_acc and test_acc on the row of its iteration
 * (adding a row where no loss was recorded, e.g. the final measurement after the last iteration).
 */
export function historiesToCsv(runs: readonly RunHistory[], options: { smoothing?: number } = {}): string {
  const columns = historyCsvColumns(runs);
  const lines = [historyCsvHeader(columns)];
  for (const run of runs) {
    const rows = new HistoryCsvRows(run, columns, run.epochs, options.smoothing, (line) => lines.push(line));
    run.iterations.forEach((iteration, k) => rows.loss(iteration, run.losses[k]));
    rows.end();
  }
  return `${lines.join('\n')}\n`;
}

/** What the JSON export holds of one run: its whole record, and its history as recorded. */
export interface RunHistoryJson<Run> {
  readonly run: Run;
  readonly iterations: readonly number[];
  readonly losses: readonly number[];
  readonly epochs: readonly unknown[];
}

/**
 * The JSON export of runs' histories, `[{ run, iterations, losses, epochs }, …]` indented by two spaces: the text
 * `descent export --format json` streams from the store (electron/core/store/history-export.ts).
 */
export function historiesToJson<Run>(runs: ReadonlyArray<RunHistoryJson<Run>>): string {
  const whole = runs.map(({ run, iterations, losses, epochs }) => ({ run, iterations, losses, epochs }));
  return `${JSON.stringify(whole, null, 2)}\n`;
}

/** The config columns of a history CSV of these runs (see `historiesToCsv`). */
export function historyCsvColumns(runs: ReadonlyArray<{ config?: Readonly<Record<string, unknown>> }>): Array<[string, string]> {
  return configColumns(runs);
}

/** The header line of a history CSV with these config columns. */
export function historyCsvHeader(columns: ReadonlyArray<[string, string]>): string {
  return [
    'run',
    'name',
    ...columns.map(([, column]) => column),
    'iteration',
    'epoch',
    'loss',
    'loss_smoothed',
    'smoothing',
    'train_acc',
    'test_acc',
  ].join(',');
}

/**
 * One run's rows of a history CSV, made as its losses arrive in iteration order and handed to `emit` one
 * line at a time, so that a history of any length is exported without being held (`descent export`
 * streams it from the file). The accuracy measurements, which are few, are given up front: each fills the
 * row of its iteration, or gets a row of its own where no loss was recorded.
 */
export class HistoryCsvRows {
  private readonly head: string;
  private readonly weight: number;
  private readonly smoothing: SmoothingStep;
  /** Measurements by iteration, ascending (the last of several at one iteration), and the next one due. */
  private readonly epochs: Array<{ iteration: number; epoch: number; trainAcc: number; testAcc: number }>;
  private nextEpoch = 0;

  constructor(
    run: { readonly id: string; readonly name: string; readonly config?: Readonly<Record<string, unknown>> },
    columns: ReadonlyArray<[string, string]>,
    epochs: RunHistory['epochs'],
    smoothing: number | undefined,
    private readonly emit: (line: string) => void,
  ) {
    this.weight = smoothing ?? DEFAULT_EXPORT_SMOOTHING;
    this.smoothing = new SmoothingStep(this.weight);
    this.head = [csvField(run.id), csvField(run.name), ...columns.map(([field]) => configCell(run.config?.[field]))].join(',');
    this.epochs = [...new Map(epochs.map((e) => [e.iteration, e])).values()].sort((a, b) => a.iteration - b.iteration);
  }

  /** The row of the next recorded loss (iterations ascending). */
  loss(iteration: number, loss: number): void {
    this.epochRowsBefore(iteration);
    const e = this.epochs[this.nextEpoch]?.iteration === iteration ? this.epochs[this.nextEpoch++] : undefined;
    this.row(iteration, e, loss, this.smoothing.next(loss));
  }

  /** The rows of measurements after the last loss. */
  end(): void {
    this.epochRowsBefore(Number.POSITIVE_INFINITY);
  }

  private epochRowsBefore(iteration: number): void {
    while (this.nextEpoch < this.epochs.length && this.epochs[this.nextEpoch].iteration < iteration) {
      const e = this.epochs[this.nextEpoch++];
      this.row(e.iteration, e, null, null);
    }
  }

  private row(
    iteration: number,
    e: RunHistory['epochs'][number] | undefined,
    loss: number | null,
    smoothed: number | null,
  ): void {
    const values = [iteration, e?.epoch ?? null, loss, smoothed, this.weight, e?.trainAcc ?? null, e?.testAcc ?? null];
    this.emit(`${this.head},${values.map(csvField).join(',')}`);
  }
}

/** A column for every config field that any of the runs has, known fields first in their usual order. */
function configColumns(runs: ReadonlyArray<{ config?: Readonly<Record<string, unknown>> }>): Array<[string, string]> {
  const present = new Set(
    runs.flatMap((run) =>
      Object.entries(run.config ?? {})
        .filter(([, v]) => isCellValue(v))
        .map(([k]) => k),
    ),
  );
  return [
    ...CONFIG_COLUMNS.filter(([field]) => present.has(field)),
    ...[...present]
      .filter((f) => !CONFIG_COLUMNS.some(([known]) => known === f))
      .sort()
      .map((f): [string, string] => [f, snakeCase(f)]),
  ];
}

function isCellValue(value: unknown): boolean {
  return (
    value === null ||
    ['number', 'string', 'boolean'].includes(typeof value) ||
    (Array.isArray(value) && value.every((v) => typeof v === 'number'))
  );
}

/** What a summary export needs of one run: its identity, configuration and final figures. */
export interface RunOutcome {
  readonly id: string;
  readonly name: string;
  readonly config?: Readonly<Record<string, unknown>>;
  readonly status: string;
  /** "did not learn", "diverged" or empty. */
  readonly verdict: string;
  readonly finalLoss: number | null;
  readonly meanLossLast100: number | null;
  readonly trainAcc: number | null;
  readonly testAcc: number | null;
}

/**
 * One row per run: `run, name, <config columns>, status, verdict, final_loss, mean_loss_last100, train_acc,
 * test_acc` — the data of a sweep's result chart, tidy like the histories.
 */
export function outcomesToCsv(runs: readonly RunOutcome[]): string {
  const columns = configColumns(runs);
  const lines = [
    [
      'run',
      'name',
      ...columns.map(([, column]) => column),
      'status',
      'verdict',
      'final_loss',
      'mean_loss_last100',
      'train_acc',
      'test_acc',
    ].join(','),
  ];
  for (const run of runs) {
    const values = [run.status, run.verdict, run.finalLoss, run.meanLossLast100, run.trainAcc, run.testAcc];
    lines.push(
      [
        csvField(run.id),
        csvField(run.name),
        ...columns.map(([field]) => configCell(run.config?.[field])),
        ...values.map(csvField),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
