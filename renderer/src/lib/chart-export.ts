/**
 * Saving one chart as a figure for a report (PNG, SVG: titled, subtitled with what the runs share, the
 * legend once) or as data (CSV: tidy raw values; JSON: the points as plotted, saying so).
 */
import type { WorkbenchApi } from '../../../shared/api';
import { historiesToCsv, historiesToJson } from '../../../shared/export';
import type { RunRecord } from '../../../shared/run-record';
import { renderPng, renderSvg, type ChartLook, type Series } from './chart-setup';
import { sideLegend } from './legend';
import type { ChartPrefs, LiveMetrics } from './workbench.svelte';

export type ExportFormat = 'png' | 'svg' | 'csv' | 'json';

/** A chart as it is offered for export. */
export interface ChartExport {
  /** Short name for the file ("loss", "accuracy", "sweep"). */
  kind: string;
  title: string;
  /** What the plotted runs share ("784-50-10 sigmoid · batch 100 · 2000 iterations · seed 3"). */
  subtitle: string;
  series: Series[];
  look: ChartLook;
  /** The data behind the chart as a tidy CSV (raw values, not the plotted reduction). */
  csv: () => string;
  /** How the plotted points relate to the data, said in the JSON export (e.g. reduced per pixel column). */
  plotted: string;
}

/** Words for what a decimated curve shows, for "as plotted" exports. */
export const REDUCED_NOTE =
  'as plotted: each line reduced to the first, lowest, highest and last point of each pixel column (every spike kept); the CSV export has every recorded value';

/** Exported figures' text colour: dark on light backgrounds, light on the dark one. */
export function textColourFor(background: string): string {
  return background === '#15181c' ? '#e6e8eb' : '#1f2328';
}

/** The chart's look for a saved figure: title, subtitle, colours for the chosen background, legend beside the plot when long. */
export function figureLook(chart: ChartExport, background: string): ChartLook {
  const long = sideLegend(chart.series, chart.look.legendKey ?? []) !== null;
  return {
    ...chart.look,
    title: chart.title,
    subtitle: chart.subtitle,
    background,
    textColour: textColourFor(background),
    legendRight: long,
  };
}

/** JSON of the plotted points: title, axes, what the points are, and per line its label and points. */
export function plottedJson(chart: ChartExport): string {
  const lines = chart.series.map((s) => ({ label: s.label, ...(s.unlisted ? { unlisted: true } : {}), points: s.points }));
  return `${JSON.stringify({ title: chart.title, subtitle: chart.subtitle, x: chart.look.xLabel, y: chart.look.yLabel, points: chart.plotted, series: lines }, null, 1)}\n`;
}

/** The tidy CSV of runs' histories (shared/export.ts), `loss_smoothed` at the charts' smoothing. */
export function runsCsv(runs: readonly RunRecord[], metrics: (id: string) => LiveMetrics | undefined, smoothing: number): string {
  const histories = runs.map((run) => {
    const m = metrics(run.id) ?? { iterations: [], losses: [], epochs: [] };
    return { id: run.id, name: run.name, config: run.config, iterations: m.iterations, losses: m.losses, epochs: m.epochs };
  });
  return historiesToCsv(histories, { smoothing });
}

/** The JSON of runs' histories, as `descent export --format json` writes it: each run's record, iterations, losses, epochs. */
export function runsJson(runs: readonly RunRecord[], metrics: (id: string) => LiveMetrics | undefined): string {
  return historiesToJson(
    runs.map((run) => {
      const m = metrics(run.id) ?? { iterations: [], losses: [], epochs: [] };
      return { run, iterations: m.iterations, losses: m.losses, epochs: m.epochs };
    }),
  );
}

/** A file name stem: "descent-loss-2026-12-01-10-31-27". */
function stem(kind: string): string {
  return `descent-${kind}-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}`;
}

/** Saves `chart` in `format` with the user's export settings. */
export async function saveChart(api: WorkbenchApi, prefs: ChartPrefs, chart: ChartExport, format: ExportFormat): Promise<void> {
  const base = stem(chart.kind);
  const { exportWidth: width, exportHeight: height, exportScale: scale, exportBackground: background } = prefs;
  const look = figureLook(chart, background);
  if (format === 'svg') {
    await api.saveFile({
      suggestedName: `${base}.svg`,
      mime: 'image/svg+xml',
      data: renderSvg(chart.series, look, width, height),
      base64: false,
    });
  } else if (format === 'png') {
    await api.saveFile({
      suggestedName: `${base}.png`,
      mime: 'image/png',
      data: await renderPng(chart.series, look, width, height, scale),
      base64: true,
    });
  } else if (format === 'json') {
    await api.saveFile({ suggestedName: `${base}.json`, mime: 'application/json', data: plottedJson(chart), base64: false });
  } else {
    await api.saveFile({ suggestedName: `${base}.csv`, mime: 'text/csv', data: chart.csv(), base64: false });
  }
}

/** What the user changed in the export dialog before saving. */
export interface FigureEdits {
  title: string;
  subtitle: string;
  /** New legend labels by the lines' labels as plotted. */
  labels: Record<string, string>;
  width: number;
  height: number;
  fontSize: number;
  background: string;
}

/** The dialog's starting point: the chart as it would be saved, with the user's export settings. */
export function defaultEdits(chart: ChartExport, prefs: ChartPrefs): FigureEdits {
  const labels = Object.fromEntries(chart.series.filter((s) => !s.unlisted).map((s) => [s.label, s.label]));
  return {
    title: chart.title,
    subtitle: chart.subtitle,
    labels,
    width: prefs.exportWidth,
    height: prefs.exportHeight,
    fontSize: 12,
    background: prefs.exportBackground,
  };
}

/** The chart with the dialog's edits: renamed legend entries, title, subtitle, font size, background. */
export function editedFigure(chart: ChartExport, edits: FigureEdits): { series: Series[]; look: ChartLook } {
  const series = chart.series.map((s) =>
    s.unlisted || !edits.labels[s.label]?.trim() ? s : { ...s, label: edits.labels[s.label].trim() },
  );
  const look = figureLook({ ...chart, series, title: edits.title, subtitle: edits.subtitle }, edits.background);
  return { series, look: { ...look, fontSize: edits.fontSize } };
}
