/**
 * The Lab's mini-batch page (§4.2.3) as chart series: for each network, every kept estimate as a point over
 * its batch size, their mean and the band of their middle 90 %, and the full loss they estimate; and the spread
 * against batch size on log-log axes beside σ/√batch, the line it should follow.
 */
import type { MiniBatchStudy, NetworkEstimates } from '../../../../shared/lab/lab-schemas';
import type { ChartLook, Series } from '../chart-setup';
import { PALETTE } from '../palette';

/** The two networks of a study, as the page names them. */
export const NETWORKS = [
  { key: 'untrained', label: 'untrained', color: PALETTE[1] },
  { key: 'trained', label: 'trained', color: PALETTE[0] },
] as const;

/** The estimates of one network: points, mean ± spread, and the full loss. */
export function estimateSeries(estimates: NetworkEstimates, color: string): Series[] {
  const { batches, fullLoss } = estimates;
  return [
    {
      label: 'one mini-batch',
      color,
      faint: true,
      noLine: true,
      pointRadius: 1.5,
      points: batches.flatMap((b) => b.estimates.map((y) => ({ x: b.batchSize, y }))),
    },
    {
      label: '5th percentile',
      color,
      unlisted: true,
      faint: true,
      points: batches.map((b) => ({ x: b.batchSize, y: b.p05 })),
    },
    {
      label: 'middle 90 % of the estimates',
      color,
      faint: true,
      fillToPrevious: true,
      points: batches.map((b) => ({ x: b.batchSize, y: b.p95 })),
    },
    { label: 'mean of the estimates', color, markers: true, points: batches.map((b) => ({ x: b.batchSize, y: b.mean })) },
    {
      label: 'loss of the whole training set',
      color: PALETTE[2],
      dashed: true,
      points: [batches[0], batches[batches.length - 1]].map((b) => ({ x: b.batchSize, y: fullLoss })),
    },
  ];
}

export const ESTIMATE_LOOK: ChartLook = { xLabel: 'batch size', yLabel: 'loss', logY: false, logX: true };

/** The spread of each network's estimates and σ/√batch, on log-log axes. */
export function spreadSeries(study: MiniBatchStudy): Series[] {
  return NETWORKS.flatMap(({ key, label, color }) => [
    {
      label: `${label}: spread of the estimates`,
      color,
      noLine: true,
      markers: true,
      pointRadius: 4,
      points: study[key].batches.map((b) => ({ x: b.batchSize, y: b.std })),
    },
    {
      label: `${label}: σ/√batch`,
      color,
      dashed: true,
      points: study[key].batches.map((b) => ({ x: b.batchSize, y: b.predictedStd })),
    },
  ]);
}

export const SPREAD_LOOK: ChartLook = { xLabel: 'batch size', yLabel: 'spread (standard deviation)', logY: true, logX: true };

/** The estimates at one batch size (the book's 100), for the page's text. */
export function atBatch(estimates: NetworkEstimates, size: number) {
  return estimates.batches.find((b) => b.batchSize === size) ?? null;
}
