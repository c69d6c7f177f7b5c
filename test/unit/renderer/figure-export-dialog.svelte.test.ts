/**
 * File › Export…'s choice of formats for a figure that is no Chart.js chart: its sentence names the run whose figure
 * it saves where runs stand side by side (the Inside view), in the page's language.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  exportDialog,
  exportFirstChart,
  figureChoiceText,
  offerFigure,
  type FigureExport,
} from '../../../renderer/src/lib/export-dialog.svelte';
import { language } from '../../../renderer/src/lib/i18n';

afterEach(() => {
  language.chosen = null;
  exportDialog.figure = null;
  document.body.replaceChildren();
});

const weights = (run?: string): FigureExport => ({ what: 'the first-layer weights', formats: ['png', 'svg'], run, save() {} });

describe("the figure export dialog's sentence", () => {
  it('names the run whose figure it saves', () => {
    expect(figureChoiceText(weights('lr 0.1 · seed 7'))).toBe('Save the first-layer weights of “lr 0.1 · seed 7” as:');
  });

  it('says only what is saved for a figure of no one run (parallel coordinates, the runs table)', () => {
    expect(figureChoiceText(weights())).toBe('Save the first-layer weights as:');
  });

  it('in Chinese and Japanese, with their quotation marks', () => {
    language.chosen = 'zh-CN';
    expect(figureChoiceText({ ...weights('small'), what: '混淆矩阵' })).toBe('将“small”的混淆矩阵保存为：');
    language.chosen = 'ja';
    expect(figureChoiceText({ ...weights('small'), what: '混同行列' })).toBe('「small」の混同行列を次の形式で保存：');
  });

  it('File › Export… opens the first figure on the page with its run: the left panel’s, not the right’s', () => {
    const [left, right] = ['left', 'right'].map((id) =>
      document.body.appendChild(Object.assign(document.createElement('div'), { id })),
    );
    const withdraw = [offerFigure(right, () => weights('second run')), offerFigure(left, () => weights('first run'))];
    expect(exportFirstChart()).toBe(true);
    expect(exportDialog.figure && figureChoiceText(exportDialog.figure)).toBe('Save the first-layer weights of “first run” as:');
    for (const w of withdraw) w();
  });
});
