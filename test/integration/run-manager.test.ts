/** The run manager with real trainer processes (child_process.fork) and a real store in a temp folder. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOOK_DEFAULTS, type RunConfig } from '../../shared/config';
import type { RunRecord, RunStatus } from '../../shared/run-record';
import { FINISHED_STATUSES } from '../../shared/run-status';
import { RunManager } from '../../electron/core/run-manager';
import type { WorkbenchEvent } from '../../shared/api';
import { currentOwner, processStartTime } from '../../electron/core/store/owner';
import { RunStore } from '../../electron/core/store/run-store';
import { makeRecord } from '../support/runs';
import { typescriptExecArgv } from '../../electron/core/typescript-loader';
import { NodeTrainerHost, type TrainerHandle, type TrainerHost } from '../../electron/core/trainer-host';
import { PROGRESS_INTERVAL_MS } from '../../electron/core/training-session';

let home: string;
let store: RunStore;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'descent-manager-'));
  store = new RunStore(home);
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

/** Small runs on the first images of MNIST: fast, with an accuracy measurement every 10 iterations. */
const small = (change: Partial<RunConfig> = {}): RunConfig => ({
  ...BOOK_DEFAULTS,
  trainSize: 1000,
  iterations: 60,
  seed: 5,
  ...change,
});

/** A host that remembers the handles it gave out (to kill a trainer from the test). */
class RecordingHost implements TrainerHost {
  readonly handles = new Map<string, TrainerHandle>();
  constructor(private readonly inner: TrainerHost = new NodeTrainerHost()) {}
  spawn(runId: string, events: Parameters<TrainerHost['spawn']>[1]): TrainerHandle {
    const handle = this.inner.spawn(runId, events);
    this.handles.set(runId, handle);
    return handle;
  }
}

/** Resolves with the first event that satisfies `test`. */
function nextEvent(manager: RunManager, test: (e: WorkbenchEvent) => boolean): Promise<WorkbenchEvent> {
  return new Promise((resolve) => {
    const off = manager.subscribe((e) => {
      if (test(e)) {
        off();
        resolve(e);
      }
    });
  });
}
const statusIs =
  (id: string, status: RunStatus) =>
  (e: WorkbenchEvent): boolean =>
    e.type === 'run-changed' && e.run.id === id && e.run.status === status;
