/** The experiment store on real files: formats, atomic records, damaged files, recovery, trash. */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MultiLayerNet } from '../../shared/engine/network';
import { RandomState } from '../../shared/engine/rng';
import type { RunRecord } from '../../shared/run-record';
import { currentOwner, ownerIsAlive, processStartTime } from '../../electron/core/store/owner';
import { RunStore } from '../../electron/core/store/run-store';
import { readWeights, writeWeights } from '../../electron/core/store/weights-file';
import { makeRecord } from '../support/runs';
import { ITERATIONS_PER_EPOCH, lossAt, writeLongHistory } from '../../electron/bench/long-history';
import { typescriptExecArgv } from '../../electron/core/typescript-loader';

let home: string;
let store: RunStore;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'descent-store-'));
  store = new RunStore(home);
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

/** A pid that belonged to a process which has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('run records', () => {
  it('round-trip through run.json, which is pretty JSON with a schema version', () => {
    const record = makeRecord({ name: 'lr 0.1, "quoted"', tags: ['sweep'], notes: 'first try' });
    store.create(record);
    expect(store.read(record.id)).toEqual(record);
    const raw = readFileSync(join(store.runDir(record.id), 'run.json'), 'utf8');
    expect(JSON.parse(raw).schemaVersion).toBe(1);
    expect(raw).toContain('\n  "name"');
    expect(readdirSync(store.runDir(record.id)).sort()).toEqual(['metrics.ndjson', 'run.json']);
  });

  it('update replaces the record and leaves no temporary file behind', () => {
    const record = makeRecord();
    store.create(record);
    store.update(record.id, (r) => ({ ...r, name: 'renamed' }));
    expect(store.read(record.id).name).toBe('renamed');
    expect(readdirSync(store.runDir(record.id)).sort()).toEqual(['metrics.ndjson', 'run.json']);
  });

  it('lists newest first', () => {
    const older = makeRecord({}, 1);
    const newer = makeRecord({}, 2);
    store.create(older);
    store.create(newer);
    expect(store.list().runs.map((r) => r.id)).toEqual([newer.id, older.id]);
  });

  it('refuses ids that could leave the store', () => {
    expect(() => store.runDir('../../etc')).toThrow(/not a run id/);
    expect(() => store.runDir('20260101-000000-abcdef/../x')).toThrow(/not a run id/);
  });
});

describe('damaged files are reported, left in place, and never stop the other runs', () => {
  function damage(text: string): { id: string; path: string } {
    const record = makeRecord();
    store.create(record);
    const path = join(store.runDir(record.id), 'run.json');
    writeFileSync(path, text);
    return { id: record.id, path };
  }

  it('corrupt JSON, unknown schema version, wrong shape, a stray folder', () => {
    const good = makeRecord();
    store.create(good);
    const corrupt = damage('{"schemaVersion": 1, "id": ');
    const future = damage(JSON.stringify({ ...makeRecord(), schemaVersion: 99 }));
    const wrong = damage(JSON.stringify({ ...makeRecord(), status: 'exploded' }));
    mkdirSync(join(store.runsDir, 'not-a-run'));
    const { runs, damaged } = store.list();
    expect(runs.map((r) => r.id)).toEqual([good.id]);
    const reasons = Object.fromEntries(damaged.map((d) => [d.id, d]));
    expect(reasons[corrupt.id].reason).toMatch(/^is not valid JSON/);
    expect(reasons[corrupt.id].path).toBe(corrupt.path);
    expect(reasons[future.id].reason).toBe('has schema version 99; this Descent reads version 1');
    expect(reasons[wrong.id].reason).toMatch(/does not match the run format: status/);
    expect(reasons['not-a-run'].reason).toBe('folder name is not a run id');
    // Nothing was changed or removed.
    expect(readFileSync(corrupt.path, 'utf8')).toBe('{"schemaVersion": 1, "id": ');
    expect(existsSync(join(store.runsDir, 'not-a-run'))).toBe(true);
  });

  it('a torn last metrics line is skipped with a warning; earlier lines are kept', () => {
    const record = makeRecord();
    store.create(record);
    const writer = store.metricsWriter(record.id);
    writer.append(
      [
        { type: 'progress', iterations: [0, 1], losses: [2.3, 2.2] },
        { type: 'epoch', iteration: 0, epoch: 0, trainAcc: 0.1, testAcc: 0.11 },
      ],
      true,
    );
    writer.close();
    writeFileSync(store.metricsPath(record.id), '{"type":"progress","iterations":[2],"los', { flag: 'a' });
    const metrics = store.readMetrics(record.id);
    expect(metrics.iterations).toEqual([0, 1]);
    expect(metrics.losses).toEqual([2.3, 2.2]);
    expect(metrics.epochs).toEqual([{ iteration: 0, epoch: 0, trainAcc: 0.1, testAcc: 0.11 }]);
    expect(metrics.warnings).toEqual([
      `${store.metricsPath(record.id)}: the last line is incomplete (40 bytes; a write was cut off) and was skipped`,
    ]);
  });

  it('progress time stamps become one time per iteration; epochs keep theirs', () => {
    const record = makeRecord();
    store.create(record);
    writeFileSync(
      store.metricsPath(record.id),
      [
        '{"type":"progress","iterations":[0,1],"losses":[2.3,2.2],"seconds":0.2}',
        '{"type":"epoch","iteration":1,"epoch":1,"trainAcc":0.2,"testAcc":0.21,"seconds":0.25}',
        '{"type":"progress","iterations":[2,3],"losses":[2.1,2.0],"seconds":0.6}',
        '',
      ].join('\n'),
    );
    const metrics = store.readMetrics(record.id);
    expect(metrics.seconds).toEqual([0.1, 0.2, 0.4, 0.6]);
    expect(metrics.epochs[0].seconds).toBe(0.25);
  });

  it('a line in the middle that is not JSON is skipped and reported', () => {
    const record = makeRecord();
    store.create(record);
    writeFileSync(
      store.metricsPath(record.id),
      '{"type":"progress","iterations":[0],"losses":[1]}\ngarbage\n{"type":"progress","iterations":[1],"losses":[0.5]}\n',
    );
    const metrics = store.readMetrics(record.id);
    expect(metrics.losses).toEqual([1, 0.5]);
    expect(metrics.warnings[0]).toMatch(/line 2 is not JSON/);
  });

  it('one bad line anywhere (null, a number, an array, a wrong shape) is skipped and reported by number; the rest is read', () => {
    const record = makeRecord();
    store.create(record);
    writeFileSync(
      store.metricsPath(record.id),
      [
        '{"type":"progress","iterations":[0,1],"losses":[2.3,2.2]}',
        'null',
        '42',
        '[1,2]',
        '{"type":"progress","iterations":[2],"losses":["x"]}',
        '{"type":"epoch","iteration":2,"epoch":1}',
        '{"type":"epoch","iteration":2,"epoch":1,"trainAcc":0.5,"testAcc":0.4}',
        '{"type":"progress","iterations":[2,3],"losses":[2.1,2.0]}',
        '',
      ].join('\n'),
    );
    const metrics = store.readMetrics(record.id);
    expect(metrics.iterations).toEqual([0, 1, 2, 3]);
    expect(metrics.losses).toEqual([2.3, 2.2, 2.1, 2.0]);
    expect(metrics.epochs).toEqual([{ iteration: 2, epoch: 1, trainAcc: 0.5, testAcc: 0.4 }]);
    expect(metrics.warnings.map((w) => /line (\d+) /.exec(w)?.[1])).toEqual(['2', '3', '4', '5', '6']);
    expect(
      metrics.warnings.every((w) => w.startsWith(`${store.metricsPath(record.id)}: line `) && w.endsWith('was skipped')),
    ).toBe(true);
  });

  it('a file of bad lines gives twenty warnings and a count, not one per line', () => {
    const record = makeRecord();
    store.create(record);
    writeFileSync(store.metricsPath(record.id), `${'null\n'.repeat(5000)}{"type":"progress","iterations":[0],"losses":[1]}\n`);
    const metrics = store.readMetrics(record.id);
    expect(metrics.losses).toEqual([1]);
    expect(metrics.warnings).toHaveLength(21);
    expect(metrics.warnings[20]).toBe(`${store.metricsPath(record.id)}: 4980 more bad lines were skipped`);
  });

  it('a history longer than a read chunk is read whole, line numbers counted across chunks', () => {
    const record = makeRecord();
    store.create(record);
    // 3 000 lines of ~1 KiB: about three 1 MiB chunks, with lines cut at chunk borders.
    const losses = Array.from({ length: 40 }, (_, k) => 1 / (k + 3));
    const lines = Array.from({ length: 3000 }, (_, i) =>
      JSON.stringify({ type: 'progress', iterations: losses.map((_, k) => i * 40 + k), losses }),
    );
    lines[2500] = 'null';
    writeFileSync(store.metricsPath(record.id), `${lines.join('\n')}\n`);
    const metrics = store.readMetrics(record.id);
    expect(metrics.iterations).toHaveLength(2999 * 40);
    expect(metrics.iterations[2500 * 40]).toBe(2501 * 40);
    expect(metrics.losses[123]).toBe(losses[123 % 40]);
    expect(metrics.warnings).toEqual([
      `${store.metricsPath(record.id)}: line 2501 is not a well-formed progress or epoch record and was skipped`,
    ]);
  });

  it('listing reads only run.json: 1 000 runs list although no metrics file could be read', () => {
    for (let i = 0; i < 1000; i++) {
      const record = makeRecord({}, i % 60);
      mkdirSync(store.runDir(record.id));
      writeFileSync(join(store.runDir(record.id), 'run.json'), JSON.stringify(record));
      // A folder where the metrics file should be: reading it would throw EISDIR.
      mkdirSync(store.metricsPath(record.id));
    }
    const { runs, damaged } = store.list();
    expect(runs).toHaveLength(1000);
    expect(damaged).toEqual([]);
  });
});

describe('special files are listed as damaged: not read past a bound, never blocking, their content never quoted', () => {
  /** Makes a run whose run.json is replaced by `make(path)`. */
  function runWith(make: (path: string) => void): string {
    const record = makeRecord();
    store.create(record);
    const path = join(store.runDir(record.id), 'run.json');
    rmSync(path);
    make(path);
    return record.id;
  }

  it('a FIFO, links to /dev/zero and /etc/passwd, an oversized file, a file where a folder should be', () => {
    const good = makeRecord();
    store.create(good);
    const fifo = runWith((path) => execFileSync('mkfifo', [path]));
    const zero = runWith((path) => symlinkSync('/dev/zero', path));
    const passwd = runWith((path) => symlinkSync('/etc/passwd', path));
    const huge = runWith((path) => writeFileSync(path, `{"schemaVersion":1,"notes":"${'x'.repeat(2 * 1024 * 1024)}"}`));
    const secret = runWith((path) => writeFileSync(path, 'root:x:0:0:root:/root:/bin/bash\n'));
    const plainFile = makeRecord().id;
    writeFileSync(join(store.runsDir, plainFile), 'not a folder');
    const { runs, damaged } = store.list();
    expect(runs.map((r) => r.id)).toEqual([good.id]);
    const reasons = Object.fromEntries(damaged.map((d) => [d.id, d.reason]));
    expect(reasons[fifo]).toBe('is a FIFO (named pipe), not a regular file; it was not read');
    expect(reasons[zero]).toBe('is a symbolic link to a file outside the store; it was not read');
    expect(reasons[passwd]).toBe('is a symbolic link to a file outside the store; it was not read');
    expect(reasons[huge]).toBe('is 2 MiB, more than the 1 MiB such a file may have; it was not read');
    expect(reasons[secret]).toBe('is not valid JSON');
    expect(reasons[plainFile]).toBe('is a regular file, not a run folder; it was not read');
    expect(JSON.stringify(damaged)).not.toMatch(/root|xxxx/);
  });

  it('writing replaces a symbolic link planted in the store; the file it pointed to is untouched', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'descent-elsewhere-'));
    try {
      const victim = join(elsewhere, 'precious');
      writeFileSync(victim, 'precious');
      const record = makeRecord();
      store.create(record);
      const path = join(store.runDir(record.id), 'run.json');
      rmSync(path);
      symlinkSync(victim, path);
      store.write({ ...record, name: 'rewritten' });
      expect(readFileSync(victim, 'utf8')).toBe('precious');
      expect(lstatSync(path).isSymbolicLink()).toBe(false);
      expect(store.read(record.id).name).toBe('rewritten');
      symlinkSync(victim, `${store.weightsBase(record.id)}.bin`);
      writeWeights(
        store.weightsBase(record.id),
        MultiLayerNet.initialise({ layers: [2, 2], activation: 'relu', loss: 'mse', dtype: 'float32' }, 0.1, new RandomState(1)),
        1,
      );
      expect(readFileSync(victim, 'utf8')).toBe('precious');
      expect(readdirSync(store.runDir(record.id)).sort()).toEqual(['metrics.ndjson', 'run.json', 'weights.bin', 'weights.json']);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('a link to another file inside the store is followed', () => {
    const record = makeRecord();
    store.create(record);
    const path = join(store.runDir(record.id), 'run.json');
    renameSync(path, join(store.runDir(record.id), 'record.json'));
    symlinkSync('record.json', path);
    expect(store.read(record.id)).toEqual(record);
  });

  it('a metrics file that is a FIFO or a link to /dev/zero gives a warning and no history, at once', () => {
    const fifo = makeRecord();
    const zero = makeRecord();
    for (const r of [fifo, zero]) {
      store.create(r);
      rmSync(store.metricsPath(r.id));
    }
    execFileSync('mkfifo', [store.metricsPath(fifo.id)]);
    symlinkSync('/dev/zero', store.metricsPath(zero.id));
    expect(store.readMetrics(fifo.id)).toEqual({
      iterations: [],
      losses: [],
      seconds: [],
      epochs: [],
      warnings: [`${store.metricsPath(fifo.id)}: is a FIFO (named pipe), not a regular file; it was not read`],
    });
    expect(store.readMetrics(zero.id).warnings).toEqual([
      `${store.metricsPath(zero.id)}: is a symbolic link to a file outside the store; it was not read`,
    ]);
    // Recovery, which sets a torn tail aside, does not block on the FIFO either: it reports the run it cannot mend.
    store.write({ ...fifo, status: 'running', owner: { pid: deadPid(), hostname: hostname() } });
    const { changed, warnings } = store.recoverInterrupted();
    expect(changed).toEqual([]);
    expect(warnings).toEqual([
      `run ${fifo.id} is left running: its training process is gone, but the store cannot record that ` +
        `(${store.metricsPath(fifo.id)}: is a FIFO (named pipe), not a regular file; it was not read)`,
    ]);
  });
});

