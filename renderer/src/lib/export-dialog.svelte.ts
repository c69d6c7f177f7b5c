/**
 * Which figure the page's export dialog is open for (one for the whole page): a Chart.js chart (edited before it is
 * saved), or another figure (parallel coordinates, the Lab's planes, the Inside view's panels) whose formats are offered.
 */
import type { WorkbenchApi } from '../../../shared/api';
import { saveChart, type ChartExport, type ExportFormat } from './chart-export';
import { t } from './i18n';
import type { ChartPrefs } from './workbench.svelte';

/** What a figure that is no Chart.js chart saves as: its own buttons' formats. */
export type FigureFormat = 'png' | 'svg' | 'pdf' | 'csv' | 'json';

/** A figure File › Export… offers as a choice of its formats (the export dialog's editing is for Chart.js charts). */
export interface FigureExport {
  /** What is saved, in the page's language, for the dialog's heading ("Parallel coordinates", "the confusion matrix"). */
  readonly what: string;
  /** The run whose figure it is, by its shown name, where runs stand side by side (the Inside view's panels). */
  readonly run?: string;
  /** Its formats, in the order of its buttons; the first is the dialog's default. */
  readonly formats: readonly FigureFormat[];
  /** Saves it as `format`, as its own button does (failures are shown by the figure, as for its buttons). */
  save(format: FigureFormat): Promise<unknown> | void;
}

/** The dialog's sentence: "Save the confusion matrix of “lr 0.1” as:" (the run named where the figure is a run's). */
export function figureChoiceText(figure: FigureExport): string {
  return figure.run === undefined
    ? t('exportDialog.choose', { what: figure.what })
    : t('exportDialog.chooseOfRun', { what: figure.what, run: figure.run });
}

class ExportDialogState {
  /** The chart being prepared for export, or null while the dialog is closed. */
  chart = $state.raw<ChartExport | null>(null);
  /** The figure whose formats are offered, or null while that dialog is closed. */
  figure = $state.raw<FigureExport | null>(null);
}

export const exportDialog = new ExportDialogState();

/** A chart's export button: "edit" opens the dialog (title, legend labels, size, font, preview); the others save at once. */
export function exportOrEdit(
  api: WorkbenchApi,
  prefs: ChartPrefs,
  chart: ChartExport,
  format: ExportFormat | 'edit',
): Promise<void> | void {
  if (format === 'edit') exportDialog.chart = chart;
  else return saveChart(api, prefs, chart, format);
}

/** The charts on the page that can be exported, by their element: each opens its own export dialog. */
// Read only when the menu command comes, never rendered: nothing needs to react to it.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const exportable = new Map<HTMLElement, () => void>();

/** Offers a chart to File › Export…; returns the function that withdraws it (when the chart goes). */
export function offerExport(element: HTMLElement, open: () => void): () => void {
  exportable.set(element, open);
  return () => void exportable.delete(element);
}

/**
 * Offers a figure that is no Chart.js chart to File › Export…: it opens the choice of the figure's formats (read when
 * asked, so the heading is in the language of the moment). Returns the function that withdraws it.
 */
export function offerFigure(element: HTMLElement, figure: () => FigureExport): () => void {
  return offerExport(element, () => (exportDialog.figure = figure()));
}

/**
 * File › Export…: opens the export dialog of the first figure on the page, in reading order (the current view's
 * main chart or figure). False if the view shows no figure that exports.
 */
export function exportFirstChart(): boolean {
  const first = [...exportable.keys()]
    .filter((element) => element.isConnected)
    .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))[0];
  if (!first) return false;
  exportable.get(first)!();
  return true;
}
