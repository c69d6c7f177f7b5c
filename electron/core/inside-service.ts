/**
 * The backend of the Inside view over the store: a run's snapshots (or its final weights, for runs from
 * before snapshots), the weights of one, the test-set analysis at one — computed in a worker thread and
 * cached as `<run>/inside/<snapshot>.json` — per-class accuracy at every snapshot, and test images.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { datasetFolder } from './datasets';
import { runInsideJobOffThread } from './inside-off-thread';
import { listSnapshotIterations, snapshotBase, snapshotsFolder } from './snapshots';
import type { RunStore } from './store/run-store';
import { readStoreFile, replaceFile } from './store/store-file';
import { readWeights } from './store/weights-file';
import { perClassAccuracy } from '../../shared/inside/confusion';
import { encodeFloats } from '../../shared/inside/float-codec';
import {
  insideAnalysisSchema, type InsideAnalysis, type PerClassHistory, type SnapshotList, type SnapshotRef, type SnapshotWeights, type TestImages,
} from '../../shared/inside/inside-schemas';

/** Bumped when the cached analysis changes meaning; older cache files are recomputed. */
const CACHE_VERSION = 1;
/** An analysis is some hundreds of kilobytes (10 000 predictions, the mistakes); a cache file past this is not one. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

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
      iteration, dtype: header.dtype, layers: header.layers, activation: header.activation, loss: header.loss,
      parameters: header.parameters.map((p, i) => ({ name: p.name, rows: p.rows, cols: p.cols, base64: encodeFloats(values[i], header.dtype) })),
    };
  }

  /** The test set through snapshot `iteration`: from the cache, else computed off the thread and cached. */
  async analysis(id: string, iteration: SnapshotRef): Promise<InsideAnalysis> {
    const [result] = await this.analyses(id, [iteration]);
    return result;
  }

  /** Per-class test accuracy at every snapshot (one worker computes whatever the cache lacks). */
  async perClassHistory(id: string): Promise<PerClassHistory> {
    const list = this.listSnapshots(id);
    const analyses = await this.analyses(id, list.snapshots.map((s) => s.iteration));
    return {
      points: analyses.map((a, i) => ({ iteration: a.iteration, epoch: list.snapshots[i].epoch, perClass: perClassAccuracy(a.confusion) })),
    };
  }

  /** Test images of the run's dataset by index, read off the thread. */
  async testImages(id: string, indices: number[]): Promise<TestImages> {
    const reply = await runInsideJobOffThread({ type: 'images', folder: this.datasetOf(id), indices });
    if (reply.type !== 'images') throw new Error('the Inside view\'s worker answered another job');
    return reply.images;
  }

  private async analyses(id: string, iterations: SnapshotRef[]): Promise<InsideAnalysis[]> {
    const cached = iterations.map((iteration) => this.readCache(id, iteration));
    const missing = iterations.filter((_, i) => cached[i] === undefined);
    if (missing.length === 0) return cached as InsideAnalysis[];
    const weights = missing.map((iteration) => ({ base: this.weightsBaseOf(id, iteration), iteration }));
    for (const w of weights) if (!existsSync(`${w.base}.json`)) throw new Error(`run ${id} has no ${w.iteration === null ? 'final weights' : `snapshot after iteration ${w.iteration}`}`);
    const reply = await runInsideJobOffThread({ type: 'analyse', folder: this.datasetOf(id), weights });
    if (reply.type !== 'analyses') throw new Error('the Inside view\'s worker answered another job');
    const fresh = new Map(reply.analyses.map((a) => [a.iteration, a]));
    for (const a of reply.analyses) this.writeCache(id, a);
    return iterations.map((iteration, i) => cached[i] ?? fresh.get(iteration)!);
  }

  private weightsBaseOf(id: string, iteration: SnapshotRef): string {
    const base = this.store.weightsBase(id);
    return iteration === null ? base : snapshotBase(snapshotsFolder(base), iteration);
  }

  private datasetOf(id: string): string {
    return datasetFolder(this.store.read(id).config.dataset);
  }

  private cachePath(id: string, iteration: SnapshotRef): string {
    return join(this.store.runDir(id), 'inside', iteration === null ? 'final.json' : `${snapshotBase('', iteration)}.json`);
  }

  /** The cached analysis, or undefined if there is none or it is unreadable, of another version, or stale. */
  private readCache(id: string, iteration: SnapshotRef): InsideAnalysis | undefined {
    const path = this.cachePath(id, iteration);
    if (!existsSync(path)) return undefined;
    try {
      // A store file like any other: a FIFO or a link out of the store is not opened, a huge file not read.
      const value = JSON.parse(readStoreFile(path, this.store.home, MAX_CACHE_BYTES).toString('utf8')) as { version?: unknown; analysis?: unknown };
      if (value.version !== CACHE_VERSION) return undefined;
      const parsed = insideAnalysisSchema.safeParse(value.analysis);
      return parsed.success && parsed.data.iteration === iteration ? parsed.data : undefined;
    } catch {
      return undefined; // recomputed and replaced
    }
  }

  private writeCache(id: string, analysis: InsideAnalysis): void {
    const path = this.cachePath(id, analysis.iteration);
    try {
      mkdirSync(join(this.store.runDir(id), 'inside'), { recursive: true });
      replaceFile(path, JSON.stringify({ version: CACHE_VERSION, analysis }), { fsync: false });
    } catch {
      // A cache that cannot be written (read-only store, full disk) costs a recomputation, nothing more.
    }
  }
}