describe('a store that cannot be written is still read', () => {
  /** A real store whose disk refuses every write, as a read-only mount does. */
  class ReadOnlyStore extends RunStore {
    override write(record: RunRecord): void {
      throw Object.assign(new Error(`EROFS: read-only file system, open '${join(this.runDir(record.id), 'run.json')}'`), {
        code: 'EROFS',
      });
    }
  }

  it('recovery reports what it could not record and changes nothing; listing and reading work', () => {
    const stale = makeRecord({ status: 'running', owner: { pid: deadPid(), hostname: hostname() } });
    store.create(stale);
    const readOnly = new ReadOnlyStore(home);
    const { changed, warnings } = readOnly.recoverInterrupted();
    expect(changed).toEqual([]);
    expect(warnings).toEqual([
      `run ${stale.id} is left running: its training process is gone, but the store cannot record that ` +
        `(EROFS: read-only file system, open '${join(store.runDir(stale.id), 'run.json')}')`,
    ]);
    expect(readOnly.list().runs.map((r) => [r.id, r.status])).toEqual([[stale.id, 'running']]);
    expect(readOnly.readMetrics(stale.id).warnings).toEqual([]);
  });

  it('a store folder that does not exist yet lists as empty', () => {
    expect(new RunStore(join(home, 'nowhere', 'deeper')).list()).toEqual({ runs: [], damaged: [] });
  });
});

