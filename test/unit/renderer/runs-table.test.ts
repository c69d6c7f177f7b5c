/** The runs table: which columns vary, filters per column, sorting with missing values, repeat groups collapsed. */
import { describe, expect, it } from 'vitest';
import { BOOK_DEFAULTS } from '../../../shared/config';
import { defaultRunName } from '../../../shared/run-names';
import { language } from '../../../renderer/src/lib/i18n';
import type { RunRecord } from '../../../shared/run-record';
import { parseColumnFilter } from '../../../renderer/src/lib/column-filter';
import { columnById, RUN_COLUMNS, shownColumns, varyingColumns } from '../../../renderer/src/lib/runs-table-columns';
import {
  clickSelection,
  compareCells,
  groupCell,
  groupCellText,
  rowChecked,
  tableCsv,
  tableRows,
  type TableOptions,
} from '../../../renderer/src/lib/runs-table';
import { makeRecord, makeSummary } from '../../support/runs';

const col = (id: string) => columnById(id)!;

/** A finished run at `lr` and `batch` with seed `seed` and final test accuracy `acc` (null: never measured). */
function run(
  lr: number,
  batch: number,
  seed: number,
  acc: number | null,
  seconds = 10,
  status: RunRecord['status'] = 'completed',
) {
  const config = { ...BOOK_DEFAULTS, learningRate: lr, batchSize: batch, seed };
  return makeRecord({
    name: `lr ${lr} batch ${batch} seed ${seed}`,
    status,
    config,
    summary:
      status === 'completed' || status === 'diverged'
        ? makeSummary({ testAcc: acc, bestTestAcc: acc, seconds, meanLossLast100: acc === null ? null : 1 - acc, config, seed })
        : null,
  });
}

const options = (change: Partial<TableOptions> = {}): TableOptions => ({
  columns: RUN_COLUMNS,
  filters: {},
  sort: null,
  collapse: false,
  expanded: new Set(),
  ...change,
});

describe('columns', () => {
  it('the configuration columns that vary among the runs, and only those, show by default', () => {
    const runs = [run(0.1, 100, 1, 0.9), run(1, 100, 2, 0.8)];
    const varying = varyingColumns(runs);
    expect([...varying].sort()).toEqual(['learningRate', 'seed']);
    const shown = shownColumns(varying, {}).map((c) => c.id);
    expect(shown).toEqual(['name', 'status', 'learningRate', 'seed', 'testAcc', 'bestTestAcc', 'meanLossLast100', 'seconds']);
  });

  it("one run varies in nothing; the user's choices win over the default either way", () => {
    expect(varyingColumns([run(0.1, 100, 1, 0.9)]).size).toBe(0);
    const shown = shownColumns(new Set(['learningRate']), { learningRate: false, batchSize: true, seconds: false }).map(
      (c) => c.id,
    );
    expect(shown).toContain('batchSize');
    expect(shown).not.toContain('learningRate');
    expect(shown).not.toContain('seconds');
  });

  it('all training images read "all", not as a missing value', () => {
    expect(col('trainSize').value(run(0.1, 100, 1, 0.9))).toBe('all');
  });
});

describe('sorting', () => {
  it('numbers by value; missing values (null, NaN) last whichever the direction', () => {
    const values = [0.5, null, 2, Number.NaN, -1];
    const up = [...values].sort((a, b) => compareCells(a, b, 'ascending'));
    const down = [...values].sort((a, b) => compareCells(a, b, 'descending'));
    expect(up.slice(0, 3)).toEqual([-1, 0.5, 2]);
    expect(down.slice(0, 3)).toEqual([2, 0.5, -1]);
    for (const order of [up, down]) expect(order.slice(3).every((v) => v === null || Number.isNaN(v))).toBe(true);
  });

  it('texts with numbers in them by their numbers; numbers before texts', () => {
    expect(['784-100-10', '784-50-10'].sort((a, b) => compareCells(a, b, 'ascending'))).toEqual(['784-50-10', '784-100-10']);
    expect([0.01, 'he', 'xavier'].sort((a, b) => compareCells(a, b, 'descending'))).toEqual(['xavier', 'he', 0.01]);
    expect(compareCells(0.01, 'he', 'ascending')).toBeLessThan(0);
  });

  it('rows by final test accuracy, best first; a run without one at the end, ties in list order', () => {
    const runs = [run(0.1, 100, 1, 0.9), run(10, 100, 1, null, 5, 'diverged'), run(0.5, 100, 1, 0.95), run(1, 100, 1, 0.9)];
    const rows = tableRows(runs, RUN_COLUMNS, options({ sort: { column: 'testAcc', direction: 'descending' } }));
    expect(rows.map((r) => (r.kind === 'run' ? r.run.config.learningRate : null))).toEqual([0.5, 0.1, 1, 10]);
    const up = tableRows(runs, RUN_COLUMNS, options({ sort: { column: 'testAcc', direction: 'ascending' } }));
    expect(up.map((r) => (r.kind === 'run' ? r.run.config.learningRate : null))).toEqual([0.1, 1, 0.5, 10]);
  });
});

