/**
 * First-layer weights as images: hidden unit j's weights from the 784 pixels (column j of W1, which is
 * stored 784 × hidden, row-major) as a 28×28 tile in a diverging colour map — negative blue, zero white,
 * positive red — scaled per tile (each tile's largest |w| is full colour) or shared (the layer's largest).
 */

export type TileScale = 'per-tile' | 'shared';

/** The weights into hidden unit `unit`: column `unit` of the inputs × hidden matrix `w1`. */
export function unitWeights(w1: ArrayLike<number>, inputs: number, hidden: number, unit: number): Float64Array {
  const out = new Float64Array(inputs);
  for (let i = 0; i < inputs; i++) out[i] = w1[i * hidden + unit];
  return out;
}

/** Largest |value| (0 for none). */
export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]));
  return m;
}

/** Colour of t ∈ [−1, 1] (clamped): white at 0, towards blue (#2166ac) below and red (#b2182b) above. */
export function divergingColour(t: number): [number, number, number] {
  const c = Math.max(-1, Math.min(1, Number.isFinite(t) ? t : 0));
  const end = c < 0 ? [33, 102, 172] : [178, 24, 43];
  const a = Math.abs(c);
  return [0, 1, 2].map((k) => Math.round(255 + (end[k] - 255) * a)) as [number, number, number];
}

/** RGBA pixels (opaque) of one tile: each value divided by `scale` (its |w| for full colour). */
export function tileRgba(values: ArrayLike<number>, scale: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(values.length * 4);
  for (let i = 0; i < values.length; i++) {
    const [r, g, b] = divergingColour(scale > 0 ? values[i] / scale : 0);
    out.set([r, g, b, 255], i * 4);
  }
  return out;
}

/** Each unit's tile values and the scale it is drawn with. */
export function weightTiles(
  w1: ArrayLike<number>,
  inputs: number,
  hidden: number,
  mode: TileScale,
): { values: Float64Array; scale: number }[] {
  const tiles = Array.from({ length: hidden }, (_, j) => unitWeights(w1, inputs, hidden, j));
  const shared = maxAbs(w1);
  return tiles.map((values) => ({ values, scale: mode === 'shared' ? shared : maxAbs(values) }));
}
