/**
 * Exports of run histories: one tidy CSV for any number of runs (one row per run and iteration, the
 * hyperparameters in columns), and JSON.
 * Pure functions, so the CLI, the app's main process and the renderer produce identical files.
 */
import { csvField } from './csv';
import { smoothed } from './smoothing';

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
  ['dataset', 'dataset'], ['layers', 'layers'], ['activation', 'activation'], ['weightInit', 'weight_init'],
  ['loss', 'loss_function'], ['gradient', 'gradient'], ['optimizer', 'optimizer'], ['learningRate', 'learning_rate'],
  ['batchSize', 'batch_size'], ['iterations', 'iterations'], ['trainSize', 'train_size'], ['dtype', 'dtype'],
  ['lossTiming', 'loss_timing'], ['seed', 'seed'],
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
  const weight = options.smoothing ?? DEFAULT_EXPORT_SMOOTHING;
  const columns = configColumns(runs);
  const lines = [['run', 'name', ...columns.map(([, column]) => column), 'iteration', 'epoch', 'loss', 'loss_smoothed', 'smoothing', 'train_acc', 'test_acc'].join(',')];
  for (const run of runs) {
    const epochsAt = new Map(run.epochs.map((e) => [e.iteration, e]));
    const smoothedLosses = smoothed(run.losses, weight);
    const rows = new Map<number, number | null>();
    run.iterations.forEach((iteration, k) => rows.set(iteration, k));
    for (const e of run.epochs) if (!rows.has(e.iteration)) rows.set(e.iteration, null);
    const head = [csvField(run.id), csvField(run.name), ...columns.map(([field]) => configCell(run.config?.[field]))].join(',');
    for (const iteration of [...rows.keys()].sort((a, b) => a - b)) {
      const e = epochsAt.get(iteration);
      const k = rows.get(iteration)!;
      const values = [iteration, e?.epoch ?? null, k === null ? null : run.losses[k], k === null ? null : smoothedLosses[k], weight, e?.trainAcc ?? null, e?.testAcc ?? null];
      lines.push(`${head},${values.map(csvField).join(',')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A column for every config field that any of the runs has, known fields first in their usual order. */
function configColumns(runs: ReadonlyArray<{ config?: Readonly<Record<string, unknown>> }>): Array<[string, string]> {
  const present = new Set(runs.flatMap((run) => Object.entries(run.config ?? {}).filter(([, v]) => isCellValue(v)).map(([k]) => k)));
  return [...CONFIG_COLUMNS.filter(([field]) => present.has(field)),
    ...[...present].filter((f) => !CONFIG_COLUMNS.some(([known]) => known === f)).sort().map((f): [string, string] => [f, snakeCase(f)])];
}

function isCellValue(value: unknown): boolean {
  return value === null || ['number', 'string', 'boolean'].includes(typeof value) || (Array.isArray(value) && value.every((v) => typeof v === 'number'));
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
  const lines = [['run', 'name', ...columns.map(([, column]) => column), 'status', 'verdict', 'final_loss', 'mean_loss_last100', 'train_acc', 'test_acc'].join(',')];
  for (const run of runs) {
    const values = [run.status, run.verdict, run.finalLoss, run.meanLossLast100, run.trainAcc, run.testAcc];
    lines.push([csvField(run.id), csvField(run.name), ...columns.map(([field]) => configCell(run.config?.[field])), ...values.map(csvField)].join(','));
  }
  return `${lines.join('\n')}\n`;
}
