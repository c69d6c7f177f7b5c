/** Chart.js with only the pieces Descent draws, and the colours runs are drawn in. */
import {
  BasicPlatform,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  SubTitle,
  Title,
  Tooltip,
  type ChartConfiguration,
  type ChartData,
  type LegendItem,
  type PointStyle,
} from 'chart.js';
import { Context as SvgContext } from 'svgcanvas';
import type { Point } from './series';
import { FIGURE_FONT_FAMILY } from './font-stack';
import { tickCallback } from './ticks';

Chart.register(
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  LogarithmicScale,
  Legend,
  Tooltip,
  Title,
  SubTitle,
  Filler,
);
// Every chart's text, on screen and in SVG exports (which name the fonts and leave them to the viewer): a stack
// that reaches a CJK face on each platform, for Chinese and Japanese titles, axes and legends.
Chart.defaults.font.family = FIGURE_FONT_FAMILY;

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
  /** Drawn dashed (train accuracy under its solid test accuracy). */
  dashed?: boolean;
  /** Marker shape and size, for points that stand for something (the best run, a run that did not learn). */
  pointStyle?: PointStyle;
  pointRadius?: number;
  /** No line between the points (marks only). */
  noLine?: boolean;
  /** The upper edge of a band: the area down to the series just before it (the lower edge) is shaded (repeat groups). */
  fillToPrevious?: boolean;
  /** More about the line for its tooltip: the run's hyperparameters ("784-50-10 sigmoid · lr 0.1 · batch 100 · seed 3"). */
  detail?: string;
  /** A tooltip line per point, where each point is a run of its own (a sweep's result): wins over `detail`. */
  pointDetails?: string[];
}

/** A legend entry that is not a line of its own: the key to how lines are drawn ("dashed = train"). */
export interface LegendKey {
  label: string;
  dashed: boolean;
}

/**
 * A #rrggbb colour at `alpha` as rgba(): the form every SVG and PDF reader understands (svg2pdf.js, for
 * one, draws #rrggbbaa opaque).
 */
