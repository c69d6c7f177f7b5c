/**
 * The backend of the Inside view over the store: a run's snapshots (or its final weights, for runs from
 * before snapshots), the weights of one, the test-set analysis at one — computed in a worker thread and
 * cached as `<run>/inside/<snapshot>.json` — per-class accuracy at every snapshot, and test images.
 */
import { existsSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { datasetFolder, IDX_FILES } from './datasets';
import { inspectIdxFile } from './idx-file';
import { runInsideJobOffThread } from './inside-off-thread';
import { listSnapshotIterations, snapshotBase, snapshotsFolder } from './snapshots';
import type { RunStore } from './store/run-store';
import { cachePath, readCachedAnalysis, readCachedConfusion } from './inside-cache';
import { readWeights } from './store/weights-file';
import { networkFromWeights } from './inside-analysis';
import type { MultiLayerNet } from '../../shared/engine/network';
import { perClassAccuracy } from '../../shared/inside/confusion';
import { encodeFloats } from '../../shared/inside/float-codec';
import {
  type InsideAnalysis,
  type PerClassHistory,
  type SnapshotList,
  type SnapshotRef,
  type SnapshotWeights,
  type TestImages,
} from '../../shared/inside/inside-schemas';

export class InsideService {
  constructor(private readonly store: RunStore) {}

  /** The run's snapshots oldest first, each with the accuracy its run recorded at that iteration. */
  listSnapshots(id: string): SnapshotList {
    const record = this.store.read(id);
    const iterations = listSnapshotIterations(snapshotsFolder(this.store.weightsBase(id)));
    const measured = new Map(this.store.metricsTally(id).epochs.map((e) => [e.iteration, e]));
    if (iterations.length > 0) {
      return {
        kind: 'snapshots',
        snapshots: iterations.map((iteration) => {
          const e = measured.get(iteration);
          return { iteration, epoch: e?.epoch ?? null, trainAcc: e?.trainAcc ?? null, testAcc: e?.testAcc ?? null };
        }),
      };
    }
    if (!existsSync(`${this.store.weightsBase(id)}.json`)) return { kind: 'none', snapshots: [] };
    const summary = record.summary;
    return {
      kind: 'final-only',
      snapshots: [{ iteration: null, epoch: null, trainAcc: summary?.trainAcc ?? null, testAcc: summary?.testAcc ?? null }],
    };
  }

  /** The weights of snapshot `iteration` (null: the final weights), exactly as stored. */
  snapshotWeights(id: string, iteration: SnapshotRef): SnapshotWeights {
    const { header, values } = readWeights(this.weightsBaseOf(id, iteration));
    return {
      iteration,
      dtype: header.dtype,
      layers: header.layers,
      activation: header.activation,
      loss: header.loss,
      parameters: header.parameters.map((p, i) => ({
        name: p.name,
        rows: p.rows,
        cols: p.cols,
        base64: encodeFloats(values[i], header.dtype),
      })),
    };
  }

  /** A network holding snapshot `iteration`'s weights (null: the final weights), for predictions in this process. */
  network(id: string, iteration: SnapshotRef): MultiLayerNet {
    const { header, values } = readWeights(this.weightsEntry(id, iteration).base);
    return networkFromWeights(header, values);
  }

  /** The test set through snapshot `iteration`: from the cache, else computed (and cached) off the thread. */
  async analysis(id: string, iteration: SnapshotRef): Promise<InsideAnalysis> {
    const cache = cachePath(this.store.runDir(id), iteration);
    const cached = readCachedAnalysis(cache, this.store.home, iteration);
    if (cached) return cached;
    const reply = await runInsideJobOffThread({
      type: 'analyse',
      folder: this.datasetOf(id),
      weights: this.weightsEntry(id, iteration),
    });
    if (reply.type !== 'analysis') throw new Error("the Inside view's worker answered another job");
    return reply.analysis;
  }

  /**
   * Per-class test accuracy at every snapshot, from the confusion matrices: cached ones read one per turn of
   * the event loop, the missing ones computed by one worker, which caches them and sends only their matrices.
   */
  async perClassHistory(id: string): Promise<PerClassHistory> {
    const list = this.listSnapshots(id);
    const runDir = this.store.runDir(id);
    const confusions = new Map<SnapshotRef, number[][]>();
    for (const { iteration } of list.snapshots) {
      const cached = readCachedConfusion(cachePath(runDir, iteration), this.store.home, iteration);
      if (cached) confusions.set(iteration, cached.confusion);
      await nextTurn();
    }
    const missing = list.snapshots.map((s) => s.iteration).filter((iteration) => !confusions.has(iteration));
    if (missing.length > 0) {
      const reply = await runInsideJobOffThread({
        type: 'confusions',
        folder: this.datasetOf(id),
        weights: missing.map((it) => this.weightsEntry(id, it)),
      });
      if (reply.type !== 'confusions') throw new Error("the Inside view's worker answered another job");
      for (const point of reply.points) confusions.set(point.iteration, point.confusion);
    }
    return {
      points: list.snapshots.map((s) => ({
        iteration: s.iteration,
        epoch: s.epoch,
        perClass: perClassAccuracy(confusions.get(s.iteration)!),
      })),
    };
  }

  /** How many test images the run's dataset has (from its file's header alone). */
  testImageCount(id: string): number {
    return inspectIdxFile(this.datasetOf(id), IDX_FILES.testImages, 3).shape[0];
  }

  /** Test images of the run's dataset by index, read off the thread. */
  async testImages(id: string, indices: number[]): Promise<TestImages> {
    const reply = await runInsideJobOffThread({ type: 'images', folder: this.datasetOf(id), indices });
    if (reply.type !== 'images') throw new Error("the Inside view's worker answered another job");
    return reply.images;
  }

  /** What a worker needs to analyse a snapshot; refuses a snapshot the run does not have. */
  private weightsEntry(id: string, iteration: SnapshotRef): { base: string; iteration: SnapshotRef; cache: string } {
    const base = this.weightsBaseOf(id, iteration);
    if (!existsSync(`${base}.json`))
      throw new Error(`run ${id} has no ${iteration === null ? 'final weights' : `snapshot after iteration ${iteration}`}`);
    return { base, iteration, cache: cachePath(this.store.runDir(id), iteration) };
  }

  private weightsBaseOf(id: string, iteration: SnapshotRef): string {
    const base = this.store.weightsBase(id);
    return iteration === null ? base : snapshotBase(snapshotsFolder(base), iteration);
  }

  private datasetOf(id: string): string {
    return datasetFolder(this.store.read(id).config.dataset);
  }
}
