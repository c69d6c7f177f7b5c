/** The experiment store on real files: formats, atomic records, damaged files, recovery, trash. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MultiLayerNet } from '../../shared/engine/network';
import { RandomState } from '../../shared/engine/rng';
import { RunStore } from '../../electron/core/store/run-store';
import { readWeights, writeWeights } from '../../electron/core/store/weights-file';
import { makeRecord } from '../support/runs';

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
    writer.append([{ type: 'progress', iterations: [0, 1], losses: [2.3, 2.2] }, { type: 'epoch', iteration: 0, epoch: 0, trainAcc: 0.1, testAcc: 0.11 }], true);
    writer.close();
    writeFileSync(store.metricsPath(record.id), '{"type":"progress","iterations":[2],"los', { flag: 'a' });
    const metrics = store.readMetrics(record.id);
    expect(metrics.iterations).toEqual([0, 1]);
    expect(metrics.losses).toEqual([2.3, 2.2]);
    expect(metrics.epochs).toEqual([{ iteration: 0, epoch: 0, trainAcc: 0.1, testAcc: 0.11 }]);
    expect(metrics.warnings).toEqual([`${store.metricsPath(record.id)}: the last line is incomplete (40 bytes; a write was cut off) and was skipped`]);
  });

  it('progress time stamps become one time per iteration; epochs keep theirs', () => {
    const record = makeRecord();
    store.create(record);
    writeFileSync(store.metricsPath(record.id), [
      '{"type":"progress","iterations":[0,1],"losses":[2.3,2.2],"seconds":0.2}',
      '{"type":"epoch","iteration":1,"epoch":1,"trainAcc":0.2,"testAcc":0.21,"seconds":0.25}',
      '{"type":"progress","iterations":[2,3],"losses":[2.1,2.0],"seconds":0.6}', ''].join('\n'));
    const metrics = store.readMetrics(record.id);
    expect(metrics.seconds).toEqual([0.1, 0.2, 0.4, 0.6]);
    expect(metrics.epochs[0].seconds).toBe(0.25);
  });

  it('a line in the middle that is not JSON is skipped and reported', () => {
    const record = makeRecord();
    store.create(record);
    writeFileSync(store.metricsPath(record.id), '{"type":"progress","iterations":[0],"losses":[1]}\ngarbage\n{"type":"progress","iterations":[1],"losses":[0.5]}\n');
    const metrics = store.readMetrics(record.id);
    expect(metrics.losses).toEqual([1, 0.5]);
    expect(metrics.warnings[0]).toMatch(/line 2 is not JSON/);
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

describe('recovery after a crash', () => {
  it('runs left queued, running or paused by a dead process become interrupted; live and finished runs stay', () => {
    const dead = { pid: deadPid(), hostname: hostname() };
    const running = makeRecord({ status: 'running', owner: dead });
    const queued = makeRecord({ status: 'queued', owner: dead });
    const paused = makeRecord({ status: 'paused', owner: dead });
    const live = makeRecord({ status: 'running', owner: { pid: process.pid, hostname: hostname() } });
    const done = makeRecord({ status: 'completed' });
    for (const r of [running, queued, paused, live, done]) store.create(r);
    writeFileSync(store.metricsPath(running.id), '{"type":"epoch","iteration":0,"epoch":0,"trainAcc":0.1,"testAcc":0.1}\n{"type":"prog');
    const changed = store.recoverInterrupted();
    expect(changed.map((r) => r.id).sort()).toEqual([running.id, queued.id, paused.id].sort());
    const after = store.read(running.id);
    expect(after.status).toBe('interrupted');
    expect(after.owner).toBeNull();
    expect(after.error).toMatch(new RegExp(`pid ${dead.pid}\\) ended while the run was running; an incomplete metrics line was set aside`));
    // The torn fragment is kept beside the metrics, which now end at the last whole line.
    const aside = readdirSync(store.runDir(running.id)).find((f) => f.startsWith('metrics.torn-'))!;
    expect(readFileSync(join(store.runDir(running.id), aside), 'utf8')).toBe('{"type":"prog');
    expect(store.readMetrics(running.id)).toMatchObject({ epochs: [{ iteration: 0 }], warnings: [] });
    expect(store.read(live.id).status).toBe('running');
    expect(store.read(done.id).status).toBe('completed');
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

describe('weights files', () => {
  for (const dtype of ['float32', 'float64'] as const) {
    it(`${dtype}: written and read back exactly, with shapes and seed in the header`, () => {
      const net = MultiLayerNet.initialise({ layers: [7, 5, 3], activation: 'relu', loss: 'mse', dtype }, 0.3, new RandomState(4));
      net.biases[1].set([0.5, -1.25, 3]);
      const base = join(home, 'weights');
      writeWeights(base, net, 4);
      const { header, values } = readWeights(base);
      expect(header).toMatchObject({ schemaVersion: 1, dtype, layers: [7, 5, 3], activation: 'relu', seed: 4 });
      expect(header.parameters.map((p) => [p.name, p.rows, p.cols])).toEqual([['W1', 7, 5], ['b1', 1, 5], ['W2', 5, 3], ['b2', 1, 3]]);
      values.forEach((v, i) => expect(Array.from(v)).toEqual(Array.from(net.parameters()[i].values)));
      expect(readFileSync(`${base}.bin`).length).toBe((35 + 5 + 15 + 3) * (dtype === 'float32' ? 4 : 8));
    });
  }
});
