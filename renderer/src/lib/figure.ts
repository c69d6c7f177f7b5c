/**
 * The compare view's report figure: its charts laid out as a grid under one title and subtitle, sized for a
 * paper or a slide, as SVG (vector), PNG (300 dpi) or PDF (vector, text kept as text, through jsPDF and
 * svg2pdf.js).
 */
import type { WorkbenchApi } from '../../../shared/api';
import { errorMessage } from '../../../shared/errors';
import type { FigurePresetName } from '../../../shared/figure-request';
import { renderSvg, type ChartLook, type Series } from './chart-setup';
import { embedCjkFont, FIGURE_FONT_FAMILY } from './figure-fonts';
import { errorNotice, type Notice } from './notice';

/** CSS pixels per inch: the SVG's unit. */
const PX_PER_IN = 96;
/** PNG resolution of a report figure. */
export const FIGURE_DPI = 300;

/** A size a report figure is made for. */
export interface FigurePreset {
  label: string;
  widthIn: number;
  /** Fixed height (a slide); otherwise the grid's rows decide it. */
  heightIn?: number;
  columns: number;
  /** Chart height over chart width, when the height is free. */
  aspect: number;
}

export const FIGURE_PRESETS = {
  single: { label: 'single column (3.5 in)', widthIn: 3.5, columns: 1, aspect: 0.72 },
  double: { label: 'double column (7 in)', widthIn: 7, columns: 2, aspect: 0.68 },
  slide: { label: 'slide 16:9 (13.33 × 7.5 in)', widthIn: 40 / 3, heightIn: 7.5, columns: 2, aspect: 0.5 },
} satisfies Record<FigurePresetName, FigurePreset>;
export type { FigurePresetName };