export function withAlpha(hex: string, alpha: number): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgba(${r},${g},${b},${alpha})`;
}

/** The dash pattern of dashed lines, in CSS pixels. */
const DASH = [5, 4];

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
  /** A tick at each of these x values and at no other (a sweep's values). */
  xTicks?: number[];
  /**
   * A linear x axis runs on to here at least (see withSharedX): charts side by side end at the same x, though a
   * run's losses stop one iteration before its last accuracy measurement.
   */
  xMax?: number;
  /** Extra legend entries explaining line styles, listed once after the runs. */
  legendKey?: LegendKey[];
  /** The legend to the right of the plot (many entries), not above it. */
  legendRight?: boolean;
  /** Title and subtitle drawn into the figure (exports; on screen the chart's caption says it). */
  title?: string;
  subtitle?: string;
  /** Text colour of exported figures (on screen the page's theme colours apply). */
  textColour?: string;
  /** Font size of ticks, axis titles and legend in CSS pixels (the title is 3 px larger); Chart.js's 12 unless set. */
  fontSize?: number;
  background?: string;
}

/**
 * A linear x axis ends where its data does, round ticks inside it: Chart.js rounds its end up to the next round
 * tick, and the loss chart ran on to 1 600 while its data and the accuracy chart beside it stopped at 1 500. Its
 * start stays rounded down (0 before a first iteration 1); a zoomed axis keeps the range the drag gave. A look's
 * `xMax` beyond the data is its end instead (Chart.js's data range takes in the axis's suggestedMax).
 */
function endAtDataMax(axis: {
  max: number;
  ticks: Array<{ value: number }>;
  getMinMax(canStack: boolean): { min: number; max: number };
}): void {
  const { max } = axis.getMinMax(false);
  if (!Number.isFinite(max) || axis.max <= max) return;
  axis.max = max;
  axis.ticks = axis.ticks.filter((tick) => tick.value <= max);
}

/** The largest x of any line's points (points are sorted by x: each line's last), or undefined if none has one. */
function lastX(series: readonly Series[]): number | undefined {
  const ends = series.map((s) => s.points[s.points.length - 1]?.x).filter((x): x is number => Number.isFinite(x));
  return ends.length ? Math.max(...ends) : undefined;
}

/**
 * Charts drawn side by side over one x axis (a run's loss and its accuracy, the compare view's panels, a report
 * figure's charts) made to share its range: each linear x axis without fixed ticks runs to the largest x of them
 * all. A run of 1 000 iterations has losses up to loop index 999 and its final accuracy at 1 000: its loss chart
 * stopped short of the 1 000 tick the accuracy chart beside it had.
 */
export function withSharedX<T extends { series: Series[]; look: ChartLook }>(parts: readonly T[]): T[] {
  const shares = (look: ChartLook) => !look.logX && !look.xTicks;
  const xMax = lastX(parts.filter((p) => shares(p.look)).flatMap((p) => p.series));
  return parts.map((p) => (xMax === undefined || !shares(p.look) ? p : { ...p, look: { ...p.look, xMax } }));
}

export function chartConfig(series: Series[], look: ChartLook, forSvg = false): ChartConfiguration<'line', Point[]> {
  // Exported figures' text in one colour chosen for their background (on screen the theme's colours apply).
  const ink = look.textColour ? { color: look.textColour } : {};
  const grid = look.textColour
    ? { grid: { color: withAlpha(look.textColour, 0.15) }, border: { color: withAlpha(look.textColour, 0.33) } }
    : {};
  const sized = look.fontSize ? { font: { size: look.fontSize } } : {};
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
      ...ink,
      scales: {
        // No ticks at the axis's ends unless they are round (a zoomed axis ends wherever the drag stopped).
        x: {
          type: look.logX ? 'logarithmic' : 'linear',
          title: { display: true, text: look.xLabel, ...ink, ...sized },
          ...grid,
          ...(look.xMax === undefined ? {} : { suggestedMax: look.xMax }),
          // Log axes label only 1, 2 and 5 × 10ⁿ themselves: Chart.js's skipping would drop some of those.
          ticks: {
            callback: tickCallback(look.logX, look.xTicks),
            includeBounds: false,
            autoSkip: !look.xTicks && !look.logX,
            ...ink,
            ...sized,
          },
          ...(look.xTicks
            ? {
                afterBuildTicks: (axis: { ticks: Array<{ value: number }> }) =>
                  void (axis.ticks = look.xTicks!.map((value) => ({ value }))),
              }
            : look.logX
              ? {}
              : { afterBuildTicks: endAtDataMax }),
        },
        y: {
          type: look.logY ? 'logarithmic' : 'linear',
          title: { display: true, text: look.yLabel, ...ink, ...sized },
          ...grid,
          ticks: { callback: tickCallback(look.logY), includeBounds: false, autoSkip: !look.logY, ...ink, ...sized },
          ...(look.yRange ?? {}),
        },
      },
      plugins: {
        legend: {
          display: !look.noLegend,
          position: look.legendRight ? 'right' : 'top',
          labels: { ...legendLabels(look.legendKey ?? [], look.textColour), ...sized },
        },
        title: {
          display: Boolean(look.title),
          text: look.title ?? '',
          font: { size: (look.fontSize ?? 12) + 3, weight: 'bold' },
          padding: { top: 4, bottom: look.subtitle ? 2 : 8 },
          ...ink,
        },
        subtitle: {
          display: Boolean(look.subtitle),
          text: look.subtitle ?? '',
          font: { size: look.fontSize ?? 12 },
          padding: { bottom: 8 },
          ...ink,
        },
        tooltip: {
          callbacks: {
            label: (ctx) => `${ctx.dataset.label}: ${(ctx.parsed.y ?? 0).toPrecision(4)}`,
            afterLabel: (ctx) => {
              const line = ctx.dataset as { detail?: string; pointDetails?: string[] };
              return line.pointDetails?.[ctx.dataIndex] ?? line.detail ?? '';
            },
          },
        },
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
  return series.map((s) => {
    const dash = s.dashed ? DASH : [];
    return {
      label: s.label,
      data: s.points,
      borderColor: s.faint ? withAlpha(s.color, 0.25) : s.color,
      backgroundColor: s.fillToPrevious ? withAlpha(s.color, 0.18) : s.color,
      fill: s.fillToPrevious ? '-1' : false,
      borderWidth: s.faint ? 1 : 1.75,
      borderDash: dash,
      showLine: !s.noLine,
      pointRadius: s.pointRadius ?? (s.markers ? 2.5 : 0),
      pointStyle: s.pointStyle ?? 'circle',
      pointBorderWidth: s.pointStyle === 'crossRot' || s.pointStyle === 'cross' ? 2 : 1,
      pointHoverRadius: Math.max(3, s.pointRadius ?? 0),
      unlisted: Boolean(s.unlisted),
      detail: s.detail,
      pointDetails: s.pointDetails,
      ...(forSvg ? { segment: { borderDash: () => dash } } : {}),
    };
  });
}

/**
 * Legend entries drawn as short line samples (dashed lines dashed), the unlisted lines left out, and
 * the line-style key after the runs. Flags are read from the datasets: the series change after the
 * chart is created.
 */
export function legendLabels(key: LegendKey[], textColour: string | undefined) {
  return {
    usePointStyle: true,
    pointStyleWidth: 22,
    boxHeight: 8,
    filter: (item: LegendItem, data: ChartData) =>
      item.datasetIndex === undefined || !(data.datasets[item.datasetIndex] as { unlisted?: boolean } | undefined)?.unlisted,
    generateLabels: (chart: Chart): LegendItem[] => {
      const items = Chart.defaults.plugins.legend.labels.generateLabels(chart).map((item) => {
        const dataset = chart.data.datasets[item.datasetIndex ?? 0] as {
          showLine?: boolean;
          pointStyle?: PointStyle;
          borderDash?: number[];
        };
        const line = dataset.showLine !== false;
        return {
          ...item,
          pointStyle: line ? ('line' as const) : (dataset.pointStyle ?? 'circle'),
          lineWidth: line ? 2.5 : 1.5,
          lineDash: dataset.borderDash ?? [],
        };
      });
      const colour = textColour ?? (chart.options.color as string | undefined) ?? '#5f6b7a';
      return [
        ...items,
        ...key.map((k): LegendItem => ({
          text: k.label,
          fillStyle: colour,
          strokeStyle: colour,
          lineWidth: 2,
          lineDash: k.dashed ? DASH : [],
          pointStyle: 'line',
          hidden: false,
          fontColor: colour,
        })),
      ];
    },
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
    width,
    height,
    style: { width: `${width}px`, height: `${height}px` },
    getContext: () => ctx,
    addEventListener: () => {},
    removeEventListener: () => {},
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
export async function renderPng(
  series: Series[],
  look: ChartLook,
  width: number,
  height: number,
  scale: number,
): Promise<string> {
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
  return (
    `<svg version="1.1" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>${placed.join('')}</svg>`
  );
}
