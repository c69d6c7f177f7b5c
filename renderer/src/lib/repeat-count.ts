/** The "repeat over N seeds" field of the run form and the sweep builder: the text as typed, as a count or an error. */
import { MAX_REPEATS, repeatCountSchema } from '../../../shared/repeat-seeds';
import { t } from './i18n';

export type RepeatCount = { ok: true; count: number } | { ok: false; error: string };

/** Empty means once (1); otherwise a whole number from 1 to MAX_REPEATS, or an error naming the range and the text. */
export function parseRepeatCount(text: string): RepeatCount {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, count: 1 };
  const parsed = /^\d+$/.test(trimmed) ? repeatCountSchema.safeParse(Number(trimmed)) : null;
  if (parsed?.success) return { ok: true, count: parsed.data };
  return { ok: false, error: t('validation.wholeNumber', { min: 1, max: MAX_REPEATS, value: JSON.stringify(text) }) };
}
