import { describe, expect, it } from 'vitest';
import { labChart, seriesCsv } from '../../../renderer/src/lib/lab/export-figure';

describe("Lab figures' export", () => {
  it('writes every point of every series as series,x,y, quoting labels (a quote doubled)', () => {
    const series = [
      { label: 'f(x)', color: '#000', points: [{ x: 0, y: 0.5 }] },
      {
        label: 'say "h"',
        color: '#000',
        points: [
          { x: 1e-4, y: -2 },
          { x: 2, y: 3 },
        ],
      },
    ];
    expect(seriesCsv(series)).toBe('series,x,y\n"f(x)",0,0.5\n"say ""h""",0.0001,-2\n"say ""h""",2,3\n');
  });

  it('labChart names a chart figure by its parts', () => {
    const look = { xLabel: 'x', yLabel: 'y', logY: false };
    expect(labChart('lab-tangent', 'T', 'S', [], look)).toEqual({
      type: 'chart',
      name: 'lab-tangent',
      title: 'T',
      subtitle: 'S',
      series: [],
      look,
    });
  });
});
