/** The compare view's sweep result (final accuracy against the swept value) and the panels' shared scale. Pure. */
import type { RunRecord } from '../../../shared/run-record';
import type { ChartLook, Series } from './chart-setup';
import { fieldInWords, fieldPhrase, learningVerdict, niceCeiling, summaryRow, sweptValue } from './compare';
import { PALETTE } from './palette';
import { formatNumber, t } from './i18n';
import { repeatedSweepSeries } from './repeat-sweep';
import { runHyperparameters } from './run-description';

/** A run placed on the sweep's x axis. */
export interface SweepPoint {
  run: RunRecord;
  x: number;
  testAcc: number | null;
  trainAcc: number | null;
}

/** The sweep chart: its lines and marks, its look, and which runs are the best, did not learn, or diverged. */
export interface SweepChart {
  series: Series[];
  look: ChartLook;
  best: SweepPoint | null;
  didNotLearn: SweepPoint[];
  diverged: SweepPoint[];
}

/** Marks: the best run a green diamond, runs that did not learn a vermillion ×, diverged runs a grey triangle on the axis. */
const LINE = PALETTE[0];
const BEST = PALETTE[2];
const FAILED = PALETTE[1];
const DIVERGED = PALETTE[7];

/**
 * The sweep result of `runs` over `field`, or null with fewer than two placeable runs. The x axis names
 * the parameter in words and has a tick at every swept value (log scale for positive values spanning a
 * decade or more); diverged runs have no accuracy and are marked at 0.
 */
export function sweepChart(runs: readonly RunRecord[], field: string): SweepChart | null {
  const placed: SweepPoint[] = [];
  for (const run of runs) {
    const x = sweptValue(run, field);
    const row = summaryRow(run);
    if (x !== null) placed.push({ run, x, testAcc: row.testAcc, trainAcc: row.trainAcc });
  }
  if (placed.length < 2) return null;
  placed.sort((a, b) => a.x - b.x);
  const verdicts = new Map(placed.map((p) => [p.run.id, learningVerdict(p.run)]));
  const measured = placed.filter((p) => verdicts.get(p.run.id) !== 'diverged' && p.testAcc !== null);
  const didNotLearn = measured.filter((p) => verdicts.get(p.run.id) === 'did not learn');
  const diverged = placed.filter((p) => verdicts.get(p.run.id) === 'diverged');
  const learners = measured.filter((p) => verdicts.get(p.run.id) === null);
  const best = learners.reduce<SweepPoint | null>((top, p) => (top === null || p.testAcc! > top.testAcc! ? p : top), null);
  const xs = [...new Set(placed.map((p) => p.x))];
  const logX = xs[0] > 0 && xs[xs.length - 1] / xs[0] >= 10;
  const words = fieldInWords(field);
  // A sweep with repeats: the mean per value with error bars, the seeds as dots (repeat-sweep.ts).
  // Each run's point tells its hyperparameters in the tooltip.
  const details = (points: readonly SweepPoint[]) => points.map((p) => runHyperparameters(p.run));
  const trained = measured.filter((p) => p.trainAcc !== null && Number.isFinite(p.trainAcc));
  const series: Series[] = repeatedSweepSeries(measured, LINE, (p) => runHyperparameters(p.run)) ?? [
    {
      label: t('sweepChart.finalTest'),
      color: LINE,
      points: measured.map((p) => ({ x: p.x, y: p.testAcc! })),
      markers: true,
      pointDetails: details(measured),
    },
    {
      label: t('sweepChart.finalTrain'),
      color: LINE,
      points: trained.map((p) => ({ x: p.x, y: p.trainAcc! })),
      markers: true,
      dashed: true,
      pointDetails: details(trained),
    },
  ];
  if (best)
    series.push({
      label: t('sweepChart.best', {
        value: fieldPhrase(field, best.x),
        accuracy: formatNumber(best.testAcc!, { minimumFractionDigits: 3, maximumFractionDigits: 3 }),
      }),
      color: BEST,
      points: [{ x: best.x, y: best.testAcc! }],
      pointStyle: 'rectRot',
      pointRadius: 8,
      noLine: true,
      pointDetails: details([best]),
    });
  if (didNotLearn.length)
    series.push({
      label: t('runs.didNotLearn'),
      color: FAILED,
      points: didNotLearn.map((p) => ({ x: p.x, y: p.testAcc! })),
      pointStyle: 'crossRot',
      pointRadius: 8,
      noLine: true,
      pointDetails: details(didNotLearn),
    });
  if (diverged.length)
    series.push({
      label: t('sweepChart.diverged'),
      color: DIVERGED,
      points: diverged.map((p) => ({ x: p.x, y: 0 })),
      pointStyle: 'triangle',
      pointRadius: 7,
      noLine: true,
      pointDetails: details(diverged),
    });
  return {
    series,
    look: { xLabel: words, yLabel: t('sweepChart.finalAccuracy'), logY: false, logX, xTicks: xs, yRange: { min: 0, max: 1 } },
    best,
    didNotLearn,
    diverged,
  };
}

/**
 * The y range side-by-side loss panels share: 0 … a round top on a linear axis; whole powers of ten around
 * the data on a log axis. Null without data.
 */
export function panelRange(series: readonly Series[], logY: boolean): { min: number; max: number } | null {
  let min = Infinity;
  let max = -Infinity;
  for (const s of series)
    for (const p of s.points)
      if (Number.isFinite(p.y) && (!logY || p.y > 0)) {
        min = Math.min(min, p.y);
        max = Math.max(max, p.y);
      }
  if (!(min < max)) return null;
  if (logY) return { min: 10 ** Math.floor(Math.log10(min)), max: 10 ** Math.ceil(Math.log10(max)) };
  // Losses are never negative: the panels share 0 … a tidy top, so their ticks are round numbers.
  return { min: 0, max: niceCeiling(max) };
}