/** Resolves when run `id` is `status`; rejects with the run's error if it finishes otherwise first (no silent wait). */
function reaches(manager: RunManager, id: string, status: RunStatus): Promise<WorkbenchEvent> {
  return new Promise((resolve, reject) => {
    const off = manager.subscribe((e) => {
      if (e.type !== 'run-changed' || e.run.id !== id) return;
      if (e.run.status === status) resolve(e);
      else if ((FINISHED_STATUSES as readonly string[]).includes(e.run.status))
        reject(new Error(`run ${id} ended ${e.run.status} (${e.run.error ?? 'no error'}) before it was ${status}`));
      else return;
      off();
    });
  });
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('RunManager', () => {
  it('trains two runs at once and queues the third; every loss reaches disk and the events', async () => {
    const manager = new RunManager({ store, host: new NodeTrainerHost(), concurrency: 2 });
    const running = new Set<string>();
    let maxRunning = 0;
    const losses = new Map<string, number[]>();
    manager.subscribe((e) => {
      if (e.type === 'run-changed') {
        if (e.run.status === 'running' || e.run.status === 'paused') running.add(e.run.id);
        else running.delete(e.run.id);
        maxRunning = Math.max(maxRunning, running.size);
      }
      if (e.type === 'progress') losses.set(e.id, [...(losses.get(e.id) ?? []), ...e.losses]);
    });
    const runs = [0.05, 0.1, 0.5].map((lr) => manager.submit(small({ learningRate: lr }), { group: 'g' }));
    expect(store.read(runs[2].id).status).toBe('queued');
    await manager.whenIdle();
    expect(maxRunning).toBe(2);
    for (const run of runs) {
      const record = store.read(run.id);
      expect(record.status).toBe('completed');
      expect(record.group).toBe('g');
      expect(record.iterationsDone).toBe(60);
      const metrics = store.readMetrics(run.id);
      expect(metrics.losses).toEqual(losses.get(run.id));
      expect(metrics.iterations).toEqual(Array.from({ length: 60 }, (_, i) => i));
      expect(metrics.epochs.map((e) => e.iteration)).toEqual([0, 10, 20, 30, 40, 50, 60]);
      // run.json keeps the last measurement; the metrics line also has its time stamp.
      expect(metrics.epochs[metrics.epochs.length - 1]).toMatchObject(record.lastEpoch!);
      expect((record.summary as { testAcc: number }).testAcc).toBe(record.lastEpoch!.testAcc);
      expect(store.list().runs.find((r) => r.id === run.id)).toBeDefined();
    }
  });

  it('pauses, resumes and stops a run mid-way', async () => {
    const manager = new RunManager({ store, host: new NodeTrainerHost(), concurrency: 1 });
    const run = manager.submit(small({ iterations: 1_000_000 }));
    await nextEvent(manager, (e) => e.type === 'progress' && e.id === run.id);
    // The trainer says "paused" once its loop holds, after the last progress it made: none may follow it.
    let pausedSeen = false;
    let progressWhilePaused = 0;
    const off = manager.subscribe((e) => {
      if (statusIs(run.id, 'paused')(e)) pausedSeen = true;
      else if (pausedSeen && e.type === 'progress' && e.id === run.id) progressWhilePaused++;
    });
    manager.pause(run.id);
    await reaches(manager, run.id, 'paused');
    const pausedSince = Date.now();
    const iterationsAtPause = store.read(run.id).iterationsDone;
    // A running trainer would send a batch every interval: twelve intervals without one is a pause. (However slow
    // the machine, a held loop sends nothing: this wait can only let a bug show, never fail a correct trainer.)
    await sleep(12 * PROGRESS_INTERVAL_MS);
    const resumeAsked = Date.now();
    expect(progressWhilePaused).toBe(0);
    expect(store.read(run.id)).toMatchObject({ status: 'paused', iterationsDone: iterationsAtPause });
    expect(Date.parse(store.read(run.id).pausedAt ?? '')).toBeLessThanOrEqual(pausedSince);
    manager.resume(run.id);
    await reaches(manager, run.id, 'running');
    off();
    // The pause is kept in the record (the card's duration leaves it out): at least the time this test waited.
    const resumed = store.read(run.id);
    expect(resumed.pausedAt).toBeNull();
    expect(resumed.pausedSeconds).toBeGreaterThanOrEqual((resumeAsked - pausedSince) / 1000);
    expect(resumed.pausedSeconds).toBeLessThan((Date.now() - Date.parse(resumed.startedAt!)) / 1000);
    await nextEvent(manager, (e) => e.type === 'progress' && e.id === run.id);
    manager.stop(run.id);
    await manager.whenIdle();
    const record = store.read(run.id);
    expect(record.status).toBe('stopped');
    const summary = record.summary as { status: string; iterations: number; testAcc: number };
    expect(summary.status).toBe('stopped');
    expect(summary.iterations).toBeGreaterThan(0);
    expect(summary.iterations).toBe(store.readMetrics(run.id).losses.length);
    expect(summary.testAcc).toBeGreaterThan(0);
  });

  it('a SIGKILLed trainer fails its run with the reason and its epochs kept; the manager goes on', async () => {
    const host = new RecordingHost();
    const manager = new RunManager({ store, host, concurrency: 2 });
    const victim = manager.submit(small({ iterations: 1_000_000 }));
    const bystander = manager.submit(small({ iterations: 200 }));
    let epochs = 0;
    await nextEvent(manager, (e) => e.type === 'epoch' && e.id === victim.id && ++epochs === 3);
    process.kill(host.handles.get(victim.id)!.pid!, 'SIGKILL');
    const failed = (await nextEvent(manager, statusIs(victim.id, 'failed'))) as { run: RunRecord };
    expect(failed.run.error).toBe('the trainer process was killed (SIGKILL) before finishing; the history so far is kept');
    expect(store.readMetrics(victim.id).epochs.length).toBeGreaterThanOrEqual(3);
    const after = manager.submit(small({ iterations: 20 }));
    await manager.whenIdle();
    expect(store.read(bystander.id).status).toBe('completed');
    expect(store.read(after.id).status).toBe('completed');
    expect(store.read(victim.id).status).toBe('failed');
  });

  it('a trainer that sends malformed messages is reported, not trusted; its valid data is kept', async () => {
    const rogue = new NodeTrainerHost(join(__dirname, '..', 'support', 'rogue-trainer.ts'));
    const manager = new RunManager({ store, host: rogue, concurrency: 1 });
    const warnings: string[] = [];
    manager.subscribe((e) => void (e.type === 'warning' && warnings.push(e.message)));
    const run = manager.submit(small());
    await manager.whenIdle();
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^trainer sent a malformed message: losses/);
    const record = store.read(run.id);
    expect(record.status).toBe('failed');
    expect(record.error).toBe('the trainer process exited with code 3 before finishing; the history so far is kept');
    expect(store.readMetrics(run.id).losses).toEqual([2.3, 2.25]);
  });

  it('a trainer that ignores stop is killed after the timeout; the run ends stopped', async () => {
    const stubborn = new NodeTrainerHost(join(__dirname, '..', 'support', 'stubborn-trainer.ts'));
    const manager = new RunManager({ store, host: stubborn, concurrency: 1, stopTimeoutMs: 300 });
    const warnings: string[] = [];
    manager.subscribe((e) => void (e.type === 'warning' && warnings.push(e.message)));
    const run = manager.submit(small());
    await nextEvent(manager, (e) => e.type === 'progress' && e.id === run.id);
    manager.stop(run.id);
    await manager.whenIdle();
    expect(warnings).toEqual(['the trainer did not stop in time and was killed']);
    expect(store.read(run.id)).toMatchObject({
      status: 'stopped',
      error: 'the trainer process was killed (SIGKILL) before finishing; the history so far is kept',
    });
    expect(store.readMetrics(run.id).losses).toEqual([2.3]);
  });

  it('stopping a queued run ends it at once without starting it', async () => {
    const manager = new RunManager({ store, host: new NodeTrainerHost(), concurrency: 1 });
    const first = manager.submit(small({ iterations: 1_000_000 }));
    const second = manager.submit(small());
    manager.stop(second.id);
    expect(store.read(second.id)).toMatchObject({ status: 'stopped', startedAt: null, error: 'stopped before it started' });
    await nextEvent(manager, (e) => e.type === 'progress' && e.id === first.id);
    manager.stop(first.id);
    await manager.whenIdle();
    expect(store.read(first.id).status).toBe('stopped');
    expect(() => manager.pause(second.id)).toThrow(/is not running/);
  });

  it('rename, tag, note, delete to the trash and restore', async () => {
    const manager = new RunManager({ store, host: new NodeTrainerHost(), concurrency: 1 });
    const run = manager.submit(small({ iterations: 5 }));
    expect(() => manager.delete(run.id)).toThrow(/stop it first/);
    await manager.whenIdle();
    manager.annotate(run.id, { name: 'baseline', tags: ['book'], notes: 'the defaults' });
    expect(store.read(run.id)).toMatchObject({ name: 'baseline', tags: ['book'], notes: 'the defaults' });
    manager.delete(run.id);
    expect(store.list().runs).toEqual([]);
    expect(manager.restore(run.id).name).toBe('baseline');
  });
});

