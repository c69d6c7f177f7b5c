import { describe, expect, it } from 'vitest';
import { chartTitle } from '../../../renderer/src/lib/chart-titles';
import { linearTickLabel, logTickLabel, tickCallback } from '../../../renderer/src/lib/ticks';

describe('tick labels', () => {
  it('a zoomed linear axis reads in round numbers, as many decimals as its step', () => {
    expect(linearTickLabel(482.5, 2.5)).toBe('482.5');
    expect(linearTickLabel(480, 2.5)).toBe('480');
    expect(linearTickLabel(484.14700001, 5)).toBe('484');
    expect(linearTickLabel(0.30000000000000004, 0.1)).toBe('0.3');
    expect(linearTickLabel(0.125, 0.025)).toBe('0.125');
    expect(linearTickLabel(-0.0000001, 0.5)).toBe('0');
    expect(linearTickLabel(1500, 500)).toBe('1500');
  });

  it('the linear callback takes the step from the neighbouring ticks', () => {
    const ticks = [480, 482.5, 485].map((value) => ({ value }));
    expect(ticks.map((t, i) => tickCallback(false)(t.value, i, ticks))).toEqual(['480', '482.5', '485']);
  });

  it('a log axis labels 1, 2 and 5 times each power of ten, below 1 as well', () => {
    const labelled = [0.01, 0.02, 0.03, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 7, 10].map(logTickLabel);
    expect(labelled).toEqual(['0.01', '0.02', '', '0.05', '0.1', '0.2', '', '0.5', '1', '2', '', '10']);
  });

  it("explicit ticks (a sweep's values) are all labelled, even on a log axis", () => {
    expect(
      [0.001, 0.03, 1, 100].map((v, i, all) =>
        tickCallback(true, all)(
          v,
          i,
          all.map((value) => ({ value })),
        ),
      ),
    ).toEqual(['0.001', '0.03', '1', '100']);
  });

  it('titles follow the x axis', () => {
    expect(chartTitle('Loss', 'epoch')).toBe('Loss per epoch');
    expect(chartTitle('Accuracy', 'iteration')).toBe('Accuracy per iteration');
    expect(chartTitle('Loss', 'time')).toBe('Loss over time');
  });
});
