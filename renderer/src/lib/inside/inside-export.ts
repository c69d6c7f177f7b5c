/**
 * The Inside view's numbers and pictures as files: the confusion matrix, per-class accuracy, predictions,
 * softmax outputs and activations as CSV, an analysis as JSON, SVG figures as SVG or PNG, per-class accuracy
 * as a chart of the app's.
 */
import { csvField } from '../../../../shared/csv';
import type { WorkbenchApi } from '../../../../shared/api';
import type { InsideAnalysis, PerClassHistory } from '../../../../shared/inside/inside-schemas';
import type { ChartExport } from '../chart-export';
import type { Series } from '../chart-setup';
import { figurePng } from '../figure';
import { t } from '../i18n';
import { PALETTE } from '../palette';

/** One header row (`true\pred`, 0 … 9) and one row per true class of counts. */
export function confusionCsv(confusion: number[][]): string {
  const header = ['true\\pred', ...confusion.map((_, p) => String(p))].map(csvField).join(',');
  return [header, ...confusion.map((row, t) => [t, ...row].join(','))].join('\n') + '\n';
}

/** One row per snapshot: its iteration (empty for final weights), epoch, and each class's accuracy. */
export function perClassCsv(history: PerClassHistory): string {
  const classes = history.points[0]?.perClass.length ?? 0;
  const header = ['iteration', 'epoch', ...Array.from({ length: classes }, (_, c) => `class_${c}`)].join(',');
  const rows = history.points.map((p) => [p.iteration, p.epoch, ...p.perClass].map((v) => csvField(v)).join(','));
  return [header, ...rows].join('\n') + '\n';
}

/** The whole analysis with its run: confusion matrix, every image's label and prediction, the mistakes with softmax outputs. */
export function analysisJson(runId: string, analysis: InsideAnalysis): string {
  return `${JSON.stringify({ runId, ...analysis }, null, 1)}\n`;
}

/** One row per test image: its index, true class, predicted class, and whether they agree. */
export function predictionsCsv(analysis: InsideAnalysis): string {
  const rows = analysis.labels.map(
    (label, i) => `${i},${label},${analysis.predicted[i]},${label === analysis.predicted[i] ? 1 : 0}`,
  );
  return ['index,label,predicted,correct', ...rows].join('\n') + '\n';
}

/** Softmax outputs of one image by one or several runs: one row per run and class. */
export function softmaxCsv(groups: { name: string; probabilities: number[] }[]): string {
  const rows = groups.flatMap((g) => g.probabilities.map((p, c) => [csvField(g.name), c, p].join(',')));
  return ['run,class,probability', ...rows].join('\n') + '\n';
}

/** The hidden units' activations for one image (units numbered from 1, as on screen). */
export function activationsCsv(activations: readonly number[]): string {
  return ['unit,activation', ...activations.map((a, j) => `${j + 1},${a}`)].join('\n') + '\n';
}

/** A file name stem: what, then the run and the snapshot ("final" for a run's final weights). */
export function insideFileName(runId: string, iteration: number | null | undefined, what: string): string {
  return `${runId}-${iteration ?? 'final'}-${what}`;
}

/** Saves an SVG document as `name`.svg, or as `name`.png drawn from it at the figures' resolution (figure.ts). */
export async function saveSvgDocument(api: WorkbenchApi, svg: string, name: string, format: 'svg' | 'png'): Promise<void> {
  if (format === 'svg') await api.saveFile({ suggestedName: `${name}.svg`, mime: 'image/svg+xml', data: svg, base64: false });
  else await api.saveFile({ suggestedName: `${name}.png`, mime: 'image/png', data: await figurePng(svg), base64: true });
}

/**
 * Per-class test accuracy over the snapshots as a line chart of the app's (LineChart, and its exports: PNG,
 * SVG, CSV, JSON, the export dialog): a line per class over the epoch, and the snapshot on the slider as a
 * dashed vertical line. Final weights without an epoch stand at x = 0.
 */
export function perClassChart(history: PerClassHistory, current: number, title: string): ChartExport {
  const x = (p: PerClassHistory['points'][number]) => p.epoch ?? 0;
  const classes = history.points[0]?.perClass.length ?? 0;
  const series: Series[] = Array.from({ length: classes }, (_, c) => ({
    label: String(c),
    color: PALETTE[c % PALETTE.length],
    markers: history.points.length < 30,
    points: history.points.flatMap((p) => (p.perClass[c] === null ? [] : [{ x: x(p), y: p.perClass[c]! }])),
  }));
  const at = history.points[current];
  if (at && history.points.length > 1)
    series.push({
      label: t('inside.figure.snapshot'),
      color: '#8c959f',
      dashed: true,
      unlisted: true,
      points: [
        { x: x(at), y: 0 },
        { x: x(at), y: 1 },
      ],
    });
  return {
    kind: 'per-class-accuracy',
    title,
    subtitle: '',
    series,
    look: { xLabel: t('charts.axis.epoch'), yLabel: t('inside.figure.testAccuracy'), logY: false, yRange: { min: 0, max: 1 } },
    csv: () => perClassCsv(history),
    plotted: t('inside.figure.perClassPlotted'),
  };
}
