/**
 * One store, many writers (the tasks of a cluster's job array on a shared disk): runs created at the same moment by
 * several processes all land whole, an id is never taken twice, a reader listing the store meanwhile never meets a
 * half-made run, and a run that another host trains is never taken for abandoned.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOOK_DEFAULTS } from '../../shared/config';
import { RunManager } from '../../electron/core/run-manager';
import { RunIdTakenError, RunStore, type DamagedRun } from '../../electron/core/store/run-store';
import { currentOwner } from '../../electron/core/store/owner';
import { NodeTrainerHost } from '../../electron/core/trainer-host';
import { typescriptExecArgv } from '../../electron/core/typescript-loader';
import { DESCENT_BIN, runDescent } from '../support/descent-cli';
import { makeRecord } from '../support/runs';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'descent-writers-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

/** The exit code and output of a child process, once it has exited. */
function exited(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** Lists the store over and over until `done` settles; resolves to every damaged folder any listing reported. */
async function listWhile(store: RunStore, done: Promise<unknown>): Promise<DamagedRun[]> {
  const seen: DamagedRun[] = [];
  let finished = false;
  void done.finally(() => (finished = true));
  let listings = 0;
  while (!finished || listings === 0) {
    seen.push(...store.list().damaged);
    listings++;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return seen;
}

/** Folders and files in the home besides the store's own (a staging folder left behind would show here). */
const leftovers = (): string[] => readdirSync(home).filter((name) => name !== 'runs');

describe('many writers of one store', () => {
  it('processes racing to create runs under the same ids: each id is taken once, whole, and the others are told', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `20261201-120000-${(0xa00000 + i).toString(16)}`);
    const writers = ['writer-a', 'writer-b', 'writer-c', 'writer-d'].map((writer) =>
      spawn(
        process.execPath,
        [...typescriptExecArgv(), join(__dirname, '..', 'support', 'store-writer-child.ts'), home, writer, JSON.stringify(ids)],
        { stdio: ['pipe', 'pipe', 'pipe'] },
      ),
    );
    // Every writer waits until all are loaded, so that they create at the same moment.
    await Promise.all(
      writers.map((child) => new Promise((resolve) => createInterface({ input: child.stdout! }).once('line', resolve))),
    );
    const results = Promise.all(writers.map(exited));
    for (const child of writers) child.stdin!.write('go\n');
    const store = new RunStore(home);
    const damagedMeanwhile = await listWhile(store, results);

    const outcomes = (await results).map(({ code, stdout, stderr }) => {
      expect(code, stderr).toBe(0);
      return JSON.parse(stdout.trim().split('\n').pop()!) as { won: string[]; lost: string[] };
    });
    expect(damagedMeanwhile).toEqual([]);
    for (const { won, lost } of outcomes) expect([...won, ...lost].sort()).toEqual(ids);
    const winners = outcomes.flatMap(({ won }, w) => won.map((id) => [id, ['writer-a', 'writer-b', 'writer-c', 'writer-d'][w]]));
    expect(winners.map(([id]) => id).sort()).toEqual(ids);
    const { runs, damaged } = store.list();
    expect(damaged).toEqual([]);
    expect(runs.map((r) => r.id).sort()).toEqual(ids);
    // Each run is its winner's, whole: the record and the (empty) metrics file it was created with.
    for (const [id, writer] of winners) {
      expect(store.read(id)).toMatchObject({ id, name: writer, notes: `written by ${writer}` });
      expect(readFileSync(store.metricsPath(id), 'utf8')).toBe('');
    }
    expect(leftovers()).toEqual([]);
  });

  it('a new run whose drawn id another writer has just taken draws again, and the other run is left as it was', async () => {
    const store = new RunStore(home);
    const other = makeRecord({ id: '20261201-120000-abcdef', name: 'made elsewhere' });
    store.create(other);
    const before = readFileSync(join(store.runDir(other.id), 'run.json'), 'utf8');
    expect(() => store.create(makeRecord({ id: other.id }))).toThrow(RunIdTakenError);
    const drawn = [other.id, '20261201-120000-123456'];
    const manager = new RunManager({ store, host: new NodeTrainerHost(), concurrency: 1, newId: () => drawn.shift()! });
    const run = manager.submit({ ...BOOK_DEFAULTS, trainSize: 1000, iterations: 20, seed: 1 });
    await manager.whenIdle();
    expect(run.id).toBe('20261201-120000-123456');
    expect(store.read(run.id).status).toBe('completed');
    expect(readFileSync(join(store.runDir(other.id), 'run.json'), 'utf8')).toBe(before);
    expect(leftovers()).toEqual([]);
  });

  it('run-plan processes training a plan at once into one store: every run lands completed, whole, in the sweep', async () => {
    const plan = join(home, 'plan.json');
    const written = runDescent(home, [
      'sweep',
      ...['--lr', '0.1,0.5', '--repeat', '2', '--seed', '11', '--iters', '30', '--train-size', '500'],
      ...['--name', 'many writers', '--plan', plan],
    ]);
    expect(written.code, written.stderr).toBe(0);
    const tasks = [0, 1, 2, 3].map((index) =>
      exited(
        spawn(process.execPath, [DESCENT_BIN, 'run-plan', plan, '--index', String(index), '--home', home, '--json'], {
          stdio: ['ignore', 'pipe', 'pipe'],
        }),
      ),
    );
    const store = new RunStore(home);
    const damagedMeanwhile = await listWhile(store, Promise.all(tasks));
    for (const { code, stderr } of await Promise.all(tasks)) expect(code, stderr).toBe(0);
    expect(damagedMeanwhile).toEqual([]);
    const { runs, damaged } = store.list();
    expect(damaged).toEqual([]);
    expect(new Set(runs.map((r) => r.id)).size).toBe(4);
    expect(runs.map((r) => [r.config.learningRate, r.config.seed].join(' ')).sort()).toEqual([
      '0.1 11',
      '0.1 12',
      '0.5 11',
      '0.5 12',
    ]);
    for (const run of runs) {
      expect(run).toMatchObject({ status: 'completed', group: 'many writers', owner: null, iterationsDone: 30 });
      const metrics = store.readMetrics(run.id);
      expect(metrics.warnings).toEqual([]);
      expect(metrics.iterations).toEqual(Array.from({ length: 30 }, (_, i) => i));
    }
  });

  it('a live run that another host trains is not taken for abandoned, even though its pid is not alive here', () => {
    // Where the system has a machine id (most Linux systems; some containers do not), the owner records it.
    if (existsSync('/etc/machine-id')) expect(currentOwner().machineId).toBe(readFileSync('/etc/machine-id', 'utf8').trim());
    const store = new RunStore(home);
    const elsewhere = makeRecord({
      status: 'running',
      owner: { pid: 2 ** 22 + 1, hostname: `${hostname()}-node-7`, startTime: 1, bootId: 'another-machine' },
    });
    // Another machine that has this machine's hostname (a cloned image): its machine id tells it apart.
    const namesake = makeRecord({
      status: 'running',
      owner: { pid: 2 ** 22 + 1, hostname: hostname(), bootId: 'another-boot', machineId: 'f'.repeat(32) },
    });
    const here = makeRecord({ status: 'running', owner: { ...currentOwner(), pid: 2 ** 22 + 1 } });
    store.create(elsewhere);
    store.create(namesake);
    store.create(here);
    const { changed } = new RunStore(home).recoverInterrupted();
    expect(changed.map((r) => r.id)).toEqual([here.id]);
    expect(store.read(elsewhere.id)).toMatchObject({ status: 'running', owner: elsewhere.owner });
    expect(store.read(namesake.id)).toMatchObject({ status: 'running', owner: namesake.owner });
    expect(store.read(here.id).status).toBe('interrupted');
  });
});
