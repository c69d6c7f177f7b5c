/** Which legend a chart shows on screen. Pure. */
import type { LegendKey, Series } from './chart-setup';

/** From this many entries on, the legend is a scrolling list beside the plot instead of rows above it. */
export const SIDE_LEGEND_FROM = 7;

/** One entry of the legend: a line's label and look, or a key entry (no colour: drawn in the text's). */
export interface LegendEntry {
  label: string;
  color: string | null;
  dashed: boolean;
}

/** The entries (listed lines, then the key), if there are enough of them to go beside the plot; else null. */
export function sideLegend(series: readonly Series[], key: readonly LegendKey[]): LegendEntry[] | null {
  const entries: LegendEntry[] = [
    ...series.filter((s) => !s.unlisted).map((s) => ({ label: s.label, color: s.color, dashed: Boolean(s.dashed) })),
    ...key.map((k) => ({ label: k.label, color: null, dashed: k.dashed })),
  ];
  return entries.length >= SIDE_LEGEND_FROM ? entries : null;
}
