/**
 * The PDF export's bold CJK face: a subset kept with the app (scripts/subset_bold_font.py) whose characters are read
 * from its cmap, and the rule that draws bold text in it only when it has every character (else regular: titles were
 * all drawn regular, having no bold face).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontCodePoints } from '../../../renderer/src/lib/font-cmap';
import { pdfFontWeight } from '../../../renderer/src/lib/figure-fonts';
import { translate } from '../../../shared/i18n/translate';

const SUBSET = join(__dirname, '../../../renderer/src/assets/fonts/NotoSansSC-Bold.subset.ttf');
const REGULAR = join(__dirname, '../../../node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const bold = fontCodePoints(readFileSync(SUBSET));
const has = (text: string) => [...text].every((c) => bold.has(c.codePointAt(0)!));

describe('the bold CJK subset', () => {
  it('is small next to the whole face, and its cmap is read as fontTools reads it', () => {
    expect(statSync(SUBSET).size).toBeLessThan(400_000);
    // fontTools' getBestCmap() counts: 1 445 in the subset, 30 890 in the whole regular face.
    expect(bold.size).toBeGreaterThan(1000);
    expect(fontCodePoints(readFileSync(REGULAR)).size).toBe(30_890);
  });

  it("has the report figure's titles and headers, kana and Latin, but not every character", () => {
    for (const locale of ['zh-CN', 'ja'] as const)
      for (const text of [
        translate(locale, 'figure.titleSweep', { field: translate(locale, 'compare.field.learningRate') }),
        translate(locale, 'compare.colTestAcc'),
        translate(locale, 'figure.colLoss'),
      ])
        expect(has(text), text).toBe(true);
    expect(has('学习率 0.1 · テスト精度 (95%) ÷ ABC xyz ぁゖァヺ，。「」')).toBe(true);
    expect(has('鱼')).toBe(false);
  });
});

describe('pdfFontWeight', () => {
  it('draws bold weights bold when the subset has every character', () => {
    expect(pdfFontWeight('bold', '不同学习率下的训练', bold)).toBe('bold');
    expect(pdfFontWeight('700', '学習率を変えた学習', bold)).toBe('bold');
    expect(pdfFontWeight('600', 'Loss per iteration', bold)).toBe('bold');
  });

  it('draws them regular when one character is missing (a run name of the user)', () => {
    expect(pdfFontWeight('bold', '鱼书 学习率 0.1', bold)).toBe('normal');
  });

  it('keeps normal weights normal', () => {
    expect(pdfFontWeight('normal', '学习率', bold)).toBe('normal');
    expect(pdfFontWeight('400', '学习率', bold)).toBe('normal');
  });
});
