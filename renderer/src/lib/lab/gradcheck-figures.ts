/**
 * The gradient check of the full network, drawn (the simpleNet page's second part): numerical against
 * analytic gradient as a scatter — the diagonal if backpropagation is right — and |numerical − analytic| of
 * W1 as one 28×28 tile per hidden unit, on a logarithmic colour scale (exact zeros, from pixels blank in every
 * checked image, left blank).
 */
import type { GradientElements } from '../../../../shared/gradcheck-elements';
import type { ChartLook, Series } from '../chart-setup';
import { FIGURE_FONT_FAMILY } from '../font-stack';
import { t } from '../i18n';
import { PALETTE } from '../palette';

/** Each parameter's sampled elements as points (x analytic, y numerical), and the diagonal y = x. */
export function scatterSeries(elements: GradientElements): Series[] {
  let lo = Infinity;
  let hi = -Infinity;
  const points = elements.scatter.map((p, i) => {
    for (const v of p.analytic) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    const label = p.stride > 1 ? t('lab.gradcheck.every', { name: p.name, stride: p.stride }) : p.name;
    return {
      label,
      color: PALETTE[i % PALETTE.length],
      noLine: true,
      pointRadius: 2,
      points: p.analytic.map((x, j) => ({ x, y: p.numerical[j] })),
    } satisfies Series;
  });
  const diagonal: Series = {
    label: t('lab.gradcheck.diagonal'),
    color: '#888888',
    dashed: true,
    points: [
      { x: lo, y: lo },
      { x: hi, y: hi },
    ],
  };
  return [diagonal, ...points];
}

/** The scatter's axes, in the page's language. */
export const scatterLook = (): ChartLook => ({
  xLabel: t('lab.gradcheck.analyticAxis'),
  yLabel: t('lab.gradcheck.numericalAxis'),
  logY: false,
});

/** Colour stops of the scale from the smallest to the largest |difference| (viridis, which reads in grey too). */
const STOPS: Array<[number, number, number]> = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];

/** Colour of t ∈ [0, 1] on the scale. */
export function scaleColour(t: number): [number, number, number] {
  const c = Math.max(0, Math.min(1, t)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(c));
  const f = c - i;
  return [0, 1, 2].map((k) => Math.round(STOPS[i][k] + (STOPS[i + 1][k] - STOPS[i][k]) * f)) as [number, number, number];
}

/** W1's differences laid out as tiles: one image, its size, and the range of the log scale. */
export interface DiffTiles {
  rgba: Uint8ClampedArray;
  width: number;
  height: number;
  /** Tiles per row, and each tile's side in pixels. */
  columns: number;
  side: number;
  /** Smallest non-zero and largest |difference|: the ends of the colour scale. */
  min: number;
  max: number;
  /** Weights whose two gradients are exactly equal (drawn blank). */
  zeros: number;
}

/** Pixels between tiles. */
const GAP = 1;

/**
 * |difference| of W1 (inputs × hidden, row-major) as tiles — hidden unit j's column as a side × side image —
 * `columns` to a row; null unless the inputs are a square image. Blank (and the gaps) are transparent.
 */
export function diffTiles(diff: ArrayLike<number>, rows: number, cols: number, columns = 10): DiffTiles | null {
  const side = Math.round(Math.sqrt(rows));
  if (side * side !== rows) return null;
  let min = Infinity;
  let max = 0;
  let zeros = 0;
  for (let i = 0; i < diff.length; i++) {
    if (diff[i] === 0) zeros++;
    else {
      min = Math.min(min, diff[i]);
      max = Math.max(max, diff[i]);
    }
  }
  const tileRows = Math.ceil(cols / columns);
  const width = columns * (side + GAP) - GAP;
  const height = tileRows * (side + GAP) - GAP;
  const rgba = new Uint8ClampedArray(width * height * 4);
  const [logMin, logMax] = [Math.log10(min), Math.log10(max)];
  for (let unit = 0; unit < cols; unit++) {
    const [x0, y0] = [(unit % columns) * (side + GAP), Math.floor(unit / columns) * (side + GAP)];
    for (let pixel = 0; pixel < rows; pixel++) {
      const v = diff[pixel * cols + unit];
      if (v === 0) continue;
      const t = logMax > logMin ? (Math.log10(v) - logMin) / (logMax - logMin) : 1;
      const at = ((y0 + Math.floor(pixel / side)) * width + x0 + (pixel % side)) * 4;
      rgba.set([...scaleColour(t), 255], at);
    }
  }
  return { rgba, width, height, columns, side, min: Number.isFinite(min) ? min : 0, max, zeros };
}

const escapeXml = (s: string): string =>
  s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

/**
 * The tiles as an SVG document for saving: the tile image (a PNG data URL of `tiles` at `scale` px per pixel),
 * a title, and the colour scale with its ends.
 */
export function diffTilesSvg(tiles: DiffTiles, pngDataUrl: string, title: string, scale = 4): string {
  const [w, h] = [tiles.width * scale, tiles.height * scale];
  const pad = 16;
  const bar = 12;
  const total = { width: w + 2 * pad, height: h + 2 * pad + 34 + bar + 20 };
  const steps = 40;
  const stops = Array.from({ length: steps }, (_, i) => {
    const [r, g, b] = scaleColour(i / (steps - 1));
    return `<rect x="${pad + (i * w) / steps}" y="${pad + 34 + h + 10}" width="${w / steps + 0.5}" height="${bar}" fill="rgb(${r},${g},${b})"/>`;
  }).join('');
  const text = (x: number, y: number, s: string, anchor = 'start', size = 12) =>
    `<text x="${x}" y="${y}" font-family="${FIGURE_FONT_FAMILY}" font-size="${size}" fill="#1f2328" text-anchor="${anchor}">${escapeXml(s)}</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${total.width}" height="${total.height}" viewBox="0 0 ${total.width} ${total.height}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    text(pad, pad + 14, title, 'start', 15),
    `<image x="${pad}" y="${pad + 26}" width="${w}" height="${h}" image-rendering="pixelated" style="image-rendering:pixelated" href="${pngDataUrl}"/>`,
    stops,
    text(pad, pad + 34 + h + 10 + bar + 14, `${tiles.min.toExponential(1)} (log scale)`),
    text(pad + w, pad + 34 + h + 10 + bar + 14, tiles.max.toExponential(1), 'end'),
    text(pad + w / 2, pad + 34 + h + 10 + bar + 14, 'blank: exactly 0', 'middle'),
    '</svg>',
  ].join('');
}