describe('runs another process trains (two processes sharing one store)', () => {
  /** A live process that is not this one, and its owner record. */
  function otherProcess(): { child: ChildProcess; owner: NonNullable<RunRecord['owner']> } {
    const child = spawn('sleep', ['60']);
    return {
      child,
      owner: { pid: child.pid!, hostname: hostname(), startTime: processStartTime(child.pid!), bootId: currentOwner().bootId },
    };
  }

  it('delete and stop are refused while the owner lives; once it is gone, stop records the run stopped and delete works', async () => {
    const { child, owner } = otherProcess();
    const run = makeRecord({ status: 'running', owner });
    store.create(run);
    writeFileSync(store.metricsPath(run.id), '{"type":"progress","iterations":[0],"losses":[2.3]}\n{"type":"prog');
    const manager = new RunManager({ store, host: new NodeTrainerHost(), concurrency: 1 });
    const refusal = `another process (pid ${owner.pid} on ${hostname()}) is training it; stop it there first`;
    expect(() => manager.delete(run.id)).toThrow(`cannot delete run ${run.id}: ${refusal}`);
    expect(() => manager.stop(run.id)).toThrow(`cannot stop run ${run.id}: ${refusal}`);
    expect(store.read(run.id)).toEqual(run);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    manager.stop(run.id);
    const stopped = store.read(run.id);
    expect(stopped).toMatchObject({ status: 'stopped', owner: null });
    expect(stopped.error).toMatch(
      new RegExp(
        `^the process training it \\(pid ${owner.pid}\\) ended while the run was running; stopped by request; an incomplete metrics line was set aside`,
      ),
    );
    expect(store.readMetrics(run.id)).toMatchObject({ losses: [2.3], warnings: [] });
    manager.delete(run.id);
    expect(store.list().runs).toEqual([]);
  });

  it('a stale record (pid reused: same pid, another start time) can be deleted at once', () => {
    const run = makeRecord({ status: 'running', owner: { ...currentOwner(), startTime: processStartTime(process.pid)! + 1 } });
    store.create(run);
    const manager = new RunManager({ store, host: new NodeTrainerHost(), concurrency: 1 });
    manager.delete(run.id);
    expect(store.list().runs).toEqual([]);
  });

  it("a rename, tags and notes from another process while the run trains: shown at once, folded into the owner's writes", async () => {
    const manager = new RunManager({ store, host: new NodeTrainerHost(), concurrency: 1 });
    const run = manager.submit(small({ iterations: 1_000_000 }), { name: 'original' });
    await nextEvent(manager, (e) => e.type === 'epoch' && e.id === run.id);
    const change = { name: 'renamed elsewhere', tags: ['kept'], notes: 'from another process' };
    const other = spawnSync(
      process.execPath,
      [...typescriptExecArgv(), join(__dirname, '..', 'support', 'annotate-child.ts'), home, run.id, JSON.stringify(change)],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(other.status, other.stderr).toBe(0);
    expect(JSON.parse(other.stdout)).toMatchObject({ ...change, status: 'running' });
    expect(store.read(run.id)).toMatchObject({ ...change, status: 'running' });
    await nextEvent(manager, (e) => e.type === 'epoch' && e.id === run.id);
    manager.stop(run.id);
    await manager.whenIdle();
    expect(JSON.parse(readFileSync(join(store.runDir(run.id), 'run.json'), 'utf8'))).toMatchObject({
      ...change,
      status: 'stopped',
    });
    expect(readdirSync(join(store.runDir(run.id), 'edits'))).toEqual([]);
  });
});
