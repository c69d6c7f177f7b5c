/** The Inside view's numbers as files: the confusion matrix and per-class accuracy as CSV, an analysis as JSON. */
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
