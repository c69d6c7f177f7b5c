/** Durations as people read them, and when a long run asks to be confirmed. Pure. */

/** A numerical-gradient run estimated longer than this (3 minutes) asks before it starts. */
export const CONFIRM_ABOVE_SECONDS = 180;

/** "850 ms", "12.3 s", "4 min 10 s", "2 h 5 min". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${minutes - hours * 60} min`;
}
