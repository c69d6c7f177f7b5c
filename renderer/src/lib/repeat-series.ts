/**
 * Chart lines of repeat groups: per group a mean line over its runs with a shaded band (min–max, ±1 sd or the 95 %
 * CI of the mean), the runs themselves faint on demand; curves aligned by iteration (shared/stats/curve-band.ts).
 */
import type { RepeatGroup } from '../../../shared/repeat-groups';
import type { RunRecord } from '../../../shared/run-record';
import { smoothed } from '../../../shared/smoothing';
import { curveBand, type BandKind, type Curve } from '../../../shared/stats/curve-band';
import type { Series } from './chart-setup';
import type { LiveMetrics } from './workbench.svelte';

export const BAND_LABELS: Record<BandKind, string> = { minmax: 'min–max', sd: '±1 sd', ci95: '95% CI of the mean' };

/** Most points a band's lines keep: the mean of a group is smooth, and thousands of points only slow the redraw. */
const MAX_BAND_POINTS = 800;

/** What a group chart plots of each run: its loss (smoothed with `smoothing`) or its test accuracy per measurement. */
export type GroupMetric = { kind: 'loss'; smoothing: number } | { kind: 'testAcc' };

/** A run's curve of `metric` by iteration, or undefined before its history has loaded. */
export function runCurve(m: LiveMetrics | undefined, metric: GroupMetric): Curve | undefined {
  if (!m) return undefined;
  if (metric.kind === 'testAcc') return { x: m.epochs.map((e) => e.iteration), y: m.epochs.map((e) => e.testAcc) };
  return { x: m.iterations, y: metric.smoothing > 0 ? smoothed(m.losses, metric.smoothing) : m.losses };
}

/** Every `stride`-th index and the last, so that at most MAX_BAND_POINTS remain. */
function thinned(length: number): number[] {
  const stride = Math.max(1, Math.ceil(length / MAX_BAND_POINTS));
  const kept = [];
  for (let i = 0; i < length; i += stride) kept.push(i);
  if (kept[kept.length - 1] !== length - 1 && length > 0) kept.push(length - 1);
  return kept;
}

export interface GroupSeriesOptions {
  readonly band: BandKind;
  /** Draw each run of a group faint under its mean. */
  readonly showRuns: boolean;
}

/**
 * Lines of the groups: for each, the band's lower edge, its upper edge (shaded down to the lower one), the mean
 * ("lr 0.1 · mean of 3") and, on demand, the runs faint. Groups of one run draw that run alone.
 */
export function groupSeries(
  groups: readonly RepeatGroup[], metrics: (id: string) => LiveMetrics | undefined, colour: (groupIndex: number) => string,
  metric: GroupMetric, options: GroupSeriesOptions,
): Series[] {
  return groups.flatMap((group, g) => {
    const color = colour(g);
    const measured = group.runs
      .map((run: RunRecord) => ({ run, curve: runCurve(metrics(run.id), metric) }))
      .filter((m): m is { run: RunRecord; curve: Curve } => m.curve !== undefined && m.curve.x.length > 0);
    if (measured.length === 0) return [];
    const band = curveBand(measured.map((m) => m.curve), options.band);
    const kept = thinned(band.x.length);
    const line = (values: number[]) => kept.map((i) => ({ x: band.x[i], y: values[i] }));
    const series: Series[] = [
      { label: `${group.label} · lower`, color, points: line(band.lower), faint: true, unlisted: true },
      { label: `${group.label} · ${BAND_LABELS[options.band]}`, color, points: line(band.upper), faint: true, unlisted: true, fillToPrevious: true },
      { label: `${group.label} · mean of ${measured.length}`, color, points: line(band.mean), markers: metric.kind === 'testAcc' },
    ];
    if (options.showRuns) {
      for (const { run, curve } of measured) {
        const points = thinned(curve.x.length).map((i) => ({ x: curve.x[i], y: curve.y[i] }));
        series.push({ label: `${group.label} · seed ${run.config.seed}`, color, points, faint: true, unlisted: true });
      }
    }
    return series;
  });
}