describe('edits from another process while a run trains', () => {
  it('are files of their own: run.json is untouched, readers see them at once, in order; the next write folds them in', () => {
    const run = makeRecord({ status: 'running', name: 'original', owner: currentOwner() });
    store.create(run);
    const file = join(store.runDir(run.id), 'run.json');
    const before = readFileSync(file, 'utf8');
    store.requestEdit(run.id, { name: 'first' });
    expect(store.requestEdit(run.id, { name: 'second', tags: ['t'] })).toMatchObject({
      name: 'second',
      tags: ['t'],
      status: 'running',
    });
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(store.list().runs[0]).toMatchObject({ name: 'second', tags: ['t'] });
    // Something that is not an edit in the folder is left alone and not applied.
    execFileSync('mkfifo', [join(store.runDir(run.id), 'edits', '1700000000000-1-deadbeef.json')]);
    expect(store.read(run.id).name).toBe('second');
    store.update(run.id, (r) => ({ ...r, notes: 'by the owner' }));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ name: 'second', tags: ['t'], notes: 'by the owner' });
    expect(readdirSync(join(store.runDir(run.id), 'edits'))).toEqual(['1700000000000-1-deadbeef.json']);
  });

  it('are folded in when a run whose process is gone is recovered', () => {
    const run = makeRecord({ status: 'running', name: 'original', owner: { pid: deadPid(), hostname: hostname() } });
    store.create(run);
    store.requestEdit(run.id, { notes: 'made while it ran' });
    store.recoverInterrupted();
    expect(JSON.parse(readFileSync(join(store.runDir(run.id), 'run.json'), 'utf8'))).toMatchObject({
      status: 'interrupted',
      notes: 'made while it ran',
    });
    expect(readdirSync(join(store.runDir(run.id), 'edits'))).toEqual([]);
  });
});

