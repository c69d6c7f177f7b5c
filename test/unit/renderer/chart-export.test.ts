import { describe, expect, it } from 'vitest';
import { defaultEdits, editedFigure, figureLook, runsJson, type ChartExport } from '../../../renderer/src/lib/chart-export';
import type { ChartPrefs } from '../../../renderer/src/lib/workbench.svelte';
import { makeRecord } from '../../support/runs';

const prefs: ChartPrefs = {
  smoothing: 0.6,
  logY: false,
  xAxis: 'iteration',
  exportWidth: 1200,
  exportHeight: 700,
  exportScale: 2,
  exportBackground: '#ffffff',
};
const line = (label: string, unlisted = false) => ({ label, color: '#0072b2', points: [{ x: 0, y: 1 }], unlisted });
const chart: ChartExport = {
  kind: 'loss',
  title: 'Loss per iteration',
  subtitle: '784-50-10 sigmoid · seed 3',
  series: [line('lr 1 (raw)', true), line('lr 1'), line('lr 0.1 (raw)', true), line('lr 0.1')],
  look: { xLabel: 'iteration', yLabel: 'loss', logY: false },
  csv: () => '',
  plotted: 'as plotted',
};

describe('export dialog', () => {
  it('starts from the chart as it would be saved: its title, subtitle, listed labels and the export settings', () => {
    expect(defaultEdits(chart, prefs)).toEqual({
      title: 'Loss per iteration',
      subtitle: '784-50-10 sigmoid · seed 3',
      labels: { 'lr 1': 'lr 1', 'lr 0.1': 'lr 0.1' },
      width: 1200,
      height: 700,
      fontSize: 12,
      background: '#ffffff',
    });
  });

  it('applies the edits: renamed legend entries (blank keeps the name), title, subtitle, font size, background and its text colour', () => {
    const edits = {
      ...defaultEdits(chart, prefs),
      title: 'Learning rates',
      labels: { 'lr 1': 'η = 1', 'lr 0.1': '  ' },
      fontSize: 16,
      background: '#15181c',
    };
    const { series, look } = editedFigure(chart, edits);
    expect(series.map((s) => s.label)).toEqual(['lr 1 (raw)', 'η = 1', 'lr 0.1 (raw)', 'lr 0.1']);
    expect(look).toMatchObject({
      title: 'Learning rates',
      subtitle: '784-50-10 sigmoid · seed 3',
      fontSize: 16,
      background: '#15181c',
      textColour: '#e6e8eb',
    });
  });

  it('figures with many legend entries put the legend to the right', () => {
    const many = { ...chart, series: Array.from({ length: 8 }, (_, i) => line(`lr ${i}`)) };
    expect(figureLook(many, '#ffffff').legendRight).toBe(true);
    expect(figureLook(chart, '#ffffff').legendRight).toBe(false);
  });
});

describe("the compare view's JSON of runs", () => {
  it("holds each run's record with its history as recorded; a run whose history is not loaded has empty arrays", () => {
    const [trained, queued] = [makeRecord({ name: 'trained' }, 1), makeRecord({ name: 'queued' }, 2)];
    const history = { iterations: [0, 1, 2], losses: [2.3, 2.1, 1.9], seconds: [0.1, 0.2, 0.3], epochs: [] };
    const text = runsJson([trained, queued], (id) => (id === trained.id ? history : undefined));
    expect(JSON.parse(text)).toEqual([
      { run: trained, iterations: [0, 1, 2], losses: [2.3, 2.1, 1.9], epochs: [] },
      { run: queued, iterations: [], losses: [], epochs: [] },
    ]);
    // Indented as `descent export --format json` writes it, ending with a newline.
    expect(text.startsWith('[\n  {\n    "run": {')).toBe(true);
    expect(text.endsWith('\n]\n')).toBe(true);
  });
});
