/** The workbench's gradient check, computed in a trainer process of its own (real processes, real MNIST). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BOOK_DEFAULTS, parseRunConfig } from '../../shared/config';
import { checkGradients, gradientCheckMemoryBytes } from '../../electron/core/gradient-check';
import { decodeFloats } from '../../shared/inside/float-codec';
import { DatasetMismatchError } from '../../electron/core/training-session';
import { RunManager } from '../../electron/core/run-manager';
import { RunStore } from '../../electron/core/store/run-store';
import { NodeTrainerHost, type TrainerEvents, type TrainerHost } from '../../electron/core/trainer-host';
import { WorkbenchService } from '../../electron/core/workbench-service';
import { startBridge } from '../../electron/server/bridge';

const home = mkdtempSync(join(tmpdir(), 'descent-gradcheck-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** A host that counts the processes it starts. */
function countingHost(inner: TrainerHost): TrainerHost & { spawned: number } {
  const host = { spawned: 0, spawn: (id: string, events: TrainerEvents) => (host.spawned++, inner.spawn(id, events)) };
  return host;
}

function service(host: TrainerHost): WorkbenchService {
  return new WorkbenchService(new RunManager({ store: new RunStore(join(home, String(Math.random()))), host }), {
    version: 'test',
    transport: 'browser',
  });
}

/**
 * Real trainer processes that never answer a gradient check (test/support/stubborn-trainer.ts): a check
 * on them ends only by cancellation or its time limit. Records each process's pid and how it ended.
 */
function silentTrainers(): TrainerHost & { pids: number[]; exits: Array<Promise<string>> } {
  const inner = new NodeTrainerHost(join(__dirname, '..', 'support', 'stubborn-trainer.ts'));
  const host = {
    pids: [] as number[],
    exits: [] as Array<Promise<string>>,
    spawn: (id: string, events: TrainerEvents) => {
      let exited!: (how: string) => void;
      host.exits.push(new Promise((resolve) => (exited = resolve)));
      const handle = inner.spawn(id, {
        ...events,
        onExit: (exit) => (exited(exit.signal ?? `code ${exit.code}`), events.onExit(exit)),
      });
      host.pids.push(handle.pid!);
      return handle;
    },
  };
  return host;
}

