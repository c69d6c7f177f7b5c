/**
 * The CLI on real read-only and full disks. Each case runs in a private mount namespace (`unshare -rm`,
 * which needs no privileges where user namespaces are enabled), where it can bind the store read-only or
 * give it a small tmpfs; the mounts vanish with the namespace.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { RunStore } from '../../electron/core/store/run-store';
import { makeRecord } from '../support/runs';

const BIN = join(__dirname, '..', '..', 'bin', 'descent.js');
const jsonLines = (text: string): Array<Record<string, any>> =>
  text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
const env = { ...process.env };

const canMount = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /mnt']).status === 0;

describe.skipIf(!canMount)('read-only and full disks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'descent-disks-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs `descent …args` with the store at `home` bound read-only. */
  function descentReadOnly(home: string, ...args: string[]) {
    const script = 'mount --bind "$H" "$H" && mount -o remount,bind,ro "$H" && exec "$NODE" "$BIN" "$@"';
    const result = spawnSync('unshare', ['-rm', 'sh', '-c', script, 'sh', ...args], {
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...env, DESCENT_HOME: home, H: home, NODE: process.execPath, BIN },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  /** Runs shell `script` with a `size` tmpfs mounted at $D/store; files it copies to $D stay after it. */
  function withSmallDisk(name: string, size: string, script: string): string {
    const d = join(dir, name);
    mkdirSync(join(d, 'store'), { recursive: true });
    const result = spawnSync('unshare', ['-rm', 'sh', '-c', `mount -t tmpfs -o size=${size} tmpfs "$D/store" && ${script}`], {
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...env, D: d, NODE: process.execPath, BIN, DESCENT_HOME: join(d, 'store') },
    });
    expect(result.status, result.stderr).toBe(0);
    return d;
  }

  it('runs, show and export read a read-only store with a stale running run; recovery is a warning, not a failure', () => {
    const home = join(dir, 'read-only');
    const store = new RunStore(home);
    const stale = makeRecord({
      status: 'running',
      owner: { pid: spawnSync(process.execPath, ['-e', '0']).pid!, hostname: hostname() },
    });
    store.create(stale);
    writeFileSync(store.metricsPath(stale.id), '{"type":"progress","iterations":[0,1],"losses":[2.3,2.2]}\n{"type":"prog');
    const before = readFileSync(join(store.runDir(stale.id), 'run.json'), 'utf8');
    const warning = new RegExp(
      `^warning: run ${stale.id} is left running: its training process is gone, but the store cannot record that \\(.*EROFS`,
      'm',
    );

    const runs = descentReadOnly(home, 'runs', '--json');
    expect(runs.code, runs.stderr).toBe(0);
    expect(jsonLines(runs.stdout).map((r) => [r.id, r.status])).toEqual([[stale.id, 'running']]);
    expect(runs.stderr).toMatch(warning);

    const shown = descentReadOnly(home, 'show', stale.id, '--json');
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout).metrics.losses).toEqual([2.3, 2.2]);

    const exported = descentReadOnly(home, 'export', stale.id, '--format', 'csv');
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout.trim().split('\n')).toHaveLength(3);
    // Nothing was changed.
    expect(readFileSync(join(store.runDir(stale.id), 'run.json'), 'utf8')).toBe(before);
  });

  it('serve answers listRuns and getMetrics from a read-only store', async () => {
    const home = join(dir, 'read-only-serve');
    const store = new RunStore(home);
    const stale = makeRecord({
      status: 'running',
      owner: { pid: spawnSync(process.execPath, ['-e', '0']).pid!, hostname: hostname() },
    });
    store.create(stale);
    writeFileSync(store.metricsPath(stale.id), '{"type":"progress","iterations":[0,1],"losses":[2.3,2.2]}\n');
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const script = 'mount --bind "$H" "$H" && mount -o remount,bind,ro "$H" && exec "$NODE" "$BIN" serve --port "$PORT"';
    const child = spawn('unshare', ['-rm', 'sh', '-c', script], {
      env: { ...env, DESCENT_HOME: home, H: home, NODE: process.execPath, BIN, PORT: String(port) },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => void (stderr += chunk));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).on('line', (line) => {
          const found = /^Open (http\S+)/.exec(line);
          if (found) resolve(found[1]);
        });
        child.on('exit', (code) => reject(new Error(`serve exited (${code}): ${stderr}`)));
      });
      expect(stderr).toMatch(new RegExp(`warning: run ${stale.id} is left running: .*EROFS`));
      const token = new URL(url).searchParams.get('token')!;
      const call = async (method: string, ...args: unknown[]) => {
        const response = await fetch(`http://127.0.0.1:${port}/api/${method}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ args }),
        });
        return { status: response.status, body: (await response.json()) as { value: Record<string, any> } };
      };
      const list = await call('listRuns');
      expect(list.status).toBe(200);
      expect(list.body.value.runs.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([[stale.id, 'running']]);
      const metrics = await call('getMetrics', stale.id);
      expect(metrics.body.value.losses).toEqual([2.3, 2.2]);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('a disk that fills during a run: the run is recorded failed with ENOSPC, the CLI exits 1, no reserve or temp file is left', () => {
    const d = withSmallDisk(
      'full-during',
      '160k',
      [
        '"$NODE" "$BIN" train --iters 100000 --train-size 1000 --seed 4 --json > "$D/train.out" 2> "$D/train.err"; echo $? > "$D/train.code"',
        'cp "$D"/store/runs/*/run.json "$D/run.json"; ls -A "$D"/store/runs/* > "$D/files"',
      ].join('\n'),
    );
    expect(readFileSync(join(d, 'train.code'), 'utf8').trim()).toBe('1');
    const record = JSON.parse(readFileSync(join(d, 'run.json'), 'utf8'));
    expect(record.status).toBe('failed');
    // The first write that finds the disk full ends the run: the metrics (by this process) or a parameter
    // snapshot (by the trainer, which then reports the failure).
    expect(record.error).toMatch(/ENOSPC: no space left on device/);
    expect(record.owner).toBeNull();
    const files = readFileSync(join(d, 'files'), 'utf8').trim().split('\n');
    expect(files).toEqual(expect.arrayContaining(['metrics.ndjson', 'run.json']));
    expect(files.filter((f) => f === 'disk-reserve' || f.endsWith('.tmp'))).toEqual([]);
    const summary = jsonLines(readFileSync(join(d, 'train.out'), 'utf8')).pop()!;
    expect(summary).toMatchObject({ type: 'summary', status: 'failed' });
  });

  it('a run that cannot start on a full disk leaves no folder behind', () => {
    const d = withSmallDisk(
      'full-before',
      '200k',
      [
        'dd if=/dev/zero of="$D/store/filler" bs=4k 2>/dev/null',
        '"$NODE" "$BIN" train --iters 10 --train-size 1000 --json > "$D/train.out" 2> "$D/train.err"; echo $? > "$D/train.code"',
        'ls -A "$D/store/runs" > "$D/runs"',
      ].join('\n'),
    );
    expect(readFileSync(join(d, 'train.code'), 'utf8').trim()).not.toBe('0');
    expect(readFileSync(join(d, 'train.err'), 'utf8')).toMatch(/ENOSPC/);
    expect(readFileSync(join(d, 'runs'), 'utf8')).toBe('');
  });
});
