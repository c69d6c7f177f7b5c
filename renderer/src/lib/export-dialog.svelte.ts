/** Which chart the export dialog is open for (one dialog for the whole page). */
import type { WorkbenchApi } from '../../../shared/api';
import { saveChart, type ChartExport, type ExportFormat } from './chart-export';
import type { ChartPrefs } from './workbench.svelte';

class ExportDialogState {
  /** The chart being prepared for export, or null while the dialog is closed. */
  chart = $state.raw<ChartExport | null>(null);
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
 * File › Export…: opens the export dialog of the first chart on the page, in reading order (the current view's
 * main chart). False if the view shows no chart that exports.
 */
export function exportFirstChart(): boolean {
  const first = [...exportable.keys()]
    .filter((element) => element.isConnected)
    .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))[0];
  if (!first) return false;
  exportable.get(first)!();
  return true;
}
