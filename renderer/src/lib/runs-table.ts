/**
 * The runs table's rows: the runs passing every column filter, repeat groups (configurations that differ only by
 * seed) collapsed to one row of mean ± sd and expandable, sorted by one column with missing values last in either
 * direction; which runs a click on a row selects; the table as CSV. Pure.
 */
import { csvField } from '../../../shared/csv';
import { groupRepeats, type RepeatGroup } from '../../../shared/repeat-groups';
import type { RunRecord } from '../../../shared/run-record';
import { isOutcome } from '../../../shared/run-status';
import { describeSample, type SampleSummary } from '../../../shared/stats/sample';
import { parseColumnFilter } from './column-filter';
import { PAGE_PHRASES } from './compare';
import { t } from './i18n';
import { MISSING, type CellValue, type RunColumn } from './runs-table-columns';

export type SortDirection = 'ascending' | 'descending';

/** The column the rows are sorted by, and which way. */
export interface TableSort {
  readonly column: string;
  readonly direction: SortDirection;
}

/** A group row's cell: one value all its runs share, a spread of figures, or how many different values there are. */
export type GroupCell =
  | { readonly kind: 'same'; readonly value: CellValue }
  | { readonly kind: 'spread'; readonly sample: SampleSummary }
  | { readonly kind: 'mixed'; readonly count: number };

export type TableRow =
  | {
      readonly kind: 'run';
      readonly key: string;
      readonly run: RunRecord;
      /** Shown under its expanded group. */
      readonly member: boolean;
    }
  | {
      readonly kind: 'group';
      readonly key: string;
      readonly group: RepeatGroup;
      readonly expanded: boolean;
    };

export interface TableOptions {
  readonly columns: readonly RunColumn[];
  /** Filter text per column id (column-filter.ts); filters of columns not shown still apply. */
  readonly filters: Readonly<Record<string, string>>;
  readonly sort: TableSort | null;
  /** Repeat groups as one row each. */
  readonly collapse: boolean;
  /** Keys of the groups whose runs show under them. */
  readonly expanded: ReadonlySet<string>;
}

const isMissing = (value: CellValue): boolean => value === null || (typeof value === 'number' && Number.isNaN(value));

/** Numbers before texts. */
const rank = (value: CellValue): number => (typeof value === 'number' ? 0 : 1);

/**
 * The order of two cells in `direction`: numbers by value, texts by their digits as numbers ("784-100-10" after
 * "784-50-10"), numbers before texts; a missing value (null, NaN) comes last whichever the direction.
 */
export function compareCells(a: CellValue, b: CellValue, direction: SortDirection): number {
  const missingA = isMissing(a);
  const missingB = isMissing(b);
  if (missingA || missingB) return missingA === missingB ? 0 : missingA ? 1 : -1;
  const sign = direction === 'ascending' ? 1 : -1;
  if (rank(a) !== rank(b)) return sign * (rank(a) - rank(b));
  if (typeof a === 'number' && typeof b === 'number') return a === b ? 0 : sign * (a < b ? -1 : 1);
  return sign * String(a).localeCompare(String(b), 'en', { numeric: true });
}

/**
 * A group's cell in `column`: figures as mean ± sd over the runs that ended by themselves (completed or diverged,
 * as the repeat-group table counts them); other columns the value every run shares, or how many values they have.
 */
export function groupCell(group: RepeatGroup, column: RunColumn): GroupCell {
  if (column.kind === 'metric') {
    const values = group.runs
      .filter((r) => isOutcome(r.status))
      .map((r) => column.value(r))
      .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    return { kind: 'spread', sample: describeSample(values) };
  }
  const values = group.runs.map((r) => column.value(r));
  const distinct = new Set(values.map((v) => column.format(v)));
  return distinct.size === 1 ? { kind: 'same', value: values[0] } : { kind: 'mixed', count: distinct.size };
}

/** The value a row sorts by in `column`: a run's value; a group's mean, shared value, or nothing. */
export function sortValue(row: TableRow, column: RunColumn): CellValue {
  if (row.kind === 'run') return column.value(row.run);
  const cell = groupCell(row.group, column);
  return cell.kind === 'spread' ? cell.sample.mean : cell.kind === 'same' ? cell.value : null;
}

/** A group cell as text: "0.9410 ± 0.0017" (mean ± sd), "3 seeds", "2 values". */
export function groupCellText(cell: GroupCell, column: RunColumn): string {
  if (cell.kind === 'same') return column.format(cell.value);
  if (cell.kind === 'mixed')
    return column.id === 'seed'
      ? t('runsView.table.seeds', { count: cell.count })
      : t('runsView.table.values', { count: cell.count });
  const { mean, sd } = cell.sample;
  if (mean === null) return MISSING;
  return sd === null ? column.format(mean) : `${column.format(mean)} ± ${column.format(sd)}`;
}

