/**
 * A chart's linear x axis ends where its data does, round ticks inside it: the loss chart ran on to 1 600 while
 * its data and the accuracy chart beside it stopped at 1 500. Chart.js lays the chart out (its scales) on an SVG
 * context whose text is measured at 7 px a character (happy-dom has no canvas to measure with).
 */
import { BasicPlatform, Chart } from 'chart.js';
import { Context as SvgContext } from 'svgcanvas';
import { describe, expect, it } from 'vitest';
import { chartConfig, withSharedX, type ChartLook, type Series } from '../../../renderer/src/lib/chart-setup';

/** The x scale's range and ticks of the chart Chart.js lays out at `width` × 300 px. */
function xScale(series: Series[], look: ChartLook, width: number) {
  const height = 300;
  const context = new SvgContext({ width, height });
  const canvas = { width, height, style: {}, getContext: () => context, addEventListener() {}, removeEventListener() {} };
  Object.assign(context, { canvas, measureText: (text: string) => ({ width: 7 * text.length }) });
  const config = chartConfig(series, look, true);
  config.options = { ...config.options, responsive: false, devicePixelRatio: 1, events: [] };
  config.platform = BasicPlatform;
  const chart = new Chart(canvas as unknown as HTMLCanvasElement, config);
  try {
    const x = chart.scales.x;
    return { min: x.min, max: x.max, ticks: x.ticks.map((tick) => tick.value) };
  } finally {
    chart.destroy();
  }
}

const look: ChartLook = { xLabel: 'iteration', yLabel: 'loss', logY: false };
/** A loss curve recorded every 100 iterations up to 1 500. */
const loss: Series[] = [
  { label: 'lr 0.1', color: '#0072b2', points: Array.from({ length: 16 }, (_, i) => ({ x: i * 100, y: 2.3 / (i + 1) })) },
];

describe('chart x axis', () => {
  it('ends at the data’s last x (1 500, not the next round tick 1 600), with round ticks inside', () => {
    for (const width of [300, 400, 640, 800]) {
      const scale = xScale(loss, look, width);
      expect(scale.max, `${width} px`).toBe(1500);
      expect(scale.min, `${width} px`).toBe(0);
      expect(scale.ticks.length, `${width} px`).toBeGreaterThanOrEqual(3);
      const step = scale.ticks[1] - scale.ticks[0];
      expect([100, 200, 250, 500], `${width} px`).toContain(step);
      for (const tick of scale.ticks) {
        expect(tick % step, `${width} px: ${scale.ticks.join(', ')}`).toBe(0);
        expect(tick).toBeLessThanOrEqual(1500);
      }
    }
  });

  it('data from iteration 1 to 1 501: the axis runs from 0 to 1 501, the ticks stay round', () => {
    const fromOne: Series[] = [{ ...loss[0], points: loss[0].points.map((p) => ({ ...p, x: p.x + 1 })) }];
    const scale = xScale(fromOne, look, 640);
    expect([scale.min, scale.max]).toEqual([0, 1501]);
    expect(
      scale.ticks.every((tick) => tick % 100 === 0),
      scale.ticks.join(', '),
    ).toBe(true);
  });

  it('a run of 1 000 iterations: the loss chart (losses up to loop index 999) ends with the accuracy chart, at 1 000', () => {
    // The loss after each update of loop index 0 … 999; the accuracy after iterations 0, 100, …, 1 000 (the final one).
    const lossLine: Series[] = [
      { label: 'lr 0.1', color: '#0072b2', points: Array.from({ length: 1000 }, (_, i) => ({ x: i, y: 2.3 / (1 + i / 100) })) },
    ];
    const accuracyLine: Series[] = [
      { label: 'lr 0.1', color: '#0072b2', points: Array.from({ length: 11 }, (_, i) => ({ x: i * 100, y: 0.1 + i / 20 })) },
    ];
    const accuracyLook: ChartLook = { xLabel: 'iteration', yLabel: 'accuracy', logY: false, yRange: { min: 0, max: 1 } };
    // Each on its own: the loss stops short of 1 000 and has no tick there.
    expect(xScale(lossLine, look, 640).max).toBe(999);
    const [lossPart, accuracyPart] = withSharedX([
      { series: lossLine, look },
      { series: accuracyLine, look: accuracyLook },
    ]);
    for (const width of [320, 640]) {
      for (const part of [lossPart, accuracyPart]) {
        const scale = xScale(part.series, part.look, width);
        expect([scale.min, scale.max], `${width} px`).toEqual([0, 1000]);
        expect(scale.ticks[scale.ticks.length - 1], `${width} px: ${scale.ticks.join(', ')}`).toBe(1000);
      }
    }
  });

  it('a sweep chart (its own ticks) or a log x axis keeps its range; the others share the largest x', () => {
    const sweep: Series[] = [{ label: 'final', color: '#000', points: [0.01, 0.1, 1].map((x) => ({ x, y: 0.9 })) }];
    const parts = withSharedX([
      { series: loss, look },
      { series: sweep, look: { ...look, logX: true, xTicks: [0.01, 0.1, 1] } },
      { series: [{ ...loss[0], points: loss[0].points.slice(0, 5) }], look },
    ]);
    expect(parts.map((p) => p.look.xMax)).toEqual([1500, undefined, 1500]);
    expect(withSharedX([{ series: [], look }])[0].look.xMax).toBeUndefined();
  });
});
