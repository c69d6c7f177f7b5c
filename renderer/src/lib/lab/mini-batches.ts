/**
 * The Lab's mini-batch page (§4.2.3) as chart series: for each network, every kept estimate as a point over
 * its batch size, their mean and the band of their middle 90 %, and the full loss they estimate; and the spread
 * against batch size on log-log axes beside σ/√batch, the line it should follow.
 */
import type { MiniBatchStudy, NetworkEstimates } from '../../../../shared/lab/lab-schemas';
import type { ChartLook, Series } from '../chart-setup';
import { t } from '../i18n';
import { PALETTE } from '../palette';

/** The two networks of a study, as the page names them. */
export const NETWORKS = [
  { key: 'untrained', label: 'lab.miniBatches.untrained', color: PALETTE[1] },
  { key: 'trained', label: 'lab.miniBatches.trained', color: PALETTE[0] },
] as const;

/** The estimates of one network: points, mean ± spread, and the full loss. */
export function estimateSeries(estimates: NetworkEstimates, color: string): Series[] {
  const { batches, fullLoss } = estimates;
  return [
    {
      label: t('lab.miniBatches.oneBatch'),
      color,
      faint: true,
      noLine: true,
      pointRadius: 1.5,
      points: batches.flatMap((b) => b.estimates.map((y) => ({ x: b.batchSize, y }))),
    },
    {
      label: t('lab.miniBatches.p05'),
      color,
      unlisted: true,
      faint: true,
      points: batches.map((b) => ({ x: b.batchSize, y: b.p05 })),
    },
    {
      label: t('lab.miniBatches.middle90'),
      color,
      faint: true,
      fillToPrevious: true,
      points: batches.map((b) => ({ x: b.batchSize, y: b.p95 })),
    },
    { label: t('lab.miniBatches.meanSeries'), color, markers: true, points: batches.map((b) => ({ x: b.batchSize, y: b.mean })) },
    {
      label: t('lab.miniBatches.fullSeries'),
      color: PALETTE[2],
      dashed: true,
      points: [batches[0], batches[batches.length - 1]].map((b) => ({ x: b.batchSize, y: fullLoss })),
    },
  ];
}

/** The estimates' axes, in the page's language. */
export const estimateLook = (): ChartLook => ({
  xLabel: t('lab.miniBatches.batchSize'),
  yLabel: t('lab.miniBatches.lossAxis'),
  logY: false,
  logX: true,
});

/** The spread of each network's estimates and σ/√batch, on log-log axes. */
export function spreadSeries(study: MiniBatchStudy): Series[] {
  return NETWORKS.flatMap(({ key, label, color }) => [
    {
      label: t('lab.miniBatches.spreadSeries', { network: t(label) }),
      color,
      noLine: true,
      markers: true,
      pointRadius: 4,
      points: study[key].batches.map((b) => ({ x: b.batchSize, y: b.std })),
    },
    {
      label: t('lab.miniBatches.predicted', { network: t(label) }),
      color,
      dashed: true,
      points: study[key].batches.map((b) => ({ x: b.batchSize, y: b.predictedStd })),
    },
  ]);
}

/** The spread's log-log axes, in the page's language. */
export const spreadLook = (): ChartLook => ({
  xLabel: t('lab.miniBatches.batchSize'),
  yLabel: t('lab.miniBatches.spreadAxis'),
  logY: true,
  logX: true,
});

/** The estimates at one batch size (the book's 100), for the page's text. */
export function atBatch(estimates: NetworkEstimates, size: number) {
  return estimates.batches.find((b) => b.batchSize === size) ?? null;
}
