/** Parallel coordinates: axes for what varies, scales, brushes, the colour ramp, the SVG drawn. */
import { describe, expect, it } from 'vitest';
import { BOOK_DEFAULTS } from '../../../shared/config';
import {
  axisPosition,
  axisValueAt,
  brushFieldText,
  EXPORT_THEME,
  insideBrushes,
  lineColour,
  parallelAxes,
  parallelSvg,
  rampColour,
  roundTicks,
  typedBrush,
} from '../../../renderer/src/lib/parallel-coordinates';
import { CHART_BACKGROUNDS, contrastRatio } from '../../../renderer/src/lib/palette';
import { makeRecord, makeSummary } from '../../support/runs';

function run(lr: number, batch: number, hidden: number, acc: number | null, seed = 1) {
  const config = { ...BOOK_DEFAULTS, learningRate: lr, batchSize: batch, layers: [784, hidden, 10], seed };
  return makeRecord({ config, summary: makeSummary({ testAcc: acc, config, seed }) });
}

/** A 3 × 3 sweep of learning rate and batch at hidden 50, seeds 1 and 2; one run at lr 10 that never measured. */
const sweep = [0.01, 0.1, 1].flatMap((lr) => [50, 100, 200].map((batch) => run(lr, batch, 50, 0.5 + lr / 4 + batch / 1000)));
const runs = [...sweep, run(10, 100, 50, null, 2)];

describe('axes', () => {
  const axes = parallelAxes(runs, 'testAcc');

  it('one per varying hyperparameter (not the seed), then the figure', () => {
    expect(axes.map((a) => a.id)).toEqual(['learningRate', 'batchSize', 'testAcc']);
    expect(axes.map((a) => a.metric)).toEqual([false, false, true]);
  });

  it('a learning rate over decades is logarithmic (0.1 sits a third of the way from 0.01 to 10)', () => {
    const lr = axes[0];
    expect(lr.scale).toBe('log');
    expect(axisPosition(lr, 0.01)).toBe(0);
    expect(axisPosition(lr, 10)).toBeCloseTo(1, 12);
    expect(axisPosition(lr, 0.1)).toBeCloseTo(1 / 3, 12);
    expect(axisValueAt(lr, 1 / 3)).toBeCloseTo(0.1, 12);
    expect(lr.ticks.map((t) => t.label)).toEqual(['0.01', '0.1', '1', '10']);
  });

  it('batch sizes 50 to 200 are linear, a tick at each value swept', () => {
    const batch = axes[1];
    expect(batch.scale).toBe('linear');
    expect(axisPosition(batch, 100)).toBeCloseTo(1 / 3, 12);
    expect(axisValueAt(batch, 0.5)).toBe(125);
    expect(batch.ticks.map((t) => t.value)).toEqual([50, 100, 200]);
  });

  it('hidden units are a numeric axis when every network has one hidden layer; other texts are categories', () => {
    const hidden = parallelAxes([run(0.1, 100, 50, 0.9), run(0.1, 100, 100, 0.9)], 'testAcc');
    expect(hidden[0]).toMatchObject({ id: 'layers', label: 'hidden units', scale: 'linear' });
    const act = parallelAxes(
      [run(0.1, 100, 50, 0.9), makeRecord({ config: { ...BOOK_DEFAULTS, activation: 'relu', seed: 1 } })],
      'testAcc',
    );
    expect(act[0]).toMatchObject({ id: 'activation', scale: 'category', categories: ['relu', 'sigmoid'] });
  });
});

