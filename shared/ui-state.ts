/**
 * The workbench page's saved state: selected runs, the open view, the chart preferences, and the run form and
 * the sweep builder as typed. Kept in the store's home (`<home>/ui-state.json`, electron/core/store/ui-state-file.ts, through the
 * API's getUiState/setUiState), and in the browser's localStorage (key `descent.ui.v1`) only while the
 * backend cannot be reached. Each field that does not fit (edited by hand, written by another
 * version) falls back to its default on its own, so one bad value never loses the rest.
 */
import { z } from 'zod';
import { localeSchema } from './i18n/locales';
import { SWEEP_PARAMETERS } from './sweep-parameters';

/** The workbench's views. */
export const VIEWS = ['train', 'sweep', 'compare', 'runs', 'gradcheck', 'lab', 'inside'] as const;
export type View = (typeof VIEWS)[number];

/** The Lab's pages (§4.2–4.5), in the order the Lab lists them. */
export const LAB_PAGES = [
  'losses',
  'mini-batches',
  'smoothness',
  'numerical-diff',
  'gradient',
  'descent',
  'simple-net',
  'training',
] as const;
export type LabPage = (typeof LAB_PAGES)[number];

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
  exportBackground: z
    .string()
    .regex(/^(#[0-9a-f]{6}|transparent)$/i)
    .catch('#ffffff'),
});
export type ChartPrefs = z.infer<typeof chartPrefsSchema>;

/** Every preference at its default (what an empty object parses to). */
export const DEFAULT_PREFS: ChartPrefs = chartPrefsSchema.parse({});

const typed = (max: number) => z.string().max(max);

/** The run form as the user typed it, every field as text (a half-filled form survives a reload). */
export const formDraftSchema = z.object({
  /** "mnist" (bundled) or a folder on the backend's machine holding the four IDX files. */
  dataset: typed(4096),
  /** Input and output sizes: pixels per image and classes (784 and 10 for MNIST). */
  input: typed(40),
  output: typed(40),
  hidden: z.array(typed(40)).max(64),
  activation: typed(40),
  initKind: z.enum(['std', 'xavier', 'he']),
  initStd: typed(40),
  loss: typed(40),
  gradient: typed(40),
  learningRate: typed(40),
  batchSize: typed(40),
  iterations: typed(40),
  seed: typed(40),
  trainSize: typed(40),
  dtype: typed(40),
  /** When each step's loss is measured: `after-update` (the book's) or `before-update`. */
  lossTiming: typed(40),
  name: typed(200),
});
export type FormDraft = z.infer<typeof formDraftSchema>;

/** The sweep builder as the user typed it, every field as text (a half-typed sweep survives a reload). */
export const sweepDraftSchema = z.object({
  parameter: z.enum(SWEEP_PARAMETERS),
  /** The values to sweep, as typed ("0.01, 0.1, 1"). */
  valuesText: typed(4096),
  /** The group's name; null until the builder first shows (it then offers the time), and again after a sweep started. */
  name: typed(200).nullable(),
  /** Iterations per run; null until the builder first shows (it then offers the run form's). */
  iterations: typed(40).nullable(),
  /** Seeds each value is trained with. */
  repeatText: typed(40),
  /** How many of the sweep's runs train at once; empty: the backend's concurrency. */
  parallelText: typed(40),
});
export type SweepDraft = z.infer<typeof sweepDraftSchema>;

export const uiStateSchema = z.object({
  // Strings only (other entries dropped), at most MAX_SELECTED.
  selected: z
    .array(z.unknown())
    .transform((ids) => ids.filter((id) => typeof id === 'string').slice(0, MAX_SELECTED))
    .catch([]),
  view: z.enum(VIEWS).catch('train'),
  /** The Lab page last open. */
  labPage: z.enum(LAB_PAGES).catch('losses'),
  prefs: chartPrefsSchema.catch(() => ({ ...DEFAULT_PREFS })),
  /** Null: the form starts from the book's defaults. */
  form: formDraftSchema.nullable().catch(null),
  /** Null (and in files from before it was kept): the builder starts afresh. */
  sweep: sweepDraftSchema.nullable().catch(null),
  /** The language chosen in the header or the desktop menu; null (and in files from before it): the system's. */
  locale: localeSchema.nullable().catch(null),
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
