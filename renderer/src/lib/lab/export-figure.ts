/**
 * The one way a Lab figure is saved, whatever draws it: a chart (Chart.js: PNG, SVG, its data as CSV/JSON, or
 * the export dialog) or an SVG figure of the page's own (the planes, the loss bars, the gradient tiles: PNG or
 * SVG). A failure becomes the page's error line instead of an unhandled rejection.
 */
import type { ChartLook, Series } from '../chart-setup';
import type { ExportFormat } from '../chart-export';
import { exportOrEdit } from '../export-dialog.svelte';
import { figureExportFailure, saveSvgDocument } from '../figure';
import type { Workbench } from '../workbench.svelte';
import { standaloneSvg } from './svg-export';

/** A chart of a Lab page. */
export interface LabChartFigure {
  readonly type: 'chart';
  /** File name stem, e.g. `lab-tangent`. */
  readonly name: string;
  readonly title: string;
  /** What the figure shows, with the book's section (`f(x) = …, x = 5 (Descent lab, §4.3)`). */
  readonly subtitle: string;
  readonly series: Series[];
  readonly look: ChartLook;
}

/** An SVG figure of a Lab page: the element on screen (copied with its computed colours) or a document drawn for the file. */
export interface LabSvgFigure {
  readonly type: 'svg';
  readonly name: string;
  readonly svg: SVGSVGElement | string;
}

export type LabFigure = LabChartFigure | LabSvgFigure;

/** A chart figure, as pages write it in their export handlers. */
export function labChart(name: string, title: string, subtitle: string, series: Series[], look: ChartLook): LabChartFigure {
  return { type: 'chart', name, title, subtitle, series, look };
}

/** The points of every series as a tidy CSV (series, x, y). */
export function seriesCsv(series: Series[]): string {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return ['series,x,y', ...series.flatMap((s) => s.points.map((p) => `${quote(s.label)},${p.x},${p.y}`))].join('\n') + '\n';
}

async function saveSvg(wb: Workbench, figure: LabSvgFigure, format: 'png' | 'svg'): Promise<void> {
  const text = typeof figure.svg === 'string' ? figure.svg : standaloneSvg(figure.svg);
  await saveSvgDocument(wb.api, text, figure.name, format);
}

/** Saves `figure` as `format` (a chart's 'edit' opens the export dialog); errors go to the page's error line. */
export async function exportLabFigure(wb: Workbench, figure: LabFigure, format: ExportFormat | 'edit'): Promise<void> {
  try {
    if (figure.type === 'svg') {
      if (format !== 'png' && format !== 'svg') throw new Error(`${figure.name} saves as PNG or SVG, not ${format}`);
      await saveSvg(wb, figure, format);
      return;
    }
    const { name, title, subtitle, series, look } = figure;
    const csv = () => seriesCsv(series);
    await exportOrEdit(
      wb.api,
      wb.prefs,
      { kind: name, title, subtitle, series, look, csv, plotted: 'every point computed' },
      format,
    );
  } catch (e) {
    wb.error = figureExportFailure(format, e);
  }
}