/** Whether a process with this pid is still running. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits until `condition` holds (polling every 20 ms), or fails after `ms` (room for a loaded machine). */
async function until(condition: () => boolean, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const newManager = (host: TrainerHost, options: { gradientCheckTimeoutMs?: number } = {}) =>
  new RunManager({ store: new RunStore(join(home, String(Math.random()))), host, ...options });

describe('gradient check in a trainer process', () => {
  it('reports exactly what the same check computes in process (same seed, same images)', async () => {
    const host = countingHost(new NodeTrainerHost());
    const report = await service(host).gradientCheck({ ...BOOK_DEFAULTS, seed: 0 }, 3);
    expect(host.spawned).toBe(1);
    const local = await checkGradients({ ...BOOK_DEFAULTS, seed: 0 }, 3);
    expect(report.parameters.map((p) => p.name)).toEqual(['W1', 'b1', 'W2', 'b2']);
    expect(report.parameters).toEqual(local.parameters);
    expect([report.batch, report.seed]).toEqual([3, 0]);
    // The book's finding (§5.7): numerical and analytic gradients agree to ~1e-10 … 1e-7.
    for (const p of report.parameters) expect(p.maxAbsDiff).toBeLessThan(1e-6);
    // Element by element (the Lab's scatter and W1 tiles): the same values, W1's differences agreeing with its max and mean.
    expect(report.elements).toEqual(local.elements);
    const w1 = decodeFloats(report.elements!.w1AbsDiff!.base64, 'float32');
    expect(Math.max(...w1)).toBeCloseTo(report.parameters[0].maxAbsDiff, 15);
    expect(Array.from(w1).reduce((a, b) => a + b, 0) / w1.length).toBeCloseTo(report.parameters[0].meanAbsDiff, 15);
    for (const s of report.elements!.scatter)
      s.numerical.forEach((v, i) => expect(Math.abs(v - s.analytic[i])).toBeLessThan(1e-6));
  });

  it('a network that does not fit the dataset is refused field by field, before any process starts', async () => {
    const host = countingHost(new NodeTrainerHost());
    const check = service(host).gradientCheck({ ...BOOK_DEFAULTS, layers: [100, 10] }, 3);
    await expect(check).rejects.toBeInstanceOf(DatasetMismatchError);
    await expect(check).rejects.toThrow(/layers/);
    expect(host.spawned).toBe(0);
  });

  it('its memory is estimated in float64 with both gradients: a network a float32 run may use can be too large to check', async () => {
    // 784-16384-16384-10: 281 477 130 parameters. A float32 run plans 4·(2·P + 100·66 340) bytes ≈ 2.1 GiB (allowed);
    // the check on 3 images holds 2 · 8·(2·P + 3·66 340) = 9 010 452 480 bytes ≈ 8.4 GiB.
    const layers = [784, 16384, 16384, 10];
    expect(parseRunConfig({ ...BOOK_DEFAULTS, layers }).ok).toBe(true);
    expect(gradientCheckMemoryBytes(layers, 3)).toBe(9_010_452_480);
    const host = countingHost(new NodeTrainerHost());
    const check = service(host).gradientCheck({ ...BOOK_DEFAULTS, layers }, 3);
    await expect(check).rejects.toBeInstanceOf(DatasetMismatchError);
    await expect(check).rejects.toThrow(
      'layers: a gradient check of a 784-16384-16384-10 network on 3 images needs about 8.4 GiB (float64, two gradients), more than the 4.0 GiB it may use',
    );
    expect(host.spawned).toBe(0);
  });

  it('a trainer that dies before answering is an error saying so, not a hang', async () => {
    const dying: TrainerHost = {
      spawn: (_id, events) => {
        setTimeout(() => events.onExit({ code: 3, signal: null }), 10);
        return { pid: undefined, send: () => {}, kill: () => {} };
      },
    };
    await expect(service(dying).gradientCheck({ ...BOOK_DEFAULTS, seed: 1 }, 3)).rejects.toThrow(
      /ended \(exit code 3\) before its result/,
    );
  });
});

describe('gradient checks are bounded like runs', () => {
  it('one at a time: a second is refused while one runs; cancelling ends it and its process, and frees the slot', async () => {
    const host = silentTrainers();
    const manager = newManager(host);
    const cancel = new AbortController();
    const first = manager.gradientCheck({ ...BOOK_DEFAULTS, seed: 1 }, 3, cancel.signal);
    await expect(manager.gradientCheck({ ...BOOK_DEFAULTS, seed: 2 }, 3)).rejects.toThrow(
      'a gradient check is already running (1 at a time): wait for its result',
    );
    expect(host.pids).toHaveLength(1); // the refused one started nothing
    cancel.abort('the user cancelled it');
    await expect(first).rejects.toThrow('the gradient check was cancelled (the user cancelled it)');
    expect(await host.exits[0]).toBe('SIGKILL');
    expect(alive(host.pids[0])).toBe(false);
    // The slot is free again.
    const second = manager.gradientCheck({ ...BOOK_DEFAULTS, seed: 3 }, 3);
    await until(() => host.pids.length === 2);
    await manager.stopAll();
    await expect(second).rejects.toThrow('the gradient check was cancelled (the backend is stopping)');
    expect(await host.exits[1]).toBe('SIGKILL');
  });

  it('times out: a check past its limit is stopped, its process killed', async () => {
    const host = silentTrainers();
    const started = Date.now();
    await expect(
      newManager(host, { gradientCheckTimeoutMs: 1500 }).gradientCheck({ ...BOOK_DEFAULTS, seed: 1 }, 3),
    ).rejects.toThrow('the gradient check took longer than 1.5 s and was stopped');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    expect(await host.exits[0]).toBe('SIGKILL');
  });

  describe('over the browser bridge', () => {
    const site = join(home, 'site');
    mkdirSync(site, { recursive: true });
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>Descent</title>');

    /** Starts a bridge on a manager with silent trainers, and POSTs a gradient check to it. */
    async function checkOverBridge() {
      const host = silentTrainers();
      const manager = newManager(host);
      const bridge = await startBridge({
        backend: new WorkbenchService(manager, { version: 'test', transport: 'browser' }),
        staticDir: site,
      });
      const client = request({
        host: '127.0.0.1',
        port: bridge.port,
        path: '/api/gradientCheck',
        method: 'POST',
        headers: { Authorization: `Bearer ${bridge.token}`, 'Content-Type': 'application/json' },
      });
      const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
        client.on('response', (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        });
        client.on('error', reject);
      });
      client.end(JSON.stringify({ args: [{ ...BOOK_DEFAULTS, seed: 4 }, 3] }));
      await until(() => host.pids.length === 1); // after the dataset probe, the check's process started
      return { host, manager, bridge, client, answer };
    }

    it('a client that goes away cancels its check: the process is killed, the slot freed', async () => {
      const { host, manager, bridge, client, answer } = await checkOverBridge();
      answer.catch(() => {}); // the connection is cut below: the client sees a reset
      client.destroy();
      expect(await host.exits[0]).toBe('SIGKILL');
      expect(alive(host.pids[0])).toBe(false);
      const next = manager.gradientCheck({ ...BOOK_DEFAULTS, seed: 5 }, 3);
      await until(() => host.pids.length === 2);
      await manager.stopAll();
      await expect(next).rejects.toThrow(/cancelled/);
      await bridge.close();
    });

    it('stopping the backend (serve on SIGTERM or Ctrl-C: stopAll, then close) answers the waiting client and leaves no process', async () => {
      const { host, manager, bridge, answer } = await checkOverBridge();
      await manager.stopAll();
      await bridge.close(); // would wait for the pending request forever (the test's timeout) if the check went on
      expect(await answer).toEqual({
        status: 503,
        body: JSON.stringify({
          ok: false,
          error: 'the gradient check was cancelled (the backend is stopping)',
          failure: {
            code: 'backend.unavailable',
            params: { reason: 'the backend is stopping' },
            message: 'the gradient check was cancelled (the backend is stopping)',
          },
        }),
      });
      expect(await host.exits[0]).toBe('SIGKILL');
      expect(alive(host.pids[0])).toBe(false);
    });
  });
});
