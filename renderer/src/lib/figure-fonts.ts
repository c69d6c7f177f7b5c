/**
 * Fonts of exported figures. SVG names a font stack and leaves the drawing to the viewer: Latin faces first (the
 * figures' look until now), then CJK faces found on each platform, so Chinese and Japanese titles, legends and
 * captions draw wherever they are opened. A PDF must carry its fonts: jsPDF's standard fonts have no CJK
 * glyphs, so a figure with CJK text embeds Noto Sans SC (SIL Open Font License 1.1, from the
 * @expo-google-fonts/noto-sans-sc package), which jsPDF subsets to the glyphs the page uses. Bold text (titles,
 * table headers) is drawn in a bold subset kept with the app (the characters of the messages, kana, punctuation and
 * Latin: 0.3 MB, made by scripts/subset_bold_font.py; the whole bold face is another 10.5 MB); bold text with a
 * character outside it is drawn regular.
 */
import type { jsPDF } from 'jspdf';
import { fontCodePoints } from './font-cmap';

export { FIGURE_FONT_FAMILY } from './font-stack';

/** Han ideographs, kana, Hangul, CJK punctuation and full-width forms: text jsPDF's standard fonts cannot show. */
const CJK =
  /[\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]|[\ud840-\ud87f][\udc00-\udfff]/;

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** The name the embedded font is registered under in the PDF (and given to every text element of the figure). */
export const PDF_CJK_FONT = 'NotoSansSC';

/**
 * Embeds the CJK font in `pdf` when `svg` (the figure, about to be drawn by svg2pdf.js) has CJK text, and points
 * every text of it at that font: the font's Latin glyphs serve the rest of the text, so a figure keeps one face.
 * The font files (10.6 MB regular, 0.3 MB bold) are fetched only then; the PDF receives only the glyphs used.
 */
export async function embedCjkFont(pdf: jsPDF, svg: Element): Promise<boolean> {
  if (!hasCjk(svg.textContent ?? '')) return false;
  const [{ default: regularUrl }, { default: boldUrl }] = await Promise.all([
    import('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?url'),
    import('../assets/fonts/NotoSansSC-Bold.subset.ttf?url'),
  ]);
  const [regular, bold] = await Promise.all([fontFile(regularUrl), fontFile(boldUrl)]);
  pdf.addFileToVFS(`${PDF_CJK_FONT}-Regular.ttf`, binaryString(regular));
  pdf.addFont(`${PDF_CJK_FONT}-Regular.ttf`, PDF_CJK_FONT, 'normal');
  pdf.addFileToVFS(`${PDF_CJK_FONT}-Bold.ttf`, binaryString(bold));
  pdf.addFont(`${PDF_CJK_FONT}-Bold.ttf`, PDF_CJK_FONT, 'bold');
  const boldCharacters = fontCodePoints(bold);
  // Two weights only (svg2pdf.js falls back to Times for one the PDF lacks, such as 600).
  for (const element of [svg, ...svg.querySelectorAll('*')]) {
    const pdfWeight = (cssWeight: string) => pdfFontWeight(cssWeight, element.textContent ?? '', boldCharacters);
    if (element.hasAttribute('font-family')) element.setAttribute('font-family', PDF_CJK_FONT);
    if (element.hasAttribute('font-weight')) element.setAttribute('font-weight', pdfWeight(element.getAttribute('font-weight')!));
    if (element instanceof SVGElement) {
      if (element.style.fontFamily) element.style.fontFamily = PDF_CJK_FONT;
      if (element.style.fontWeight) element.style.fontWeight = pdfWeight(element.style.fontWeight);
    }
  }
  svg.setAttribute('font-family', PDF_CJK_FONT);
  return true;
}

/**
 * The PDF weight of text set in CSS weight `weight`: bold for bold weights (600 and up) when the bold subset has every
 * character of `text`, else normal (the regular face has them all).
 */
export function pdfFontWeight(weight: string, text: string, boldCharacters: ReadonlySet<number>): 'bold' | 'normal' {
  const bold = weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
  if (!bold) return 'normal';
  for (const character of text) if (!/\s/.test(character) && !boldCharacters.has(character.codePointAt(0)!)) return 'normal';
  return 'bold';
}

async function fontFile(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the Chinese/Japanese font (${url}) could not be loaded: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Bytes as a "binary string" (one char per byte), the form jsPDF's virtual file system takes; in chunks, not one huge call. */
function binaryString(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x8000) parts.push(String.fromCharCode(...bytes.subarray(i, i + 0x8000)));
  return parts.join('');
}
