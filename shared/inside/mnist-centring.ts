/**
 * A drawing turned into an MNIST-like input, the way LeCun et al. prepared the digits: the ink's bounding
 * box scaled (aspect kept, anti-aliased by area averaging) so its longer side is 20 pixels, then placed in a
 * 28×28 field so that its centre of mass falls on pixel (14, 14) (0-based), shifted by whole pixels.
 */

/** A greyscale image, row-major, ink as values in [0, 1] (0 = background). */
export interface GreyImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: ArrayLike<number>;
}

/** Side of the MNIST field and of the box the digit is scaled into. */
export const MNIST_SIDE = 28;
export const MNIST_BOX = 20;

/** Inclusive-exclusive bounds of the pixels with ink, or null for an empty image. */
function inkBounds(image: GreyImage): { x0: number; y0: number; x1: number; y1: number } | null {
  let [x0, y0, x1, y1] = [image.width, image.height, -1, -1];
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (image.pixels[y * image.width + x] <= 0) continue;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
  }
  return x1 < 0 ? null : { x0, y0, x1: x1 + 1, y1: y1 + 1 };
}

/**
 * Weights of input cells [0, inSize) in each of `outSize` output cells when [0, inSize) is stretched onto
 * [0, outSize): the overlap of input cell i with output cell o, in output units (each row sums to 1).
 */
function coverage(inSize: number, outSize: number): Float64Array[] {
  const scale = outSize / inSize;
  return Array.from({ length: outSize }, (_, o) => {
    const weights = new Float64Array(inSize);
    for (let i = Math.floor(o / scale); i < inSize && i * scale < o + 1; i++) {
      weights[i] = Math.max(0, Math.min(o + 1, (i + 1) * scale) - Math.max(o, i * scale));
    }
    return weights;
  });
}

/** The drawing as 784 values in [0, 1] (row-major 28×28), centred and scaled as MNIST's digits are. */
export function centreLikeMnist(image: GreyImage): Float64Array {
  if (image.pixels.length !== image.width * image.height)
    throw new RangeError(`${image.pixels.length} pixels for ${image.width}×${image.height}`);
  const out = new Float64Array(MNIST_SIDE * MNIST_SIDE);
  const box = inkBounds(image);
  if (!box) return out;
  const [bw, bh] = [box.x1 - box.x0, box.y1 - box.y0];
  const factor = MNIST_BOX / Math.max(bw, bh);
  const [sw, sh] = [Math.max(1, Math.round(bw * factor)), Math.max(1, Math.round(bh * factor))];
  const [cols, rows] = [coverage(bw, sw), coverage(bh, sh)];
  // Area-averaged resampling of the box: each scaled pixel is the mean ink under it.
  const scaled = new Float64Array(sw * sh);
  for (let oy = 0; oy < sh; oy++) {
    for (let ox = 0; ox < sw; ox++) {
      let sum = 0;
      for (let y = 0; y < bh; y++) {
        const wy = rows[oy][y];
        if (wy === 0) continue;
        for (let x = 0; x < bw; x++)
          if (cols[ox][x] !== 0) sum += wy * cols[ox][x] * image.pixels[(box.y0 + y) * image.width + box.x0 + x];
      }
      scaled[oy * sw + ox] = Math.min(1, sum);
    }
  }
  // Centre of mass in pixel indices, moved to pixel (14, 14) by a whole-pixel shift: where MNIST's own test
  // digits have it (measured from their corner, their centres of mass lie in [14, 15) on both axes).
  let [mass, mx, my] = [0, 0, 0];
  for (let y = 0; y < sh; y++) {
    for (let x = 0; x < sw; x++) {
      const v = scaled[y * sw + x];
      mass += v;
      mx += v * x;
      my += v * y;
    }
  }
  const dx = Math.round(MNIST_SIDE / 2 - mx / mass);
  const dy = Math.round(MNIST_SIDE / 2 - my / mass);
  for (let y = 0; y < sh; y++) {
    for (let x = 0; x < sw; x++) {
      const [tx, ty] = [x + dx, y + dy];
      if (tx >= 0 && tx < MNIST_SIDE && ty >= 0 && ty < MNIST_SIDE) out[ty * MNIST_SIDE + tx] = scaled[y * sw + x];
    }
  }
  return out;
}
