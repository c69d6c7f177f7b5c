/** Chart.js with only the pieces Descent draws, and the colours runs are drawn in. */
import { BasicPlatform, Chart, Legend, LinearScale, LineController, LineElement, LogarithmicScale, PointElement, Tooltip, type ChartConfiguration } from 'chart.js';
import { Context as SvgContext } from 'svgcanvas';
import { csvField } from '../../../shared/export';
import type { Point } from './series';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Legend, Tooltip);



/** One line of a chart. */
export interface Series {
  label: string;
  color: string;
  points: Point[];
  /** Drawn thin and translucent (the raw loss under its smoothed line). */
  faint?: boolean;
  /** Hidden from the legend (the faint twin of a labelled line). */
  unlisted?: boolean;
  /** Marks every point (per-epoch accuracy has few). */
  markers?: boolean;
}

export interface ChartLook {
  xLabel: string;
  yLabel: string;
  logY: boolean;
  /** Logarithmic x (a learning-rate sweep spans decades). */
  logX?: boolean;
  /** Hide the legend (small multiples carry the run's name in their title). */
  noLegend?: boolean;
  /** Fixed y range, so that small multiples share their scale. */
  yRange?: { min: number; max: number };
  background?: string;
}

export function chartConfig(series: Series[], look: ChartLook, forSvg = false): ChartConfiguration<'line', Point[]> {
  return {
    type: 'line',
    data: { datasets: datasetsOf(series, forSvg) },
    options: {
      // Chart.js's performance settings: points are pre-parsed {x, y}, sorted, without gaps (decimation
      // leaves out every point without a number), so no parsing, sorting or gap segmentation.
      animation: false,
      parsing: false,
      normalized: true,
      spanGaps: true,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'nearest', intersect: false, axis: 'x' },
      scales: {
        x: { type: look.logX ? 'logarithmic' : 'linear', title: { display: true, text: look.xLabel }, ticks: { callback: tickLabel(look.logX) } },
        y: { type: look.logY ? 'logarithmic' : 'linear', title: { display: true, text: look.yLabel }, ...(look.yRange ?? {}) },
      },
      plugins: {
        // Read the flag from the dataset: the series change after the chart is created.
        legend: { display: !look.noLegend, labels: { filter: (item, data) => !(data.datasets[item.datasetIndex ?? 0] as { unlisted?: boolean }).unlisted, boxWidth: 12 } },
        tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${(ctx.parsed.y ?? 0).toPrecision(4)}` } },
      },
    },
    plugins: look.background ? [backgroundPlugin(look.background)] : [],
  };
}

/**
 * Chart.js datasets of the series. `forSvg`: draw each line segment by segment (a non-empty `segment`
 * option does that) instead of as one Path2D, which the SVG context cannot take; on screen one path per
 * line is several times faster.
 */
export function datasetsOf(series: Series[], forSvg = false) {
  return series.map((s) => ({
    label: s.label,
    data: s.points,
    borderColor: s.faint ? `${s.color}40` : s.color,
    backgroundColor: s.color,
    borderWidth: s.faint ? 1 : 1.75,
    pointRadius: s.markers ? 2.5 : 0,
    pointHoverRadius: 3,
    unlisted: Boolean(s.unlisted),
    ...(forSvg ? { segment: { borderDash: () => undefined } } : {}),
  }));
}

/** Tick labels: every tick on a linear axis; on a log axis only 1, 2 and 5 times a power of ten, so labels never collide. */
export function tickLabel(log: boolean | undefined) {
  return (value: string | number): string => {
    const v = Number(value);
    if (!log) return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
    const mantissa = v / 10 ** Math.floor(Math.log10(v) + 1e-9);
    return [1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-6) ? String(Number(v.toPrecision(3))) : '';
  };
}

/**
 * Paints the chart's background (exports would otherwise be transparent). `beforeDraw` runs on a cleared
 * surface before anything else is drawn, so a plain fill suffices — SVG has no composite operations.
 */
function backgroundPlugin(colour: string) {
  return {
    id: 'descent-background',
    beforeDraw(chart: Chart) {
      const { ctx, width, height } = chart;
      ctx.save();
      ctx.fillStyle = colour;
      ctx.fillRect(0, 0, width, height);
      ctx.restore();
    },
  };
}

/**
 * The chart as true vector SVG: Chart.js draws through svgcanvas's canvas-like context on its DOM-free
 * BasicPlatform, so axes, grid, legend and every line become SVG elements (no UI chrome, no bitmap).
 */
export function renderSvg(series: Series[], look: ChartLook, width: number, height: number): string {
  const ctx = new SvgContext({ width, height });
  const canvas = {
    width, height, style: { width: `${width}px`, height: `${height}px` },
    getContext: () => ctx, addEventListener: () => {}, removeEventListener: () => {},
  };
  (ctx as unknown as { canvas: unknown }).canvas = canvas;
  const background = look.background ?? '#ffffff';
  const config = chartConfig(series, { ...look, background: background === 'transparent' ? undefined : background }, true);
  config.options = { ...config.options, responsive: false, devicePixelRatio: 1, events: [] };
  config.platform = BasicPlatform;
  const chart = new Chart(canvas as unknown as HTMLCanvasElement, config);
  const svg = ctx.getSerializedSvg(true);
  chart.destroy();
  return svg;
}

/** A PNG of the chart at `scale`× its layout size, drawn offscreen (no UI chrome, chosen background). */
export async function renderPng(series: Series[], look: ChartLook, width: number, height: number, scale: number): Promise<string> {
  const canvas = document.createElement('canvas');
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const holder = document.createElement('div');
  holder.style.cssText = `position:fixed;left:-10000px;top:0;width:${width}px;height:${height}px`;
  holder.append(canvas);
  document.body.append(holder);
  const background = look.background ?? '#ffffff';
  const config = chartConfig(series, { ...look, background: background === 'transparent' ? undefined : background });
  config.options = { ...config.options, responsive: false, devicePixelRatio: scale };
  canvas.width = width;
  canvas.height = height;
  const chart = new Chart(canvas, config);
  const url = chart.toBase64Image('image/png');
  chart.destroy();
  holder.remove();
  return url.slice(url.indexOf(',') + 1);
}

/** JSON of exactly the plotted points: the axes and, per series, its label and points. */
export function seriesToJson(series: Series[], xLabel: string, yLabel: string): string {
  return `${JSON.stringify({ x: xLabel, y: yLabel, series: series.map((s) => ({ label: s.label, points: s.points })) }, null, 1)}\n`;
}

/** CSV of exactly the plotted points: series, x, y. */
export function seriesToCsv(series: Series[], xLabel: string, yLabel: string): string {
  const lines = [`series,${csvField(xLabel)},${csvField(yLabel)}`];
  for (const s of series) for (const p of s.points) lines.push(`${csvField(s.label)},${p.x},${p.y}`);
  return `${lines.join('\n')}\n`;
}

/** One chart of a combined export. */
export interface ChartPart {
  series: Series[];
  look: ChartLook;
  width: number;
  height: number;
}

/**
 * Several charts as one SVG document, laid out in rows of `columns` (each chart its own nested <svg>,
 * still vector): the compare view's "export all charts".
 */
export function renderSvgSheet(parts: ChartPart[], columns: number, gap = 16): string {
  let x = gap;
  let y = gap;
  let rowHeight = 0;
  let width = 0;
  const placed: string[] = [];
  parts.forEach((part, i) => {
    if (i > 0 && i % columns === 0) {
      x = gap;
      y += rowHeight + gap;
      rowHeight = 0;
    }
    const svg = renderSvg(part.series, part.look, part.width, part.height).replace(/^<\?xml[^>]*>\s*/, '');
    placed.push(svg.replace(/^<svg /, `<svg x="${x}" y="${y}" `));
    x += part.width + gap;
    width = Math.max(width, x);
    rowHeight = Math.max(rowHeight, part.height);
  });
  const height = y + rowHeight + gap;
  return `<svg version="1.1" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>${placed.join('')}</svg>`;
}
