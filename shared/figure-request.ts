/**
 * What `descent export --figure` asks of the renderer's figure page (renderer/figure.html) and what it gets
 * back: the compare view's report figure of some runs, drawn by the renderer's own code in a headless
 * Chromium. The same options as the compare view's "Report figure" panel.
 */
import { z } from 'zod';
import { localeSchema } from './i18n/locales';
import { runMetricsSchema } from './metrics';
import { runRecordSchema } from './run-record';
import { BAND_KINDS } from './stats/curve-band';
import { chartPrefsSchema } from './ui-state';

/** The report figure's sizes (renderer/src/lib/figure.ts has their measures). */
export const FIGURE_PRESET_NAMES = ['single', 'double', 'slide'] as const;
export type FigurePresetName = (typeof FIGURE_PRESET_NAMES)[number];

/** The files a report figure is saved as. */
export const FIGURE_FORMATS = ['svg', 'png', 'pdf'] as const;
export type FigureFormat = (typeof FIGURE_FORMATS)[number];

/** How the figure is laid out: its size, whether the side-by-side panels and the caption table are in it. */
export const figureOptionsSchema = z.object({
  preset: z.enum(FIGURE_PRESET_NAMES),
  panels: z.boolean(),
  caption: z.boolean(),
  /** Repeat groups' band (drawn when some configuration was trained over several seeds). */
  band: z.enum(BAND_KINDS),
});
export type FigureOptions = z.infer<typeof figureOptionsSchema>;

export const figureRequestSchema = z.object({
  format: z.enum(FIGURE_FORMATS),
  options: figureOptionsSchema,
  /** The language of the figure's words (titles, axes, caption). */
  locale: localeSchema,
  /** The charts' settings the compare view would use (smoothing, log scale, x axis). */
  chart: chartPrefsSchema.pick({ smoothing: true, logY: true, xAxis: true }),
  /** The runs in the order they were named, each with its history and its palette slot. */
  runs: z.array(z.object({ record: runRecordSchema, metrics: runMetricsSchema, colour: z.number().int().min(0) })).min(1),
});
export type FigureRequest = z.infer<typeof figureRequestSchema>;

/** The figure file: SVG text, or a PNG or PDF in base64. */
export const figureResultSchema = z.object({ data: z.string(), base64: z.boolean() });
export type FigureResult = z.infer<typeof figureResultSchema>;
