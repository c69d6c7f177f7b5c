/**
 * The Inside view's numbers and pictures as files: the confusion matrix, per-class accuracy, predictions,
 * softmax outputs and activations as CSV, an analysis as JSON (the pictures: inside-figures.ts; per-class
 * accuracy as a chart: per-class-chart.ts). Plain text from plain numbers, without the page.
 */
import { csvField } from '../../../../shared/csv';
import type { InsideAnalysis, PerClassHistory } from '../../../../shared/inside/inside-schemas';

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