describe('run owners', () => {
  it('this process is alive; a dead pid, a reused pid (pid 1 with another start time) and another boot are not', () => {
    const me = currentOwner();
    expect(me.startTime).toBe(processStartTime(process.pid));
    expect(me.bootId).toMatch(/^[0-9a-f-]{36}$/);
    expect(ownerIsAlive(me)).toBe(true);
    expect(ownerIsAlive({ ...me, pid: deadPid() })).toBe(false);
    // pid 1 always runs; with a start time that is not its own, it is some other process than the owner.
    expect(ownerIsAlive({ pid: 1, hostname: hostname(), startTime: processStartTime(1)! + 1, bootId: me.bootId })).toBe(false);
    expect(ownerIsAlive({ ...me, bootId: '00000000-0000-0000-0000-000000000000' })).toBe(false);
    // Older records name the pid alone: a live pid is taken at its word.
    expect(ownerIsAlive({ pid: process.pid, hostname: hostname() })).toBe(true);
    // On another machine we cannot tell, so the run is left to its owner.
    expect(ownerIsAlive({ ...me, pid: deadPid(), hostname: `${hostname()}-elsewhere` })).toBe(true);
  });

  it('a run left running by a pid that was reused after a reboot is recovered', () => {
    const stale = makeRecord({
      status: 'running',
      owner: { pid: 1, hostname: hostname(), startTime: 1, bootId: '00000000-0000-0000-0000-000000000000' },
    });
    store.create(stale);
    expect(store.recoverInterrupted().changed.map((r) => r.id)).toEqual([stale.id]);
    expect(store.read(stale.id)).toMatchObject({ status: 'interrupted', owner: null });
  });
});

