/**
 * The page behind `descent export --figure` (renderer/figure.html): draws the compare view's report figure of the
 * runs it is given with the compare view's own code (report-figure.ts, figure.ts), as SVG, PNG (300 dpi) or PDF.
 * The command line calls `window.descentFigure(request)` through Playwright and writes what it returns.
 */
import { figureRequestSchema, type FigureResult } from '../../shared/figure-request';
import { orderedForComparison } from './lib/compare';
import { figurePdf, figurePng } from './lib/figure';
import { language } from './lib/i18n';
import { reportFigureSvg } from './lib/report-figure';
import { paletteColour } from './lib/run-series';
import type { LiveMetrics } from './lib/live-metrics';

async function descentFigure(input: unknown): Promise<FigureResult> {
  const request = figureRequestSchema.parse(input);
  language.chosen = request.locale;
  const byId = new Map(request.runs.map((run) => [run.record.id, run]));
  const histories = new Map<string, LiveMetrics>(
    request.runs.map(({ record, metrics }) => [
      record.id,
      { iterations: metrics.iterations, losses: metrics.losses, seconds: metrics.seconds, epochs: metrics.epochs },
    ]),
  );
  const svg = reportFigureSvg(
    {
      runs: orderedForComparison(request.runs.map((run) => run.record)),
      metrics: (id) => histories.get(id),
      colour: (id) => paletteColour(byId.get(id)?.colour ?? 0),
      prefs: request.chart,
    },
    request.options,
  );
  if (request.format === 'svg') return { data: svg, base64: false };
  return { data: request.format === 'png' ? await figurePng(svg) : await figurePdf(svg), base64: true };
}

Object.assign(window, { descentFigure });
document.body.dataset.ready = 'true';
