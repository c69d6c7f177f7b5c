/**
 * Bringing runs from another store into this one (`descent import`, File › Import Runs…): a folder from
 * another machine or a colleague, which may hold anything. Every file is read as the store reads its own
 * (store-file.ts: regular files only, a link followed only inside the run's folder, FIFOs and devices refused
 * unopened, sizes bounded), each run.json is validated against the run format, and a run is copied whole into
 * a staging folder first and then renamed into place, so a run is imported entirely or not at all. Nothing
 * already in the store is ever overwritten. The copying is asynchronous, a chunk at a time: the desktop app's main
 * process runs it, and its windows and menus stay responsive while a large history or many snapshots are copied.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, read } from 'node:fs';
import { lstat, mkdir, open, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { isLive, type RunRecord } from '../../../shared/run-record';
import { errorMessage } from '../../../shared/errors';
import { fileTypeOf } from '../file-type';
import { newRunId } from '../run-id';
import { DamagedRunError, readRunRecordFile, type RunStore } from './run-store';
import { formatBytes, openStoreFile, replaceFile, StoreFileError } from './store-file';

/** A run copied into the store: its id here, the id it had (different only if that id was taken), where from. */
export interface ImportedRun {
  id: string;
  originalId: string;
  path: string;
  /** The status it had in the folder, if the import changed it (a live run arrives `interrupted`). */
  wasStatus: RunRecord['status'] | null;
}

/** What an import did: runs copied, runs the store already has (same record and history), folders refused. */
export interface ImportReport {
  imported: ImportedRun[];
  skipped: Array<{ id: string; path: string; reason: string }>;
  damaged: Array<{ path: string; reason: string }>;
}

/** The folder given cannot be imported from at all (missing, not a folder): the caller's input is wrong. */
export class ImportFolderError extends Error {
  constructor(
    readonly folder: string,
    reason: string,
  ) {
    super(`${folder}: ${reason}`);
    this.name = 'ImportFolderError';
  }
}

const RUN_FILE = 'run.json';
/** Files of a run folder that are copied, besides run.json and the snapshots (store/run-store.ts lists them). */
const RUN_DATA_FILES = ['metrics.ndjson', 'weights.json', 'weights.bin'] as const;
const SNAPSHOT_FILE = /^iteration-\d{8,}\.(json|bin)$/;
/** A run's largest file (a long history, or weights of a wide network) is far below this; past it, it is refused. */
const MAX_RUN_FILE_BYTES = 16 * 1024 * 1024 * 1024;
/** More snapshot files than any run keeps (snapshot-plan.ts caps them): past this the folder is refused. */
const MAX_SNAPSHOT_FILES = 20_000;
const CHUNK_BYTES = 1024 * 1024;
/** `read` on a descriptor opened by openStoreFile (its checks are synchronous and bounded; the reading is not). */
const readAt = promisify(read);

/**
 * Imports the runs of `folder` into `store`. `folder` is a store's home (it has `runs/`), a runs folder, or a
 * single run's folder. A run whose id the store has with the same record and history is skipped; with other
 * content it gets a fresh id. A run that was queued, running or paused arrives `interrupted` (its training
 * stayed on the other machine). Throws ImportFolderError if `folder` is not a folder.
 */
export async function importRuns(store: RunStore, folder: string): Promise<ImportReport> {
  const report: ImportReport = { imported: [], skipped: [], damaged: [] };
  for (const source of await runFolders(resolve(folder), report)) await importOne(store, source, report);
  return report;
}

