/**
 * The font stack of every exported chart and figure (Chart.js's default family, and the figures' own text): Latin
 * faces first, then CJK faces found on each platform, so Chinese and Japanese text draws wherever a figure is
 * opened. Plain data, no DOM: pure figure writers (and their Node tests) import it; figure-fonts.ts re-exports it.
 */
export const FIGURE_FONT_FAMILY =
  "'Helvetica Neue', Helvetica, Arial, 'Noto Sans CJK SC', 'Noto Sans CJK JP', 'Source Han Sans SC', 'Source Han Sans', " +
  "'PingFang SC', 'Hiragino Sans', 'Microsoft YaHei', 'Yu Gothic', 'Meiryo', sans-serif";
