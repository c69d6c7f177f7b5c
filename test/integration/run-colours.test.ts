/** Run colours as the run manager gives them and the store keeps them (shared/run-colour.ts), with real trainers. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOOK_DEFAULTS } from '../../shared/config';
import { RunManager } from '../../electron/core/run-manager';
import { RunStore } from '../../electron/core/store/run-store';
import { NodeTrainerHost } from '../../electron/core/trainer-host';

let home: string;
beforeEach(() => void (home = mkdtempSync(join(tmpdir(), 'descent-colours-'))));
afterEach(() => rmSync(home, { recursive: true, force: true }));

const tiny = { ...BOOK_DEFAULTS, trainSize: 100, iterations: 3, seed: 1 };

describe('run colours in the store', () => {
  it("are given at creation, kept in run.json, untouched by a deletion, and a deleted run's is given again", async () => {
    const manager = new RunManager({ store: new RunStore(home), host: new NodeTrainerHost(), concurrency: 2 });
    const runs = [0.1, 1, 10, 100].map((learningRate) => manager.submit({ ...tiny, learningRate }, { group: 'sweep' }));
    expect(runs.map((r) => r.colour)).toEqual([0, 1, 2, 3]);
    await manager.whenIdle();
    manager.store.trash(runs[1].id);
    // Read afresh, as another process or a restarted app reads them.
    const reread = new RunStore(home).list().runs;
    expect(new Map(reread.map((r) => [r.id, r.colour]))).toEqual(
      new Map([runs[0], runs[2], runs[3]].map((r) => [r.id, r.colour])),
    );
    const next = manager.submit(tiny);
    expect(next.colour).toBe(1);
    await manager.whenIdle();
    expect(new RunStore(home).read(next.id).colour).toBe(1);
  }, 60_000);
});
