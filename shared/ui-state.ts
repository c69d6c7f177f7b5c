/**
 * The workbench page's saved state (the browser's localStorage, key `descent.ui.v1`): selected runs, the
 * open view and the chart preferences. Each field that does not fit (edited by hand, written by another
 * version) falls back to its default on its own, so one bad value never loses the rest.
 */
import { z } from 'zod';

/** The workbench's views. */
export const VIEWS = ['train', 'sweep', 'compare', 'gradcheck', 'lab', 'inside'] as const;
export type View = (typeof VIEWS)[number];

/** Most saved selections kept. */
const MAX_SELECTED = 100;

const bounded = (min: number, max: number, fallback: number) => z.number().min(min).max(max).catch(fallback);

/** How charts are drawn; shared by every chart and kept across restarts. */
export const chartPrefsSchema = z.object({
  smoothing: bounded(0, 0.99, 0.6),
  logY: z.boolean().catch(false),
  xAxis: z.enum(['iteration', 'epoch', 'time']).catch('iteration'),
  /** PNG exports: layout size in CSS pixels, pixel ratio, and background colour (or 'transparent'). */
  exportWidth: bounded(200, 4000, 1200),
  exportHeight: bounded(150, 4000, 700),
  exportScale: bounded(1, 4, 2),
  exportBackground: z.string().regex(/^(#[0-9a-f]{6}|transparent)$/i).catch('#ffffff'),
});
export type ChartPrefs = z.infer<typeof chartPrefsSchema>;

/** Every preference at its default (what an empty object parses to). */
export const DEFAULT_PREFS: ChartPrefs = chartPrefsSchema.parse({});

export const uiStateSchema = z.object({
  // Strings only (other entries dropped), at most MAX_SELECTED.
  selected: z.array(z.unknown()).transform((ids) => ids.filter((id) => typeof id === 'string').slice(0, MAX_SELECTED)).catch([]),
  view: z.enum(VIEWS).catch('train'),
  prefs: chartPrefsSchema.catch(() => ({ ...DEFAULT_PREFS })),
});
export type UiState = z.infer<typeof uiStateSchema>;

/** The saved state in `text` (null if nothing was saved), each unusable field at its default. */
export function parseUiState(text: string | null): UiState {
  let value: unknown = {};
  try {
    value = JSON.parse(text ?? '{}') ?? {};
  } catch {
    // Not JSON: every field at its default.
  }
  const parsed = uiStateSchema.safeParse(value);
  return parsed.success ? parsed.data : uiStateSchema.parse({});
}
