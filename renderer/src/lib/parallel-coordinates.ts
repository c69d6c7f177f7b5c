/**
 * A parallel-coordinates chart of runs: one vertical axis per hyperparameter that varies among them (learning rate
 * on a log scale when it spans decades, batch size, hidden units…) and one for a figure (final test accuracy, say);
 * each run a line through its values, coloured by that figure; a brush per axis (a range) keeps the runs inside it.
 * The chart is one SVG text, the same on screen and in exports. Pure.
 */
import { sweptValue } from './compare';
import { FIGURE_FONT_FAMILY } from './figure-fonts';
import { t } from './i18n';
import { columnById, varyingColumns, type RunColumn } from './runs-table-columns';
import { joinSpaced } from './spacing';
import type { RunRecord } from '../../../shared/run-record';

/** How an axis places values: numbers evenly or by decades, or texts one above the other. */
export type AxisScale = 'linear' | 'log' | 'category';

export interface PcAxis {
  readonly id: string;
  readonly label: string;
  readonly scale: AxisScale;
  /** The range the axis spans, in its units (category axes: category indices). */
  readonly min: number;
  readonly max: number;
  /** A category axis's values, bottom to top. */
  readonly categories: readonly string[];
  readonly ticks: ReadonlyArray<{ value: number; label: string }>;
  /** The figure the lines are coloured by (the last axis). */
  readonly metric: boolean;
  /** The run's value on this axis in its units, or null (a run that has no accuracy). */
  readonly value: (run: RunRecord) => number | null;
}

/** A kept range of one axis, in the axis's units (both ends included). */
export interface Brush {
  readonly lo: number;
  readonly hi: number;
}
export type Brushes = Readonly<Record<string, Brush>>;

/** A range the axis spans at least (no span at all: one value in the middle). */
const spread = (min: number, max: number, log: boolean): [number, number] =>
  min < max ? [min, max] : log ? [min / 2, max * 2] : [min - (Math.abs(min) / 10 || 1), max + (Math.abs(max) / 10 || 1)];

/** Decades a numeric axis must span before it is drawn logarithmic. */
const LOG_RATIO = 20;
/** Up to this many distinct values get a tick each (a sweep's values); more get evenly spread ticks. */
const MAX_VALUE_TICKS = 8;

/** Round values (1, 2 or 5 × 10ⁿ apart) from `min` to `max`, about five of them. */
export function roundTicks(min: number, max: number): number[] {
  const raw = (max - min) / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw * (1 - 1e-9)) ?? 10 * power;
  const ticks: number[] = [];
  for (let k = Math.ceil(min / step - 1e-9); k * step <= max + step * 1e-9; k++) ticks.push(Number((k * step).toPrecision(12)));
  return ticks;
}

/** The powers of ten from `min` to `max` (both > 0), or its ends when no power of ten lies between. */
function decadeTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let e = Math.ceil(Math.log10(min) - 1e-9); 10 ** e <= max * (1 + 1e-9); e++) ticks.push(Number((10 ** e).toPrecision(12)));
  return ticks.length > 1 ? ticks : [min, max];
}

const tickLabel = (value: number): string => String(Number(value.toPrecision(3)));

function numericAxis(
  id: string,
  label: string,
  values: readonly number[],
  value: (run: RunRecord) => number | null,
  metric: boolean,
): PcAxis {
  const finite = values.filter(Number.isFinite);
  const lo = finite.length ? Math.min(...finite) : 0;
  const hi = finite.length ? Math.max(...finite) : 1;
  const log = !metric && lo > 0 && hi / lo >= LOG_RATIO;
  const [min, max] = spread(lo, hi, log);
  const distinct = [...new Set(finite)].sort((a, b) => a - b);
  const ticks = distinct.length <= MAX_VALUE_TICKS && !metric ? distinct : log ? decadeTicks(min, max) : roundTicks(min, max);
  return {
    id,
    label,
    scale: log ? 'log' : 'linear',
    min,
    max,
    categories: [],
    ticks: ticks.map((v) => ({ value: v, label: tickLabel(v) })),
    metric,
    value,
  };
}