/** A chart cell of the grid, in CSS pixels. */
export interface Cell {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the title, the subtitle and each of `count` charts go, and the whole figure's size, in CSS pixels. */
export function figureLayout(
  preset: FigurePreset,
  count: number,
  footer = 0,
): { width: number; height: number; header: number; cells: Cell[] } {
  const width = Math.round(preset.widthIn * PX_PER_IN);
  const margin = 6;
  const gap = 8;
  const header = 46;
  const columns = Math.max(1, Math.min(preset.columns, count));
  const rows = Math.max(1, Math.ceil(count / columns));
  const cellWidth = Math.floor((width - 2 * margin - (columns - 1) * gap) / columns);
  const height = preset.heightIn
    ? Math.round(preset.heightIn * PX_PER_IN)
    : Math.round(header + margin + rows * cellWidth * preset.aspect + (rows - 1) * gap + margin + footer);
  const cellHeight = Math.floor((height - header - margin - footer - (rows - 1) * gap) / rows);
  const cells = Array.from({ length: count }, (_, i) => ({
    x: margin + (i % columns) * (cellWidth + gap),
    y: header + Math.floor(i / columns) * (cellHeight + gap),
    width: cellWidth,
    height: cellHeight,
  }));
  return { width, height, header, cells };
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The figure as one SVG document: title and subtitle as text at the top, then each chart (drawn by Chart.js
 * into SVG) placed in its cell as a group — groups rather than nested <svg>, which PDF converters handle
 * unevenly. White background; text stays text.
 */
export function renderFigureSvg(
  parts: Array<{ series: Series[]; look: ChartLook }>,
  preset: FigurePreset,
  title: string,
  subtitle: string,
  caption?: CaptionTable,
): string {
  const layout = figureLayout(preset, parts.length, caption ? captionHeight(caption) : 0);
  const groups = parts.map((part, i) => {
    const cell = layout.cells[i];
    const svg = renderSvg(part.series, { ...part.look, background: '#ffffff', textColour: '#1f2328' }, cell.width, cell.height);
    const inner = svg.replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
    // Each chart's ids (clip paths, gradients) made unique within the figure.
    const scoped = inner
      .replace(/id="([^"]+)"/g, `id="f${i}-$1"`)
      .replace(/url\(#([^)]+)\)/g, `url(#f${i}-$1)`)
      .replace(/href="#([^"]+)"/g, `href="#f${i}-$1"`);
    return `<g transform="translate(${cell.x},${cell.y})">${scoped}</g>`;
  });
  const font = `font-family="${FIGURE_FONT_FAMILY}"`;
  return (
    `<svg version="1.1" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}">` +
    `<rect width="${layout.width}" height="${layout.height}" fill="#ffffff"/>` +
    `<text x="${layout.width / 2}" y="20" text-anchor="middle" ${font} font-size="15" font-weight="bold" fill="#1f2328">${escapeXml(title)}</text>` +
    `<text x="${layout.width / 2}" y="38" text-anchor="middle" ${font} font-size="11" fill="#1f2328">${escapeXml(subtitle)}</text>` +
    `${groups.join('')}${caption ? captionSvg(caption, layout.width, layout.height - captionHeight(caption), font) : ''}</svg>`
  );
}

/** A table under the charts: what differs between the runs and how they ended, one row per run. */
export interface CaptionTable {
  columns: string[];
  rows: string[][];
}

const CAPTION_LINE = 15;
const captionHeight = (table: CaptionTable) => (table.rows.length + 1) * CAPTION_LINE + 10;

const CAPTION_FONT_SIZE = 10;
const CAPTION_MARGIN = 12;
/** Space between one column's widest text and the next column. */
const CAPTION_GAP = 10;

/**
 * Width of `text` in CSS pixels at `fontSize`, estimated without a DOM so the SVG, the PNG and the PDF agree:
 * a wide character (CJK ideographs, kana, hangul, fullwidth forms such as "（") takes a whole em, any other about
 * 0.62 em (a little over the sans-serif fonts' average, so estimates err wide); bold 8 % wider.
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let ems = 0;
  for (const char of text) ems += WIDE.test(char) ? 1 : 0.62;
  return ems * fontSize * (bold ? 1.08 : 1);
}
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/**
 * Where each caption column starts and the font size: each column as wide as its widest text (the header in
 * bold) plus a gap, the space left over shared out evenly; a table wider than the figure is set smaller until it
 * fits, so no column runs into the next (evenly spread columns did, with Japanese headers).
 */
export function captionLayout(table: CaptionTable, width: number): { x: number[]; fontSize: number } {
  const natural = table.columns.map((header, c) =>
    Math.max(
      textWidth(header, CAPTION_FONT_SIZE, true),
      ...table.rows.map((cells) => textWidth(cells[c] ?? '', CAPTION_FONT_SIZE)),
    ),
  );
  const available = width - 2 * CAPTION_MARGIN;
  const needed = natural.reduce((sum, w) => sum + w, 0) + CAPTION_GAP * (natural.length - 1);
  const scale = Math.min(1, available / needed);
  const spare = (available - needed * scale) / natural.length;
  const x: number[] = [];
  let at = CAPTION_MARGIN;
  for (const w of natural) {
    x.push(at);
    at += (w + CAPTION_GAP) * scale + spare;
  }
  return { x, fontSize: CAPTION_FONT_SIZE * scale };
}

/** The caption table as SVG text (a header row in bold, a rule under it), columns as wide as their text. */
function captionSvg(table: CaptionTable, width: number, top: number, font: string): string {
  const { x, fontSize } = captionLayout(table, width);
  const size = Number(fontSize.toFixed(2));
  const row = (cells: string[], y: number, bold: boolean) =>
    cells
      .map(
        (cell, c) =>
          `<text x="${x[c].toFixed(1)}" y="${y}" ${font} font-size="${size}"${bold ? ' font-weight="bold"' : ''} fill="#1f2328">${escapeXml(cell)}</text>`,
      )
      .join('');
  return [
    row(table.columns, top + CAPTION_LINE, true),
    `<line x1="${CAPTION_MARGIN}" x2="${width - CAPTION_MARGIN}" y1="${top + CAPTION_LINE + 4}" y2="${top + CAPTION_LINE + 4}" stroke="#1f2328" stroke-width="0.6"/>`,
    ...table.rows.map((cells, r) => row(cells, top + (r + 2) * CAPTION_LINE + 2, false)),
  ].join('');
}

/** The figure's size in inches (what the PDF page and the PNG's resolution follow). */
export function figureInches(svg: string): { widthIn: number; heightIn: number } {
  const size = (name: string) => Number(svg.match(new RegExp(`^<svg[^>]* ${name}="([\\d.]+)"`))?.[1] ?? 0) / PX_PER_IN;
  return { widthIn: size('width'), heightIn: size('height') };
}

/** The figure as a PNG at `dpi` (base64), drawn by the browser from the SVG. */
export async function figurePng(svg: string, dpi = FIGURE_DPI): Promise<string> {
  const { widthIn, heightIn } = figureInches(svg);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(widthIn * dpi);
    canvas.height = Math.round(heightIn * dpi);
    canvas.getContext('2d')!.drawImage(image, 0, 0, canvas.width, canvas.height);
    const data = canvas.toDataURL('image/png');
    return data.slice(data.indexOf(',') + 1);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves an SVG document as `name`.svg, or as `name`.png drawn from it by figurePng (the Lab's and the Inside view's pictures). */
export async function saveSvgDocument(api: WorkbenchApi, svg: string, name: string, format: 'svg' | 'png'): Promise<void> {
  if (format === 'svg') await api.saveFile({ suggestedName: `${name}.svg`, mime: 'image/svg+xml', data: svg, base64: false });
  else await api.saveFile({ suggestedName: `${name}.png`, mime: 'image/png', data: await figurePng(svg), base64: true });
}

/** The figure as a vector PDF page of its own size (base64); jsPDF and svg2pdf.js load only when asked for. */
export async function figurePdf(svg: string): Promise<string> {
  const [{ jsPDF }] = await Promise.all([import('jspdf'), import('svg2pdf.js')]);
  const { widthIn, heightIn } = figureInches(svg);
  const points = { width: widthIn * 72, height: heightIn * 72 };
  const pdf = new jsPDF({
    unit: 'pt',
    format: [points.width, points.height],
    orientation: points.width > points.height ? 'landscape' : 'portrait',
  });
  const holder = document.createElement('div');
  holder.style.cssText = 'position:fixed;left:-100000px;top:0';
  holder.innerHTML = svg;
  document.body.append(holder);
  try {
    await embedCjkFont(pdf, holder.firstElementChild!);
    await pdf.svg(holder.firstElementChild!, { x: 0, y: 0, width: points.width, height: points.height });
  } finally {
    holder.remove();
  }
  const data = pdf.output('datauristring');
  return data.slice(data.indexOf(',') + 1);
}

/**
 * What to tell the user when a figure could not be made. The PDF writer is loaded on demand: a page opened
 * before `descent serve` rebuilt the UI asks for a file that is gone, which a reload fixes.
 */
export function figureExportFailure(format: string, error: unknown): Notice {
  const message = errorMessage(error);
  const stale = /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(message);
  return {
    key: 'compare.figureFailed',
    values: { format: format.toUpperCase(), reason: stale ? { key: 'compare.figureStale' } : errorNotice(error) },
  };
}
