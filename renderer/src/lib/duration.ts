/** Durations as people read them (in the page's language), and when a long run asks to be confirmed. */
import { formatNumber, t } from './i18n';

/** A numerical-gradient run estimated longer than this (3 minutes) asks before it starts. */
export const CONFIRM_ABOVE_SECONDS = 180;

/** "850 ms", "12.3 s", "4 min 10 s", "2 h 5 min". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  // Each unit decided on the value as it will be rounded, so 59.6 s past a minute never reads "4 min 60 s".
  if (Math.round(seconds * 1000) < 1000) return t('duration.ms', { n: Math.round(seconds * 1000) });
  if (Math.round(seconds * 10) < 600)
    return t('duration.s', { n: formatNumber(seconds, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) });
  const whole = Math.round(seconds);
  if (whole < 3600) return t('duration.minSec', { m: Math.floor(whole / 60), s: whole % 60 });
  const minutes = Math.floor(whole / 60);
  return t('duration.hourMin', { h: formatNumber(Math.floor(minutes / 60)), m: minutes % 60 });
}