describe('round ticks', () => {
  it('about five, 1, 2, 2.5 or 5 × 10ⁿ apart, within the range', () => {
    expect(roundTicks(0.103, 0.866)).toEqual([0.2, 0.4, 0.6, 0.8]);
    expect(roundTicks(0, 1)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(roundTicks(0.82, 0.85)).toEqual([0.82, 0.83, 0.84, 0.85]);
  });
});

describe('brushes', () => {
  const axes = parallelAxes(runs, 'testAcc');

  it('keep the runs inside every brushed range; a run without a value on a brushed axis is out', () => {
    const brushes = { learningRate: { lo: 0.05, hi: 2 }, testAcc: { lo: 0.7, hi: 1 } };
    const kept = runs.filter((r) => insideBrushes(r, axes, brushes));
    // lr 0.1: 0.525 + batch/1000 (0.575 … 0.725) → only batch 200; lr 1: 0.75 + … → all three.
    expect(kept.map((r) => [r.config.learningRate, r.config.batchSize])).toEqual([
      [0.1, 200],
      [1, 50],
      [1, 100],
      [1, 200],
    ]);
    expect(insideBrushes(runs[9], axes, { testAcc: { lo: 0, hi: 1 } })).toBe(false);
    expect(insideBrushes(runs[9], axes, {})).toBe(true);
  });
});

describe('ranges typed in the fields under the chart', () => {
  const [lr, batch] = parallelAxes(runs, 'testAcc');
  const act = parallelAxes(
    [run(0.1, 100, 50, 0.9), makeRecord({ config: { ...BOOK_DEFAULTS, activation: 'relu', seed: 1 } })],
    'testAcc',
  )[0];

  it('one end typed keeps the axis as the other end; both ends at the axis ends is no brush', () => {
    expect(typedBrush(lr, undefined, 'lo', '0.1')).toEqual({ lo: 0.1, hi: 10 });
    expect(typedBrush(lr, { lo: 0.1, hi: 10 }, 'hi', '1')).toEqual({ lo: 0.1, hi: 1 });
    expect(typedBrush(lr, { lo: 0.1, hi: 10 }, 'lo', '')).toBeNull();
    expect(typedBrush(batch, undefined, 'hi', '20')).toEqual({ lo: 20, hi: 50 }); // ends swapped into order
  });

  it('text that is not a value of the axis changes nothing; categories by name', () => {
    expect(typedBrush(lr, undefined, 'lo', 'abc')).toBeUndefined();
    expect(typedBrush(act, undefined, 'lo', 'tanh')).toBeUndefined();
    expect(typedBrush(act, undefined, 'lo', 'sigmoid')).toEqual({ lo: 1, hi: 1 });
    expect(brushFieldText(act, { lo: 0.4, hi: 1 }, 'lo')).toBe('sigmoid');
    expect(brushFieldText(lr, { lo: 0.123456, hi: 10 }, 'lo')).toBe('0.1235');
    expect(brushFieldText(lr, undefined, 'hi')).toBe('');
  });
});

describe('colours', () => {
  it('every colour of the ramp has 3:1 contrast on the light and the dark panels', () => {
    for (let i = 0; i <= 40; i++) {
      const colour = rampColour(i / 40);
      expect(contrastRatio(colour, CHART_BACKGROUNDS.light), colour).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(colour, CHART_BACKGROUNDS.dark), colour).toBeGreaterThanOrEqual(3);
    }
  });

  it("the best run's line is the ramp's top, the worst its bottom, a run without a value grey", () => {
    const metric = parallelAxes(runs, 'testAcc')[2];
    const best = runs.reduce((a, b) => ((a.summary?.testAcc ?? 0) >= (b.summary?.testAcc ?? 0) ? a : b));
    expect(lineColour(best, metric)).toBe(rampColour(1));
    expect(lineColour(runs[0], metric)).toBe(rampColour(0));
    expect(lineColour(runs[9], metric)).toBe('#7f7f7f');
  });
});

describe('axis titles', () => {
  it('take turns on two lines when they are wider than the room between axes', () => {
    const draw = (width: number) =>
      parallelSvg({
        runs,
        axes: parallelAxes(runs, 'testAcc'),
        brushes: {},
        describe: () => '',
        width,
        height: 300,
        theme: EXPORT_THEME,
      });
    const heights = (svg: string) => [...svg.matchAll(/y="([\d.]+)"[^>]*font-weight="bold"/g)].map((m) => Number(m[1]));
    expect(new Set(heights(draw(900))).size).toBe(1);
    const narrow = heights(draw(360));
    expect(narrow[0]).not.toBe(narrow[1]);
    expect(narrow[0]).toBe(narrow[2]);
  });
});

describe('SVG', () => {
  const axes = parallelAxes(runs, 'testAcc');
  const svg = parallelSvg({
    runs,
    axes,
    brushes: { batchSize: { lo: 90, hi: 110 } },
    describe: (r) => `${r.name}: lr ${r.config.learningRate}`,
    width: 600,
    height: 300,
    theme: EXPORT_THEME,
    title: 'Sweep',
    subtitle: '784-50-10 sigmoid',
  });

  it('a line per run, the runs outside the brush first (drawn under) in the faint colour', () => {
    const lines = [...svg.matchAll(/<path d="[^"]*" data-run="([^"]+)"[^>]*stroke:([^;]+);/g)];
    expect(lines).toHaveLength(runs.length);
    const faint = lines.filter((l) => l[2] === EXPORT_THEME.faint).map((l) => l[1]);
    expect(faint).toHaveLength(6);
    expect(lines.slice(0, 6).every((l) => l[2] === EXPORT_THEME.faint)).toBe(true);
  });

  it('axes titled, the log scale said, ticks labelled, n/a for missing values, the brush drawn, tooltips', () => {
    expect(svg).toContain('>learning rate (log)</text>');
    expect(svg).toContain('>batch size</text>');
    expect(svg).toContain('>final test acc</text>');
    expect(svg).toContain('>n/a</text>');
    expect(svg).toContain('<title>');
    expect(svg.match(/fill-opacity:0\.18/g)).toHaveLength(1);
    expect(svg).toContain('>Sweep</text>');
    expect(svg).toMatch(/^<svg [^>]*width="600" height="300"/);
  });
});
