/** Chart series of runs: loss per iteration (raw and smoothed) and accuracy per epoch. */
import type { RunRecord } from '../../../shared/run-record';
import { itersPerEpoch } from '../../../shared/engine/train';
import type { Series } from './chart-setup';
import { PALETTE } from './palette';
import { decimateArrays, smooth } from './series';
import type { LiveMetrics } from './workbench.svelte';

/**
 * Buckets per line: about one per pixel column of a wide chart; each keeps its first, minimum, maximum
 * and last point, so no spike is lost.
 */
const BUCKETS = 600;
/** Small multiples are about a third as wide. */
export const PANEL_BUCKETS = 200;

export type XAxis = 'iteration' | 'epoch' | 'time';

/** Axis titles. */
export const X_LABELS: Record<XAxis, string> = { iteration: 'iteration', epoch: 'epoch', time: 'time (s)' };

/** Iterations per epoch of a run, as the loop computes it (MNIST's 60 000 training images unless limited). */
function itersPerEpochOf(run: RunRecord): number {
  return itersPerEpoch(run.config.trainSize ?? 60000, run.config.batchSize);
}

/** How a run is named in legends. */
export type Labeller = (run: RunRecord) => string;
const byName: Labeller = (run) => run.name;

export function lossSeries(
  runs: RunRecord[], metrics: (id: string) => LiveMetrics | undefined, colour: (id: string) => string, smoothing: number, x: XAxis,
  label: Labeller = byName, buckets = BUCKETS,
): Series[] {
  return runs.flatMap((run) => {
    const m = metrics(run.id);
    if (!m || m.losses.length === 0) return [];
    const xs = x === 'time' ? m.seconds : x === 'epoch' ? m.iterations.map((i) => i / itersPerEpochOf(run)) : m.iterations;
    const raw = decimateArrays(xs, m.losses, buckets);
    const color = colour(run.id);
    const name = label(run);
    if (!(smoothing > 0)) return [{ label: name, color, points: raw }];
    return [
      { label: `${name} (raw)`, color, points: raw, faint: true, unlisted: true },
      { label: name, color, points: decimateArrays(xs, smooth(m.losses, smoothing), buckets) },
    ];
  });
}

export function accuracySeries(runs: RunRecord[], metrics: (id: string) => LiveMetrics | undefined, colour: (id: string) => string, x: XAxis, label: Labeller = byName): Series[] {
  return runs.flatMap((run) => {
    const m = metrics(run.id);
    if (!m || m.epochs.length === 0) return [];
    const at = (e: LiveMetrics['epochs'][number]) => (x === 'epoch' ? e.epoch : x === 'time' ? e.seconds ?? Number.NaN : e.iteration);
    const color = colour(run.id);
    const name = label(run);
    return [
      { label: `${name} · test`, color, points: m.epochs.map((e) => ({ x: at(e), y: e.testAcc })), markers: true },
      { label: `${name} · train`, color, points: m.epochs.map((e) => ({ x: at(e), y: e.trainAcc })), faint: true, markers: true },
    ];
  });
}

export function paletteColour(index: number): string {
  return PALETTE[index % PALETTE.length];
}