describe('recovery after a crash', () => {
  it('runs left queued, running or paused by a dead process become interrupted; live and finished runs stay', () => {
    const dead = { pid: deadPid(), hostname: hostname() };
    const running = makeRecord({ status: 'running', owner: dead });
    const queued = makeRecord({ status: 'queued', owner: dead });
    const paused = makeRecord({ status: 'paused', owner: dead });
    const live = makeRecord({ status: 'running', owner: { pid: process.pid, hostname: hostname() } });
    const done = makeRecord({ status: 'completed' });
    for (const r of [running, queued, paused, live, done]) store.create(r);
    writeFileSync(
      store.metricsPath(running.id),
      '{"type":"epoch","iteration":0,"epoch":0,"trainAcc":0.1,"testAcc":0.1}\n{"type":"prog',
    );
    const { changed } = store.recoverInterrupted();
    expect(changed.map((r) => r.id).sort()).toEqual([running.id, queued.id, paused.id].sort());
    const after = store.read(running.id);
    expect(after.status).toBe('interrupted');
    expect(after.owner).toBeNull();
    expect(after.error).toMatch(
      new RegExp(`pid ${dead.pid}\\) ended while the run was running; an incomplete metrics line was set aside`),
    );
    // The torn fragment is kept beside the metrics, which now end at the last whole line.
    const aside = readdirSync(store.runDir(running.id)).find((f) => f.startsWith('metrics.torn-'))!;
    expect(readFileSync(join(store.runDir(running.id), aside), 'utf8')).toBe('{"type":"prog');
    expect(store.readMetrics(running.id)).toMatchObject({ epochs: [{ iteration: 0 }], warnings: [] });
    expect(store.read(live.id).status).toBe('running');
    expect(store.read(done.id).status).toBe('completed');
  });
});

