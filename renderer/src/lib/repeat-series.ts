/**
 * Chart lines of repeat groups: per group a mean line over its runs with a shaded band (min–max, ±1 sd or the 95 %
 * CI of the mean), the runs themselves faint on demand; curves aligned on the charts' x axis — iteration, epoch or
 * time — each run read there by interpolation (shared/stats/curve-band.ts).
 */
import { groupRepeats, type RepeatGroup } from '../../../shared/repeat-groups';
import type { RunRecord } from '../../../shared/run-record';
import { smoothed } from '../../../shared/smoothing';
import { curveBand, type BandKind, type Curve } from '../../../shared/stats/curve-band';
import type { ChartLook, Series } from './chart-setup';
import { PAGE_PHRASES, sharedDescription } from './compare';
import { runHyperparameters } from './run-description';
import { itersPerEpochOf, paletteColour, X_LABELS, type XAxis } from './run-series';
import { t } from './i18n';
import type { LiveMetrics } from './workbench.svelte';

/** The bands' names in the page's language (read when drawn). */
export const BAND_LABELS: Record<BandKind, string> = {
  get minmax() {
    return t('repeats.bandMinMax');
  },
  get sd() {
    return t('repeats.bandSd');
  },
  get ci95() {
    return t('repeats.bandCi95');
  },
};

/** A group's own loss panel as a figure's title: "Loss: lr 0.1, mean and min–max". */
export function groupPanelTitle(label: string, band: BandKind): string {
  return t('repeats.panelTitle', { label, band: BAND_LABELS[band] });
}

/** Most points a band's lines keep: the mean of a group is smooth, and thousands of points only slow the redraw. */
const MAX_BAND_POINTS = 800;

/** What a group chart plots of each run: its loss (smoothed with `smoothing`) or its test accuracy per measurement. */
export type GroupMetric = { kind: 'loss'; smoothing: number } | { kind: 'testAcc' };

/**
 * A run's curve of `metric` against `x` (iterations, epochs or seconds), or undefined before its history has loaded
 * (and on the epoch axis while the run's epoch length is unknown). Points without a time stamp drop out of the band.
 */
export function runCurve(
  run: RunRecord,
  m: LiveMetrics | undefined,
  metric: GroupMetric,
  x: XAxis = 'iteration',
): Curve | undefined {
  if (!m) return undefined;
  if (metric.kind === 'testAcc') {
    const at = (e: LiveMetrics['epochs'][number]) =>
      x === 'epoch' ? e.epoch : x === 'time' ? (e.seconds ?? Number.NaN) : e.iteration;
    return { x: m.epochs.map(at), y: m.epochs.map((e) => e.testAcc) };
  }
  const y = metric.smoothing > 0 ? smoothed(m.losses, metric.smoothing) : m.losses;
  if (x === 'time') return { x: m.seconds, y };
  if (x === 'iteration') return { x: m.iterations, y };
  const perEpoch = itersPerEpochOf(run, m);
  return perEpoch === undefined ? undefined : { x: m.iterations.map((i) => i / perEpoch), y };
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
  /** What the runs are aligned on (the chart settings' x axis); iterations unless given. */
  readonly xAxis?: XAxis;
}

/**
 * Lines of the groups: for each, the band's lower edge, its upper edge (shaded down to the lower one), the mean
 * ("lr 0.1 · mean of 3") and, on demand, the runs faint. Groups of one run draw that run alone.
 */
export function groupSeries(
  groups: readonly RepeatGroup[],
  metrics: (id: string) => LiveMetrics | undefined,
  colour: (groupIndex: number) => string,
  metric: GroupMetric,
  options: GroupSeriesOptions,
): Series[] {
  return groups.flatMap((group, g) => {
    const color = colour(g);
    const measured = group.runs
      .map((run: RunRecord) => ({ run, curve: runCurve(run, metrics(run.id), metric, options.xAxis) }))
      .filter((m): m is { run: RunRecord; curve: Curve } => m.curve !== undefined && m.curve.x.length > 0);
    if (measured.length === 0) return [];
    const band = curveBand(
      measured.map((m) => m.curve),
      options.band,
    );
    const kept = thinned(band.x.length);
    // The tooltip names what the group's runs share: everything but the seed.
    const detail = sharedDescription(group.runs);
    const line = (values: number[]) => kept.map((i) => ({ x: band.x[i], y: values[i] }));
    const series: Series[] = [
      {
        label: t('repeats.lowerEdge', { label: group.label }),
        color,
        points: line(band.lower),
        faint: true,
        unlisted: true,
        detail,
      },
      {
        label: `${group.label} · ${BAND_LABELS[options.band]}`,
        color,
        points: line(band.upper),
        faint: true,
        unlisted: true,
        fillToPrevious: true,
        detail,
      },
      {
        label: t('repeats.meanOf', { label: group.label, count: measured.length }),
        color,
        points: line(band.mean),
        markers: metric.kind === 'testAcc',
        detail,
      },
    ];
    if (options.showRuns) {
      for (const { run, curve } of measured) {
        const points = thinned(curve.x.length).map((i) => ({ x: curve.x[i], y: curve.y[i] }));
        series.push({
          label: t('repeats.seedLine', { label: group.label, seed: run.config.seed ?? '' }),
          color,
          points,
          faint: true,
          unlisted: true,
          detail: runHyperparameters(run),
        });
      }
    }
    return series;
  });
}

/** A chart of a figure: its lines and its look (title included: figures draw their titles). */
export interface GroupFigurePart {
  series: Series[];
  look: ChartLook;
}

/**
 * The compare view's two repeat-group charts — loss and test accuracy against iterations, each group its mean and
 * band — or null when no configuration was trained over more than one seed. The accuracy chart's lines are left out
 * of its legend (the colours are the loss chart's), as the report figure wants; the screen shows both legends.
 */
export function groupFigureParts(
  runs: readonly RunRecord[],
  metrics: (id: string) => LiveMetrics | undefined,
  prefs: { smoothing: number; logY: boolean; xAxis?: XAxis },
  options: GroupSeriesOptions,
): GroupFigurePart[] | null {
  const groups = groupRepeats(runs, PAGE_PHRASES);
  if (!groups.some((g) => g.runs.length > 1)) return null;
  const band = BAND_LABELS[options.band];
  const xAxis = prefs.xAxis ?? 'iteration';
  const aligned = { ...options, xAxis };
  return [
    {
      series: groupSeries(groups, metrics, paletteColour, { kind: 'loss', smoothing: prefs.smoothing }, aligned),
      look: { title: t('repeats.lossTitle', { band }), xLabel: X_LABELS[xAxis], yLabel: t('charts.axis.loss'), logY: prefs.logY },
    },
    {
      series: groupSeries(groups, metrics, paletteColour, { kind: 'testAcc' }, aligned),
      look: {
        title: t('repeats.accuracyTitle', { band }),
        xLabel: X_LABELS[xAxis],
        yLabel: t('repeats.testAccuracyAxis'),
        logY: false,
        yRange: { min: 0, max: 1 },
      },
    },
  ];
}
