/** Per-class test accuracy as one of the workbench's line charts (LineChart, and with it every chart export). */
import type { PerClassHistory } from '../../../../shared/inside/inside-schemas';
import type { ChartExport } from '../chart-export';
import type { Series } from '../chart-setup';
import { t } from '../i18n';
import { PALETTE } from '../palette';
import { perClassCsv } from './inside-export';

/**
 * Per-class test accuracy over the snapshots as a line chart of the app's (LineChart, and its exports: PNG,
 * SVG, CSV, JSON, the export dialog): a line per class over the epoch, and the snapshot on the slider as a
 * dashed vertical line. Final weights without an epoch stand at x = 0.
 */
export function perClassChart(history: PerClassHistory, current: number, title: string): ChartExport {
  const x = (p: PerClassHistory['points'][number]) => p.epoch ?? 0;
  const classes = history.points[0]?.perClass.length ?? 0;
  const series: Series[] = Array.from({ length: classes }, (_, c) => ({
    label: String(c),
    color: PALETTE[c % PALETTE.length],
    markers: history.points.length < 30,
    points: history.points.flatMap((p) => (p.perClass[c] === null ? [] : [{ x: x(p), y: p.perClass[c]! }])),
  }));
  const at = history.points[current];
  if (at && history.points.length > 1)
    series.push({
      label: t('inside.figure.snapshot'),
      color: '#8c959f',
      dashed: true,
      unlisted: true,
      points: [
        { x: x(at), y: 0 },
        { x: x(at), y: 1 },
      ],
    });
  return {
    kind: 'per-class-accuracy',
    title,
    subtitle: '',
    series,
    look: { xLabel: t('charts.axis.epoch'), yLabel: t('inside.figure.testAccuracy'), logY: false, yRange: { min: 0, max: 1 } },
    csv: () => perClassCsv(history),
    plotted: t('inside.figure.perClassPlotted'),
  };
}
