/** Ink from RGBA pictures (the drawing canvas, PNG files): hand-made pictures against values worked out by hand. */
import { describe, expect, it } from 'vitest';
import { inkOf } from '../../../shared/inside/image-ink';

/** A width × height picture from one [r, g, b, a] per pixel. */
function rgba(width: number, height: number, pixel: (x: number, y: number) => number[]) {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(pixel(x, y), (y * width + x) * 4);
  return { width, height, data };
}

describe('inkOf', () => {
  it('on a transparent canvas the ink is the alpha, whatever the colour (the drawing canvas)', () => {
    const picture = rgba(3, 3, (x, y) => (x === 1 && y === 1 ? [0, 0, 0, 255] : x === 1 ? [200, 10, 10, 51] : [0, 0, 0, 0]));
    expect(Array.from(inkOf(picture).pixels)).toEqual([0, 0.2, 0, 0, 1, 0, 0, 0.2, 0]);
  });

  // 5×5 pictures: the paper is the one-pixel frame, the ink is drawn in the 3×3 inside it.
  it('black on white paper: ink = 1 − grey; grey 102 (0.4) is ink 0.6', () => {
    const picture = rgba(5, 5, (x, y) =>
      x === 2 && y === 2 ? [0, 0, 0, 255] : x === 3 && y === 2 ? [102, 102, 102, 255] : [255, 255, 255, 255],
    );
    const ink = Array.from(inkOf(picture).pixels);
    expect(ink[12]).toBe(1);
    expect(ink[13]).toBeCloseTo(0.6, 12);
    expect(ink.filter((v) => v !== 0)).toHaveLength(2);
  });

  it('white on black (MNIST): ink = grey; a luma mix of colours (Rec. 601: 0.299 R + 0.587 G + 0.114 B)', () => {
    const picture = rgba(5, 5, (x, y) => (x === 2 && y === 2 ? [255, 0, 0, 255] : [0, 0, 0, 255]));
    expect(inkOf(picture).pixels[12]).toBeCloseTo(0.299, 12);
    expect(inkOf(picture).pixels[0]).toBe(0);
  });

  it('grey paper (204 = 0.8) is blank; black on it is ink 1 and grey 0.4 is ink (0.8 − 0.4) / 0.8 = 0.5', () => {
    const picture = rgba(5, 5, (x, y) =>
      x === 2 && y === 2 ? [0, 0, 0, 255] : x === 2 && y === 3 ? [102, 102, 102, 255] : [204, 204, 204, 255],
    );
    const ink = inkOf(picture).pixels;
    expect(ink[0]).toBe(0);
    expect(ink[6]).toBe(0);
    expect(ink[12]).toBe(1);
    expect(ink[17]).toBeCloseTo(0.5, 12);
  });

  it('on opaque paper a partly transparent black pixel is composited over the paper: alpha 0.2 on white is ink 0.2', () => {
    const picture = rgba(5, 5, (x, y) => (x === 2 && y === 2 ? [0, 0, 0, 51] : [255, 255, 255, 255]));
    expect(inkOf(picture).pixels[12]).toBeCloseTo(0.2, 12);
  });

  it('a wrong byte count or an empty picture is refused', () => {
    expect(() => inkOf({ width: 2, height: 2, data: new Uint8Array(12) })).toThrow('12 bytes for a 2×2 RGBA picture');
    expect(() => inkOf({ width: 0, height: 0, data: [] })).toThrow('0 bytes for a 0×0 RGBA picture');
  });
});