/** The run folders under `folder` (as the three shapes above); entries that cannot be runs go to `report.damaged`. */
async function runFolders(folder: string, report: ImportReport): Promise<string[]> {
  const type = await entryType(folder);
  if (type === null) throw new ImportFolderError(folder, 'does not exist');
  if (type !== 'a folder') throw new ImportFolderError(folder, `is ${type}, not a folder`);
  if ((await entryType(join(folder, RUN_FILE))) !== null) return [folder];
  const runs = (await entryType(join(folder, 'runs'))) === 'a folder' ? join(folder, 'runs') : folder;
  const folders: string[] = [];
  for (const entry of await readdir(runs, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue; // the operating system's (.DS_Store), or a staging folder
    const path = join(runs, entry.name);
    if (entry.isDirectory()) folders.push(path);
    else report.damaged.push({ path, reason: `is ${fileTypeOf(entry)}, not a run folder; it was not read` });
  }
  return folders.sort();
}

/** What `path` is ("a folder", "a symbolic link", …) without following a link; null if nothing is there. */
async function entryType(path: string): Promise<string | null> {
  try {
    return fileTypeOf(await lstat(path));
  } catch {
    return null;
  }
}

async function importOne(store: RunStore, source: string, report: ImportReport): Promise<void> {
  let record: RunRecord;
  let files: string[];
  try {
    record = readRunRecordFile(join(source, RUN_FILE), source, null);
    files = await dataFiles(source);
  } catch (error) {
    if (error instanceof DamagedRunError || error instanceof StoreFileError) {
      report.damaged.push({ path: source, reason: `${basename(error.path)} ${error.reason}` });
      return;
    }
    throw error;
  }
  const incoming = asImported(record);
  const staging = join(store.home, `.import-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(staging, { recursive: false });
    const metricsHash = await copyFiles(source, staging, files);
    let id = record.id;
    if (store.has(id)) {
      if (await sameRun(store, incoming, metricsHash)) {
        report.skipped.push({ id, path: source, reason: `run ${id} is in the store already, with the same record and history` });
        return;
      }
      id = freshId(store, record);
    }
    replaceFile(join(staging, RUN_FILE), `${JSON.stringify({ ...incoming, id }, null, 2)}\n`, { fsync: true });
    // A rename never replaces a folder with content: a run the store has is never overwritten.
    await rename(staging, store.runDir(id));
    report.imported.push({
      id,
      originalId: record.id,
      path: source,
      wasStatus: incoming.status === record.status ? null : record.status,
    });
  } catch (error) {
    report.damaged.push({
      path: source,
      reason:
        error instanceof StoreFileError
          ? `${basename(error.path)} ${error.reason}`
          : `could not be copied (${errorMessage(error)})`,
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** The run's files to copy besides run.json, relative to its folder; throws StoreFileError for a snapshots entry that is not a folder. */
async function dataFiles(source: string): Promise<string[]> {
  const present = await Promise.all(RUN_DATA_FILES.map(async (name) => (await entryType(join(source, name))) !== null));
  const files = RUN_DATA_FILES.filter((_, i) => present[i]);
  const snapshots = join(source, 'snapshots');
  const type = await entryType(snapshots);
  if (type === null) return files;
  if (type !== 'a folder') throw new StoreFileError(snapshots, `is ${type}, not a folder; it was not read`);
  const names = (await readdir(snapshots)).filter((name) => SNAPSHOT_FILE.test(name));
  if (names.length > MAX_SNAPSHOT_FILES)
    throw new StoreFileError(
      snapshots,
      `holds ${names.length} snapshot files, more than the ${MAX_SNAPSHOT_FILES} a run keeps; it was not read`,
    );
  return [...files, ...names.sort().map((name) => join('snapshots', name))];
}

/** Copies `files` from `source` into `target`; returns the SHA-256 of metrics.ndjson (of nothing if it has none). */
async function copyFiles(source: string, target: string, files: readonly string[]): Promise<string> {
  let metricsHash = createHash('sha256').digest('hex');
  if (files.some((file) => file.startsWith('snapshots'))) await mkdir(join(target, 'snapshots'));
  for (const file of files) {
    const hash = await copyFile(join(source, file), source, join(target, file));
    if (file === 'metrics.ndjson') metricsHash = hash;
  }
  // A run always has a metrics file (the store creates it empty); a queued run from elsewhere may not.
  if (!files.includes('metrics.ndjson')) await writeFile(join(target, 'metrics.ndjson'), '', { flag: 'wx' });
  return metricsHash;
}

/** Reads the first `size` bytes of `fd` a chunk at a time, handing each to `visit`; returns their SHA-256. */
async function readChunks(
  fd: number,
  size: number,
  path: string,
  visit: (chunk: Buffer) => Promise<void> = async () => {},
): Promise<string> {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(Math.min(CHUNK_BYTES, Math.max(size, 1)));
  // The size seen when it was opened is read: a file still growing elsewhere is taken as it was then.
  for (let done = 0; done < size;) {
    const { bytesRead: n } = await readAt(fd, buffer, 0, Math.min(buffer.length, size - done), null);
    if (n === 0) throw new StoreFileError(path, 'shrank while it was read');
    const chunk = buffer.subarray(0, n);
    hash.update(chunk);
    await visit(chunk); // written before the buffer is read into again
    done += n;
  }
  return hash.digest('hex');
}

/** Copies one file read safely (store-file.ts, links only inside `root`) in chunks; returns its SHA-256. */
async function copyFile(from: string, root: string, to: string): Promise<string> {
  const { fd, size } = openStoreFile(from, root);
  try {
    if (size > MAX_RUN_FILE_BYTES)
      throw new StoreFileError(
        from,
        `is ${formatBytes(size)}, more than the ${formatBytes(MAX_RUN_FILE_BYTES)} a run's file may have; it was not read`,
      );
    const out = await open(to, 'wx', 0o644);
    try {
      const hash = await readChunks(fd, size, from, async (chunk) => {
        for (let written = 0; written < chunk.length;)
          written += (await out.write(chunk, written, chunk.length - written)).bytesWritten;
      });
      await out.sync();
      return hash;
    } finally {
      await out.close();
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The record as it arrives: a run still queued, running or paused on the other machine trains there, not here,
 * so it arrives `interrupted`. The change depends only on the record, so importing the same folder twice gives
 * the same record (and the second import is recognised and skipped).
 */
function asImported(record: RunRecord): RunRecord {
  if (!isLive(record.status)) return { ...record, owner: null };
  return {
    ...record,
    status: 'interrupted',
    owner: null,
    endedAt: record.endedAt ?? record.startedAt ?? record.createdAt,
    error: `imported while it was ${record.status} in another store; its training did not continue here`,
  };
}

/** True if the store's run of this id has the same record and the same metrics history. */
async function sameRun(store: RunStore, incoming: RunRecord, metricsHash: string): Promise<boolean> {
  let existing: RunRecord;
  try {
    existing = store.read(incoming.id);
  } catch {
    return false;
  }
  if (canonical(existing) !== canonical(incoming)) return false;
  try {
    const { fd, size } = openStoreFile(store.metricsPath(incoming.id), store.home);
    try {
      return (await readChunks(fd, size, store.metricsPath(incoming.id))) === metricsHash;
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** JSON with keys sorted, so two equal records compare equal whatever order their files wrote keys in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** A new id for a run whose id the store uses for another run: from its creation time, so it sorts the same. */
function freshId(store: RunStore, record: RunRecord): string {
  const created = new Date(record.createdAt);
  for (;;) {
    const id = newRunId(Number.isNaN(created.getTime()) ? new Date() : created);
    if (!store.has(id)) return id;
  }
}
