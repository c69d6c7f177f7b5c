/**
 * The Inside view's figures (inside-figures.ts) parsed back as SVG documents: each carries the numbers it was
 * drawn from (counts, shares, probabilities, activations, tile colours), and the CSV exports beside them.
 */
import { Window, type Document } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import {
  activationCeiling,
  activationStripSvg,
  confusionSvg,
  mixColour,
  softmaxSvg,
  tilesSvg,
} from '../../../renderer/src/lib/inside/inside-figures';
import { activationsCsv, predictionsCsv, softmaxCsv } from '../../../renderer/src/lib/inside/inside-export';

const ink = { background: '#ffffff', text: '#1f2328' };

/** The SVG document, parsed as an XML reader would (a malformed one has a parsererror). */
function parse(svg: string): Document {
  const document = new new Window().DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(document.querySelector('parsererror')).toBeNull();
  expect(document.documentElement.tagName.toLowerCase()).toBe('svg');
  return document;
}
const texts = (document: Document): string[] => [...document.querySelectorAll('text')].map((t) => t.textContent ?? '');

describe('Inside figures', () => {
  const confusion = [
    [8, 2],
    [1, 9],
  ];

  it('confusion matrix: a cell per (true, predicted) with its count, the title escaped, the diagonal in the accent', () => {
    const document = parse(
      confusionSvg(confusion, { title: 'Run <a> & b', normalised: false, ink, xLabel: 'pred', yLabel: 'true' }),
    );
    expect(texts(document)[0]).toBe('Run <a> & b');
    const cells = [...document.querySelectorAll('rect[data-true]')];
    expect(cells.map((c) => [c.getAttribute('data-true'), c.getAttribute('data-pred')])).toEqual([
      ['0', '0'],
      ['0', '1'],
      ['1', '0'],
      ['1', '1'],
    ]);
    expect(texts(document).slice(1, 5)).toEqual(['8', '2', '1', '9']);
    // Diagonal 8 of 10 → accent #2b66d1 at 0.8 · 0.55 = 0.44 over white.
    expect(cells[0].getAttribute('fill')).toBe(mixColour('#2b66d1', 0.44, '#ffffff'));
    // By hand: 255 + (43 − 255)·0.44 = 161.7 → a2, 255 + (102 − 255)·0.44 = 187.7 → bc, 255 + (209 − 255)·0.44 = 234.8 → eb.
    expect(mixColour('#2b66d1', 0.44, '#ffffff')).toBe('#a2bceb');
  });

  it('confusion matrix row-normalised: each row in % of its true class', () => {
    const document = parse(confusionSvg(confusion, { title: 't', normalised: true, ink, xLabel: 'pred', yLabel: 'true' }));
    expect(texts(document).slice(1, 5)).toEqual(['80.0', '20.0', '10.0', '90.0']);
  });

  it('softmax bars of two runs side by side: each bar says its probability, the largest in the accent', () => {
    const document = parse(
      softmaxSvg(
        [
          { name: 'lr 0.1', probabilities: [0.1, 0.7, 0.2] },
          { name: 'lr 1', probabilities: [0.6, 0.3, 0.1] },
        ],
        { title: 'Prediction', ink },
      ),
    );
    const bars = [...document.querySelectorAll('rect[data-p]')];
    expect(bars.map((b) => Number(b.getAttribute('data-p')))).toEqual([0.1, 0.7, 0.2, 0.6, 0.3, 0.1]);
    expect(bars.map((b) => b.getAttribute('fill') === '#2b66d1')).toEqual([false, true, false, true, false, false]);
    expect(texts(document)).toContain('lr 0.1');
    expect(texts(document)).toContain('70.0%');
  });

  it('activation strip: a bar per unit with its activation, the marked units numbered, sigmoid full height at 1', () => {
    const svg = activationStripSvg([0.5, 1, 0.25, 0.75], {
      activation: 'sigmoid',
      marked: [1, 3],
      ink,
      unitName: 'unit',
      title: 'Hidden',
    });
    const document = parse(svg);
    const bars = [...document.querySelectorAll('rect[data-unit]')];
    expect(bars.map((b) => Number(b.getAttribute('data-activation')))).toEqual([0.5, 1, 0.25, 0.75]);
    expect(bars.map((b) => Number(b.getAttribute('height')))).toEqual([28, 56, 14, 42]);
    expect(texts(document)).toEqual(['Hidden', '2', '4']);
    expect(activationCeiling('relu', [0.5, 3, 2])).toBe(3);
    expect(activationCeiling('sigmoid', [0.5, 3, 2])).toBe(1);
  });

  it('weight tiles: a pixel per weight in the diverging colours, white ones left out, each tile labelled', () => {
    // A 2×2 tile [1, −1, 0, 0.5] at scale 1: full red, full blue, (white: no rect), half red (255 + (178 − 255)·0.5 = 216.5 → d9, 139.5 → 8c, 149 → 95).
    const document = parse(
      tilesSvg([{ values: [1, -1, 0, 0.5], scale: 1, label: 'unit 1' }], 2, { title: 'W1', columns: 10, ink }),
    );
    const pixels = [...document.querySelectorAll('g[data-label] rect')].slice(1);
    expect(pixels.map((p) => [p.getAttribute('x'), p.getAttribute('y'), p.getAttribute('fill')])).toEqual([
      ['0', '0', '#b2182b'],
      ['2', '0', '#2166ac'],
      ['2', '2', '#d98c95'],
    ]);
    expect(texts(document)).toEqual(['W1', 'unit 1']);
  });
});

describe('Inside CSV exports', () => {
  it('predictions: one row per test image with its label, prediction and whether they agree', () => {
    const csv = predictionsCsv({
      iteration: 1,
      classes: 2,
      confusion: [],
      labels: [0, 1, 1],
      predicted: [0, 0, 1],
      mistakes: [],
    });
    expect(csv).toBe('index,label,predicted,correct\n0,0,0,1\n1,1,0,0\n2,1,1,1\n');
  });
  it('softmax of several runs and activations', () => {
    expect(softmaxCsv([{ name: 'a, b', probabilities: [0.25, 0.75] }])).toBe(
      'run,class,probability\n"a, b",0,0.25\n"a, b",1,0.75\n',
    );
    expect(activationsCsv([0.5, 0.125])).toBe('unit,activation\n1,0.5\n2,0.125\n');
  });
});
