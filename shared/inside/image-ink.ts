/**
 * How much of each pixel of a colour picture is pen, in [0, 1]: what centreLikeMnist takes. One rule for the
 * drawing canvas and for PNG files given to `descent predict`, so both are read alike.
 *
 * The background is judged from the picture's one-pixel frame:
 * - mostly transparent (the drawing canvas: opaque strokes on a clear canvas): the ink is the alpha;
 * - opaque: each pixel's grey (Rec. 601 luma, composited over the frame's grey) against the frame's grey —
 *   dark ink on light paper or light ink on a dark field (MNIST's own look), the background level mapping to
 *   0 and the far end of the scale to 1, so a grey page has no ink where it is blank.
 */
import type { GreyImage } from './mnist-centring';

/** A picture as RGBA bytes (0…255, 4 per pixel, row-major), as getImageData and PNG decoders give it. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: ArrayLike<number>;
}

const HALF_GREY_LEVEL = 0.5 / 255;

const luma = (data: ArrayLike<number>, p: number): number => (0.299 * data[p] + 0.587 * data[p + 1] + 0.114 * data[p + 2]) / 255;

/** Indices of the pixels on the picture's outer frame (each once). */
function framePixels(width: number, height: number): number[] {
  const frame = new Set<number>();
  for (let x = 0; x < width; x++) frame.add(x).add((height - 1) * width + x);
  for (let y = 0; y < height; y++) frame.add(y * width).add(y * width + width - 1);
  return [...frame];
}

/** The ink of every pixel of `image` (see the module's comment for the rule). */
export function inkOf(image: RgbaImage): GreyImage {
  const { width, height, data } = image;
  if (width < 1 || height < 1 || data.length !== width * height * 4)
    throw new RangeError(`${data.length} bytes for a ${width}×${height} RGBA picture`);
  const pixels = new Float64Array(width * height);
  const frame = framePixels(width, height);
  const alpha = (i: number): number => data[i * 4 + 3] / 255;
  const frameAlpha = frame.reduce((sum, i) => sum + alpha(i), 0) / frame.length;
  if (frameAlpha < 0.5) {
    for (let i = 0; i < pixels.length; i++) pixels[i] = alpha(i);
    return { width, height, pixels };
  }
  const frameGrey = frame.reduce((sum, i) => sum + luma(data, i * 4), 0) / frame.length;
  const lightPaper = frameGrey >= 0.5;
  for (let i = 0; i < pixels.length; i++) {
    const a = alpha(i);
    const grey = a * luma(data, i * 4) + (1 - a) * frameGrey;
    const ink = lightPaper ? (frameGrey - grey) / frameGrey : (grey - frameGrey) / (1 - frameGrey);
    // Less than half a grey level from the paper is the paper (the frame's mean is a sum of rounded values).
    pixels[i] = ink < HALF_GREY_LEVEL ? 0 : Math.min(1, ink);
  }
  return { width, height, pixels };
}