describe('filters', () => {
  it('comparisons, ranges and numbers test numbers; other text is looked for in the cell', () => {
    const test = (query: string, value: number | string | null, shown = String(value)) => {
      const filter = parseColumnFilter(query);
      if (!filter.ok) throw new Error(filter.message);
      return filter.test(value, shown);
    };
    expect(test('>0.9', 0.91)).toBe(true);
    expect(test('>0.9', 0.9)).toBe(false);
    expect(test('>=0.9', 0.9)).toBe(true);
    expect(test('<= 1e-2', 0.01)).toBe(true);
    expect(test('0.01..0.1', 0.05)).toBe(true);
    expect(test('0.1..0.01', 0.1)).toBe(true);
    expect(test('0.01..0.1', 0.5)).toBe(false);
    expect(test('0.10', 0.1)).toBe(true);
    expect(test('0.1', 0.15)).toBe(false);
    expect(test('50', '784-50-10')).toBe(true);
    expect(test('RELU', 'relu')).toBe(true);
    expect(test('>0', null, '–')).toBe(false);
    expect(test('–', null, '–')).toBe(false);
    expect(test('   ', null, '–')).toBe(true);
  });

  it('a comparison without a number is an error that says what it needs', () => {
    const filter = parseColumnFilter('>abc');
    expect(filter.ok).toBe(false);
    if (!filter.ok) expect(filter.message).toMatch(/needs a number/);
  });

  it('rows pass every filter; a filter that does not parse filters nothing', () => {
    const runs = [run(0.1, 100, 1, 0.9), run(0.1, 200, 1, 0.95), run(1, 100, 1, 0.8)];
    const lr = (rows: ReturnType<typeof tableRows>) => rows.map((r) => (r.kind === 'run' ? r.run.config.batchSize : 0));
    expect(lr(tableRows(runs, RUN_COLUMNS, options({ filters: { learningRate: '0.1', testAcc: '>0.92' } })))).toEqual([200]);
    expect(tableRows(runs, RUN_COLUMNS, options({ filters: { testAcc: '>x' } }))).toHaveLength(3);
  });
});

describe('repeat groups collapsed', () => {
  // lr 0.1 over three seeds (accuracy 0.90, 0.92, 0.94 in 10, 12 and 14 s), a stopped fourth seed, lr 1 once.
  const group = [run(0.1, 100, 1, 0.9, 10), run(0.1, 100, 2, 0.92, 12), run(0.1, 100, 3, 0.94, 14)];
  const stopped = run(0.1, 100, 4, null, 3, 'stopped');
  const single = run(1, 100, 1, 0.97, 9);
  const runs = [...group, stopped, single];

  it('a group is one row; a configuration run once stays a run row', () => {
    const rows = tableRows(runs, RUN_COLUMNS, options({ collapse: true }));
    expect(rows.map((r) => r.kind)).toEqual(['group', 'run']);
  });

  it('figures are mean ± sd over the runs that ended by themselves (hand-computed: sd of 0.90, 0.92, 0.94 is 0.02)', () => {
    const [row] = tableRows(runs, RUN_COLUMNS, options({ collapse: true }));
    if (row.kind !== 'group') throw new Error('expected a group row');
    const acc = groupCell(row.group, col('testAcc'));
    if (acc.kind !== 'spread') throw new Error('expected a spread');
    expect(acc.sample.n).toBe(3);
    expect(acc.sample.mean).toBeCloseTo(0.92, 12);
    expect(acc.sample.sd).toBeCloseTo(0.02, 12);
    expect(groupCellText(acc, col('testAcc'))).toBe('0.9200 ± 0.0200');
    expect(groupCellText(groupCell(row.group, col('seconds')), col('seconds'))).toBe('12.0 s ± 2.0 s');
    // Mean loss of the last 100 is 1 − accuracy here: 0.10, 0.08, 0.06.
    expect(groupCellText(groupCell(row.group, col('meanLossLast100')), col('meanLossLast100'))).toBe('0.0800 ± 0.0200');
  });

  it('shared settings read as themselves, seeds as a count', () => {
    const [row] = tableRows(runs, RUN_COLUMNS, options({ collapse: true }));
    if (row.kind !== 'group') throw new Error('expected a group row');
    expect(groupCellText(groupCell(row.group, col('learningRate')), col('learningRate'))).toBe('0.1');
    expect(groupCellText(groupCell(row.group, col('seed')), col('seed'))).toBe('4 seeds');
  });

  it('a group sorts by its mean, and its runs show sorted under it when expanded', () => {
    const sort = { column: 'testAcc', direction: 'descending' } as const;
    const collapsed = tableRows(runs, RUN_COLUMNS, options({ collapse: true, sort }));
    expect(collapsed.map((r) => r.kind)).toEqual(['run', 'group']); // 0.97 before a mean of 0.92
    const key = collapsed[1].key;
    const expanded = tableRows(runs, RUN_COLUMNS, options({ collapse: true, sort, expanded: new Set([key]) }));
    expect(expanded.map((r) => (r.kind === 'run' ? `${r.member ? 'member ' : ''}${r.run.config.seed}` : 'group'))).toEqual([
      '1',
      'group',
      'member 3',
      'member 2',
      'member 1',
      'member 4',
    ]);
  });

  it('filters apply to runs before grouping: the group row counts only the runs that pass', () => {
    const [row] = tableRows(runs, RUN_COLUMNS, options({ collapse: true, filters: { testAcc: '>=0.92' } }));
    if (row.kind !== 'group') throw new Error('expected a group row');
    expect(row.group.runs.map((r) => r.config.seed)).toEqual([2, 3]);
  });
});

