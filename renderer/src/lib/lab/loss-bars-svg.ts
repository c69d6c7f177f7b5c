/**
 * The losses page's bars as an SVG document for saving (on screen they are sliders, which no file can hold):
 * the ten outputs, the label's bar in its own colour, the values above and both losses in the title.
 */
import { FIGURE_FONT_FAMILY } from '../font-stack';
import { t } from '../i18n';
import { lossesOf } from './losses';

const escapeXml = (s: string): string =>
  s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

/** Colours of the saved figure: its background, text, the bars and the label's bar. */
export interface BarColours {
  background: string;
  text: string;
  bar: string;
  label: string;
}

export const LIGHT_BARS: BarColours = { background: '#ffffff', text: '#1f2328', bar: '#0072b2', label: '#d55e00' };

/** An SVG of 640 × 360 px: the outputs `y` as bars (0 … 1 over 240 px), class numbers beneath, the label marked. */
export function lossBarsSvg(y: readonly number[], label: number, colours: BarColours = LIGHT_BARS): string {
  const { mse, ce } = lossesOf(y, label);
  const [width, height, top, plot, left, slot] = [640, 360, 70, 240, 40, 56];
  // Exported figures' font stack: it reaches a CJK face for the Chinese and Japanese title.
  const font = `font-family="${FIGURE_FONT_FAMILY}"`;
  const bars = y.map((p, i) => {
    const x = left + i * slot;
    const h = p * plot;
    const fill = i === label ? colours.label : colours.bar;
    return (
      `<rect x="${x + 6}" y="${(top + plot - h).toFixed(2)}" width="${slot - 12}" height="${h.toFixed(2)}" fill="${fill}"/>` +
      `<text x="${x + slot / 2}" y="${(top + plot - h - 4).toFixed(2)}" text-anchor="middle" font-size="11" ${font} fill="${colours.text}">${p.toFixed(3)}</text>` +
      `<text x="${x + slot / 2}" y="${top + plot + 16}" text-anchor="middle" font-size="12" ${font} fill="${colours.text}"${i === label ? ' font-weight="bold"' : ''}>${i}${i === label ? ' ✓' : ''}</text>`
    );
  });
  const title = t('lab.losses.figureTitle', { label });
  const subtitle = t('lab.losses.figureSubtitle', { mse: mse.toFixed(4), ce: ce.toFixed(4) });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="${width}" height="${height}" fill="${colours.background}"/>` +
    `<text x="${width / 2}" y="24" text-anchor="middle" font-size="15" font-weight="bold" ${font} fill="${colours.text}">${escapeXml(title)}</text>` +
    `<text x="${width / 2}" y="44" text-anchor="middle" font-size="12" ${font} fill="${colours.text}">${escapeXml(subtitle)}</text>` +
    `<line x1="${left}" y1="${top + plot}" x2="${left + 10 * slot}" y2="${top + plot}" stroke="${colours.text}" stroke-width="1"/>` +
    `${bars.join('')}</svg>`
  );
}
