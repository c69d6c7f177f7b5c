/**
 * The colours runs are drawn in: Okabe & Ito's colour-blind-safe hues (2008), each darkened or lightened
 * just enough that a line has at least 3:1 contrast (WCAG's minimum for graphics) against both the light
 * and the dark theme's chart background (yellow becomes olive), with violet and brown added. The first
 * seven are the most distinct from each other, for the usual handful of compared runs.
 */
export const PALETTE = [
  '#0072b2', // blue
  '#d55e00', // vermillion
  '#009e73', // bluish green
  '#ad7a00', // orange, darkened
  '#c06a9b', // reddish purple, darkened
  '#3a8dc0', // sky blue, darkened
  '#8e6bbf', // violet
  '#7f7f7f', // grey
  '#9c755f', // brown
  '#8f8400', // yellow, darkened to olive (close to the orange: last)
];

/** The chart backgrounds the palette is made for: the light and dark themes' panels and the dark export. */
export const CHART_BACKGROUNDS = { light: '#ffffff', lightPage: '#f6f7f9', dark: '#1d2126', darkPage: '#15181c' };

/** WCAG 2 relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG 2 contrast ratio of two #rrggbb colours, from 1 (same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
