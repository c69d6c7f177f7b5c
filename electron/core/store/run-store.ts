/**
 * The experiment store: plain files, one folder per run, readable by people and other tools.
 *
 *   <home>/runs/<id>/run.json        the run's record, replaced atomically (temp file, fsync, rename)
 *   <home>/runs/<id>/metrics.ndjson  append-only JSON lines: progress batches and epoch measurements
 *   <home>/runs/<id>/weights.json    final parameters: header (shapes, dtype, seed) …
 *   <home>/runs/<id>/weights.bin     … and the little-endian values
 *   <home>/trash/<id>/               deleted runs, restorable
 *
 * Damaged files are reported with their path and reason and left where they are; they never stop
 * the other runs from loading, and nothing is ever deleted.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, truncateSync, writeFileSync, writeSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { isLive, RUN_SCHEMA_VERSION, runRecordSchema, type RunRecord } from '../../../shared/run-record';
import { errorMessage } from '../../../shared/errors';
import type { EpochRecord } from '../../../shared/engine/train';
import { isRunId } from '../run-id';
import { forEachLine, type LineReadResult } from './line-reader';
import { formatBytes, openStoreFile, readStoreFile, StoreFileError } from './store-file';
import { ownerIsAlive, type RunOwner } from './owner';
import { spreadTimes, type RunMetrics } from '../../../shared/api';

/** A run folder whose record cannot be read. */
export interface DamagedRun {
  readonly id: string;
  readonly path: string;
  readonly reason: string;
}


/** A record that cannot be read: the path and why. */
export class DamagedRunError extends Error {
  constructor(readonly path: string, readonly reason: string) {
    super(`${path}: ${reason}`);
    this.name = 'DamagedRunError';
  }
}

const RUN_FILE = 'run.json';
const METRICS_FILE = 'metrics.ndjson';
/** Room held on the disk while a run trains (see `holdReserve`). */
const RESERVE_FILE = 'disk-reserve';
const RESERVE_BYTES = 64 * 1024;
/** A run.json is a few kilobytes; anything past this is not one, and is not read into memory. */
const MAX_RECORD_BYTES = 1024 * 1024;
/** A progress line carries one batch of losses (≤ 20 batches a second): far below this. */
const MAX_METRICS_LINE_BYTES = 16 * 1024 * 1024;
/** Bad lines reported one by one; past this, a count. */
const MAX_REPORTED_LINES = 20;

export class RunStore {
  readonly runsDir: string;
  readonly trashDir: string;

  constructor(readonly home: string) {
    this.runsDir = join(home, 'runs');
    this.trashDir = join(home, 'trash');
    try {
      mkdirSync(this.runsDir, { recursive: true });
    } catch {
      // A read-only or full disk: the store is read as it is (and `create` says why it cannot write).
    }
  }

  /** Folder of run `id`; the id is checked first, so it can never name a path outside the store. */
  runDir(id: string): string {
    if (!isRunId(id)) throw new Error(`not a run id: ${JSON.stringify(id)}`);
    return join(this.runsDir, id);
  }

  /** Base path (no extension) of the run's weight files. */
  weightsBase(id: string): string {
    return join(this.runDir(id), 'weights');
  }

  metricsPath(id: string): string {
    return join(this.runDir(id), METRICS_FILE);
  }

