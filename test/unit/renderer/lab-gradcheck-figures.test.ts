import { describe, expect, it } from 'vitest';
import { diffTiles, diffTilesSvg, scaleColour, scatterSeries } from '../../../renderer/src/lib/lab/gradcheck-figures';

describe('Lab: the gradient check drawn', () => {
  it('the scatter: one series per parameter (analytic → x, numerical → y) after the diagonal over their range', () => {
    const [diagonal, w1, b1] = scatterSeries({
      scatter: [
        { name: 'W1', stride: 12, numerical: [0.1, -0.2], analytic: [0.1000001, -0.2] },
        { name: 'b1', stride: 1, numerical: [0.3], analytic: [0.3] },
      ],
      w1AbsDiff: null,
    });
    expect(diagonal.points).toEqual([
      { x: -0.2, y: -0.2 },
      { x: 0.3, y: 0.3 },
    ]);
    expect(w1.label).toBe('W1 (every 12th)');
    expect(w1.points).toEqual([
      { x: 0.1000001, y: 0.1 },
      { x: -0.2, y: -0.2 },
    ]);
    expect(b1.label).toBe('b1');
  });

  it('tiles: hidden unit j is column j as a 2×2 image, tiles 2 to a row with 1 px between; zeros stay blank', () => {
    // 4 inputs (2×2 pixels) × 3 hidden units, row-major: diff[pixel * 3 + unit].
    const diff = [1e-10, 0, 1e-6, 0, 1e-8, 0, 1e-6, 0, 0, 0, 0, 1e-10];
    const tiles = diffTiles(diff, 4, 3, 2)!;
    expect([tiles.width, tiles.height, tiles.side, tiles.min, tiles.max, tiles.zeros]).toEqual([5, 5, 2, 1e-10, 1e-6, 7]);
    const at = (x: number, y: number) => Array.from(tiles.rgba.subarray((y * 5 + x) * 4, (y * 5 + x) * 4 + 4));
    // Unit 0, pixel 0 (1e-10): the scale's low end; pixel 2 at (0, 1) is 1e-6: its high end.
    expect(at(0, 0)).toEqual([...scaleColour(0), 255]);
    expect(at(0, 1)).toEqual([...scaleColour(1), 255]);
    // Unit 1 (x from 3), pixel 1 at (4, 0) is 1e-8: half way up the log scale. Its pixel 0 is exactly 0: blank.
    expect(at(4, 0)).toEqual([...scaleColour(0.5), 255]);
    expect(at(3, 0)).toEqual([0, 0, 0, 0]);
    // The gap column between tiles is blank; unit 2 starts the second row of tiles (y from 3).
    expect(at(2, 0)).toEqual([0, 0, 0, 0]);
    expect(at(1, 4)).toEqual([...scaleColour(0), 255]);
  });

  it('inputs that are not a square image make no tiles', () => {
    expect(diffTiles([1, 2, 3], 3, 1)).toBeNull();
  });

  it('the saved figure embeds the image and labels both ends of the scale', () => {
    const tiles = diffTiles([1e-10, 1e-6, 0, 1e-8], 4, 1)!;
    const svg = diffTilesSvg(tiles, 'data:image/png;base64,AAAA', 'W1 & co', 3);
    expect(svg).toContain('href="data:image/png;base64,AAAA"');
    expect(svg).toContain('W1 &amp; co');
    expect(svg).toContain('1.0e-10 (log scale)');
    expect(svg).toContain('1.0e-6');
  });
});
