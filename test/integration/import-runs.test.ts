/** Importing runs from another store's folder: a trained run copied whole, duplicates, damaged and hostile folders. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ImportFolderError, importRuns } from '../../electron/core/store/import-runs';
import { RunStore } from '../../electron/core/store/run-store';
import type { RunRecord } from '../../shared/run-record';
import { runDescent } from '../support/descent-cli';
import { makeRecord } from '../support/runs';

/** Another machine's store: one run trained by the CLI (weights, snapshots, a real history). */
let otherHome: string;
let trained: RunRecord;
beforeAll(() => {
  otherHome = mkdtempSync(join(tmpdir(), 'descent-import-from-'));
  const result = runDescent(otherHome, [
    'train',
    '--iters',
    '40',
    '--train-size',
    '100',
    '--seed',
    '3',
    '--name',
    'from a colleague',
    '--json',
  ]);
  expect(result.code, result.stderr).toBe(0);
  trained = new RunStore(otherHome).list().runs[0];
}, 120_000);
afterAll(() => rmSync(otherHome, { recursive: true, force: true }));

let home: string;
let store: RunStore;
let scratch: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'descent-import-to-'));
  store = new RunStore(home);
  scratch = mkdtempSync(join(tmpdir(), 'descent-import-scratch-'));
});
afterEach(() => {
  rmSync(home, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

/** Every file of a run folder (relative paths, sorted) with its bytes. */
function filesOf(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(dir, name);
    if (!statSync(path).isDirectory()) files.set(name, readFileSync(path).toString('base64'));
  }
  return files;
}

/** A run folder in `scratch` holding `record` (and an empty history). */
function runFolder(record: RunRecord, name = record.id): string {
  const dir = join(scratch, 'runs', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'run.json'), JSON.stringify(record));
  writeFileSync(join(dir, 'metrics.ndjson'), '');
  return dir;
}

describe('importRuns', () => {
  it('copies a trained run from a store home under its id: record, history, weights and snapshots byte for byte', async () => {
    const report = await importRuns(store, otherHome);
    expect(report).toEqual({
      imported: [{ id: trained.id, originalId: trained.id, path: join(otherHome, 'runs', trained.id), wasStatus: null }],
      skipped: [],
      damaged: [],
    });
    expect(store.read(trained.id)).toEqual(trained);
    const source = filesOf(join(otherHome, 'runs', trained.id));
    const copied = filesOf(store.runDir(trained.id));
    expect([...source.keys()]).toEqual(expect.arrayContaining(['weights.bin', 'weights.json', 'metrics.ndjson']));
    expect([...copied.keys()].some((name) => name.startsWith('snapshots/iteration-'))).toBe(true);
    for (const [name, bytes] of copied) if (name !== 'run.json') expect(source.get(name), name).toBe(bytes);
    expect(store.readMetrics(trained.id).iterations).toHaveLength(40);
    // No staging folder is left in the store's home.
    expect(readdirSync(home).sort()).toEqual(['runs']);
  });

  it('skips a run the store has already (same record and history), whether from the home, the runs folder or the run folder', async () => {
    await importRuns(store, otherHome);
    const before = filesOf(store.runDir(trained.id));
    for (const folder of [otherHome, join(otherHome, 'runs'), join(otherHome, 'runs', trained.id)]) {
      const report = await importRuns(store, folder);
      expect(report.imported).toEqual([]);
      expect(report.skipped).toEqual([
        {
          id: trained.id,
          path: join(otherHome, 'runs', trained.id),
          reason: `run ${trained.id} is in the store already, with the same record and history`,
        },
      ]);
    }
    expect(store.list().runs.map((r) => r.id)).toEqual([trained.id]);
    expect(filesOf(store.runDir(trained.id))).toEqual(before);
  });

  it('gives a fresh id to a different run under an id the store uses, and never touches the stored one', async () => {
    const mine = makeRecord({ name: 'mine' });
    store.create(mine);
    const theirs = { ...mine, name: 'theirs' };
    runFolder(theirs);
    const report = await importRuns(store, scratch);
    expect(report.imported).toHaveLength(1);
    const { id, originalId } = report.imported[0];
    expect(originalId).toBe(mine.id);
    expect(id).not.toBe(mine.id);
    // From the run's creation time, so it sorts the same.
    expect(id.slice(0, 15)).toBe(mine.createdAt.replace(/[-:]/g, '').replace('T', '-').slice(0, 15));
    expect(store.read(mine.id)).toEqual(mine);
    expect(store.read(id)).toEqual({ ...theirs, id });
  });

  it('marks a run that was queued, running or paused elsewhere as interrupted', async () => {
    const running = makeRecord({
      status: 'running',
      startedAt: '2026-01-01T00:00:05.000Z',
      owner: { pid: 1, hostname: 'elsewhere' },
    });
    const queued = makeRecord({ status: 'queued' });
    runFolder(running);
    runFolder(queued);
    const report = await importRuns(store, join(scratch, 'runs'));
    expect(report.imported.map((r) => [r.id, r.wasStatus]).sort()).toEqual(
      [
        [running.id, 'running'],
        [queued.id, 'queued'],
      ].sort(),
    );
    const stored = store.read(running.id);
    expect(stored).toMatchObject({ status: 'interrupted', owner: null, endedAt: '2026-01-01T00:00:05.000Z' });
    expect(stored.error).toMatch(/imported while it was running/);
    expect(store.read(queued.id).status).toBe('interrupted');
    // A second import of the same folders changes nothing: the import is recognised.
    expect((await importRuns(store, scratch)).skipped).toHaveLength(2);
  });

  it('reports damaged folders with the reason, imports the good ones, and copies nothing of the damaged', async () => {
    const good = makeRecord();
    runFolder(good);
    const broken = join(scratch, 'runs', 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'run.json'), '{"schemaVersion": 1, "id": ');
    const wrongShape = runFolder({ ...makeRecord(), status: 'exploded' } as unknown as RunRecord);
    const linked = join(scratch, 'runs', 'linked');
    mkdirSync(linked);
    symlinkSync('/etc/passwd', join(linked, 'run.json'));
    const fifo = runFolder(makeRecord());
    rmSync(join(fifo, 'metrics.ndjson'));
    execFileSync('mkfifo', [join(fifo, 'metrics.ndjson')]);
    const linkedWeights = runFolder(makeRecord());
    symlinkSync('/etc/passwd', join(linkedWeights, 'weights.bin'));
    writeFileSync(join(scratch, 'runs', 'notes.txt'), 'not a run');

    const report = await importRuns(store, scratch);
    expect(report.imported.map((r) => r.id)).toEqual([good.id]);
    const reasons = Object.fromEntries(report.damaged.map((d) => [d.path.slice(join(scratch, 'runs').length + 1), d.reason]));
    expect(reasons).toEqual({
      broken: 'run.json is not valid JSON (it ends too early)',
      [wrongShape.slice(-22)]: expect.stringMatching(/^run\.json does not match the run format: status: /),
      linked: 'run.json is a symbolic link to a file outside the store; it was not read',
      [fifo.slice(-22)]: 'metrics.ndjson is a FIFO (named pipe), not a regular file; it was not read',
      [linkedWeights.slice(-22)]: 'weights.bin is a symbolic link to a file outside the store; it was not read',
      'notes.txt': 'is a regular file, not a run folder; it was not read',
    });
    expect(store.list()).toEqual({ runs: [store.read(good.id)], damaged: [] });
    expect(readdirSync(home).sort()).toEqual(['runs']);
  });

  it('follows a link inside the run folder, as the store does', async () => {
    const record = makeRecord();
    const dir = runFolder(record);
    cpSync(join(dir, 'run.json'), join(dir, 'record.json'));
    rmSync(join(dir, 'run.json'));
    symlinkSync('record.json', join(dir, 'run.json'));
    expect((await importRuns(store, dir)).imported.map((r) => r.id)).toEqual([record.id]);
    expect(store.read(record.id)).toEqual(record);
  });

  it('copies without holding the thread: the event loop turns between the chunks of a large file', async () => {
    const record = makeRecord();
    const dir = runFolder(record);
    const weights = Buffer.alloc(8 * 1024 * 1024, 7); // eight chunks of the copy
    writeFileSync(join(dir, 'weights.bin'), weights);
    // The desktop app imports on its main process: a copy in one piece would freeze its windows until it ended.
    let importing = true;
    let turns = 0;
    const turn = (): void => {
      if (!importing) return;
      turns++;
      setImmediate(turn);
    };
    setImmediate(turn);
    const report = await importRuns(store, dir);
    importing = false;
    expect(report.imported.map((r) => r.id)).toEqual([record.id]);
    expect(readFileSync(join(store.runDir(record.id), 'weights.bin')).equals(weights)).toBe(true);
    expect(turns).toBeGreaterThanOrEqual(8);
  });

  it('refuses a folder that is missing or is not a folder, naming it', async () => {
    await expect(importRuns(store, join(scratch, 'nowhere'))).rejects.toThrow(
      new ImportFolderError(join(scratch, 'nowhere'), 'does not exist'),
    );
    writeFileSync(join(scratch, 'file'), '');
    await expect(importRuns(store, join(scratch, 'file'))).rejects.toThrow(
      `${join(scratch, 'file')}: is a regular file, not a folder`,
    );
  });
});
