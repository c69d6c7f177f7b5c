/** Chart titles and keys, in words that follow the chart's settings. Pure. */
import type { LegendKey } from './chart-setup';
import type { XAxis } from './run-series';

/** "Loss per iteration", "Accuracy per epoch", "Loss over time": the title follows the x axis. */
export function chartTitle(quantity: string, x: XAxis): string {
  return x === 'time' ? `${quantity} over time` : `${quantity} per ${x}`;
}

/** The accuracy chart's one key to its line styles (each run has one legend entry, its test accuracy). */
export const ACCURACY_KEY: LegendKey[] = [
  { label: 'solid = test', dashed: false },
  { label: 'dashed = train', dashed: true },
];
