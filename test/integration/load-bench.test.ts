/** The load benchmark's generated store: real runs a user's store would hold, listable by the CLI. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateStore } from '../../electron/bench/load-bench';

const home = mkdtempSync(join(tmpdir(), 'descent-load-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('load bench store', () => {
  it('copies one real completed run under distinct ids and names, each folder whole and valid', async () => {
    const store = await generateStore(home, 12);
    const { runs, damaged } = store.list();
    expect(damaged).toEqual([]);
    expect(runs).toHaveLength(12);
    expect(new Set(runs.map((r) => r.id)).size).toBe(12);
    expect(new Set(runs.map((r) => r.name)).size).toBe(12);
    expect(runs.every((r) => r.status === 'completed' && r.iterationsDone === 1000)).toBe(true);
    const metrics = runs.map((r) => readFileSync(store.metricsPath(r.id), 'utf8'));
    expect(new Set(metrics).size).toBe(1);
    const history = store.readMetrics(runs[0].id);
    expect(history.losses).toHaveLength(1000);
    // 1 000 iterations at batch 100 on 10 000 images: 10 epochs, plus the evaluation before training.
    expect(history.epochs.length).toBeGreaterThanOrEqual(10);
    const listed = spawnSync(process.execPath, [join(__dirname, '..', '..', 'bin', 'descent.js'), 'runs', '--json'], {
      env: { ...process.env, DESCENT_HOME: home },
      encoding: 'utf8',
    });
    expect(
      listed.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).id)
        .sort(),
    ).toEqual(runs.map((r) => r.id).sort());
  });
});
