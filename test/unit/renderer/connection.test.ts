import { describe, expect, it } from 'vitest';
import { Connection, explainFailure } from '../../../renderer/src/lib/connection';
import { noticeText } from '../../../renderer/src/lib/notice';
import { SIDE_LEGEND_FROM, sideLegend } from '../../../renderer/src/lib/legend';
import { ACCURACY_KEY } from '../../../renderer/src/lib/chart-titles';

describe('connection to the backend', () => {
  it('reports changes once each, and counts the returns after a loss', () => {
    const connection = new Connection();
    const heard: string[] = [];
    connection.onChange((status) => heard.push(status));
    connection.report(true);
    connection.report(true);
    connection.report(false);
    connection.report(false);
    connection.report(true);
    expect(heard).toEqual(['connected', 'disconnected', 'connected']);
    expect(connection.reconnections).toBe(1);
  });

  it("a failed fetch, or any failure while disconnected, is explained; other errors are the backend's failure", () => {
    const explain = (error: unknown, status: 'connected' | 'disconnected') =>
      noticeText(explainFailure('action.startRun', error, status));
    expect(explain(new TypeError('Failed to fetch'), 'connected')).toMatch(
      /^Cannot start the run: the Descent backend is not reachable .* Nothing was done/,
    );
    expect(explain(new Error('boom'), 'disconnected')).toMatch(/^Cannot start the run: /);
    expect(explain(new Error('learningRate: must be …'), 'connected')).toBe(
      'Could not start the run: the backend failed (learningRate: must be …)',
    );
  });
});

describe('legend placement', () => {
  const lines = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `run ${i}`, color: '#0072b2', points: [] }));
  it('accuracy of 7 runs: one entry per run plus the two-entry key, beside the plot', () => {
    const series = lines(7).flatMap((s) => [s, { ...s, label: `${s.label} · train`, dashed: true, unlisted: true }]);
    const side = sideLegend(series, ACCURACY_KEY)!;
    expect(side).toHaveLength(9);
    expect(side.slice(-2)).toEqual([
      { label: 'solid = test', color: null, dashed: false },
      { label: 'dashed = train', color: null, dashed: true },
    ]);
  });

  it('a few runs keep the legend above the plot', () => {
    expect(sideLegend(lines(SIDE_LEGEND_FROM - 1), [])).toBeNull();
    expect(sideLegend(lines(SIDE_LEGEND_FROM), [])).toHaveLength(SIDE_LEGEND_FROM);
  });
});
