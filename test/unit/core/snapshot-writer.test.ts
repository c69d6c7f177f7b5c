/** A parameter snapshot that cannot be written: the run's failure says which run, which file, why and what next. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MultiLayerNet } from '../../../shared/engine/network';

// The disk fills at the third snapshot: what writeWeights throws then (the real error of a full disk).
const writes = vi.hoisted(() => ({ count: 0, failAt: 3, code: 'ENOSPC' }));
vi.mock('../../../electron/core/store/weights-file', async (original) => {
  const real = await original<typeof import('../../../electron/core/store/weights-file')>();
  return {
    ...real,
    writeWeights: (...args: Parameters<typeof real.writeWeights>) => {
      const [base] = args;
      if (++writes.count === writes.failAt) {
        const message = writes.code === 'ENOSPC' ? 'no space left on device' : 'permission denied';
        throw Object.assign(new Error(`${writes.code}: ${message}, write '${base}.bin.tmp'`), { code: writes.code });
      }
      return real.writeWeights(...args);
    },
  };
});
const { SnapshotWriter, snapshotBase } = await import('../../../electron/core/snapshots');

const id = '20261201-120000-abcdef';
let home: string;
afterEach(() => {
  rmSync(home, { recursive: true, force: true });
  writes.count = 0;
});

function writer() {
  home = mkdtempSync(join(tmpdir(), 'descent-snapshots-'));
  const folder = join(home, 'runs', id, 'snapshots');
  const network = new MultiLayerNet({ layers: [3, 2, 2], activation: 'sigmoid', loss: 'cross_entropy', dtype: 'float64' });
  return { folder, snapshots: new SnapshotWriter(folder, network, 1, { iterations: 100, itersPerEpoch: 10 }) };
}

describe('a snapshot that cannot be written', () => {
  it('on a full disk: names the run, the iteration and the file, says what is kept and what to do', () => {
    writes.code = 'ENOSPC';
    const { folder, snapshots } = writer();
    snapshots.evaluated(0);
    snapshots.evaluated(10);
    const base = snapshotBase(folder, 20);
    expect(() => snapshots.evaluated(20)).toThrow(
      `run ${id}: cannot save its parameter snapshot after iteration 20 (${base}.bin and .json): the disk is full ` +
        `(ENOSPC: no space left on device, write '${base}.bin.tmp'). The run stops here and is recorded failed; its ` +
        `history and the 2 snapshots before it are kept; free some space on the disk of ${folder}, then train it again ` +
        `(descent train --from ${id})`,
    );
  });

  it('for another reason: the same context with that reason', () => {
    writes.code = 'EACCES';
    const { folder, snapshots } = writer();
    snapshots.evaluated(0);
    snapshots.evaluated(10);
    expect(() => snapshots.evaluated(20)).toThrow(
      `: permission denied, write '${snapshotBase(folder, 20)}.bin.tmp'. The run stops here and is recorded failed; its ` +
        `history and the 2 snapshots before it are kept; train it again once ${folder} can be written (descent train --from ${id})`,
    );
  });
});
