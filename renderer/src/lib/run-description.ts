/** A run in words for tooltips: its name, its hyperparameters, how it ended. Pure. */
import type { RunRecord } from '../../../shared/run-record';
import { sharedDescription } from './compare';
import { formatNumber, t } from './i18n';
import { statusText } from './status-text';
import { finalTestAcc } from './runs-table-columns';
import { shownName } from './run-name';

/** The run's hyperparameters: "784-50-10 sigmoid · lr 0.1 · batch 100 · 2000 iterations · seed 3" (the book's usual values left out). */
export function runHyperparameters(run: RunRecord): string {
  return sharedDescription([run]);
}

/** Name, hyperparameters and final test accuracy on three lines. */
export function runDescription(run: RunRecord): string {
  const acc = finalTestAcc(run);
  const figure =
    acc === null
      ? ''
      : ` · ${t('runsView.chart.finalTestAcc', { acc: formatNumber(acc, { minimumFractionDigits: 4, maximumFractionDigits: 4 }) })}`;
  return `${shownName(run)}\n${runHyperparameters(run)}\n${statusText(run.status)}${figure}`;
}
