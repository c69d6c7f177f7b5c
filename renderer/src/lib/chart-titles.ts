/** Chart titles and keys, in words that follow the chart's settings and the page's language. */
import type { LegendKey } from './chart-setup';
import { t, type MessageKey } from './i18n';
import type { XAxis } from './run-series';

const TITLES: Record<'Loss' | 'Accuracy', Record<XAxis, MessageKey>> = {
  Loss: { iteration: 'charts.lossPerIteration', epoch: 'charts.lossPerEpoch', time: 'charts.lossOverTime' },
  Accuracy: { iteration: 'charts.accuracyPerIteration', epoch: 'charts.accuracyPerEpoch', time: 'charts.accuracyOverTime' },
};

/** "Loss per iteration", "Accuracy per epoch", "Loss over time": the title follows the x axis. */
export function chartTitle(quantity: 'Loss' | 'Accuracy', x: XAxis): string {
  return t(TITLES[quantity][x]);
}

/**
 * The accuracy chart's one key to its line styles (each run has one legend entry, its test accuracy). The labels
 * are read when drawn, so they follow the page's language.
 */
export const ACCURACY_KEY: LegendKey[] = [
  {
    get label() {
      return t('charts.keyTest');
    },
    dashed: false,
  },
  {
    get label() {
      return t('charts.keyTrain');
    },
    dashed: true,
  },
];
