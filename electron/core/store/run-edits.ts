/**
 * Renames, tags and notes for a run that another process is training. While a run trains, only its owner
 * writes its run.json: a whole-record rewrite from elsewhere could put back an older status or measurement
 * (say the owner wrote "completed" a moment before). So an edit from elsewhere is a file of its own,
 * `<run>/edits/<time>-<pid>-<random>.json`, created once and never rewritten: readers apply pending
 * edits at once, in the order they were made, and the owner folds them into its next write of run.json,
 * then removes the files it folded in. An edit made meanwhile stays for the next write; none is lost.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { annotationSchema, type Annotation } from '../../../shared/api';
import type { RunRecord } from '../../../shared/run-record';
import { readStoreFile, replaceFile } from './store-file';

const EDITS_FOLDER = 'edits';
/** An edit file names its time (for order), its process and a random part (for uniqueness). */
const EDIT_FILE = /^\d{13}-\d+-[0-9a-f]{8}\.json$/;
/** An edit holds a name, tags and notes within the API's limits: far below this. */
const MAX_EDIT_BYTES = 256 * 1024;

/** An edit waiting for the owner: its file and what it changes. */
export interface PendingEdit {
  readonly path: string;
  readonly change: Annotation;
}

/** Writes an edit of the run in folder `runDir` as a file of its own. */
export function writeEdit(runDir: string, change: Annotation): void {
  const folder = join(runDir, EDITS_FOLDER);
  mkdirSync(folder, { recursive: true });
  replaceFile(
    join(folder, `${Date.now()}-${process.pid}-${randomBytes(4).toString('hex')}.json`),
    `${JSON.stringify(change)}\n`,
    { fsync: true },
  );
}

/**
 * The run's pending edits, oldest first. A file that is not an edit (damaged, a FIFO, too large) is left
 * alone and not applied: the record stays as its owner wrote it.
 */
export function pendingEdits(runDir: string, root: string): PendingEdit[] {
  const folder = join(runDir, EDITS_FOLDER);
  let names: string[];
  try {
    names = readdirSync(folder)
      .filter((name) => EDIT_FILE.test(name))
      .sort();
  } catch {
    return [];
  }
  const edits: PendingEdit[] = [];
  for (const name of names) {
    const path = join(folder, name);
    try {
      const parsed = annotationSchema.safeParse(JSON.parse(readStoreFile(path, root, MAX_EDIT_BYTES).toString('utf8')));
      if (parsed.success) edits.push({ path, change: parsed.data });
    } catch {
      // Not an edit this code wrote: skipped.
    }
  }
  return edits;
}

/** `record` with the edits applied in order. */
export function withEdits(record: RunRecord, edits: readonly PendingEdit[]): RunRecord {
  return edits.reduce((r, edit) => ({ ...r, ...edit.change }), record);
}

/** Removes edit files once run.json holds them (best effort: one left behind is applied again, to the same effect). */
export function dropEdits(edits: readonly PendingEdit[]): void {
  for (const edit of edits) {
    try {
      rmSync(edit.path, { force: true });
    } catch {
      // A read-only store: the file stays, and reading applies it again.
    }
  }
}