  /** Creates the folder and first record of a new run. */
  create(record: RunRecord): void {
    const dir = this.runDir(record.id);
    mkdirSync(this.runsDir, { recursive: true });
    mkdirSync(dir, { recursive: false });
    try {
      writeFileSync(join(dir, METRICS_FILE), '');
      this.write(record);
    } catch (error) {
      // A run that cannot be written whole (full or read-only disk) leaves no half-made folder behind: the
      // folder and what is in it were made just now, by this call, and hold nothing else.
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  /** Replaces `run.json` atomically: a crash leaves the old record or the new one, never a mix. */
  write(record: RunRecord): void {
    writeFileAtomic.sync(join(this.runDir(record.id), RUN_FILE), `${JSON.stringify(record, null, 2)}\n`, { fsync: true });
  }

  /**
   * Sets room aside on the disk for the run's last record: a file of zeros that `writeLast` gives up
   * when the disk is full, so that a run the full disk stops can still be recorded as failed, with the
   * reason. Best effort: a disk without this much room left gets no reserve.
   */
  holdReserve(id: string): void {
    const path = join(this.runDir(id), RESERVE_FILE);
    try {
      writeFileSync(path, Buffer.alloc(RESERVE_BYTES), { flag: 'wx' });
    } catch {
      this.releaseReserve(id);
    }
  }

  /** Writes a run's last record and gives up its reserve (first, if the disk is full). */
  writeLast(record: RunRecord): void {
    try {
      this.write(record);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOSPC' && code !== 'EDQUOT') throw error;
      this.releaseReserve(record.id);
      this.write(record);
    }
    this.releaseReserve(record.id);
  }

  /** Removes the run's space reserve, if it has one and the disk lets us. */
  private releaseReserve(id: string): void {
    try {
      rmSync(join(this.runDir(id), RESERVE_FILE), { force: true });
    } catch {
      // A read-only disk keeps the file; it is 64 KiB of zeros, described in the README.
    }
  }

  /** Reads and validates a run's record; throws DamagedRunError naming the file and the problem. */
  read(id: string): RunRecord {
    const path = join(this.runDir(id), RUN_FILE);
    let text: string;
    try {
      text = readStoreFile(path, this.home, MAX_RECORD_BYTES).toString('utf8');
    } catch (error) {
      if (error instanceof StoreFileError) throw new DamagedRunError(path, error.reason);
      throw error;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new DamagedRunError(path, `is not valid JSON${jsonErrorPlace(error)}`);
    }
    const version = typeof value === 'object' && value !== null ? (value as { schemaVersion?: unknown }).schemaVersion : undefined;
    if (version !== RUN_SCHEMA_VERSION) {
      // Only a number is quoted: the reason must not echo whatever the file holds.
      const found = typeof version === 'number' ? `schema version ${version}` : 'no numeric schemaVersion';
      throw new DamagedRunError(path, `has ${found}; this Descent reads version ${RUN_SCHEMA_VERSION}`);
    }
    const parsed = runRecordSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new DamagedRunError(path, `does not match the run format: ${issue.path.join('.')}: ${issue.message}`);
    }
    if (parsed.data.id !== id) {
      throw new DamagedRunError(path, `names ${isRunId(parsed.data.id) ? `run ${parsed.data.id}` : 'something that is not a run id'} but sits in folder ${id}`);
    }
    return parsed.data;
  }

  /** Reads, changes and writes back one record. */
  update(id: string, change: (record: RunRecord) => RunRecord): RunRecord {
    const next = change(this.read(id));
    this.write(next);
    return next;
  }

  /** Every run's record (only `run.json` is read), newest first, and the folders that could not be read. */
  list(): { runs: RunRecord[]; damaged: DamagedRun[] } {
    const runs: RunRecord[] = [];
    const damaged: DamagedRun[] = [];
    for (const entry of this.entries()) {
      if (!entry.isDirectory()) {
        // Hidden files are the operating system's (.DS_Store); anything else here is not a run and says so.
        if (!entry.name.startsWith('.')) {
          damaged.push({ id: entry.name, path: join(this.runsDir, entry.name), reason: `is ${direntType(entry)}, not a run folder; it was not read` });
        }
        continue;
      }
      if (!isRunId(entry.name)) {
        damaged.push({ id: entry.name, path: join(this.runsDir, entry.name), reason: 'folder name is not a run id' });
        continue;
      }
      try {
        runs.push(this.read(entry.name));
      } catch (error) {
        if (!(error instanceof DamagedRunError)) throw error;
        damaged.push({ id: entry.name, path: error.path, reason: error.reason });
      }
    }
    runs.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1));
    return { runs, damaged };
  }

  /** The entries of the runs folder; none if it has not been made yet. */
  private entries(): Dirent[] {
    try {
      return readdirSync(this.runsDir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  /** Opens the run's metrics for appending. */
  metricsWriter(id: string): MetricsWriter {
    return new MetricsWriter(this.metricsPath(id));
  }

  /**
   * All recorded metrics of a run, read a chunk at a time. A line that is not a well-formed record (not
   * JSON, `null`, a number, a wrong shape, longer than any record is) is skipped and reported with its
   * line number, as is a torn last line; the other lines are read.
   */
  readMetrics(id: string): RunMetrics {
    const path = this.metricsPath(id);
    const metrics: RunMetrics = { iterations: [], losses: [], seconds: [], epochs: [], warnings: [] };
    let lastSeconds = 0;
    let skipped = 0;
    // A file of a million bad lines gives a count, not a million warnings.
    const skip = (message: string): void => void (++skipped <= MAX_REPORTED_LINES && metrics.warnings.push(message));
    let ending: LineReadResult;
    try {
      ending = forEachLine(path, this.home, (line, number) => {
        if (line.length === 0) return;
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch {
          skip(`${path}: line ${number} is not JSON and was skipped`);
          return;
        }
        const record = typeof value === 'object' && value !== null && !Array.isArray(value)
          ? value as { type?: string; iterations?: number[]; losses?: number[]; seconds?: number } & Partial<EpochRecord>
          : null;
        if (record?.type === 'progress' && isProgress(record)) {
          for (let k = 0; k < record.iterations.length; k++) {
            metrics.iterations.push(record.iterations[k]);
            metrics.losses.push(record.losses[k]);
          }
          for (const t of spreadTimes(lastSeconds, isNumber(record.seconds) ? record.seconds : undefined, record.iterations.length)) metrics.seconds.push(t);
          if (isNumber(record.seconds)) lastSeconds = record.seconds;
        } else if (record?.type === 'epoch' && isEpoch(record)) {
          const { iteration, epoch, trainAcc, testAcc, seconds } = record as EpochRecord & { seconds?: number };
          metrics.epochs.push({ iteration, epoch, trainAcc, testAcc, ...(isNumber(seconds) ? { seconds } : {}) });
        } else {
          skip(`${path}: line ${number} is not a well-formed progress or epoch record and was skipped`);
        }
      }, { maxLineBytes: MAX_METRICS_LINE_BYTES });
    } catch (error) {
      if (!(error instanceof StoreFileError)) throw error;
      metrics.warnings.push(/ENOENT/.test(error.reason) ? `${path}: missing` : `${path}: ${error.reason}`);
      return metrics;
    }
    for (const number of ending.overlongLines) {
      skip(`${path}: line ${number} is longer than ${formatBytes(MAX_METRICS_LINE_BYTES)}, more than any record, and was skipped`);
    }
    if (skipped > MAX_REPORTED_LINES) metrics.warnings.push(`${path}: ${skipped - MAX_REPORTED_LINES} more bad lines were skipped`);
    if (ending.tornTailBytes > 0) metrics.warnings.push(`${path}: the last line is incomplete (${ending.tornTailBytes} bytes; a write was cut off) and was skipped`);
    return metrics;
  }

  /**
   * Cuts a torn last line off the run's metrics so that appending can resume cleanly, moving the
   * fragment to `metrics.torn-<time>.ndjson` beside it (set aside, not deleted). Returns its path.
   * Only the file's end is read, so a history of any size costs one chunk.
   */
  setAsideTornTail(id: string): string | null {
    const path = this.metricsPath(id);
    let file: { fd: number; size: number };
    try {
      file = openStoreFile(path, this.home);
    } catch (error) {
      if (error instanceof StoreFileError && /ENOENT/.test(error.reason)) return null;
      throw error;
    }
    let tail: Buffer;
    try {
      tail = readTail(file.fd, file.size);
    } finally {
      closeSync(file.fd);
    }
    if (tail.length === 0) return null;
    const aside = join(this.runDir(id), `metrics.torn-${Date.now()}.ndjson`);
    writeFileSync(aside, tail, { flag: 'wx' });
    truncateSync(path, file.size - tail.length);
    return aside;
  }

  /**
   * After a crash: every run still marked queued, running or paused whose owning process is gone
   * becomes `interrupted`, with its metrics kept. Best effort: reading never needs writing, so on a
   * read-only or full disk a record that cannot be changed stays as it is and the failure comes back as
   * a warning (a later start, with room to write, recovers it).
   */
  recoverInterrupted(isAlive: (owner: RunOwner) => boolean = ownerIsAlive): { changed: RunRecord[]; warnings: string[] } {
    const changed: RunRecord[] = [];
    const warnings: string[] = [];
    for (const run of this.list().runs) {
      if (!isLive(run.status)) continue;
      if (run.owner && isAlive(run.owner)) continue;
      try {
        changed.push(this.endAbandoned(run, 'interrupted'));
      } catch (error) {
        warnings.push(`run ${run.id} is left ${run.status}: its training process is gone, but the store cannot record that (${errorMessage(error)})`);
      }
    }
    return { changed, warnings };
  }

  /**
   * Ends a run whose training process is gone as `interrupted` (found at start-up) or `stopped` (a user
   * asked), its metrics kept and a torn last line set aside. Throws if the store cannot be written.
   */
  endAbandoned(run: RunRecord, status: 'interrupted' | 'stopped'): RunRecord {
    const torn = this.setAsideTornTail(run.id);
    const reason = `the process training it (pid ${run.owner?.pid ?? '?'}) ended while the run was ${run.status}` +
      (status === 'stopped' ? '; stopped by request' : '') +
      (torn ? `; an incomplete metrics line was set aside in ${torn}` : '');
    const next: RunRecord = { ...run, status, owner: null, endedAt: new Date().toISOString(), error: reason };
    this.writeLast(next);
    return next;
  }

  /** Moves a run to the trash folder (restorable with `restore`). */
  trash(id: string): void {
    mkdirSync(this.trashDir, { recursive: true });
    const target = join(this.trashDir, id);
    if (existsSync(target)) throw new Error(`${target} already exists in the trash`);
    renameSync(this.runDir(id), target);
  }

  /** Brings a run back from the trash. */
  restore(id: string): void {
    if (!isRunId(id)) throw new Error(`not a run id: ${JSON.stringify(id)}`);
    const from = join(this.trashDir, id);
    if (!existsSync(from)) throw new Error(`run ${id} is not in the trash`);
    if (existsSync(this.runDir(id))) throw new Error(`run ${id} exists already`);
    renameSync(from, this.runDir(id));
  }

  /** True if run `id` has a folder in the store. */
  has(id: string): boolean {
    return isRunId(id) && existsSync(this.runDir(id)) && statSync(this.runDir(id)).isDirectory();
  }
}

/** Appends JSON lines to a run's metrics, syncing to disk when asked (at each epoch and at the end). */
export class MetricsWriter {
  private fd: number | null;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'a');
  }

  append(records: readonly object[], sync = false): void {
    if (this.fd === null) throw new Error(`${this.path}: already closed`);
    if (records.length > 0) {
      // A write may take only part of the bytes (a disk filling up): the rest is written, or the next call throws.
      const bytes = Buffer.from(records.map((r) => `${JSON.stringify(r)}\n`).join(''));
      for (let done = 0; done < bytes.length;) done += writeSync(this.fd, bytes, done, bytes.length - done);
    }
    if (sync) fsyncSync(this.fd);
  }

  close(): void {
    if (this.fd === null) return;
    try {
      fsyncSync(this.fd);
    } finally {
      closeSync(this.fd);
      this.fd = null;
    }
  }
}

