/**
 * Disk errors during a run (injected: a full disk while appending metrics or replacing run.json): that run
 * fails with the reason, its previous run.json stays readable, and other runs are not affected.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOOK_DEFAULTS } from '../../shared/config';
import type { RunRecord } from '../../shared/run-record';
import { RunManager } from '../../electron/core/run-manager';
import { MetricsWriter, RunStore } from '../../electron/core/store/run-store';
import { NodeTrainerHost } from '../../electron/core/trainer-host';

/** What a full disk throws. */
function enospc(path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), { code: 'ENOSPC' });
}

/** A real store, except that the first run's metrics stop fitting on the disk after `okAppends` appends. */
class FullDiskForMetrics extends RunStore {
  victim: string | undefined;
  constructor(
    home: string,
    private readonly okAppends: number,
  ) {
    super(home);
  }
  override metricsWriter(id: string): MetricsWriter {
    const writer = super.metricsWriter(id);
    this.victim ??= id;
    if (id !== this.victim) return writer;
    let appends = 0;
    const append = writer.append.bind(writer);
    writer.append = (records, sync) => {
      if (++appends > this.okAppends) throw enospc(writer.path);
      append(records, sync);
    };
    return writer;
  }
}

/** A real store, except that replacing the first run's run.json fails once it has been written `okWrites` times. */
class FullDiskForRecords extends RunStore {
  victim: string | undefined;
  private writes = 0;
  constructor(
    home: string,
    private readonly okWrites: number,
  ) {
    super(home);
  }
  // A new run's first record is written by `create` (into the folder it then renames into place), later ones by `write`.
  override create(record: RunRecord): void {
    this.count(record);
    super.create(record);
  }
  override write(record: RunRecord): void {
    this.count(record);
    super.write(record);
  }
  private count(record: RunRecord): void {
    this.victim ??= record.id;
    if (record.id === this.victim && ++this.writes > this.okWrites) throw enospc(join(this.runDir(record.id), 'run.json'));
  }
}

let home: string;
beforeEach(() => void (home = mkdtempSync(join(tmpdir(), 'descent-faults-'))));
afterEach(() => rmSync(home, { recursive: true, force: true }));

const long = { ...BOOK_DEFAULTS, iterations: 400, trainSize: 1000, seed: 3 };

describe('disk errors', () => {
  it('metrics cannot be appended: that run fails with the reason, the other run completes', async () => {
    const store = new FullDiskForMetrics(home, 3);
    const manager = new RunManager({ store, host: new NodeTrainerHost(), concurrency: 2 });
    const victim = manager.submit(long);
    const bystander = manager.submit({ ...long, iterations: 100 });
    await manager.whenIdle();
    expect(store.victim).toBe(victim.id);
    const failed = store.read(victim.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/^cannot save the run: ENOSPC: no space left on device/);
    // What reached the disk before it filled is still there and readable.
    expect(store.readMetrics(victim.id).losses.length).toBeGreaterThan(0);
    expect(store.read(bystander.id).status).toBe('completed');
  });

  it('run.json cannot be replaced: the previous record stays intact and readable', async () => {
    // The victim's run.json is written when it is created and when it starts; the next write fails.
    const store = new FullDiskForRecords(home, 2);
    const manager = new RunManager({ store, host: new NodeTrainerHost(), concurrency: 2 });
    const warnings: string[] = [];
    manager.subscribe((e) => void (e.type === 'warning' && warnings.push(e.message)));
    const victim = manager.submit(long);
    const bystander = manager.submit({ ...long, iterations: 100 });
    await manager.whenIdle();
    expect(store.victim).toBe(victim.id);
    const kept = store.read(victim.id);
    expect(kept.status).toBe('running');
    expect(kept.id).toBe(victim.id);
    expect(warnings.some((w) => /cannot write the final record: ENOSPC/.test(w))).toBe(true);
    expect(store.read(bystander.id).status).toBe('completed');
    // When the disk has room again, the next start (a process that finds this one gone) marks it interrupted.
    const later = new RunStore(home);
    expect(later.recoverInterrupted(() => false).changed.map((r) => r.id)).toEqual([victim.id]);
    expect(later.read(victim.id).status).toBe('interrupted');
  });

  it('a run whose record cannot be written when it starts is reported failed, stays queued on disk; the queue goes on', async () => {
    const store = new FullDiskForRecords(home, 1);
    const manager = new RunManager({ store, host: new NodeTrainerHost(), concurrency: 1 });
    const warnings: string[] = [];
    const changes: Array<{ id: string; status: string }> = [];
    manager.subscribe((e) => {
      if (e.type === 'warning') warnings.push(e.message);
      if (e.type === 'run-changed') changes.push({ id: e.run.id, status: e.run.status });
    });
    const victim = manager.submit({ ...long, iterations: 5 });
    const next = manager.submit({ ...long, iterations: 5 });
    await manager.whenIdle();
    expect(warnings[0]).toMatch(/^cannot start the run: ENOSPC/);
    // Subscribers (the UI, the CLI) learn that it failed; the full disk keeps its last written record, `queued`.
    expect(changes.filter((c) => c.id === victim.id).at(-1)?.status).toBe('failed');
    expect(new RunStore(home).read(victim.id).status).toBe('queued');
    expect(store.read(next.id).status).toBe('completed');
  });
});

describe('when nothing can start', () => {
  it('whenIdle still resolves', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'descent-faults-'));
    try {
      const store = new FullDiskForRecords(dir, 1);
      const manager = new RunManager({ store, host: new NodeTrainerHost(), concurrency: 1 });
      manager.submit({ ...long, iterations: 5 });
      await manager.whenIdle();
      expect(manager.activeIds()).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
