/** Chart series of runs: loss per iteration (raw and smoothed) and accuracy per epoch. */
import type { RunRecord } from '../../../shared/run-record';
import { itersPerEpoch } from '../../../shared/engine/train';
import type { Series } from './chart-setup';
import { PALETTE } from './palette';
import { runHyperparameters } from './run-description';
import { IncrementalDecimation, IncrementalSmoothing, type Point } from './series';
import { t } from './i18n';
import type { LiveMetrics } from './live-metrics';
import { shownName } from './run-name';

/**
 * Buckets per line: about one per pixel column of a wide chart; each keeps its first, minimum, maximum
 * and last point, so no spike is lost.
 */
const BUCKETS = 400;
/** Small multiples are about a third as wide. */
export const PANEL_BUCKETS = 200;

export type XAxis = 'iteration' | 'epoch' | 'time';

/** Axis titles. */
/** The x axis' title in the page's language (read when drawn). */
export const X_LABELS: Record<XAxis, string> = {
  get iteration() {
    return t('charts.axis.iteration');
  },
  get epoch() {
    return t('charts.axis.epoch');
  },
  get time() {
    return t('charts.axis.time');
  },
};

/**
 * Iterations per epoch of a run, whatever its dataset: each measurement records `epoch = iteration / iter_per_epoch`
 * (shared/engine/train.ts), so any one after iteration 0 gives it. Before that, a run limited to `trainSize` images
 * has `trainSize / batch`; one on a whole dataset of a size not yet known has no epoch axis (undefined) until then.
 */
export function itersPerEpochOf(run: RunRecord, m: LiveMetrics): number | undefined {
  const measured = m.epochs.find((e) => e.iteration > 0 && e.epoch > 0);
  if (measured) return measured.iteration / measured.epoch;
  return run.config.trainSize === null ? undefined : itersPerEpoch(run.config.trainSize, run.config.batchSize);
}

/** How a run is named in legends. */
export type Labeller = (run: RunRecord) => string;
const byName: Labeller = (run) => shownName(run);

/**
 * What has been computed for a run's curve, kept between redraws: x values (epochs), smoothed losses and
 * decimations only grow with the run, so a redraw costs the points added since the last one.
 * Keyed by the run's LiveMetrics object, so a reloaded history starts afresh.
 */
interface CurveCache {
  epochXs: number[];
  /** The iterations per epoch `epochXs` were computed with. */
  perEpoch?: number;
  smoothings: Map<number, IncrementalSmoothing>;
  decimations: Map<string, IncrementalDecimation>;
}
const caches = new WeakMap<LiveMetrics, CurveCache>();
/** Settings tried (smoothing slider positions, axes) whose caches are kept per run before starting over. */
const MAX_CACHED = 16;

function cacheOf(m: LiveMetrics): CurveCache {
  let cache = caches.get(m);
  if (!cache) caches.set(m, (cache = { epochXs: [], smoothings: new Map(), decimations: new Map() }));
  if (cache.smoothings.size > MAX_CACHED) cache.smoothings.clear();
  if (cache.decimations.size > MAX_CACHED) cache.decimations.clear();
  return cache;
}

/** The x values of a run's losses on axis `x`; undefined on the epoch axis while the run's epoch length is unknown. */
function xsOf(run: RunRecord, m: LiveMetrics, x: XAxis, cache: CurveCache): number[] | undefined {
  if (x === 'time') return m.seconds;
  if (x === 'iteration') return m.iterations;
  const perEpoch = itersPerEpochOf(run, m);
  if (perEpoch === undefined) return undefined;
  if (cache.perEpoch !== perEpoch) {
    // First known, or measured where it was only computed from trainSize: start the x values (and their curves) afresh.
    cache.perEpoch = perEpoch;
    cache.epochXs = [];
    for (const key of cache.decimations.keys()) if (key.startsWith('epoch|')) cache.decimations.delete(key);
  }
  for (let i = cache.epochXs.length; i < m.iterations.length; i++) cache.epochXs.push(m.iterations[i] / perEpoch);
  return cache.epochXs;
}

function decimated(cache: CurveCache, key: string, buckets: number, xs: number[], ys: number[]): Point[] {
  let decimation = cache.decimations.get(key);
  if (!decimation) cache.decimations.set(key, (decimation = new IncrementalDecimation(buckets)));
  return decimation.update(xs, ys);
}

export function lossSeries(
  runs: RunRecord[],
  metrics: (id: string) => LiveMetrics | undefined,
  colour: (id: string) => string,
  smoothing: number,
  x: XAxis,
  label: Labeller = byName,
  buckets = BUCKETS,
): Series[] {
  return runs.flatMap((run) => {
    const m = metrics(run.id);
    if (!m || m.losses.length === 0) return [];
    const cache = cacheOf(m);
    const xs = xsOf(run, m, x, cache);
    if (!xs) return [];
    const raw = decimated(cache, `${x}|raw|${buckets}`, buckets, xs, m.losses);
    const color = colour(run.id);
    const name = label(run);
    const detail = runHyperparameters(run);
    if (!(smoothing > 0)) return [{ label: name, color, points: raw, detail }];
    let smoother = cache.smoothings.get(smoothing);
    if (!smoother) cache.smoothings.set(smoothing, (smoother = new IncrementalSmoothing(smoothing)));
    const smoothed = smoother.update(m.losses);
    return [
      { label: `${name} (raw)`, color, points: raw, faint: true, unlisted: true, detail },
      // A smoothed curve has no spikes to keep: a quarter of the buckets draws it just as well, and
      // the redraw of many live runs is mostly the drawing of points.
      {
        label: name,
        color,
        points: decimated(cache, `${x}|${smoothing}|${buckets}`, Math.ceil(buckets / 4), xs, smoothed),
        detail,
      },
    ];
  });
}

export function accuracySeries(
  runs: RunRecord[],
  metrics: (id: string) => LiveMetrics | undefined,
  colour: (id: string) => string,
  x: XAxis,
  label: Labeller = byName,
): Series[] {
  return runs.flatMap((run) => {
    const m = metrics(run.id);
    if (!m || m.epochs.length === 0) return [];
    const at = (e: LiveMetrics['epochs'][number]) =>
      x === 'epoch' ? e.epoch : x === 'time' ? (e.seconds ?? Number.NaN) : e.iteration;
    const color = colour(run.id);
    const name = label(run);
    const detail = runHyperparameters(run);
    // One legend entry per run (its test accuracy); the dashed train line is explained once by the chart's key.
    return [
      { label: name, color, points: m.epochs.map((e) => ({ x: at(e), y: e.testAcc })), markers: true, detail },
      {
        label: `${name} · train`,
        detail,
        color,
        points: m.epochs.map((e) => ({ x: at(e), y: e.trainAcc })),
        dashed: true,
        unlisted: true,
        markers: true,
      },
    ];
  });
}

export function paletteColour(index: number): string {
  return PALETTE[index % PALETTE.length];
}
