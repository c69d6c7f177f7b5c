/**
 * The runs table's columns: the run itself (name, status), one per configuration field, and the figures a run
 * ends with (final and best test accuracy, mean loss of the last 100, time). Which configuration columns show by
 * default: those whose value varies among the runs in view. Pure.
 */
import { showConfigValue } from '../../../shared/config-phrase';
import { RUN_STATUSES, type RunRecord, type RunStatus } from '../../../shared/run-record';
import type { SeededRunConfig } from '../../../shared/summary';
import { formatDuration } from './duration';
import { t, type MessageKey } from './i18n';
import { bestSoFar } from './run-card';
import { shownName } from './run-name';
import { statusText } from './status-text';

const isRunStatus = (value: string): value is RunStatus => (RUN_STATUSES as readonly string[]).includes(value);

/** A cell's value: a number, a text, or null when the run has none (still training, diverged, never measured). */
export type CellValue = number | string | null;

export type ColumnKind = 'run' | 'param' | 'metric';

/** One column of the runs table. */
export interface RunColumn {
  readonly id: string;
  /** The column's heading in the page's language. */
  readonly label: string;
  readonly kind: ColumnKind;
  /** The run's value in this column. */
  readonly value: (run: RunRecord) => CellValue;
  /** A value as the cell shows it. */
  readonly format: (value: CellValue) => string;
  /** Numbers compare as numbers in filters and sorting (ranges like `>0.9` make sense). */
  readonly numeric: boolean;
}

/** How a missing value reads in a cell. */
export const MISSING = '–';

/** The value of `trainSize` when a run trains on every image. */
const ALL_IMAGES = 'all';

const text = (value: CellValue): string => (value === null ? MISSING : String(value));
const fixed =
  (digits: number) =>
  (value: CellValue): string =>
    typeof value === 'number' ? (Number.isFinite(value) ? value.toFixed(digits) : String(value)) : text(value);
const duration = (value: CellValue): string => (typeof value === 'number' ? formatDuration(value) : text(value));

/** Configuration fields whose values are numbers (layers and weight init may be text: "784-50-10", "he"). */
const NUMERIC_FIELDS = new Set(['learningRate', 'batchSize', 'iterations', 'trainSize', 'seed']);

/** The final test accuracy: the trainer's summary, or the latest measurement while the run trains. */
export function finalTestAcc(run: RunRecord): number | null {
  return run.summary?.testAcc ?? run.lastEpoch?.testAcc ?? null;
}

/** Configuration fields in the compare view's diff order, with their headings. */
const PARAM_LABELS: Array<[keyof SeededRunConfig, MessageKey]> = [
  ['layers', 'runsView.column.layers'],
  ['activation', 'runsView.column.activation'],
  ['weightInit', 'runsView.column.weightInit'],
  ['loss', 'runsView.column.loss'],
  ['gradient', 'runsView.column.gradient'],
  ['optimizer', 'runsView.column.optimizer'],
  ['learningRate', 'runsView.column.learningRate'],
  ['batchSize', 'runsView.column.batchSize'],
  ['iterations', 'runsView.column.iterations'],
  ['trainSize', 'runsView.column.trainSize'],
  ['dtype', 'runsView.column.dtype'],
  ['lossTiming', 'runsView.column.lossTiming'],
  ['seed', 'runsView.column.seed'],
  ['dataset', 'runsView.column.dataset'],
];

/** A column whose heading is read in the page's language each time it is shown. */
function column(key: MessageKey, rest: Omit<RunColumn, 'label'>): RunColumn {
  return {
    ...rest,
    get label() {
      return t(key);
    },
  };
}

const paramColumns: RunColumn[] = PARAM_LABELS.map(([field, key]) =>
  column(key, {
    id: field,
    kind: 'param',
    numeric: NUMERIC_FIELDS.has(field),
    value: (run: RunRecord): CellValue => {
      const v = run.config[field];
      if (field === 'trainSize' && v === null) return ALL_IMAGES;
      return typeof v === 'number' ? v : showConfigValue(v);
    },
    // Every training image: a value of its own (not a missing one), said in words.
    format: (value) => (value === ALL_IMAGES ? t('runsView.column.allImages') : text(value)),
  }),
);

/** Every column, in the order the table shows them: the run, its configuration, its figures. */
export const RUN_COLUMNS: readonly RunColumn[] = [
  column('runsView.column.name', { id: 'name', kind: 'run', numeric: false, value: (r) => shownName(r), format: text }),
  column('runsView.column.status', {
    id: 'status',
    kind: 'run',
    numeric: false,
    value: (r) => r.status,
    format: (value) => (typeof value === 'string' && isRunStatus(value) ? statusText(value) : text(value)),
  }),
  ...paramColumns,
  column('runsView.column.testAcc', { id: 'testAcc', kind: 'metric', numeric: true, value: finalTestAcc, format: fixed(4) }),
  column('runsView.column.bestTestAcc', {
    id: 'bestTestAcc',
    kind: 'metric',
    numeric: true,
    value: (r) => bestSoFar(r, undefined),
    format: fixed(4),
  }),
  column('runsView.column.meanLossLast100', {
    id: 'meanLossLast100',
    kind: 'metric',
    numeric: true,
    value: (r) => r.summary?.meanLossLast100 ?? null,
    format: fixed(4),
  }),
  column('runsView.column.seconds', {
    id: 'seconds',
    kind: 'metric',
    numeric: true,
    value: (r) => r.summary?.seconds ?? null,
    format: duration,
  }),
];

/** The column with `id`, or undefined. */
export function columnById(id: string): RunColumn | undefined {
  return RUN_COLUMNS.find((c) => c.id === id);
}

/** Ids of the configuration columns whose shown value differs among `runs` (the hyperparameters that vary). */
export function varyingColumns(runs: readonly RunRecord[]): Set<string> {
  return new Set(
    RUN_COLUMNS.filter((c) => c.kind === 'param' && new Set(runs.map((r) => c.format(c.value(r)))).size > 1).map((c) => c.id),
  );
}

/**
 * The columns shown: by default the run's own columns, the configuration fields that vary and every figure; the
 * user's choices (`chosen`: column id → shown or not) win over the default.
 */
export function shownColumns(varying: ReadonlySet<string>, chosen: Readonly<Record<string, boolean>>): RunColumn[] {
  return RUN_COLUMNS.filter((c) => (Object.hasOwn(chosen, c.id) ? chosen[c.id] : c.kind !== 'param' || varying.has(c.id)));
}
