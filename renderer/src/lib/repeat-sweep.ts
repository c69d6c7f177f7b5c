/**
 * The sweep result of a sweep with repeats: per swept value the mean final test accuracy over its seeds with an
 * error bar (the 95 % CI of the mean), the seeds themselves as dots, and the mean train accuracy dashed.
 */
import { describeSample } from '../../../shared/stats/sample';
import type { Series } from './chart-setup';
import { t } from './i18n';

/** A run's place on the sweep chart: the swept value and its final accuracies. */
export interface PlacedRun {
  readonly x: number;
  readonly testAcc: number | null;
  readonly trainAcc: number | null;
}

/**
 * Lines of the sweep chart when some value was trained over several seeds (null otherwise: one run per value
 * draws as before). `color` is the accuracy line's colour; `describe` gives a seed's dot its tooltip line.
 */
export function repeatedSweepSeries<P extends PlacedRun>(
  measured: readonly P[],
  color: string,
  describe?: (run: P) => string,
): Series[] | null {
  const byX = new Map<number, P[]>();
  for (const p of measured) byX.set(p.x, [...(byX.get(p.x) ?? []), p]);
  if (![...byX.values()].some((runs) => runs.length > 1)) return null;
  const xs = [...byX.keys()].sort((a, b) => a - b);
  const finite = (values: Array<number | null>) => values.filter((v): v is number => v !== null && Number.isFinite(v));
  const test = xs.map((x) => ({ x, sample: describeSample(finite(byX.get(x)!.map((p) => p.testAcc))) }));
  const train = xs.map((x) => ({ x, sample: describeSample(finite(byX.get(x)!.map((p) => p.trainAcc))) }));
  const seeds = measured.filter((p) => p.testAcc !== null);
  const series: Series[] = [
    {
      label: t('sweepChart.meanTest'),
      color,
      points: test.filter((t) => t.sample.mean !== null).map((t) => ({ x: t.x, y: t.sample.mean! })),
      markers: true,
    },
    {
      label: t('sweepChart.meanTrain'),
      color,
      points: train.filter((t) => t.sample.mean !== null).map((t) => ({ x: t.x, y: t.sample.mean! })),
      dashed: true,
    },
    {
      label: t('sweepChart.eachSeed'),
      color,
      points: seeds.map((p) => ({ x: p.x, y: p.testAcc! })),
      noLine: true,
      markers: true,
      faint: true,
      pointRadius: 3,
      ...(describe ? { pointDetails: seeds.map(describe) } : {}),
    },
  ];
  // An error bar is a vertical line of two points at the value: Chart.js draws no error bars of its own.
  for (const { x, sample } of test) {
    if (sample.ci95)
      series.push({
        label: `95% CI at ${x}`,
        color,
        points: [
          { x, y: sample.ci95[0] },
          { x, y: sample.ci95[1] },
        ],
        unlisted: true,
        pointStyle: 'line',
        pointRadius: 6,
      });
  }
  return series;
}
