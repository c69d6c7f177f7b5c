/**
 * The Inside view's pictures as standalone SVG documents (saved as SVG, or drawn to PNG by figure.ts's
 * figurePng like every other figure of the app): first-layer weight tiles, the confusion matrix, softmax bars
 * of one or several runs, and the hidden units' activations. Plain strings from plain numbers, so tests can
 * parse a figure and find its numbers; pixels are rects (no embedded bitmaps: every value stays readable).
 */
import type { Activation } from '../../../../shared/engine/types';
import { rowNormalised } from '../../../../shared/inside/confusion';
import { FIGURE_FONT_FAMILY } from '../figure-fonts';
import { divergingColour } from './weight-tiles';

/** Background and text colour of a saved figure (chart-export.ts's textColourFor picks the text for a background). */
export interface FigureInk {
  background: string;
  text: string;
}

/** The figures' font stack (figure-fonts.ts): translated titles in Chinese and Japanese draw too. */
const FONT = `font-family="${FIGURE_FONT_FAMILY}"`;
const ACCENT = '#2b66d1';
const BAD = '#c62828';
const TITLE_HEIGHT = 28;

const escapeXml = (text: string): string => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
const hex = ([r, g, b]: number[]): string => `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
const rgbOf = (colour: string): number[] => [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));

/** `colour` at `share` (0…1) over `background` (both #rrggbb): how the on-screen cells mix theirs. */
export function mixColour(colour: string, share: number, background: string): string {
  const [a, b] = [rgbOf(colour), rgbOf(background.startsWith('#') ? background : '#ffffff')];
  return hex(a.map((v, k) => Math.round(b[k] + (v - b[k]) * Math.max(0, Math.min(1, share)))));
}

/** The document around `body` (drawn from y = TITLE_HEIGHT down), its title on top. */
function svgDocument(width: number, height: number, title: string, ink: FigureInk, body: string): string {
  const total = height + TITLE_HEIGHT;
  const background =
    ink.background === 'transparent' ? '' : `<rect width="${width}" height="${total}" fill="${ink.background}"/>`;
  return (
    `<svg version="1.1" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}">` +
    `${background}<text x="${width / 2}" y="19" text-anchor="middle" ${FONT} font-size="14" font-weight="bold" fill="${ink.text}">${escapeXml(title)}</text>` +
    `<g transform="translate(0,${TITLE_HEIGHT})">${body}</g></svg>`
  );
}

/** One tile: its values (side × side) as rects coloured like the screen's tiles; white cells left to the frame. */
function tileRects(values: ArrayLike<number>, scale: number, side: number, pixel: number): string {
  const rects: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const colour = hex(divergingColour(scale > 0 ? values[i] / scale : 0));
    if (colour === '#ffffff') continue;
    const [x, y] = [(i % side) * pixel, Math.floor(i / side) * pixel];
    rects.push(`<rect x="${x}" y="${y}" width="${pixel}" height="${pixel}" fill="${colour}"/>`);
  }
  return rects.join('');
}

/** Weight tiles in a grid of `columns`, each on white with its label under it ("unit 3", "unit 7 · 0.98"). */
export function tilesSvg(
  tiles: { values: ArrayLike<number>; scale: number; label: string }[],
  side: number,
  options: { title: string; columns: number; ink: FigureInk },
): string {
  const pixel = 2;
  const [cell, labelHeight, gap, margin] = [side * pixel, 14, 8, 12];
  const columns = Math.max(1, Math.min(options.columns, tiles.length));
  const rows = Math.ceil(tiles.length / columns);
  const width = margin * 2 + columns * cell + (columns - 1) * gap;
  const height = margin + rows * (cell + labelHeight + gap);
  const body = tiles
    .map((tile, i) => {
      const [x, y] = [margin + (i % columns) * (cell + gap), Math.floor(i / columns) * (cell + labelHeight + gap)];
      return (
        `<g transform="translate(${x},${y})" data-label="${escapeXml(tile.label)}">` +
        `<rect width="${cell}" height="${cell}" fill="#ffffff" stroke="${options.ink.text}" stroke-opacity="0.3"/>` +
        `${tileRects(tile.values, tile.scale, side, pixel)}` +
        `<text x="${cell / 2}" y="${cell + 11}" text-anchor="middle" ${FONT} font-size="9" fill="${options.ink.text}">${escapeXml(tile.label)}</text></g>`
      );
    })
    .join('');
  return svgDocument(width, height, options.title, options.ink, body);
}

/** The confusion matrix as on screen: a cell per (true, predicted) with its count or row share (%). */
export function confusionSvg(
  confusion: number[][],
  options: { title: string; normalised: boolean; ink: FigureInk; xLabel: string; yLabel: string },
): string {
  const shares = rowNormalised(confusion);
  const [cellW, cellH, left, top] = [44, 24, 40, 22];
  const n = confusion.length;
  const width = left + n * cellW + 12;
  const height = top + n * cellH + 30;
  const text = (x: number, y: number, s: string, extra = '') =>
    `<text x="${x}" y="${y}" text-anchor="middle" ${FONT} font-size="11" fill="${options.ink.text}"${extra}>${escapeXml(s)}</text>`;
  const cells = confusion.flatMap((row, t) =>
    row.map((count, p) => {
      const share = shares[t][p];
      const fill =
        t === p
          ? mixColour(ACCENT, share * 0.55, options.ink.background)
          : mixColour(BAD, Math.min(1, share * 4) * 0.45, options.ink.background);
      const [x, y] = [left + p * cellW, top + t * cellH];
      const value = options.normalised ? (share * 100).toFixed(1) : String(count);
      return (
        `<rect x="${x}" y="${y}" width="${cellW}" height="${cellH}" fill="${fill}" stroke="${options.ink.background}" data-true="${t}" data-pred="${p}"/>` +
        text(x + cellW / 2, y + 16, value)
      );
    }),
  );
  const heads = confusion.flatMap((_, c) => [
    text(left + c * cellW + cellW / 2, top - 7, String(c), ' font-weight="bold"'),
    text(left / 2, top + c * cellH + 16, String(c), ' font-weight="bold"'),
  ]);
  const axes =
    text(left + (n * cellW) / 2, top + n * cellH + 20, options.xLabel) +
    `<text transform="translate(10,${top + (n * cellH) / 2}) rotate(-90)" text-anchor="middle" ${FONT} font-size="11" fill="${options.ink.text}">${escapeXml(options.yLabel)}</text>`;
  return svgDocument(width, height, options.title, options.ink, [...cells, ...heads, axes].join(''));
}

