/**
 * The Inside view's cache: `<run>/inside/iteration-NNNNNNNN.json` (or `final.json`) holds one snapshot's
 * test-set analysis as `{ version, analysis }`. Written by the worker that computes it (so the window's or
 * bridge's process never serialises megabytes), read back by the service: whole for one snapshot, or just
 * the confusion matrix for per-class accuracy.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { snapshotBase } from './snapshots';
import { readStoreFile, replaceFile } from './store/store-file';
import { insideAnalysisSchema, type InsideAnalysis, type SnapshotRef } from '../../shared/inside/inside-schemas';

/** Bumped when the cached analysis changes meaning; older cache files are recomputed. */
export const CACHE_VERSION = 1;
/** An analysis is some hundreds of kilobytes (10 000 predictions, the mistakes); a cache file past this is not one. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/** Where the analysis of snapshot `iteration` (null: the final weights) of the run in `runDir` is cached. */
export function cachePath(runDir: string, iteration: SnapshotRef): string {
  return join(runDir, 'inside', iteration === null ? 'final.json' : `${snapshotBase('', iteration)}.json`);
}

/** Writes the cache file; false if it cannot (read-only store, full disk): that costs a recomputation only. */
export function writeCache(path: string, analysis: InsideAnalysis): boolean {
  try {
    mkdirSync(dirname(path), { recursive: true });
    replaceFile(path, JSON.stringify({ version: CACHE_VERSION, analysis }), { fsync: false });
    return true;
  } catch {
    return false;
  }
}

const confusionOnlySchema = insideAnalysisSchema.pick({ iteration: true, confusion: true });

/**
 * The cached value checked by `schema` (whole analysis, or its iteration and confusion matrix only), or
 * undefined if there is none or it is unreadable, of another version, or of another snapshot.
 */
function readWith<T extends { iteration: SnapshotRef }>(
  path: string,
  home: string,
  iteration: SnapshotRef,
  schema: z.ZodType<T>,
): T | undefined {
  if (!existsSync(path)) return undefined;
  try {
    // A store file like any other: a FIFO or a link out of the store is not opened, a huge file not read.
    const value = JSON.parse(readStoreFile(path, home, MAX_CACHE_BYTES).toString('utf8')) as {
      version?: unknown;
      analysis?: unknown;
    };
    if (value.version !== CACHE_VERSION) return undefined;
    const parsed = schema.safeParse(value.analysis);
    return parsed.success && parsed.data.iteration === iteration ? parsed.data : undefined;
  } catch {
    return undefined; // recomputed and replaced
  }
}

/** The whole cached analysis. */
export function readCachedAnalysis(path: string, home: string, iteration: SnapshotRef): InsideAnalysis | undefined {
  return readWith(path, home, iteration, insideAnalysisSchema);
}

/** The cached confusion matrix alone (per-class accuracy needs nothing else). */
export function readCachedConfusion(
  path: string,
  home: string,
  iteration: SnapshotRef,
): { iteration: SnapshotRef; confusion: number[][] } | undefined {
  return readWith(path, home, iteration, confusionOnlySchema);
}
