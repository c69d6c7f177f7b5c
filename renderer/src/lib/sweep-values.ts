/** The sweep form's list of values, checked as a whole: every problem listed, not only the first. Pure. */
import { sweptConfig, type SweepParameter, type SweepRequest } from '../../../shared/api';
import { LIMITS, parseRunConfig } from '../../../shared/config';
import { CONFIG_FIELDS } from './compare';
import { t, type MessageKey } from './i18n';
import { issueText, wholeRange } from './validation-text';

/** The swept parameter in words, as the builder's parameter menu names it. */
const PARAMETER_WORDS: Record<SweepParameter, MessageKey> = {
  learningRate: 'sweep.learningRate',
  batchSize: 'sweep.batchSize',
  hidden: 'sweep.hidden',
  weightInit: 'sweep.weightInit',
};

/** A field of the base configuration in words, as the compare view's table names it. */
const FIELD_WORDS = new Map<string, MessageKey>(CONFIG_FIELDS);

/**
 * The builder's "iterations per run" as typed: a whole number in the run's range, or an error naming the field,
 * the range and the text as typed (Number() would have said "got NaN" for "abc" and "got 0" for an empty field).
 */
export function parseSweepIterations(text: string): { ok: true; iterations: number } | { ok: false; error: string } {
  const trimmed = text.trim();
  const value = trimmed === '' ? Number.NaN : Number(trimmed);
  const { min, max } = LIMITS.iterations;
  if (Number.isInteger(value) && value >= min && value <= max) return { ok: true, iterations: value };
  const message = t('validation.wholeNumber', { ...wholeRange({ min, max }), value: JSON.stringify(text) });
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
    // A value the configuration refuses is said as the run form says it (field in words, range, value); a
    // problem of another field (the iterations, say) is the base configuration's, said once.
    const result = parseRunConfig(sweptConfig(request.base, request.parameter, value));
    if (result.ok) continue;
    for (const issue of result.issues) {
      const field = issue.field.split('.')[0];
      const own = request.parameter === 'hidden' ? field === 'layers' : field === request.parameter;
      const words = own ? t(PARAMETER_WORDS[request.parameter]) : t(FIELD_WORDS.get(field) ?? 'sweep.values');
      const text = t('validation.fieldError', { field: words, message: issueText(issue) });
      if (!errors.includes(text)) errors.push(text);
    }
  }
  if (values.length > 50) errors.push(t('sweep.tooMany', { count: values.length }));
  return { values, errors };
}
