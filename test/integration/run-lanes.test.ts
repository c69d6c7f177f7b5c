/**
 * A sweep's own limit on runs at once (RunManager's lanes): its runs train that many at a time whatever the manager's
 * concurrency; other runs keep to the manager's. Trainers are held by the test (nothing is trained): the scheduling only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOOK_DEFAULTS } from '../../shared/config';
import { RunManager } from '../../electron/core/run-manager';
import { RunStore } from '../../electron/core/store/run-store';
import type { TrainerEvents, TrainerHandle, TrainerHost } from '../../electron/core/trainer-host';

/** Trainers that start and then wait until the test ends them (their exit without a summary fails the run). */
class HeldHost implements TrainerHost {
  readonly started: string[] = [];
  private readonly events = new Map<string, TrainerEvents>();
  spawn(runId: string, events: TrainerEvents): TrainerHandle {
    this.started.push(runId);
    this.events.set(runId, events);
    return { pid: undefined, send: () => {}, kill: () => {} };
  }
  end(runId: string): void {
    this.events.get(runId)!.onExit({ code: 0, signal: null });
  }
}

let home: string;
let host: HeldHost;
let manager: RunManager;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'descent-lanes-'));
  host = new HeldHost();
  manager = new RunManager({ store: new RunStore(home), host, concurrency: 1 });
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const config = { ...BOOK_DEFAULTS, seed: 1 };

describe('runs at once per sweep', () => {
  it("a sweep's runs train as many at once as it asks, beyond the manager's concurrency; the rest wait their turn", () => {
    const lane = { id: 'sweep-1', limit: 3 };
    const runs = [1, 2, 3, 4].map(() => manager.submit(config, {}, lane));
    expect(host.started).toEqual(runs.slice(0, 3).map((r) => r.id));
    host.end(runs[1].id);
    expect(host.started).toEqual(runs.map((r) => r.id));
  });

  it("a sweep asking for one at a time trains one at a time, and other runs keep to the manager's limit", () => {
    const sweep = [1, 2].map(() => manager.submit(config, {}, { id: 'sweep-1', limit: 1 }));
    const single = manager.submit(config);
    // The sweep's first run fills the manager's one slot: the single run waits; the sweep's second waits for its lane.
    expect(host.started).toEqual([sweep[0].id]);
    host.end(sweep[0].id);
    expect(host.started).toEqual([sweep[0].id, sweep[1].id]);
    host.end(sweep[1].id);
    expect(host.started).toEqual([sweep[0].id, sweep[1].id, single.id]);
  });

  it('two sweeps each keep their own limit', () => {
    const a = [1, 2, 3].map(() => manager.submit(config, {}, { id: 'a', limit: 2 }));
    const b = [1, 2].map(() => manager.submit(config, {}, { id: 'b', limit: 1 }));
    expect(host.started).toEqual([a[0].id, a[1].id, b[0].id]);
    host.end(b[0].id);
    expect(host.started).toEqual([a[0].id, a[1].id, b[0].id, b[1].id]);
    host.end(a[0].id);
    expect(host.started.at(-1)).toBe(a[2].id);
  });

  it('stopping a queued run of a sweep lets the next one of it start in its turn', () => {
    const runs = [1, 2, 3].map(() => manager.submit(config, {}, { id: 'sweep-1', limit: 1 }));
    manager.stop(runs[1].id);
    expect(manager.store.read(runs[1].id).status).toBe('stopped');
    host.end(runs[0].id);
    expect(host.started).toEqual([runs[0].id, runs[2].id]);
  });
});
