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
export function exportOrEdit(api: WorkbenchApi, prefs: ChartPrefs, chart: ChartExport, format: ExportFormat | 'edit'): Promise<void> | void {
  if (format === 'edit') exportDialog.chart = chart;
  else return saveChart(api, prefs, chart, format);
}