function categoryAxis(id: string, label: string, runs: readonly RunRecord[], text: (run: RunRecord) => string): PcAxis {
  const categories = [...new Set(runs.map(text))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return {
    id,
    label,
    scale: 'category',
    min: 0,
    max: Math.max(1, categories.length - 1),
    categories,
    ticks: categories.map((c, i) => ({ value: i, label: c })),
    metric: false,
    value: (run) => categories.indexOf(text(run)),
  };
}

/** An axis for a configuration field that varies: numbers where every run has one, else categories. */
function paramAxis(column: RunColumn, runs: readonly RunRecord[]): PcAxis {
  if (column.id === 'layers' && runs.every((r) => r.config.layers.length === 3)) {
    const value = (run: RunRecord) => sweptValue(run, 'layers');
    return numericAxis(
      'layers',
      t('runsView.column.hidden'),
      runs.map(value).filter((v): v is number => v !== null),
      value,
      false,
    );
  }
  const values = runs.map((r) => column.value(r));
  if (values.every((v) => typeof v === 'number')) {
    const value = (run: RunRecord) => {
      const v = column.value(run);
      return typeof v === 'number' ? v : null;
    };
    return numericAxis(column.id, column.label, values as number[], value, false);
  }
  return categoryAxis(column.id, column.label, runs, (run) => column.format(column.value(run)));
}

/**
 * The chart's axes for `runs`: each configuration field that varies among them (the seed left out: repeats are
 * not a hyperparameter), then the figure `metricId` (a metric column of the runs table).
 */
export function parallelAxes(runs: readonly RunRecord[], metricId: string): PcAxis[] {
  const varying = varyingColumns(runs);
  varying.delete('seed');
  const params = [...varying].map((id) => paramAxis(columnById(id)!, runs));
  const metric = columnById(metricId)!;
  const value = (run: RunRecord) => {
    const v = metric.value(run);
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  };
  const values = runs.map(value).filter((v): v is number => v !== null);
  return [...params, numericAxis(metric.id, metric.label, values, value, true)];
}

/** Where `value` sits on `axis`, from 0 (bottom) to 1 (top). */
export function axisPosition(axis: PcAxis, value: number): number {
  if (axis.scale === 'category' && axis.categories.length === 1) return 0.5;
  if (axis.min === axis.max) return 0.5;
  if (axis.scale === 'log') return (Math.log(value) - Math.log(axis.min)) / (Math.log(axis.max) - Math.log(axis.min));
  return (value - axis.min) / (axis.max - axis.min);
}

/** The value at `position` (0 bottom, 1 top) of `axis`: what a brush dragged to there means. */
export function axisValueAt(axis: PcAxis, position: number): number {
  const p = Math.min(1, Math.max(0, position));
  if (axis.scale === 'log') return Math.exp(Math.log(axis.min) + p * (Math.log(axis.max) - Math.log(axis.min)));
  return axis.min + p * (axis.max - axis.min);
}

/** Whether `run` lies inside every brush (a run without a value on a brushed axis does not). */
export function insideBrushes(run: RunRecord, axes: readonly PcAxis[], brushes: Brushes): boolean {
  return axes.every((axis) => {
    const brush = brushes[axis.id];
    if (!brush) return true;
    const value = axis.value(run);
    return value !== null && value >= brush.lo && value <= brush.hi;
  });
}

/**
 * The brush after an end of its range is typed (`text`: a number, a category's name, or empty for the axis's end):
 * null when the range spans the whole axis (no brush), undefined when the text is not a value of the axis (left as it was).
 */
export function typedBrush(axis: PcAxis, current: Brush | undefined, end: 'lo' | 'hi', text: string): Brush | null | undefined {
  let value: number;
  if (text.trim() === '') value = end === 'lo' ? axis.min : axis.max;
  else if (axis.scale === 'category') value = axis.categories.indexOf(text);
  else value = Number(text);
  if (!Number.isFinite(value) || (axis.scale === 'category' && value < 0)) return undefined;
  const next = { ...(current ?? { lo: axis.min, hi: axis.max }), [end]: value };
  if (next.lo <= axis.min && next.hi >= axis.max) return null;
  return { lo: Math.min(next.lo, next.hi), hi: Math.max(next.lo, next.hi) };
}

/** An end of a brush as its field shows it: four significant digits, a category's name; empty without a brush. */
export function brushFieldText(axis: PcAxis, brush: Brush | undefined, end: 'lo' | 'hi'): string {
  if (!brush) return '';
  if (axis.scale === 'category') return axis.categories[end === 'lo' ? Math.ceil(brush.lo) : Math.floor(brush.hi)] ?? '';
  return String(Number(brush[end].toPrecision(4)));
}

/**
 * The colour ramp of the lines, low to high: blue to orange through violet and red. Every colour along it has at
 * least 3:1 contrast on the light and the dark panels (a test checks), and its ends are told apart by colour-blind eyes.
 */
export const RAMP = ['#2f7fc0', '#6d68c8', '#a85ab0', '#cc5a5a', '#b8701a'];
/** Lines without a value to colour by. */
export const NO_VALUE_COLOUR = '#7f7f7f';

/** The ramp's colour at `t` (0 low, 1 high), interpolated between its stops. */
export function rampColour(t: number): string {
  const x = Math.min(1, Math.max(0, t)) * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(x));
  const f = x - i;
  const channel = (hex: string, k: number) => parseInt(hex.slice(1 + 2 * k, 3 + 2 * k), 16);
  const mixed = [0, 1, 2].map((k) => Math.round(channel(RAMP[i], k) * (1 - f) + channel(RAMP[i + 1], k) * f));
  return `#${mixed.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** A run's line colour: its figure's place between the lowest and the highest on the metric axis. */
export function lineColour(run: RunRecord, metric: PcAxis): string {
  const value = metric.value(run);
  return value === null ? NO_VALUE_COLOUR : rampColour(axisPosition(metric, value));
}

/** The colours text, axes and faint lines are drawn in: the page's CSS variables on screen, fixed colours in exports. */
export interface PcTheme {
  readonly text: string;
  readonly axis: string;
  readonly faint: string;
  readonly brush: string;
  readonly background?: string;
  readonly font: string;
}

export const EXPORT_THEME: PcTheme = {
  text: '#1f2328',
  axis: '#8c959f',
  faint: '#c3c9d0',
  brush: '#2b66d1',
  background: '#ffffff',
  // Latin faces, then CJK ones on every platform: titles and axes in Chinese or Japanese draw wherever it is opened.
  font: FIGURE_FONT_FAMILY,
};

/** The plot's margins: axis titles above, tick labels left of each axis, the missing-value row below. */
export const PC_MARGIN = { top: 46, right: 80, bottom: 34, left: 56 } as const;

/** The x position of each axis in a chart `width` wide. */
export function axisXs(count: number, width: number): number[] {
  const inner = width - PC_MARGIN.left - PC_MARGIN.right;
  return Array.from({ length: count }, (_, i) => PC_MARGIN.left + (count === 1 ? inner / 2 : (inner * i) / (count - 1)));
}

/** The y pixel of position `p` (0 bottom, 1 top), `header` pixels of title above the plot. */
export const yOf = (p: number, height: number, header = 0): number =>
  header + PC_MARGIN.top + (1 - p) * (height - header - PC_MARGIN.top - PC_MARGIN.bottom);

/** Below each axis: where runs without a value cross it. */
const missingY = (height: number) => height - PC_MARGIN.bottom + 16;

/** About how wide an axis title is drawn (11 px bold; CJK characters twice as wide as Latin ones). */
export function titleWidth(title: string): number {
  return [...title].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 11 : 6.6), 0);
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
const round = (v: number) => Math.round(v * 10) / 10;

export interface PcDrawing {
  readonly runs: readonly RunRecord[];
  readonly axes: readonly PcAxis[];
  readonly brushes: Brushes;
  /** Each run's name in its tooltip (`<title>`) and what else to say of it (its hyperparameters). */
  readonly describe: (run: RunRecord) => string;
  readonly width: number;
  readonly height: number;
  readonly theme: PcTheme;
  /** Drawn above the plot (exports). */
  readonly title?: string;
  readonly subtitle?: string;
}

/** The chart as one SVG document: axes with ticks, a line per run (outside the brushes faint, under the rest), brushes, a colour key. */
export function parallelSvg(d: PcDrawing): string {
  const { axes, theme, width, height } = d;
  const header = d.title ? (d.subtitle ? 40 : 24) : 0;
  const xs = axisXs(axes.length, width);
  const axisTitles = axes.map((axis) => (axis.scale === 'log' ? joinSpaced([axis.label, t('runsView.chart.log')]) : axis.label));
  // Titles wider than the room between axes take turns on two lines, so neighbours never overlap.
  const room = xs.length > 1 ? xs[1] - xs[0] : width;
  const crowded = axisTitles.some((title) => titleWidth(title) > room - 8);
  const metric = axes[axes.length - 1];
  const style = (props: Record<string, string | number>) =>
    `style="${Object.entries(props)
      .map(([k, v]) => `${k}:${v}`)
      .join(';')}"`;
  const font = `font-family="${escapeXml(theme.font)}"`;
  const y = (axis: PcAxis, value: number | null) =>
    value === null ? missingY(height) : yOf(axisPosition(axis, value), height, header);
  const anyMissing = d.runs.some((run) => axes.some((a) => a.value(run) === null));

  const line = (run: RunRecord, kept: boolean) => {
    const points = axes.map((axis, i) => `${round(xs[i])},${round(y(axis, axis.value(run)))}`).join(' L');
    const colour = kept ? lineColour(run, metric) : theme.faint;
    return (
      `<path d="M${points}" data-run="${escapeXml(run.id)}" fill="none" ${style({ stroke: colour, 'stroke-width': kept ? 1.75 : 1, 'stroke-opacity': kept ? 0.9 : 0.6 })}>` +
      `<title>${escapeXml(d.describe(run))}</title></path>`
    );
  };
  const kept = d.runs.filter((r) => insideBrushes(r, axes, d.brushes));
  const out = d.runs.filter((r) => !insideBrushes(r, axes, d.brushes));

  const axisMarks = axes.map((axis, i) => {
    const x = round(xs[i]);
    const top = yOf(1, height, header);
    const bottom = yOf(0, height, header);
    const brush = d.brushes[axis.id];
    const brushRect = brush
      ? `<rect x="${x - 8}" y="${round(y(axis, brush.hi))}" width="16" height="${round(Math.max(2, y(axis, brush.lo) - y(axis, brush.hi)))}" ${style({ fill: theme.brush, 'fill-opacity': 0.18, stroke: theme.brush, 'stroke-width': 1 })}/>`
      : '';
    const ticks = axis.ticks
      .map((t) => {
        const ty = round(y(axis, t.value));
        return (
          `<line x1="${x - 4}" x2="${x}" y1="${ty}" y2="${ty}" ${style({ stroke: theme.axis })}/>` +
          `<text x="${x - 6}" y="${ty + 3.5}" text-anchor="end" ${font} font-size="10" ${style({ fill: theme.text })}>${escapeXml(t.label)}</text>`
        );
      })
      .join('');
    const missing = anyMissing
      ? `<text x="${x - 6}" y="${round(missingY(height) + 3.5)}" text-anchor="end" ${font} font-size="10" ${style({ fill: theme.text })}>${escapeXml(t('runsView.chart.missing'))}</text>`
      : '';
    return (
      `<g data-axis="${escapeXml(axis.id)}"><line x1="${x}" x2="${x}" y1="${round(top)}" y2="${round(bottom)}" ${style({ stroke: theme.axis, 'stroke-width': 1.5 })}/>` +
      `${ticks}${missing}${brushRect}` +
      `<text x="${x}" y="${round(top - (crowded && i % 2 === 1 ? 26 : 12))}" text-anchor="middle" ${font} font-size="11" font-weight="bold" ${style({ fill: theme.text })}>${escapeXml(axisTitles[i])}</text></g>`
    );
  });

  // The colour key: the ramp beside the metric axis, its ends labelled.
  const keyX = round(xs[xs.length - 1] + 30);
  const keyTop = round(yOf(1, height, header));
  const keyBottom = round(yOf(0, height, header));
  const stops = Array.from({ length: 11 }, (_, i) => `<stop offset="${i / 10}" stop-color="${rampColour(i / 10)}"/>`).join('');
  const key =
    `<defs><linearGradient id="pc-ramp" x1="0" y1="1" x2="0" y2="0">${stops}</linearGradient></defs>` +
    `<rect x="${keyX}" y="${keyTop}" width="10" height="${round(keyBottom - keyTop)}" fill="url(#pc-ramp)"/>` +
    `<text x="${keyX + 14}" y="${keyTop + 4}" ${font} font-size="10" ${style({ fill: theme.text })}>${escapeXml(t('runsView.chart.high'))}</text>` +
    `<text x="${keyX + 14}" y="${keyBottom + 3}" ${font} font-size="10" ${style({ fill: theme.text })}>${escapeXml(t('runsView.chart.low'))}</text>`;

  const titles = d.title
    ? `<text x="${width / 2}" y="16" text-anchor="middle" ${font} font-size="14" font-weight="bold" ${style({ fill: theme.text })}>${escapeXml(d.title)}</text>` +
      (d.subtitle
        ? `<text x="${width / 2}" y="32" text-anchor="middle" ${font} font-size="11" ${style({ fill: theme.text })}>${escapeXml(d.subtitle)}</text>`
        : '')
    : '';
  return (
    `<svg version="1.1" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    (theme.background ? `<rect width="${width}" height="${height}" fill="${theme.background}"/>` : '') +
    titles +
    `<g class="lines">${out.map((r) => line(r, false)).join('')}${kept.map((r) => line(r, true)).join('')}</g>` +
    axisMarks.join('') +
    key +
    `</svg>`
  );
}
