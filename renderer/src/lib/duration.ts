/** Durations as people read them (in the page's language), and when a long run asks to be confirmed. */
import { durationParts } from '../../../shared/duration';
import { formatNumber, t } from './i18n';

/** A numerical-gradient run estimated longer than this (3 minutes) asks before it starts. */
export const CONFIRM_ABOVE_SECONDS = 180;

/** "850 ms", "12.3 s", "4 min 10 s", "2 h 5 min". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  const parts = durationParts(seconds);
  switch (parts.unit) {
    case 'ms':
      return t('duration.ms', { n: parts.ms });
    case 's':
      return t('duration.s', { n: formatNumber(parts.s, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) });
    case 'min':
      return t('duration.minSec', { m: parts.min, s: parts.s });
    case 'h':
      return t('duration.hourMin', { h: formatNumber(parts.h), m: parts.min });
  }
}
