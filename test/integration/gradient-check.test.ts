/** The workbench's gradient check, computed in a trainer process of its own (real processes, real MNIST). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BOOK_DEFAULTS, parseRunConfig } from '../../shared/config';
import { checkGradients, gradientCheckMemoryBytes } from '../../electron/core/gradient-check';
import { DatasetMismatchError } from '../../electron/core/training-session';
import { RunManager } from '../../electron/core/run-manager';
import { RunStore } from '../../electron/core/store/run-store';
import { NodeTrainerHost, type TrainerEvents, type TrainerHost } from '../../electron/core/trainer-host';
import { WorkbenchService } from '../../electron/core/workbench-service';

const home = mkdtempSync(join(tmpdir(), 'descent-gradcheck-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** A host that counts the processes it starts. */
function countingHost(inner: TrainerHost): TrainerHost & { spawned: number } {
  const host = { spawned: 0, spawn: (id: string, events: TrainerEvents) => (host.spawned++, inner.spawn(id, events)) };
  return host;
}

function service(host: TrainerHost): WorkbenchService {
  return new WorkbenchService(new RunManager({ store: new RunStore(join(home, String(Math.random()))), host }), { version: 'test', transport: 'browser' });
}

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
    await expect(check).rejects.toThrow('layers: a gradient check of a 784-16384-16384-10 network on 3 images needs about 8.4 GiB (float64, two gradients), more than the 4.0 GiB it may use');
    expect(host.spawned).toBe(0);
  });

  it('a trainer that dies before answering is an error saying so, not a hang', async () => {
    const dying: TrainerHost = {
      spawn: (_id, events) => {
        setTimeout(() => events.onExit({ code: 3, signal: null }), 10);
        return { pid: undefined, send: () => {}, kill: () => {} };
      },
    };
    await expect(service(dying).gradientCheck({ ...BOOK_DEFAULTS, seed: 1 }, 3)).rejects.toThrow(/ended \(exit code 3\) before its result/);
  });
});
