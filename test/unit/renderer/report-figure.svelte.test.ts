/**
 * The compare view's report figure (renderer/src/lib/report-figure.ts), drawn as SVG as `descent export --figure`
 * draws it: its charts over iterations share one x range. Text is measured at 7 px a character (happy-dom has no
 * canvas to measure with).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BOOK_DEFAULTS } from '../../../shared/config';
import { reportFigureSvg } from '../../../renderer/src/lib/report-figure';
import type { LiveMetrics } from '../../../renderer/src/lib/live-metrics';
import { makeRecord } from '../../support/runs';

/** A learning-rate sweep of three runs of 1 000 iterations: losses at loop indices 0 … 999, accuracy every 100 and at 1 000. */
const runs = [0.1, 0.5, 1].map((learningRate) =>
  makeRecord({ config: { ...BOOK_DEFAULTS, learningRate, iterations: 1000, seed: 7 } }),
);
const histories = new Map<string, LiveMetrics>(
  runs.map((run, r) => [
    run.id,
    {
      iterations: Array.from({ length: 1000 }, (_, i) => i),
      losses: Array.from({ length: 1000 }, (_, i) => 2.3 / (1 + (r + 1) * (i / 200))),
      seconds: Array.from({ length: 1000 }, (_, i) => i / 100),
      epochs: Array.from({ length: 11 }, (_, k) => ({
        iteration: k * 100,
        epoch: k / 6,
        trainAcc: 0.1 + k * 0.07,
        testAcc: 0.1 + k * 0.07,
      })),
    },
  ]),
);

// svgcanvas measures text on a 2D canvas of the page's.
beforeAll(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
    () => ({ font: '', measureText: (text: string) => ({ width: 7 * text.length }) }) as unknown as CanvasRenderingContext2D,
  );
});
afterAll(() => vi.restoreAllMocks());

/** The SVG's text elements, as written. */
const texts = (svg: string): string[] => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('the report figure', () => {
  it('draws the loss, the accuracy and each run’s panel to the last iteration, 1 000, with a tick there', () => {
    const svg = reportFigureSvg(
      {
        runs,
        metrics: (id) => histories.get(id),
        colour: () => '#0072b2',
        prefs: { smoothing: 0, logY: false, xAxis: 'iteration' },
      },
      { preset: 'double', panels: true, caption: false, band: 'sd' },
    );
    // The overlay loss and accuracy charts and the three panels: one 1000 tick each (the sweep chart's ticks are its rates).
    expect(texts(svg).filter((text) => text === '1000')).toHaveLength(5);
  });
});