/** The runs that pass every column filter (a filter that does not parse filters nothing: the field says why). */
export function filterRuns(runs: readonly RunRecord[], columns: readonly RunColumn[], filters: Readonly<Record<string, string>>) {
  const tests = columns.flatMap((column) => {
    const filter = parseColumnFilter(filters[column.id] ?? '');
    return filter.ok ? [{ column, test: filter.test }] : [];
  });
  return runs.filter((run) =>
    tests.every(({ column, test }) => {
      const value = column.value(run);
      return test(value, column.format(value));
    }),
  );
}

/** Sorts `rows` by `sort` (stable: ties keep their order); unsorted without one. */
function sorted<T extends TableRow>(rows: T[], columns: readonly RunColumn[], sort: TableSort | null): T[] {
  const column = sort && columns.find((c) => c.id === sort.column);
  if (!sort || !column) return rows;
  const keyed = rows.map((row, index) => ({ row, index, value: sortValue(row, column) }));
  keyed.sort((a, b) => compareCells(a.value, b.value, sort.direction) || a.index - b.index);
  return keyed.map((k) => k.row);
}

/**
 * The table's rows for `runs` (in the order given, e.g. newest first): filtered, repeat groups of two runs or
 * more collapsed (their runs below them when expanded, sorted the same way), then sorted.
 * `filterColumns` are every column a filter may name (filters of hidden columns still apply).
 */
export function tableRows(runs: readonly RunRecord[], filterColumns: readonly RunColumn[], options: TableOptions): TableRow[] {
  const passing = filterRuns(runs, filterColumns, options.filters);
  const runRow = (run: RunRecord, member: boolean): TableRow => ({ kind: 'run', key: run.id, run, member });
  if (!options.collapse)
    return sorted(
      passing.map((r) => runRow(r, false)),
      filterColumns,
      options.sort,
    );
  const top: TableRow[] = groupRepeats(passing, PAGE_PHRASES).flatMap((group): TableRow[] =>
    group.runs.length > 1
      ? [{ kind: 'group', key: group.key, group, expanded: options.expanded.has(group.key) }]
      : [runRow(group.runs[0], false)],
  );
  return sorted(top, filterColumns, options.sort).flatMap((row) =>
    row.kind === 'group' && row.expanded
      ? [
          row,
          ...sorted(
            row.group.runs.map((r) => runRow(r, true)),
            filterColumns,
            options.sort,
          ),
        ]
      : [row],
  );
}

/** The runs a row stands for: its run, or every run of its group. */
export function rowRunIds(row: TableRow): string[] {
  return row.kind === 'run' ? [row.run.id] : row.group.runs.map((r) => r.id);
}

/** Whether a row's runs are all, some or none of `selected` (a group's checkbox shows "some" as mixed). */
export function rowChecked(row: TableRow, selected: readonly string[]): 'all' | 'some' | 'none' {
  const ids = rowRunIds(row);
  const inSelection = ids.filter((id) => selected.includes(id)).length;
  return inSelection === 0 ? 'none' : inSelection === ids.length ? 'all' : 'some';
}

/** How a click selects: the row alone, the row toggled in or out (Ctrl/⌘, checkbox), or the rows from the anchor to it (Shift). */
export type SelectMode = 'only' | 'toggle' | 'range';

/**
 * The selection after a click on row `index`. `range` selects the runs of every row from `anchor` (the row last
 * clicked without Shift; the clicked row if none) to it, in place of the selection.
 */
export function clickSelection(
  selected: readonly string[],
  rows: readonly TableRow[],
  index: number,
  anchor: number | null,
  mode: SelectMode,
): string[] {
  const ids = rowRunIds(rows[index]);
  if (mode === 'only') return ids;
  if (mode === 'toggle') {
    return rowChecked(rows[index], selected) === 'all'
      ? selected.filter((id) => !ids.includes(id))
      : [...selected, ...ids.filter((id) => !selected.includes(id))];
  }
  const from = anchor !== null && anchor < rows.length ? anchor : index;
  const [lo, hi] = from <= index ? [from, index] : [index, from];
  return [...new Set(rows.slice(lo, hi + 1).flatMap(rowRunIds))];
}

/**
 * The table as CSV: one line per run in the table's order (a collapsed group's runs under each other), the run's
 * id and repeat group, then the shown columns with raw values (numbers unrounded, durations in seconds).
 */
export function tableCsv(rows: readonly TableRow[], columns: readonly RunColumn[]): string {
  const header = ['id', 'repeat_group', ...columns.map((c) => (c.id === 'seconds' ? 'seconds' : c.id))];
  const lines: string[] = [header.map(csvField).join(',')];
  const seen = new Set<string>();
  const write = (run: RunRecord, group: string) => {
    if (seen.has(run.id)) return;
    seen.add(run.id);
    const cells = columns.map((c) => {
      const v = c.value(run);
      return typeof v === 'number' && !Number.isFinite(v) ? null : v;
    });
    lines.push([run.id, group, ...cells].map(csvField).join(','));
  };
  for (const row of rows) {
    if (row.kind === 'group') for (const run of row.group.runs) write(run, row.group.label);
    else write(row.run, '');
  }
  return `${lines.join('\n')}\n`;
}
