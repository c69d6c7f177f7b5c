/**
 * `descent export` streamed from the store: the same CSV and JSON as the in-memory exports of the whole
 * history (shared/export.ts's historiesToCsv, JSON.stringify), for runs whose measurements fall on loss
 * rows, before the first loss and after the last, with a bad line and a torn tail in the file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { historiesToCsv, historiesToJson } from '../../shared/export';
import { writeHistoriesCsv, writeHistoriesJson } from '../../electron/core/store/history-export';
import { RunStore } from '../../electron/core/store/run-store';
import { makeRecord } from '../support/runs';

let home: string;
let store: RunStore;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'descent-export-'));
  store = new RunStore(home);
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const progress = (from: number, to: number, loss: (i: number) => number) => {
  const iterations = Array.from({ length: to - from }, (_, k) => from + k);
  return JSON.stringify({ type: 'progress', iterations, losses: iterations.map(loss), seconds: to / 100 });
};
const epoch = (iteration: number, epochs: number, acc: number) =>
  JSON.stringify({ type: 'epoch', iteration, epoch: epochs, trainAcc: acc, testAcc: acc - 0.01, seconds: iteration / 100 });

function twoRuns() {
  const first = makeRecord({ name: 'first, "quoted"', tags: ['a'] });
  const second = makeRecord({ name: '=SUM(A1)', config: { ...makeRecord().config, learningRate: 0.5 } });
  for (const r of [first, second]) store.create(r);
  writeFileSync(
    store.metricsPath(first.id),
    [
      epoch(0, 0, 0.1),
      progress(0, 1500, (i) => 2.3 / (1 + i / 100)),
      epoch(600, 1, 0.5),
      progress(1500, 3000, (i) => 2.3 / (1 + i / 100)),
      'null',
      epoch(1200, 2, 0.7),
      epoch(3000, 5, 0.9),
      '{"type":"prog',
    ].join('\n'),
  );
  writeFileSync(store.metricsPath(second.id), `${[progress(0, 700, (i) => 1 / (i + 1)), epoch(700, 1.5, 0.3)].join('\n')}\n`);
  return [first, second];
}

function streamed(write: (job: Parameters<typeof writeHistoriesCsv>[0]) => void): { text: string; pieces: number } {
  let text = '';
  let pieces = 0;
  write({
    store,
    runs: runs(),
    epochsOf: (run) => store.readMetrics(run.id).epochs,
    write: (piece) => {
      text += piece;
      pieces++;
    },
  });
  return { text, pieces };
}
let runs: () => ReturnType<typeof twoRuns>;

describe('streamed exports', () => {
  beforeEach(() => {
    const made = twoRuns();
    runs = () => made;
  });

  it('CSV: the same text as historiesToCsv of the histories read whole, in pieces', () => {
    const whole = historiesToCsv(
      runs().map((run) => ({ id: run.id, name: run.name, config: run.config, ...store.readMetrics(run.id) })),
    );
    const { text, pieces } = streamed(writeHistoriesCsv);
    expect(text).toBe(whole);
    expect(pieces).toBeGreaterThan(1);
    // 3 000 loss rows plus the measurement after the last loss; 700 plus one.
    expect(text.trim().split('\n')).toHaveLength(1 + 3001 + 701);
  });

  it("JSON: the same text as historiesToJson of the histories read whole (the workbench's export)", () => {
    const whole = historiesToJson(runs().map((run) => ({ run, ...store.readMetrics(run.id) })));
    expect(JSON.parse(whole)).toEqual(
      runs().map((run) => {
        const metrics = store.readMetrics(run.id);
        return { run, iterations: metrics.iterations, losses: metrics.losses, epochs: metrics.epochs };
      }),
    );
    let text = '';
    writeHistoriesJson(
      { store, runs: runs(), epochsOf: (run) => store.readMetrics(run.id).epochs, write: (piece) => void (text += piece) },
      (v, indent) => JSON.stringify(v, null, indent),
    );
    expect(text).toBe(whole);
  });

  it('JSON of no runs and of a run with no history', () => {
    let text = '';
    const json = (v: unknown, indent: number) => JSON.stringify(v, null, indent);
    writeHistoriesJson({ store, runs: [], epochsOf: () => [], write: (piece) => void (text += piece) }, json);
    expect(text).toBe('[]\n');
    const empty = makeRecord();
    store.create(empty);
    text = '';
    writeHistoriesJson({ store, runs: [empty], epochsOf: () => [], write: (piece) => void (text += piece) }, json);
    expect(text).toBe(`${JSON.stringify([{ run: empty, iterations: [], losses: [], epochs: [] }], null, 2)}\n`);
  });
});
