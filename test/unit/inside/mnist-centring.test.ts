/** The drawing preprocessor on hand-made images, against values worked out by hand. */
import { describe, expect, it } from 'vitest';
import { centreLikeMnist } from '../../../shared/inside/mnist-centring';

function image(width: number, height: number, ink: (x: number, y: number) => number) {
  const pixels = new Float64Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels[y * width + x] = ink(x, y);
  return { width, height, pixels };
}

/** The inked cells of a 28×28 result as [x0, y0, x1, y1] (exclusive ends) and the sum of all values. */
function footprint(out: Float64Array): { box: number[]; sum: number } {
  let [x0, y0, x1, y1, sum] = [28, 28, -1, -1, 0];
  out.forEach((v, i) => {
    sum += v;
    if (v === 0) return;
    const [x, y] = [i % 28, Math.floor(i / 28)];
    [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
  });
  return { box: [x0, y0, x1 + 1, y1 + 1], sum };
}

describe('centreLikeMnist', () => {
  it('a centred 40×40 square on 100×100 becomes a full 20×20 square at 5…24 (mass centre at index 9.5, shift round(4.5) = 5)', () => {
    const out = centreLikeMnist(image(100, 100, (x, y) => (x >= 30 && x < 70 && y >= 30 && y < 70 ? 1 : 0)));
    expect(footprint(out)).toEqual({ box: [5, 5, 25, 25], sum: 400 });
    expect(out[5 * 28 + 5]).toBe(1);
    expect(out[24 * 28 + 24]).toBe(1);
  });

  it('an off-centre vertical stroke (1×10 at x = 2 of 10×10) is scaled ×2 to 2×20 and moved to columns 14–15, rows 5–24', () => {
    const out = centreLikeMnist(image(10, 10, (x) => (x === 2 ? 1 : 0)));
    // Box 1 × 10 → factor 20/10 = 2 → 2 × 20 of ink 1; mass centre at indices (0.5, 9.5) → shift (round(13.5), round(4.5)) = (14, 5).
    expect(footprint(out)).toEqual({ box: [14, 5, 16, 25], sum: 40 });
    for (let y = 5; y < 25; y++) expect([out[y * 28 + 14], out[y * 28 + 15]]).toEqual([1, 1]);
  });

  it('anti-aliases by area: a 40×40 square whose left half is ink 1 and right half 0.5, scaled by 1/2, averages 2×2 cells', () => {
    const out = centreLikeMnist(image(40, 40, (x) => (x < 20 ? 1 : 0.5)));
    // 20×20 of 1 (left 10 columns) and 0.5 (right 10): mass x = (10·4.5 + 5·14.5)/15 = 7.83 → shift round(14 − 7.83) = 6.
    expect(out[10 * 28 + 6]).toBe(1);
    expect(out[10 * 28 + 15]).toBe(1);
    expect(out[10 * 28 + 16]).toBe(0.5);
    expect(out[10 * 28 + 25]).toBe(0.5);
    expect(out[10 * 28 + 26]).toBe(0);
  });

  it('a 3×3 block of ink 1 in a 6×6 image scaled by 20/3 averages partly covered cells (e.g. 2/3 coverage → 2/3)', () => {
    // Odd sizes: 3 → 20 output cells, each input cell covers 20/3 = 6.67 output cells: all outputs stay 1 here
    // (uniform ink), so the result is a full 20×20 square — centre at index 9.5 → shift 5.
    const out = centreLikeMnist(image(6, 6, (x, y) => (x >= 2 && x < 5 && y >= 1 && y < 4 ? 1 : 0)));
    expect(footprint(out).box).toEqual([5, 5, 25, 25]);
    expect(footprint(out).sum).toBeCloseTo(400, 10);
  });

  it("MNIST's own test digit 0 (a 7, already centred) comes back unchanged: box 16×20, shift 0", async () => {
    const { bundledMnistFolder } = await import('../../../electron/core/datasets');
    const { loadTestSplit } = await import('../../../electron/core/inside-analysis');
    const test = loadTestSplit(bundledMnistFolder());
    const pixels = Array.from(test.images.subarray(0, 784), (v) => v / 255);
    expect(Array.from(centreLikeMnist({ width: 28, height: 28, pixels }))).toEqual(pixels);
  });

  it('an empty drawing gives 784 zeros; a wrong pixel count is refused', () => {
    expect(footprint(centreLikeMnist(image(5, 5, () => 0))).sum).toBe(0);
    expect(() => centreLikeMnist({ width: 2, height: 2, pixels: [1] })).toThrow('1 pixels for 2×2');
  });
});