describe('selection', () => {
  const runs = [run(0.1, 100, 1, 0.9), run(0.1, 100, 2, 0.9), run(1, 100, 1, 0.8), run(2, 100, 1, 0.7)];
  const rows = tableRows(runs, RUN_COLUMNS, options({ collapse: true }));
  const ids = runs.map((r) => r.id);

  it('a click selects the row alone; a group row is all of its runs', () => {
    expect(clickSelection([ids[3]], rows, 0, null, 'only')).toEqual([ids[0], ids[1]]);
    expect(clickSelection([], rows, 1, null, 'only')).toEqual([ids[2]]);
  });

  it('Ctrl/⌘ or the checkbox toggles the row in and out; a group partly selected is "some", and is added whole', () => {
    expect(rowChecked(rows[0], [ids[0]])).toBe('some');
    expect(clickSelection([ids[0], ids[3]], rows, 0, null, 'toggle')).toEqual([ids[0], ids[3], ids[1]]);
    expect(clickSelection([ids[0], ids[1], ids[3]], rows, 0, null, 'toggle')).toEqual([ids[3]]);
  });

  it('Shift selects every run from the anchor row to the clicked one, either way', () => {
    expect(clickSelection([], rows, 2, 0, 'range')).toEqual(ids);
    expect(clickSelection([], rows, 1, 2, 'range')).toEqual([ids[2], ids[3]]);
    expect(clickSelection([], rows, 1, null, 'range')).toEqual([ids[2]]);
  });
});

describe('CSV', () => {
  it('one line per run with its id and repeat group, raw values of the shown columns', () => {
    const runs = [run(0.1, 100, 1, 0.9, 10.25), run(0.1, 100, 2, 0.92), run(10, 100, 1, null, 1, 'diverged')];
    const rows = tableRows(runs, RUN_COLUMNS, options({ collapse: true }));
    const csv = tableCsv(rows, [col('learningRate'), col('testAcc'), col('seconds')])
      .trim()
      .split('\n');
    expect(csv[0]).toBe('id,repeat_group,learningRate,testAcc,seconds');
    expect(csv[1]).toBe(`${runs[0].id},lr 0.1,0.1,0.9,10.25`);
    expect(csv[2]).toBe(`${runs[1].id},lr 0.1,0.1,0.92,10`);
    expect(csv[3]).toBe(`${runs[2].id},,10,,1`);
  });
});

describe('the name column', () => {
  it("shows an automatic name in the page's words (as the run list does), a name the user typed as typed", () => {
    const config = { ...BOOK_DEFAULTS, seed: 7 };
    language.chosen = 'zh-CN';
    try {
      expect(col('name').value(makeRecord({ name: defaultRunName(config), config }))).toBe(
        '784-50-10 sigmoid · 学习率 0.1 · 随机种子 7',
      );
      expect(col('name').value(makeRecord({ name: 'lr 0.1 baseline', config }))).toBe('lr 0.1 baseline');
    } finally {
      language.chosen = null;
    }
  });
});
