import { describe, expect, it } from 'vitest';
import { CHART_BACKGROUNDS, contrastRatio, PALETTE, relativeLuminance } from '../../../renderer/src/lib/palette';

describe('run colours', () => {
  it('WCAG contrast as the standard defines it (black on white 21:1, #777 on white 4.48:1)', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#ffffff', '#777777')).toBe(contrastRatio('#777777', '#ffffff'));
    expect(relativeLuminance('#ffffff')).toBe(1);
  });

  it.each(PALETTE)('%s has at least 3:1 contrast against the light and the dark chart backgrounds', (colour) => {
    for (const background of Object.values(CHART_BACKGROUNDS))
      expect(contrastRatio(colour, background)).toBeGreaterThanOrEqual(3);
  });

  it('ten distinct colours', () => {
    expect(new Set(PALETTE.map((c) => c.toLowerCase())).size).toBe(10);
  });
});