/** Softmax bars of one or several runs side by side: per run a column of one bar per class, the largest in the accent. */
export function softmaxSvg(
  groups: { name: string; probabilities: number[]; label?: number }[],
  options: { title: string; ink: FigureInk },
): string {
  const [groupW, barMax, rowH, gap, top] = [190, 110, 16, 16, 20];
  const classes = Math.max(0, ...groups.map((g) => g.probabilities.length));
  const width = 12 + groups.length * (groupW + gap);
  const height = top + classes * rowH + 10;
  const body = groups
    .map((group, g) => {
      const x0 = 12 + g * (groupW + gap);
      const best = group.probabilities.indexOf(Math.max(...group.probabilities));
      const rows = group.probabilities.map((p, c) => {
        const y = top + c * rowH;
        const weight = c === group.label ? ' font-weight="bold" text-decoration="underline"' : '';
        return (
          `<text x="${x0}" y="${y + 11}" ${FONT} font-size="11" fill="${options.ink.text}"${weight}>${c}</text>` +
          `<rect x="${x0 + 14}" y="${y + 3}" width="${barMax}" height="9" fill="${options.ink.text}" fill-opacity="0.1"/>` +
          `<rect x="${x0 + 14}" y="${y + 3}" width="${(p * barMax).toFixed(2)}" height="9" fill="${c === best ? ACCENT : '#8c959f'}" data-class="${c}" data-p="${p}"/>` +
          `<text x="${x0 + groupW - 8}" y="${y + 11}" text-anchor="end" ${FONT} font-size="10" fill="${options.ink.text}">${(p * 100).toFixed(1)}%</text>`
        );
      });
      return `<text x="${x0}" y="12" ${FONT} font-size="11" font-weight="bold" fill="${options.ink.text}">${escapeXml(group.name)}</text>${rows.join('')}`;
    })
    .join('');
  return svgDocument(width, height, options.title, options.ink, body);
}

/** Geometry of the activation strip: a bar per hidden unit. */
const STRIP = { bar: 8, gap: 1, height: 56, left: 10, labels: 22 };

/** Width of the activation strip of `units` hidden units (the screen sizes its box from it). */
export const stripWidth = (units: number): number => STRIP.left * 2 + units * (STRIP.bar + STRIP.gap);

/** The activation a strip's full bar stands for: 1 for sigmoid and step; ReLU has no ceiling, so its largest. */
export function activationCeiling(activation: Activation, activations: readonly number[]): number {
  return activation === 'relu' ? Math.max(0, ...activations) : 1;
}

/**
 * The hidden units' activations as a strip of bars: height and colour (white → red, as a tile's positive
 * weights) by activation over activationCeiling; the `marked` units (those that respond most) get their
 * number under the bar. Without a title: the bare strip, for the screen.
 */
export function activationStripSvg(
  activations: readonly number[],
  options: { activation: Activation; marked: readonly number[]; ink: FigureInk; unitName: string; title?: string },
): string {
  const { bar, gap, height, left, labels } = STRIP;
  const width = stripWidth(activations.length);
  const max = activationCeiling(options.activation, activations);
  const marked = new Set(options.marked);
  // Numbers of neighbouring marked units take turns on two lines, so that they never overlap.
  const line = new Map<number, number>();
  for (const j of [...marked].sort((a, b) => a - b)) line.set(j, line.get(j - 1) === 0 ? 1 : 0);
  const body = activations
    .map((a, j) => {
      const share = max > 0 ? Math.max(0, Math.min(1, a / max)) : 0;
      const [x, h] = [left + j * (bar + gap), Math.max(1, share * height)];
      const label = marked.has(j)
        ? `<text x="${x + bar / 2}" y="${height + 10 + 9 * line.get(j)!}" text-anchor="middle" ${FONT} font-size="8" fill="${options.ink.text}">${j + 1}</text>`
        : '';
      return (
        `<rect x="${x}" y="${height - h}" width="${bar}" height="${h}" fill="${hex(divergingColour(share))}" stroke="${options.ink.text}" stroke-opacity="${marked.has(j) ? 0.9 : 0.25}" stroke-width="0.6" data-unit="${j + 1}" data-activation="${a}"><title>${escapeXml(options.unitName)} ${j + 1}: ${a.toFixed(3)}</title></rect>` +
        label
      );
    })
    .join('');
  if (options.title === undefined)
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height + labels}" viewBox="0 0 ${width} ${height + labels}">${body}</svg>`;
  return svgDocument(width, height + labels, options.title, options.ink, body);
}
