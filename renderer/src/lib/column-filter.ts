/**
 * A runs-table column's filter as typed: `>0.9`, `>=0.9`, `<100`, `<=1`, `=0.1`, a range `0.01..0.1` (both ends
 * included), a number (that value), or any other text (the cells that contain it, ignoring case). A run without a
 * value in the column passes no filter. Pure.
 */
import { t } from './i18n';
import type { CellValue } from './runs-table-columns';

/** A filter ready to test cells, or why the text is not one. */
export type ColumnFilter = { ok: true; test: (value: CellValue, shown: string) => boolean } | { ok: false; message: string };

const NUMBER = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?`;
const COMPARISON = new RegExp(`^(<=|>=|<|>|=)\\s*(${NUMBER})$`, 'i');
const RANGE = new RegExp(`^(${NUMBER})\\s*\\.\\.\\s*(${NUMBER})$`, 'i');
const PLAIN = new RegExp(`^${NUMBER}$`, 'i');

/** What the filter fields accept, for their title. */
export const filterHelp = (): string => t('runsView.filter.help');

const isMissing = (value: CellValue): boolean => value === null || (typeof value === 'number' && Number.isNaN(value));

const numberTest =
  (pass: (n: number) => boolean) =>
  (value: CellValue): boolean =>
    typeof value === 'number' && !Number.isNaN(value) && pass(value);

/** The filter `text` stands for (empty text: every value passes, missing ones too). */
export function parseColumnFilter(text: string): ColumnFilter {
  const query = text.trim();
  if (query === '') return { ok: true, test: () => true };
  const comparison = COMPARISON.exec(query);
  if (comparison) {
    const bound = Number(comparison[2]);
    const pass: Record<string, (n: number) => boolean> = {
      '<': (n) => n < bound,
      '<=': (n) => n <= bound,
      '>': (n) => n > bound,
      '>=': (n) => n >= bound,
      '=': (n) => n === bound,
    };
    return { ok: true, test: numberTest(pass[comparison[1]]) };
  }
  const range = RANGE.exec(query);
  if (range) {
    const [lo, hi] = [Number(range[1]), Number(range[2])].sort((a, b) => a - b);
    return { ok: true, test: numberTest((n) => n >= lo && n <= hi) };
  }
  if (/^(<=|>=|<|>|=)/.test(query)) {
    return { ok: false, message: t('runsView.filter.needsNumber', { query }) };
  }
  if (PLAIN.test(query)) {
    const wanted = Number(query);
    const words = query.toLowerCase();
    return {
      ok: true,
      test: (value, shown) =>
        typeof value === 'number' ? value === wanted : !isMissing(value) && shown.toLowerCase().includes(words),
    };
  }
  const words = query.toLowerCase();
  return { ok: true, test: (value, shown) => !isMissing(value) && shown.toLowerCase().includes(words) };
}
