/** The sweep form's list of values, checked as a whole: every problem listed, not only the first. Pure. */
import { sweepConfigs, type SweepRequest } from '../../../shared/api';
import { LIMITS } from '../../../shared/config';
import { errorMessage } from '../../../shared/errors';
import { t } from './i18n';

/**
 * The builder's "iterations per run" as typed: a whole number in the run's range, or an error naming the field,
 * the range and the text as typed (Number() would have said "got NaN" for "abc" and "got 0" for an empty field).
 */
export function parseSweepIterations(text: string): { ok: true; iterations: number } | { ok: false; error: string } {
  const trimmed = text.trim();
  const value = trimmed === '' ? Number.NaN : Number(trimmed);
  const { min, max } = LIMITS.iterations;
  if (Number.isInteger(value) && value >= min && value <= max) return { ok: true, iterations: value };
  const message = t('validation.wholeNumber', { min, max, value: JSON.stringify(text) });
  return { ok: false, error: t('validation.fieldError', { field: t('compare.field.iterations'), message }) };
}

/** The values typed (comma or space separated), and every problem with them. */
export function checkSweepValues(text: string, request: Omit<SweepRequest, 'values'>): { values: number[]; errors: string[] } {
  const tokens = text.split(/[,\s]+/).filter(Boolean);
  if (tokens.length === 0) return { values: [], errors: [t('sweep.valuesEmpty')] };
  const errors: string[] = [];
  const values: number[] = [];
  const seen = new Set<number>();
  for (const token of tokens) {
    const value = Number(token);
    if (!Number.isFinite(value)) {
      errors.push(t('sweep.notANumber', { token: JSON.stringify(token) }));
      continue;
    }
    if (seen.has(value)) {
      errors.push(t('sweep.listedTwice', { token }));
      continue;
    }
    seen.add(value);
    values.push(value);
    // A value the configuration refuses is said in the schema's words (English), as the backend would.
    try {
      sweepConfigs({ ...request, values: [value] });
    } catch (error) {
      // "learningRate = -1: learningRate: must be …" is this value's problem; a problem of another field
      // (the iterations, say) is the base configuration's, said once without the value.
      const message = errorMessage(error);
      const path = message.match(/^[^:]+: ([^:]+):/)?.[1] ?? '';
      const own = request.parameter === 'hidden' ? path.startsWith('layers') : path === request.parameter;
      const text = own ? message : message.slice(message.indexOf(': ') + 2);
      if (!errors.includes(text)) errors.push(text);
    }
  }
  if (values.length > 50) errors.push(t('sweep.tooMany', { count: values.length }));
  return { values, errors };
}
