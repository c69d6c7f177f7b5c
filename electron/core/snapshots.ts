/**
 * Parameter snapshots of a run: at every kept evaluation point the trainer writes the network's weights to
 * `<run>/snapshots/iteration-NNNNNNNN.json` + `.bin` in the weights format of store/weights-file.ts (so numpy
 * reads a snapshot as it reads `weights.json`), named by the iteration after which they were measured —
 * the same number as the run's `epoch` line in metrics.ndjson. Which points are kept: shared/inside/snapshot-plan.ts.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { errorCode, errorMessage } from '../../shared/errors';
import type { MultiLayerNet } from '../../shared/engine/network';
import { bytesPerElement, type FloatArray } from '../../shared/engine/tensor';
import { keepsSnapshot, plannedEvaluations, snapshotStride } from '../../shared/inside/snapshot-plan';
import { readWeights, writeWeights, type WeightsHeader } from './store/weights-file';

/** The folder of a run's snapshots, beside its final weights (`<run>/weights` → `<run>/snapshots`). */
export function snapshotsFolder(weightsBase: string): string {
  return join(dirname(weightsBase), 'snapshots');
}

const NAME = /^iteration-(\d{8,})\.json$/;

/** Base path (without .json/.bin) of the snapshot taken after `iteration`. */
export function snapshotBase(folder: string, iteration: number): string {
  return join(folder, `iteration-${String(iteration).padStart(8, '0')}`);
}

/** Iterations of the snapshots in `folder` whose header and values are both there, ascending; [] if none. */
export function listSnapshotIterations(folder: string): number[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .map((name) => NAME.exec(name))
    .filter((m): m is RegExpExecArray => m !== null && existsSync(join(folder, m[0].replace(/\.json$/, '.bin'))))
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
}

/** The snapshot taken after `iteration`: its header and one array per parameter (W1, b1, W2, b2, …). */
export function readSnapshot(folder: string, iteration: number): { header: WeightsHeader; values: FloatArray[] } {
  return readWeights(snapshotBase(folder, iteration));
}

/**
 * Writes a run's snapshots as its evaluations come: evaluation e keeps its snapshot if the plan says so,
 * and the run's last measured weights are always kept (`finish`), also for a run stopped early.
 */
export class SnapshotWriter {
  private evaluations = 0;
  private written = 0;
  private lastWritten: number | undefined;
  private readonly planned: number;
  private readonly stride: number;

  constructor(
    private readonly folder: string,
    private readonly network: MultiLayerNet,
    private readonly seed: number,
    plan: { iterations: number; itersPerEpoch: number; capBytes?: number },
  ) {
    this.planned = plannedEvaluations(plan.iterations, plan.itersPerEpoch);
    const bytes = network.parameters().reduce((sum, p) => sum + p.values.length, 0) * bytesPerElement(network.spec.dtype);
    this.stride = snapshotStride(this.planned, bytes, plan.capBytes);
  }

  /** After each evaluation (the network holds the weights just measured at `iteration`). */
  evaluated(iteration: number): void {
    const index = this.evaluations++;
    if (keepsSnapshot(index, this.planned, this.stride)) this.write(iteration);
  }

  /** At the end of a run that did not diverge: the last measured weights, if the plan skipped them. */
  finish(lastMeasured: number | undefined): void {
    if (lastMeasured !== undefined && this.lastWritten !== lastMeasured) this.write(lastMeasured);
  }

  private write(iteration: number): void {
    const base = snapshotBase(this.folder, iteration);
    try {
      mkdirSync(this.folder, { recursive: true });
      writeWeights(base, this.network, this.seed);
    } catch (error) {
      throw new Error(this.failure(iteration, base, error), { cause: error });
    }
    this.written++;
    this.lastWritten = iteration;
  }

  /** What a failed snapshot means for its run, said whole: which run, which file, why, what is kept and what to do. */
  private failure(iteration: number, base: string, error: unknown): string {
    const run = basename(dirname(this.folder)); // <home>/runs/<id>/snapshots
    const code = errorCode(error);
    const full = code === 'ENOSPC' || code === 'EDQUOT';
    const why = full ? `the disk is full (${errorMessage(error)})` : errorMessage(error);
    const kept = `its history and the ${this.written} snapshot${this.written === 1 ? '' : 's'} before it are kept`;
    const next = full
      ? `free some space on the disk of ${this.folder}, then train it again (descent train --from ${run})`
      : `train it again once ${this.folder} can be written (descent train --from ${run})`;
    return `run ${run}: cannot save its parameter snapshot after iteration ${iteration} (${base}.bin and .json): ${why}. The run stops here and is recorded failed; ${kept}; ${next}`;
  }
}
