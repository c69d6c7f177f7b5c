/** The sweep builder's "runs at once" field: the text as typed, as a number of runs (or the backend's default), or an error. */
import { MAX_PARALLEL_RUNS } from '../../../shared/api';
import { t } from './i18n';

export type SweepParallel = { ok: true; parallel: number | undefined } | { ok: false; error: string };

/** Empty means the backend's concurrency (undefined); otherwise a whole number from 1 to MAX_PARALLEL_RUNS. */
export function parseSweepParallel(text: string): SweepParallel {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, parallel: undefined };
  const value = Number(trimmed);
  if (/^\d+$/.test(trimmed) && value >= 1 && value <= MAX_PARALLEL_RUNS) return { ok: true, parallel: value };
  return { ok: false, error: t('sweepParallel.invalid', { max: MAX_PARALLEL_RUNS, value: JSON.stringify(text) }) };
}
