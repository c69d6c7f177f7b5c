/**
 * The runs table's columns: the run itself (name, status), one per configuration field, and the figures a run
 * ends with (final and best test accuracy, mean loss of the last 100, time). Which configuration columns show by
 * default: those whose value varies among the runs in view. Pure.
 */
import { showConfigValue } from '../../../shared/config-phrase';
import type { RunRecord } from '../../../shared/run-record';
import { CONFIG_FIELDS } from './compare';
import { formatDuration } from './duration';
import { bestSoFar } from './run-card';

/** A cell's value: a number, a text, or null when the run has none (still training, diverged, never measured). */
export type CellValue = number | string | null;

export type ColumnKind = 'run' | 'param' | 'metric';

/** One column of the runs table. */
export interface RunColumn {
  readonly id: string;
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

const paramColumns: RunColumn[] = CONFIG_FIELDS.map(([field, label]) => ({
  id: field,
  label,
  kind: 'param',
  numeric: NUMERIC_FIELDS.has(field),
  value: (run: RunRecord): CellValue => {
    const v = run.config[field];
    if (field === 'trainSize' && v === null) return 'all';
    return typeof v === 'number' ? v : showConfigValue(v);
  },
  format: text,
}));

/** Every column, in the order the table shows them: the run, its configuration, its figures. */
export const RUN_COLUMNS: readonly RunColumn[] = [
  { id: 'name', label: 'run', kind: 'run', numeric: false, value: (r) => r.name, format: text },
  { id: 'status', label: 'status', kind: 'run', numeric: false, value: (r) => r.status, format: text },
  ...paramColumns,
  { id: 'testAcc', label: 'final test acc', kind: 'metric', numeric: true, value: finalTestAcc, format: fixed(4) },
  {
    id: 'bestTestAcc',
    label: 'best test acc',
    kind: 'metric',
    numeric: true,
    value: (r) => bestSoFar(r, undefined),
    format: fixed(4),
  },
  {
    id: 'meanLossLast100',
    label: 'mean loss (last 100)',
    kind: 'metric',
    numeric: true,
    value: (r) => r.summary?.meanLossLast100 ?? null,
    format: fixed(4),
  },
  { id: 'seconds', label: 'time', kind: 'metric', numeric: true, value: (r) => r.summary?.seconds ?? null, format: duration },
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