const isNumber = (v: unknown): v is number => typeof v === 'number';

/** What a folder entry is, for a reason: "a regular file", "a symbolic link", … */
function direntType(entry: Dirent): string {
  if (entry.isSymbolicLink()) return 'a symbolic link';
  if (entry.isFile()) return 'a regular file';
  if (entry.isFIFO()) return 'a named pipe (FIFO)';
  if (entry.isSocket()) return 'a socket';
  if (entry.isCharacterDevice()) return 'a character device';
  if (entry.isBlockDevice()) return 'a block device';
  return 'an unknown kind of file';
}

/** Where JSON.parse gave up, without the text it quotes (which could be anything the file holds). */
function jsonErrorPlace(error: unknown): string {
  const message = errorMessage(error);
  const position = /at position (\d+)/.exec(message);
  if (position) return ` (at character ${position[1]})`;
  if (/Unexpected end of JSON input/.test(message)) return ' (it ends too early)';
  return '';
}

/** A progress line another tool (or a bad disk) could have mangled: parallel arrays of numbers. */
function isProgress(r: { iterations?: unknown; losses?: unknown }): r is { iterations: number[]; losses: number[]; seconds?: number } {
  return Array.isArray(r.iterations) && Array.isArray(r.losses) && r.iterations.length === r.losses.length &&
    r.iterations.every(isNumber) && r.losses.every(isNumber);
}

function isEpoch(r: Record<string, unknown>): boolean {
  return ['iteration', 'epoch', 'trainAcc', 'testAcc'].every((key) => isNumber(r[key]));
}

/** Bytes after the last newline of a file of `size` bytes (empty if it ends with one), read from the end. */
function readTail(fd: number, size: number): Buffer {
  const chunks: Buffer[] = [];
  let end = size;
  while (end > 0) {
    const start = Math.max(0, end - 64 * 1024);
    const chunk = Buffer.alloc(end - start);
    readSync(fd, chunk, 0, chunk.length, start);
    const newline = chunk.lastIndexOf(0x0a);
    if (newline >= 0) {
      chunks.unshift(chunk.subarray(newline + 1));
      break;
    }
    chunks.unshift(chunk);
    end = start;
  }
  return Buffer.concat(chunks);
}
