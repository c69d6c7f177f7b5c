import { describe, expect, it } from 'vitest';
import {
  captionLayout,
  FIGURE_PRESETS,
  figureExportFailure,
  figureInches,
  figureLayout,
  textWidth,
  type CaptionTable,
} from '../../../renderer/src/lib/figure';
import { noticeText } from '../../../renderer/src/lib/notice';

describe('report figure layout', () => {
  it('double column: 7 in wide (672 CSS px), two charts a row, cells inside the figure', () => {
    const layout = figureLayout(FIGURE_PRESETS.double, 3);
    expect(layout.width).toBe(672);
    expect(layout.cells.map((c) => [c.x, c.y])).toEqual([
      [6, 46],
      [6 + 326 + 8, 46],
      [6, 46 + layout.cells[0].height + 8],
    ]);
    expect(layout.cells[0].width).toBe(326);
    for (const c of layout.cells) expect(c.x + c.width <= layout.width && c.y + c.height <= layout.height).toBe(true);
  });

  it('single column: one chart a row, 3.5 in wide', () => {
    const layout = figureLayout(FIGURE_PRESETS.single, 3);
    expect(layout.width).toBe(336);
    expect(new Set(layout.cells.map((c) => c.x))).toEqual(new Set([6]));
  });

  it('a slide is 16:9 whatever the number of charts', () => {
    for (const n of [2, 3, 9]) {
      const layout = figureLayout(FIGURE_PRESETS.slide, n);
      expect([layout.width, layout.height]).toEqual([1280, 720]);
      expect(Math.max(...layout.cells.map((c) => c.y + c.height))).toBeLessThanOrEqual(720);
    }
  });

  it('a caption table below the charts makes the figure taller by its height; the charts keep clear of it', () => {
    const plain = figureLayout(FIGURE_PRESETS.double, 3);
    const captioned = figureLayout(FIGURE_PRESETS.double, 3, 100);
    expect(captioned.height).toBe(plain.height + 100);
    expect(Math.max(...captioned.cells.map((c) => c.y + c.height))).toBeLessThanOrEqual(captioned.height - 100);
    // A slide keeps its 16:9: the charts shrink instead.
    const slide = figureLayout(FIGURE_PRESETS.slide, 3, 100);
    expect(slide.height).toBe(720);
    expect(Math.max(...slide.cells.map((c) => c.y + c.height))).toBeLessThanOrEqual(620);
  });

  it('a failed export is explained; a PDF writer gone with a rebuild of the UI says to reload', () => {
    expect(
      noticeText(
        figureExportFailure(
          'pdf',
          new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1/assets/jspdf.es.min-x.js'),
        ),
      ),
    ).toBe(
      'Could not export the figure as PDF: this page is older than the UI the backend now serves (it was rebuilt) — reload the page and export again',
    );
    expect(noticeText(figureExportFailure('png', new Error('out of memory')))).toBe(
      'Could not export the figure as PNG: out of memory',
    );
    // A rejection with a plain object (an error cloned across a worker or IPC) keeps its message, not '[object Object]'.
    expect(noticeText(figureExportFailure('svg', { message: 'canvas too large' }))).toBe(
      'Could not export the figure as SVG: canvas too large',
    );
  });

  it('reads the figure size back in inches from the SVG', () => {
    expect(figureInches('<svg version="1.1" width="672" height="480" viewBox="0 0 672 480">')).toEqual({
      widthIn: 7,
      heightIn: 5,
    });
  });

  // The Japanese caption of a seed comparison (the messages' words): its loss header ran into the next one.
  const japanese: CaptionTable = {
    columns: ['学習', '乱数シード', '損失（最後の 100 回の平均）', 'テスト精度', '備考'],
    rows: [
      ['乱数シード 1', '1', '0.2412', '0.9312', '学習しています'],
      ['乱数シード 2', '2', '0.2398', '0.9321', '学習しています'],
    ],
  };
  /** Every column ends (its widest text, measured at the layout's size) before the next starts; the last inside. */
  const expectNoOverlap = (table: CaptionTable, width: number) => {
    const { x, fontSize } = captionLayout(table, width);
    table.columns.forEach((header, c) => {
      const widest = Math.max(textWidth(header, fontSize, true), ...table.rows.map((cells) => textWidth(cells[c], fontSize)));
      const next = c + 1 < x.length ? x[c + 1] : width - 12;
      expect(x[c] + widest, `column ${c} "${header}"`).toBeLessThanOrEqual(next + 1e-9);
    });
    return fontSize;
  };

  it('caption columns are as wide as their measured text: a Japanese header does not run into the next', () => {
    // Double column: the table fits at the usual 10 px, the loss column wider than an even fifth (129.6 px).
    expect(expectNoOverlap(japanese, 672)).toBe(10);
    const { x } = captionLayout(japanese, 672);
    expect(x[3] - x[2]).toBeGreaterThan(textWidth('損失（最後の 100 回の平均）', 10, true));
    expect(textWidth('損失（最後の 100 回の平均）', 10, true)).toBeGreaterThan(129.6);
    // Single column: too wide at 10 px, so the table is set smaller, still without overlap.
    expect(expectNoOverlap(japanese, 336)).toBeLessThan(10);
  });

  it('text width: a wide (CJK, fullwidth) character is one em, others narrower; bold wider', () => {
    expect(textWidth('損失', 10)).toBe(20);
    expect(textWidth('（）', 10)).toBe(20);
    expect(textWidth('lr 0.1', 10)).toBeCloseTo(6 * 6.2);
    expect(textWidth('lr', 10, true)).toBeGreaterThan(textWidth('lr', 10));
  });
});
