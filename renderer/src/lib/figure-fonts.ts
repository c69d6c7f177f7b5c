/**
 * Fonts of exported figures. SVG names a font stack and leaves the drawing to the viewer: Latin faces first (the
 * figures' look until now), then CJK faces found on each platform, so Chinese and Japanese titles, legends and
 * captions draw wherever they are opened. A PDF must carry its fonts: jsPDF's standard fonts have no CJK
 * glyphs, so a figure with CJK text embeds Noto Sans SC (SIL Open Font License 1.1, from the
 * @expo-google-fonts/noto-sans-sc package), which jsPDF subsets to the glyphs the page uses.
 */
import type { jsPDF } from 'jspdf';

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
 * The font file (10.6 MB) is fetched only then; the PDF receives only the glyphs used.
 */
export async function embedCjkFont(pdf: jsPDF, svg: Element): Promise<boolean> {
  if (!hasCjk(svg.textContent ?? '')) return false;
  const { default: url } = await import('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?url');
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the Chinese/Japanese font (${url}) could not be loaded: HTTP ${response.status}`);
  const file = `${PDF_CJK_FONT}-Regular.ttf`;
  pdf.addFileToVFS(file, binaryString(new Uint8Array(await response.arrayBuffer())));
  pdf.addFont(file, PDF_CJK_FONT, 'normal');
  // One face, the regular one: bold titles are drawn regular. A bold face would add another 10.5 MB to the app,
  // and registering this one as bold too would embed its subset twice.
  for (const element of [svg, ...svg.querySelectorAll('*')]) {
    if (element.hasAttribute('font-family')) element.setAttribute('font-family', PDF_CJK_FONT);
    if (element.hasAttribute('font-weight')) element.setAttribute('font-weight', 'normal');
    if (element instanceof SVGElement) {
      if (element.style.fontFamily) element.style.fontFamily = PDF_CJK_FONT;
      if (element.style.fontWeight) element.style.fontWeight = 'normal';
    }
  }
  svg.setAttribute('font-family', PDF_CJK_FONT);
  return true;
}

/** Bytes as a "binary string" (one char per byte), the form jsPDF's virtual file system takes; in chunks, not one huge call. */
function binaryString(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x8000) parts.push(String.fromCharCode(...bytes.subarray(i, i + 0x8000)));
  return parts.join('');
}
