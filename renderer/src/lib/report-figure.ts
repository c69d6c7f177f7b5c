/**
 * The compare view's report figure, from the runs alone: the compare view's "Report figure" panel and
 * `descent export --figure` (through renderer/figure.html in a headless Chromium) both draw it with this, so
 * the two give the same figure for the same runs and options.
 */
import type { FigureOptions } from '../../../shared/figure-request';
import type { RunRecord } from '../../../shared/run-record';
import { withSharedX, type ChartLook, type Series } from './chart-setup';
import { ACCURACY_KEY, chartTitle } from './chart-titles';
import { compareLabels, configDiff, fieldInWords, learningVerdict, sharedDescription, summaryRow, sweptField } from './compare';
import { FIGURE_PRESETS, renderFigureSvg, type CaptionTable } from './figure';
import { groupFigureParts } from './repeat-series';
import { accuracySeries, lossSeries, PANEL_BUCKETS, X_LABELS, type XAxis } from './run-series';
import { panelRange, sweepChart } from './sweep-chart';
import type { LiveMetrics } from './workbench.svelte';
import { t } from './i18n';
import { shownName } from './run-name';

/** The compared runs (in the compare view's order), their histories and colours, and the chart settings. */
export interface ComparedRuns {
  runs: RunRecord[];
  metrics: (id: string) => LiveMetrics | undefined;
  colour: (id: string) => string;
  prefs: { smoothing: number; logY: boolean; xAxis: XAxis };
}

const fmt = (v: number | null, digits = 4) => (v === null ? '–' : v.toFixed(digits));

/** One loss panel per run, all on the same scales and chart settings, so they compare at a glance. */
export function lossPanels(
  { runs, metrics, colour, prefs }: ComparedRuns,
  label: (run: RunRecord) => string,
): { perRun: Array<{ run: RunRecord; series: Series[] }>; look: ChartLook } {
  const perRun = runs.map((run) => ({
    run,
    series: lossSeries([run], metrics, colour, prefs.smoothing, prefs.xAxis, label, PANEL_BUCKETS),
  }));
  const range = panelRange(
    perRun.flatMap((p) => p.series),
    prefs.logY,
  );
  const look: ChartLook = {
    xLabel: X_LABELS[prefs.xAxis],
    yLabel: t('charts.axis.loss'),
    logY: prefs.logY,
    noLegend: true,
    ...(range ? { yRange: range } : {}),
  };
  return { perRun, look };
}

/** The figure's caption table: each run by what differs, its differing settings and how it ended. */
export function captionTable(runs: RunRecord[], label: (run: RunRecord) => string): CaptionTable {
  const differing = configDiff(runs).filter((r) => r.differs);
  return {
    columns: [
      t('compare.colRun'),
      ...differing.map((r) => r.label),
      t('figure.colLoss'),
      t('repeats.testAccuracyAxis'),
      t('figure.colNote'),
    ],
    rows: runs.map((run, i) => {
      const s = summaryRow(run);
      return [
        label(run),
        ...differing.map((r) => r.values[i]),
        fmt(s.meanLossLast100 ?? s.finalLoss),
        fmt(s.testAcc),
        verdictText(learningVerdict(run)),
      ];
    }),
  };
}

/** A run's learning verdict in the caption's words. */
function verdictText(verdict: ReturnType<typeof learningVerdict>): string {
  if (verdict === 'diverged') return t('status.diverged');
  return verdict === 'did not learn' ? t('runs.didNotLearn') : '';
}

/** The sweep chart's title: "Final accuracy against learning rate". */
export const sweepTitle = (field: string): string => t('compare.finalAccuracyAgainst', { words: fieldInWords(field) });

/** "Training with different learning rates" for a sweep, else "3 runs compared". */
export function figureTitle(runs: RunRecord[]): string {
  const field = sweptField(runs);
  return field ? t('figure.titleSweep', { field: fieldInWords(field) }) : t('figure.titleRuns', { count: runs.length });
}

/**
 * The report figure as SVG: overlay loss (with the legend, once), accuracy (only the line-style key: the colours
 * are the loss chart's), the sweep result, and the side-by-side panels if asked for; one title and subtitle (what
 * the runs share), and the caption table if asked for. Repeat groups draw as their means with the chosen band.
 */
export function reportFigureSvg(compared: ComparedRuns, options: FigureOptions): string {
  const { runs, metrics, colour, prefs } = compared;
  const labels = compareLabels(runs);
  const label = (run: RunRecord): string => labels.get(run.id) ?? shownName(run);
  const { smoothing, xAxis, logY } = prefs;
  const loss = lossSeries(runs, metrics, colour, smoothing, xAxis, label);
  const accuracy = accuracySeries(runs, metrics, colour, xAxis, label).map((s) => ({ ...s, unlisted: true }));
  const field = sweptField(runs);
  const sweep = field ? sweepChart(runs, field) : null;
  const grouped = groupFigureParts(runs, metrics, prefs, { band: options.band, showRuns: false })?.map((p, i) =>
    i === 0 ? p : { ...p, series: p.series.map((s) => ({ ...s, unlisted: true })) },
  );
  const panels = options.panels ? lossPanels(compared, label) : null;
  const parts: Array<{ series: Series[]; look: ChartLook }> = [
    ...(grouped ?? [
      { series: loss, look: { title: chartTitle('Loss', xAxis), xLabel: X_LABELS[xAxis], yLabel: t('charts.axis.loss'), logY } },
      {
        series: accuracy,
        look: {
          title: chartTitle('Accuracy', xAxis),
          xLabel: X_LABELS[xAxis],
          yLabel: t('charts.axis.accuracy'),
          logY: false,
          yRange: { min: 0, max: 1 },
          legendKey: ACCURACY_KEY,
        },
      },
    ]),
    ...(sweep && field ? [{ series: sweep.series, look: { ...sweep.look, title: sweepTitle(field) } }] : []),
    ...(panels ? panels.perRun.map((p) => ({ series: p.series, look: { ...panels.look, title: label(p.run) } })) : []),
  ];
  return renderFigureSvg(
    // The loss, accuracy and panels end together, at the last iteration (the final accuracy measurement).
    withSharedX(parts),
    FIGURE_PRESETS[options.preset],
    figureTitle(runs),
    sharedDescription(runs),
    options.caption ? captionTable(runs, label) : undefined,
  );
}
