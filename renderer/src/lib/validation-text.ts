/**
 * The run form's validation messages in the page's language. The schema (shared/config.ts) words its issues in
 * English for the CLI and the files; here each issue is said again from what it carries — the field, the value it
 * got, the range from LIMITS, the choices — so the form names the same range in every language.
 */
import { formatBytes, LIMITS, show, type ConfigIssue } from '../../../shared/config';
import { formatNumber, t } from './i18n';

/** Fields that take a whole number, and their range. */
const WHOLE_NUMBERS: Partial<Record<string, { min: number; max: number }>> = {
  batchSize: LIMITS.batchSize,
  iterations: LIMITS.iterations,
  seed: LIMITS.seed,
  trainSize: LIMITS.trainSize,
};

/**
 * A range's bounds as the page writes numbers ('1 to 60,000', '1 到 60,000'); the value the user typed is echoed
 * as typed. Only whole-number ranges: a learning rate's bounds keep their digits.
 */
export function wholeRange(range: { min: number; max: number }): { min: string; max: string } {
  return { min: formatNumber(range.min), max: formatNumber(range.max) };
}

/** `issue` as the form shows it: what the field accepts and the value it got. */
export function issueText(issue: ConfigIssue): string {
  const [field, index] = issue.field.split('.');
  const value = show(issue.input);
  const whole = WHOLE_NUMBERS[field];
  if (field === 'layers') {
    const params = issue.params ?? {};
    if (typeof params.memoryBytes === 'number') {
      return t('validation.memory', {
        network: String(params.network),
        batch: String(params.batch),
        dtype: String(params.dtype),
        needed: formatBytes(params.memoryBytes),
        limit: formatBytes(LIMITS.memoryBytes),
      });
    }
    if (index !== undefined) return t('validation.wholeNumber', { ...wholeRange(LIMITS.layerWidth), value });
    if (issue.code === 'too_small' || issue.code === 'too_big') return t('validation.layerCount', wholeRange(LIMITS.layerCount));
  } else if (whole) {
    return t('validation.wholeNumber', { ...wholeRange(whole), value });
  } else if (field === 'learningRate') {
    return t('validation.learningRate', { ...LIMITS.learningRate, value });
  } else if (field === 'weightInit') {
    return t('validation.weightInit', { ...LIMITS.weightInitStd, value });
  } else if (field === 'dataset' && typeof issue.input === 'string') {
    return issue.input === '' ? t('validation.datasetEmpty') : t('validation.datasetTooLong', { max: formatNumber(4096) });
  } else if (issue.allowed) {
    return t('validation.oneOf', { choices: issue.allowed.join(', '), value });
  }
  // An issue the form cannot produce (an unknown field…): the schema's own words.
  return issue.message;
}
