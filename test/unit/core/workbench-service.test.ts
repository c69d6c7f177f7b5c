/**
 * WorkbenchService's own promises, on a real store and run manager; only the trainer processes (the boundary)
 * are replaced by a host that records what it was asked to start.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOOK_DEFAULTS } from '../../../shared/config';
import { RUN_TEXT_LIMITS } from '../../../shared/run-text';
import { RunManager } from '../../../electron/core/run-manager';
import { RunStore } from '../../../electron/core/store/run-store';
import type { TrainerHost } from '../../../electron/core/trainer-host';
import { WorkbenchService } from '../../../electron/core/workbench-service';

let home: string;
let spawned: string[];
let service: WorkbenchService;
let manager: RunManager;

/** Trainers that start (recorded) and then stay silent: the runs stay running for the test to look at. */
const recordingHost: TrainerHost = {
  spawn: (runId) => {
    spawned.push(runId);
    return { pid: undefined, send: () => {}, kill: () => {} };
  },
};

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'descent-service-'));
  spawned = [];
  manager = new RunManager({ store: new RunStore(home), host: recordingHost, concurrency: 2 });
  service = new WorkbenchService(manager, { version: '1.2.3', transport: 'browser' });
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('WorkbenchService', () => {
  it('describes the backend it serves: its store, its concurrency, the transport it was given', async () => {
    expect(await service.appInfo()).toMatchObject({ version: '1.2.3', transport: 'browser', home, concurrency: 2 });
  });

  it('starts a sweep as one group, one seed for all, named by the swept value, in the order given', async () => {
    const runs = await service.startSweep({
      name: 'rates',
      base: { ...BOOK_DEFAULTS, iterations: 10 },
      parameter: 'learningRate',
      values: [0.01, 0.1, 1],
    });
    expect(runs.map((r) => r.name)).toEqual(['rates: lr 0.01', 'rates: lr 0.1', 'rates: lr 1']);
    expect(new Set(runs.map((r) => r.group))).toEqual(new Set(['rates']));
    expect(runs.map((r) => r.config.learningRate)).toEqual([0.01, 0.1, 1]);
    const seeds = new Set(runs.map((r) => r.config.seed));
    expect(seeds.size).toBe(1);
    // Apart from the swept value, the runs' configurations are the same.
    const rest = runs.map(({ config: { learningRate: _, ...others } }) => others);
    expect(rest[1]).toEqual(rest[0]);
    expect(rest[2]).toEqual(rest[0]);
    // Two trainers at once (the concurrency), the third queued; all three in the store.
    expect(spawned).toEqual(runs.slice(0, 2).map((r) => r.id));
    expect((await service.listRuns()).runs.map((r) => r.id).sort()).toEqual(runs.map((r) => r.id).sort());
  });

  it("cuts a sweep's run names to the name limit, so each can be saved back unchanged", async () => {
    const name = 'g'.repeat(RUN_TEXT_LIMITS.name);
    const runs = await service.startSweep({
      name,
      base: { ...BOOK_DEFAULTS, iterations: 10 },
      parameter: 'learningRate',
      values: [0.1],
    });
    expect(runs.map((r) => r.name)).toEqual([`${'g'.repeat(RUN_TEXT_LIMITS.name - 1)}…`]);
    expect(runs[0].group).toBe(name);
  });

  it("keeps a sweep's given seed", async () => {
    const runs = await service.startSweep({
      name: 'seeded',
      base: { ...BOOK_DEFAULTS, seed: 7 },
      parameter: 'batchSize',
      values: [50, 100],
    });
    expect(runs.map((r) => r.config.seed)).toEqual([7, 7]);
    expect(runs.map((r) => r.config.batchSize)).toEqual([50, 100]);
  });

  it('refuses a run or a sweep that does not fit its dataset before storing or starting anything', async () => {
    const wrongInput = { ...BOOK_DEFAULTS, layers: [100, 50, 10] };
    await expect(service.startRun(wrongInput)).rejects.toThrow(/784/);
    await expect(
      service.startSweep({ name: 'bad', base: wrongInput, parameter: 'learningRate', values: [0.1, 1] }),
    ).rejects.toThrow(/784/);
    expect((await service.listRuns()).runs).toEqual([]);
    expect(spawned).toEqual([]);
  });
});
