/**
 * The "why not accuracy" page's second part (§4.2.5 on a trained MNIST network): the loss and the accuracy
 * along one weight as chart series, and how often each changed between neighbouring points.
 */
import type { WeightLine } from '../../../../shared/lab/lab-schemas';
import { t } from '../i18n';
import type { ChartLook, Series } from '../chart-setup';
import { PALETTE } from '../palette';

/** The weight first shown: W1's row for the image's centre pixel (14, 14), into hidden unit 0. */
export const DEFAULT_WEIGHT = { layer: 1, row: 14 * 28 + 14, col: 0, span: 5, points: 201, images: 100 } as const;

/** The pixel (column x, row y) of a W1 row for square images of `pixels` pixels, or null if they are not square. */
export function pixelOf(row: number, pixels: number): { x: number; y: number } | null {
  const side = Math.round(Math.sqrt(pixels));
  return side * side === pixels ? { x: row % side, y: Math.floor(row / side) } : null;
}

/** The line's loss (or accuracy) as a series, with the stored value marked. */
export function lineSeries(line: WeightLine, key: 'loss' | 'accuracy'): Series[] {
  const color = key === 'loss' ? PALETTE[0] : PALETTE[1];
  const middle = line.points[Math.floor(line.points.length / 2)];
  return [
    {
      label: key === 'loss' ? t('lab.smooth.loss') : t('lab.smooth.accuracy'),
      color,
      points: line.points.map((p) => ({ x: p.weight, y: p[key] })),
    },
    {
      label: t('lab.weightLine.trainedMark'),
      color: PALETTE[2],
      noLine: true,
      pointStyle: 'crossRot',
      pointRadius: 7,
      points: [{ x: line.value, y: middle[key] }],
    },
  ];
}

export function lineLook(line: WeightLine, key: 'loss' | 'accuracy'): ChartLook {
  return {
    xLabel: `W${line.layer}[${line.row}][${line.col}]`,
    yLabel: key === 'loss' ? t('lab.smooth.loss') : t('lab.smooth.accuracy'),
    logY: false,
  };
}

/** Of the steps between neighbouring points, how many changed the loss and how many the accuracy. */
export function changes(line: WeightLine): { steps: number; loss: number; accuracy: number } {
  const p = line.points;
  let loss = 0;
  let accuracy = 0;
  for (let i = 1; i < p.length; i++) {
    if (p[i].loss !== p[i - 1].loss) loss++;
    if (p[i].accuracy !== p[i - 1].accuracy) accuracy++;
  }
  return { steps: p.length - 1, loss, accuracy };
}