describe('a long history is served to charts as a summary, made in bounded memory and kept beside the file', () => {
  const ITERATIONS = 2_000_000;
  /** The mean of the generated losses of iterations from … to − 1. */
  const meanLoss = (from: number, to: number): number => {
    let sum = 0;
    for (let i = from; i < to; i++) sum += lossAt(i);
    return sum / (to - from);
  };
  const summaryFile = (id: string): string => join(store.runDir(id), 'metrics.summary.json');
  /** A stored run whose metrics file holds `iterations` generated iterations. */
  const runWithHistory = (iterations: number) => {
    const record = makeRecord();
    store.create(record);
    writeLongHistory(store.metricsPath(record.id), iterations);
    return record;
  };

  it("2 000 000 iterations: buckets of 128 (the first power of two that gives at most 16 384), each point its bucket's mean", async () => {
    const record = runWithHistory(ITERATIONS);
    const metrics = await store.chartMetrics(record.id);
    expect(metrics.losses).toHaveLength(ITERATIONS / 128);
    expect(metrics.iterations.slice(0, 3)).toEqual([63, 191, 319]);
    expect(metrics.losses[0]).toBeCloseTo(meanLoss(0, 128), 12);
    expect(metrics.losses[7777]).toBeCloseTo(meanLoss(7777 * 128, 7778 * 128), 12);
    expect(metrics.losses[15_624]).toBeCloseTo(meanLoss(15_624 * 128, ITERATIONS), 12);
    // Stamped 50 000 iterations a second: a bucket's time is that of its last iteration.
    expect(metrics.seconds[0]).toBeCloseTo(128 / 50_000, 12);
    expect(metrics.seconds[15_624]).toBeCloseTo(ITERATIONS / 50_000, 12);
    expect(metrics.epochs).toHaveLength(Math.floor(ITERATIONS / (ITERATIONS_PER_EPOCH * 10)));
    expect(metrics.warnings).toEqual([]);
    // What a client receives: well under a megabyte (the raw history would be ~90 MB of JSON).
    expect(JSON.stringify(metrics).length).toBeLessThan(1024 * 1024);
    expect(existsSync(summaryFile(record.id))).toBe(true);
  });

  it('summarises in a child whose heap is capped at 64 MiB (the whole history, read as arrays, would not fit)', () => {
    const record = runWithHistory(ITERATIONS);
    const child = spawnSync(
      process.execPath,
      [
        '--max-old-space-size=64',
        ...typescriptExecArgv(),
        join(__dirname, '..', 'support', 'chart-metrics-child.ts'),
        home,
        record.id,
      ],
      {
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(child.status, child.stderr.slice(-2000)).toBe(0);
    const shape = JSON.parse(child.stdout);
    expect(shape).toMatchObject({
      points: ITERATIONS / 128,
      epochs: Math.floor(ITERATIONS / (ITERATIONS_PER_EPOCH * 10)),
      warnings: [],
    });
    expect(shape.heapMiB).toBeLessThan(64);
  });

  it('grows with its file: a later request reads what was appended (a bad line reported) and agrees with a summary made from scratch', async () => {
    const record = runWithHistory(300_000);
    const early = await store.chartMetrics(record.id);
    expect(early.losses).toHaveLength(300_000 / 32);
    writeFileSync(store.metricsPath(record.id), 'null\n', { flag: 'a' });
    writeLongHistory(store.metricsPath(record.id), 300_000, 300_000);
    const grown = await store.chartMetrics(record.id);
    expect(grown.losses).toHaveLength(600_000 / 64);
    expect(grown.losses[100]).toBeCloseTo(meanLoss(6400, 6464), 12);
    expect(grown.warnings).toHaveLength(1);
    expect(grown.warnings[0]).toMatch(/: line \d+ is not a well-formed progress or epoch record and was skipped$/);
    rmSync(summaryFile(record.id));
    expect(await store.chartMetrics(record.id)).toEqual(grown);
  });

  it('a summary that does not match its file (replaced, or damaged) is made again', async () => {
    const record = runWithHistory(300_000);
    const first = await store.chartMetrics(record.id);
    // The file replaced by another history of the same length: same size, different first line.
    writeFileSync(
      store.metricsPath(record.id),
      readFileSync(store.metricsPath(record.id), 'utf8').replace('"losses":[2.3,', '"losses":[9.3,'),
    );
    const replaced = await store.chartMetrics(record.id);
    expect(replaced.losses[0]).toBeCloseTo(first.losses[0] + 7 / 32, 12);
    writeFileSync(summaryFile(record.id), '{"version":1,"size":');
    expect(await store.chartMetrics(record.id)).toEqual(replaced);
  });

  it('streamed as JSON, it is exactly JSON.stringify of the history read whole; the tally agrees', () => {
    const record = runWithHistory(200_000);
    // A bad line, a batch without time stamps (NaN times, null in JSON), and a torn tail.
    writeFileSync(
      store.metricsPath(record.id),
      '42\n{"type":"progress","iterations":[200000,200001],"losses":[0.5,0.25]}\n{"type":"prog',
      { flag: 'a' },
    );
    let text = '';
    let pieces = 0;
    store.writeMetricsJson(record.id, (piece) => {
      text += piece;
      pieces++;
    });
    const whole = store.readMetrics(record.id);
    expect(text).toBe(JSON.stringify(whole));
    expect(pieces).toBeGreaterThan(10);
    expect(store.metricsTally(record.id)).toEqual({
      losses: 200_002,
      lastLoss: 0.25,
      epochs: whole.epochs,
      warnings: whole.warnings,
    });
    expect(whole.warnings).toHaveLength(2);
  });

  it('a short history is sent whole', async () => {
    const record = runWithHistory(10_000);
    const metrics = await store.chartMetrics(record.id);
    expect(metrics.iterations).toEqual(Array.from({ length: 10_000 }, (_, i) => i));
    expect(metrics.losses[1234]).toBe(lossAt(1234));
    expect(existsSync(summaryFile(record.id))).toBe(false);
  });
});

describe('trash', () => {
  it('rm moves a run to the trash and restore brings it back intact', () => {
    const record = makeRecord();
    store.create(record);
    store.trash(record.id);
    expect(store.list().runs).toEqual([]);
    expect(existsSync(join(store.trashDir, record.id, 'run.json'))).toBe(true);
    store.restore(record.id);
    expect(store.read(record.id)).toEqual(record);
    expect(() => store.restore(record.id)).toThrow(/is not in the trash/);
  });
});

describe('weights files are read as store files', () => {
  const net = () =>
    MultiLayerNet.initialise({ layers: [3, 2], activation: 'relu', loss: 'mse', dtype: 'float32' }, 0.1, new RandomState(2));

  it('a values file that is a link to /dev/zero, a FIFO, or longer than its header says is refused unread', () => {
    const base = join(home, 'weights');
    writeWeights(base, net(), 2);
    rmSync(`${base}.bin`);
    symlinkSync('/dev/zero', `${base}.bin`);
    expect(() => readWeights(base)).toThrow(`${base}.bin: is a symbolic link to a file outside the store; it was not read`);
    rmSync(`${base}.bin`);
    execFileSync('mkfifo', [`${base}.bin`]);
    expect(() => readWeights(base)).toThrow(`${base}.bin: is a FIFO (named pipe), not a regular file; it was not read`);
    rmSync(`${base}.bin`);
    // W1 (3×2) and b1 (1×2) in float32: 32 bytes described; 40 on disk.
    writeFileSync(`${base}.bin`, Buffer.alloc(40));
    expect(() => readWeights(base)).toThrow(
      `${base}.bin: is 40 bytes, more than the 32 bytes such a file may have; it was not read`,
    );
  });

  it('a header over 1 MiB is refused unread', () => {
    const base = join(home, 'weights');
    writeWeights(base, net(), 2);
    writeFileSync(`${base}.json`, ' '.repeat(2 * 1024 * 1024));
    expect(() => readWeights(base)).toThrow(
      /weights\.json: is 2 MiB, more than the 1 MiB such a file may have; it was not read$/,
    );
  });
});

describe('weights files', () => {
  for (const dtype of ['float32', 'float64'] as const) {
    it(`${dtype}: written and read back exactly, with shapes and seed in the header`, () => {
      const net = MultiLayerNet.initialise(
        { layers: [7, 5, 3], activation: 'relu', loss: 'mse', dtype },
        0.3,
        new RandomState(4),
      );
      net.biases[1].set([0.5, -1.25, 3]);
      const base = join(home, 'weights');
      writeWeights(base, net, 4);
      const { header, values } = readWeights(base);
      expect(header).toMatchObject({ schemaVersion: 1, dtype, layers: [7, 5, 3], activation: 'relu', seed: 4 });
      expect(header.parameters.map((p) => [p.name, p.rows, p.cols])).toEqual([
        ['W1', 7, 5],
        ['b1', 1, 5],
        ['W2', 5, 3],
        ['b2', 1, 3],
      ]);
      values.forEach((v, i) => expect(Array.from(v)).toEqual(Array.from(net.parameters()[i].values)));
      expect(readFileSync(`${base}.bin`).length).toBe((35 + 5 + 15 + 3) * (dtype === 'float32' ? 4 : 8));
    });
  }
});
