import { describe, expect, it } from 'vitest';
import { lossBarsSvg } from '../../../renderer/src/lib/lab/loss-bars-svg';
import { BOOK_OUTPUT } from '../../../renderer/src/lib/lab/losses';

describe('Lab: the losses figure as a file', () => {
  it("draws ten bars at their heights (0.6 → 144 of 240 px), the label's in its colour, and both losses in the subtitle", () => {
    const svg = lossBarsSvg(BOOK_OUTPUT, 2);
    const rects = [...svg.matchAll(/<rect x="[\d.]+" y="([\d.]+)" width="44" height="([\d.]+)" fill="(#[0-9a-f]+)"\/>/g)];
    expect(rects).toHaveLength(10);
    expect(rects.map((r) => Number(r[2]))).toEqual(BOOK_OUTPUT.map((p) => Number((p * 240).toFixed(2))));
    expect(rects.map((r) => r[3])).toEqual(BOOK_OUTPUT.map((_, i) => (i === 2 ? '#d55e00' : '#0072b2')));
    expect(svg).toContain('mean squared error 0.0975 · cross-entropy error 0.5108');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360"')).toBe(true);
  });
});
