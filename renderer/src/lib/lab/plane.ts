/**
 * Geometry of the Lab's (x0, x1) plane figures: data coordinates to SVG pixels and back, arrow lengths
 * scaled as matplotlib's quiver scales them (proportional, the longest a fixed fraction of a cell), and paths
 * that leave the picture (a diverging descent reaches 1e13) kept drawable.
 */
import type { Arrow } from './gradient-field';

export interface Plane {
  /** Half the width of the square shown, in data units (the plane is −limit … limit on both axes). */
  limit: number;
  /** Side of the square in SVG pixels. */
  size: number;
}

export const toPx = (p: Plane, x0: number, x1: number): [number, number] => [
  ((x0 + p.limit) / (2 * p.limit)) * p.size,
  ((p.limit - x1) / (2 * p.limit)) * p.size,
];

export const fromPx = (p: Plane, px: number, py: number): [number, number] => [
  (px / p.size) * 2 * p.limit - p.limit,
  p.limit - (py / p.size) * 2 * p.limit,
];

/** Arrows in pixels, lengths proportional to the gradient, the longest `maxPx` long. */
export function arrowSegments(
  p: Plane,
  arrows: readonly Arrow[],
  maxPx: number,
): Array<{ x1: number; y1: number; x2: number; y2: number }> {
  const longest = Math.max(...arrows.map((a) => Math.hypot(a.d0, a.d1)), Number.MIN_VALUE);
  const k = maxPx / longest;
  return arrows.map((a) => {
    const [x, y] = toPx(p, a.x0, a.x1);
    return { x1: x, y1: y, x2: x + a.d0 * k, y2: y - a.d1 * k };
  });
}

/**
 * SVG points of a path; coordinates far outside the picture are pulled in to ±100 sizes (SVG renderers lose
 * precision or give up on 1e15-pixel coordinates; the clipped drawing looks the same).
 */
export function pathPoints(p: Plane, path: ReadonlyArray<readonly [number, number]>): string {
  const bound = p.size * 100;
  const clamp = (v: number) => Math.max(-bound, Math.min(bound, v));
  return path
    .map(([a, b]) =>
      toPx(p, a, b)
        .map((v) => clamp(v).toFixed(2))
        .join(','),
    )
    .join(' ');
}

/** Radii of the contour circles of x0² + x1² at levels `values` (f = r²), in pixels. */
export const contourRadii = (p: Plane, levels: readonly number[]): number[] =>
  levels.map((f) => (Math.sqrt(f) / (2 * p.limit)) * p.size);

/** A number for display: fixed decimals for ordinary sizes, scientific for tiny and huge ones. */
export function formatNumber(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e-3 && a < 1e6 ? v.toFixed(digits) : v.toExponential(digits - 1 > 0 ? digits - 1 : 2);
}

/** One square of a shaded plot: its corner and side in pixels, and its shade from 0 (lowest f) to 0.55 (highest). */
export interface ShadeCell {
  x: number;
  y: number;
  size: number;
  level: number;
}

/**
 * f on an n × n grid of squares, each shaded by its rank among the values (not the value itself), so that a
 * plateau and a steep wall both show their shape; squares where f is not a number are left out.
 */
export function shadeCells(p: Plane, f: (x: Float64Array) => number, n: number): ShadeCell[] {
  const size = p.size / n;
  const cells: Array<ShadeCell & { value: number }> = [];
  const x = new Float64Array(2);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      [x[0], x[1]] = fromPx(p, (i + 0.5) * size, (j + 0.5) * size);
      const value = f(x);
      if (Number.isFinite(value)) cells.push({ x: i * size, y: j * size, size, level: 0, value });
    }
  }
  const order = cells.map((_, k) => k).sort((a, b) => cells[a].value - cells[b].value);
  order.forEach((k, rank) => (cells[k].level = cells.length > 1 ? (0.55 * rank) / (cells.length - 1) : 0));
  return cells.map(({ x: cx, y, size: s, level }) => ({ x: cx, y, size: s, level }));
}
