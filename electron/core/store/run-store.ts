/**
 * The experiment store: plain files, one folder per run, readable by people and other tools.
 *
 *   <home>/runs/<id>/run.json        the run's record, replaced atomically (temp file, fsync, rename)
 *   <home>/runs/<id>/metrics.ndjson  append-only JSON lines: progress batches and epoch measurements
 *   <home>/runs/<id>/weights.json    final parameters: header (shapes, dtype, seed) …
 *   <home>/runs/<id>/weights.bin     … and the little-endian values
 *   <home>/runs/<id>/metrics.summary.json  a long history's chart summary (a cache, metrics-summary.ts)
 *   <home>/runs/<id>/disk-reserve    room held for the last record while the run trains
 *   <home>/runs/<id>/edits/          renames, tags, notes from other processes while it trains (run-edits.ts)
 *   <home>/trash/<id>/               deleted runs, restorable
 *
 * Damaged files are reported with their path and reason and left where they are; they never stop
 * the other runs from loading, and nothing is ever deleted. Reading never needs writing: every file is
 * type-checked and size-bounded before it is read (store-file.ts), and recovery is best effort.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
  type Dirent,
} from 'node:fs';
import { join } from 'node:path';
import { isLive, RUN_SCHEMA_VERSION, runRecordSchema, type RunRecord } from '../../../shared/run-record';
import type { DamagedRunInfo } from '../../../shared/api';
import { isRunId } from '../run-id';
import { fileTypeOf } from '../file-type';
import { scanMetrics, type MetricsScan, type MetricsVisitor } from './metrics-scan';
import { drainAsync } from './line-reader';
import { summarizeMetrics, summarySteps, summaryAsMetrics, type MetricsSummary } from './metrics-summary';
import { tallyMetrics, writeMetricsJson, type MetricsTally } from './metrics-stream';
import { openStoreFile, readStoreFile, replaceFile, StoreFileError } from './store-file';
import { isCurrentProcess, ownerIsAlive, type RunOwner } from './owner';
import { dropEdits, pendingEdits, withEdits, writeEdit, type PendingEdit } from './run-edits';
import type { Annotation } from '../../../shared/api';
import { spreadTimes, type RunMetrics } from '../../../shared/metrics';
import { ConflictError, errorMessage, NotFoundError } from '../../../shared/errors';

/** A run folder whose record cannot be read (the API's format: shared/api.ts). */
export type DamagedRun = DamagedRunInfo;

/** A record that cannot be read: the path and why. */
export class DamagedRunError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'DamagedRunError';
  }
}

const RUN_FILE = 'run.json';
const METRICS_FILE = 'metrics.ndjson';
/** Room held on the disk while a run trains (see `holdReserve`). */
const RESERVE_FILE = 'disk-reserve';
const RESERVE_BYTES = 64 * 1024;
/** The chart's summary of a long history, beside its raw file. */
const SUMMARY_FILE = 'metrics.summary.json';
/** Metrics files up to this size are sent to charts whole. */
export const CHART_RAW_BYTES = 4 * 1024 * 1024;
/** How much a live run's metrics grow between updates of its summary. */
const SUMMARY_STEP_BYTES = 4 * 1024 * 1024;
/** A run.json is a few kilobytes; anything past this is not one, and is not read into memory. */
const MAX_RECORD_BYTES = 1024 * 1024;

/** A new run's id that another run of the store (made by another process or host at the same time) already has. */
export class RunIdTakenError extends Error {
  constructor(readonly id: string) {
    super(`run id ${id} is taken by another run of the store`);
    this.name = 'RunIdTakenError';
  }
}

/** run.json's text: the record, indented for people. */
function recordText(record: RunRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

export class RunStore {
  readonly runsDir: string;
  readonly trashDir: string;
  /** Chart summaries being made, by run id. */
  private readonly summaries = new Map<string, Promise<{ summary: MetricsSummary; warnings: string[] }>>();
  /** Size of each growing run's metrics when its summary was last brought up to date here. */
  private readonly summarizedBytes = new Map<string, number>();

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

  /**
   * Creates the folder and first record of a new run. The folder is put together beside the runs folder (a hidden
   * staging folder in the home, as import-runs.ts does) and moved in whole by one rename, so that a reader listing
   * the store — another process, another host on a shared disk — never meets a half-made run; and the rename is
   * the claim on the id: if another writer took it first, nothing of theirs is touched and RunIdTakenError says so.
   */
  create(record: RunRecord): void {
    const dir = this.runDir(record.id);
    mkdirSync(this.runsDir, { recursive: true });
    const staging = join(this.home, `.new-run-${record.id}-${process.pid}-${randomBytes(4).toString('hex')}`);
    try {
      mkdirSync(staging, { recursive: false });
      writeFileSync(join(staging, METRICS_FILE), '');
      replaceFile(join(staging, RUN_FILE), recordText(record), { fsync: true });
      // Linux lets a rename replace an empty folder: an empty one under this id (made by hand, or by a Descent that
      // made folders in place) is somebody's too. A folder with content makes the rename itself fail.
      if (existsSync(dir)) throw new RunIdTakenError(record.id);
      renameSync(staging, dir);
    } catch (error) {
      // A run that cannot be written whole (full or read-only disk) leaves no half-made folder behind: the staging
      // folder and what is in it were made just now, by this call, and hold nothing else.
      rmSync(staging, { recursive: true, force: true });
      const code = (error as NodeJS.ErrnoException).code;
      throw code === 'ENOTEMPTY' || code === 'EEXIST' ? new RunIdTakenError(record.id) : error;
    }
  }

  /** Replaces `run.json` atomically: a crash leaves the old record or the new one, never a mix. */
  write(record: RunRecord): void {
    replaceFile(join(this.runDir(record.id), RUN_FILE), recordText(record), { fsync: true });
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

  /**
   * A run's record: its run.json, read and validated, with any pending edits from other processes applied
   * (run-edits.ts); throws DamagedRunError naming the file and the problem.
   */
  read(id: string): RunRecord {
    return this.readWithEdits(id).record;
  }

  /** The record with its pending edits applied, and those edits (to drop once run.json holds them). */
  readWithEdits(id: string): { record: RunRecord; edits: PendingEdit[] } {
    const edits = pendingEdits(this.runDir(id), this.home);
    return { record: withEdits(this.readRecordFile(id), edits), edits };
  }

  /** Removes edits that a write of run.json now holds. */
  dropEdits(edits: readonly PendingEdit[]): void {
    dropEdits(edits);
  }

  /**
   * Renames, tags or annotates a run that another live process trains, without touching its run.json
   * (only the owner writes that while it trains): the edit is a file of its own that readers apply at
   * once and the owner folds into its next write. Returns the record as readers now see it.
   */
  requestEdit(id: string, change: Annotation): RunRecord {
    writeEdit(this.runDir(id), change);
    return this.read(id);
  }

  /**
   * Renames, tags or annotates a run that no process here trains: as an edit file if another live process
   * trains it (`requestEdit`), else in its run.json.
   */
  annotate(id: string, change: Annotation): RunRecord {
    const record = this.read(id);
    const trainedElsewhere =
      isLive(record.status) && record.owner !== null && !isCurrentProcess(record.owner) && ownerIsAlive(record.owner);
    return trainedElsewhere ? this.requestEdit(id, change) : this.update(id, (r) => ({ ...r, ...change }));
  }

  /** Reads and validates a run's run.json alone. */
  private readRecordFile(id: string): RunRecord {
    const folder = this.runDir(id);
    // No folder at all is a run this store does not hold (a typo, or deleted meanwhile), not a damaged one.
    if (!existsSync(folder)) throw new NotFoundError(`no run ${id} in ${this.runsDir}`, 'run.notFound', { id });
    return readRunRecordFile(join(folder, RUN_FILE), this.home, id);
  }

  /** Reads, changes and writes back one record (folding in pending edits). For a run no live process trains. */
  update(id: string, change: (record: RunRecord) => RunRecord): RunRecord {
    const { record, edits } = this.readWithEdits(id);
    const next = change(record);
    this.write(next);
    dropEdits(edits);
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
          damaged.push({
            id: entry.name,
            path: join(this.runsDir, entry.name),
            reason: `is ${fileTypeOf(entry)}, not a run folder; it was not read`,
          });
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
        if (error instanceof NotFoundError) continue; // moved to the trash since the folder was listed
        if (!(error instanceof DamagedRunError)) throw error;
        damaged.push({ id: entry.name, path: error.path, reason: error.reason });
      }
    }
    runs.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1));
    return { runs, damaged };
  }

  /**
   * The newest `count` runs (ids begin with their creation time, so the names alone order them), reading only
   * their records; damaged ones are passed over. What a new run's colour is chosen from (shared/run-colour.ts).
   */
  newest(count: number): RunRecord[] {
    const ids = this.entries()
      .filter((entry) => entry.isDirectory() && isRunId(entry.name))
      .map((entry) => entry.name)
      .sort()
      .reverse();
    const runs: RunRecord[] = [];
    for (const id of ids) {
      if (runs.length >= count) break;
      try {
        runs.push(this.read(id));
      } catch (error) {
        if (!(error instanceof DamagedRunError || error instanceof NotFoundError)) throw error;
      }
    }
    return runs;
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
    const metrics: RunMetrics = { iterations: [], losses: [], seconds: [], epochs: [], warnings: [] };
    let lastSeconds = 0;
    const { warnings } = scanMetrics(this.metricsPath(id), this.home, {
      progress: (line) => {
        for (let k = 0; k < line.iterations.length; k++) {
          metrics.iterations.push(line.iterations[k]);
          metrics.losses.push(line.losses[k]);
        }
        for (const t of spreadTimes(lastSeconds, line.seconds, line.iterations.length)) metrics.seconds.push(t);
        if (line.seconds !== undefined) lastSeconds = line.seconds;
      },
      epoch: (measurement) => void metrics.epochs.push(measurement),
    });
    metrics.warnings.push(...warnings);
    return metrics;
  }

  /** One streaming pass over the run's metrics, handing each record to `visitor` (see metrics-scan.ts). */
  scanMetrics(id: string, visitor: MetricsVisitor): MetricsScan {
    return scanMetrics(this.metricsPath(id), this.home, visitor);
  }

  /** How many losses a run recorded, the last one, and every epoch, without holding the history (`descent show`). */
  metricsTally(id: string): MetricsTally {
    if (this.metricsSize(id) <= CHART_RAW_BYTES) return tallyMetrics(this.metricsPath(id), this.home);
    // A long history's summary has these figures, and is kept up to date by reading only what was appended.
    const { summary, warnings } = summarizeMetrics(this.metricsPath(id), this.home, this.summaryPath(id));
    return { losses: summary.losses, lastLoss: summary.lastLoss, epochs: summary.epochs, warnings };
  }

  /**
   * Writes a run's whole history as JSON (the text of `JSON.stringify(readMetrics(id))`) piece by piece
   * through `write`, in bounded memory however long it is (`descent show --json`, `export`).
   */
  writeMetricsJson(id: string, write: (text: string) => void, stringify?: (value: unknown) => string): void {
    writeMetricsJson(this.metricsPath(id), this.home, write, stringify);
  }

  /**
   * The history a chart draws: every value of a run whose metrics file is at most CHART_RAW_BYTES (about
   * 150 000 iterations); for a longer one, the means of at most MAX_BUCKETS buckets of iterations, from the
   * summary kept beside the file (metrics-summary.ts), so that a run of any length opens at once and is
   * sent as a few hundred kilobytes. Every value stays in the file, and `descent export` streams them all.
   */
  async chartMetrics(id: string): Promise<RunMetrics> {
    const path = this.metricsPath(id);
    if (this.metricsSize(id) <= CHART_RAW_BYTES) return this.readMetrics(id);
    // One pass at a time per run: a second request for the same history waits for the first's.
    let pending = this.summaries.get(id);
    if (!pending) {
      pending = drainAsync(summarySteps(path, this.home, this.summaryPath(id))).finally(() => this.summaries.delete(id));
      this.summaries.set(id, pending);
    }
    const { summary, warnings } = await pending;
    return summaryAsMetrics(summary, warnings);
  }

  /**
   * Brings a long run's chart summary up to date with what was appended since it was last made (its owner
   * calls this as the run grows, so that opening the run needs no long pass). Nothing for a short run.
   */
  refreshSummary(id: string, final = true): void {
    const size = this.metricsSize(id);
    if (size <= CHART_RAW_BYTES) return;
    // While the run grows, a pass every SUMMARY_STEP_BYTES: each reads only what was appended since the last.
    if (!final && size - (this.summarizedBytes.get(id) ?? 0) < SUMMARY_STEP_BYTES) return;
    summarizeMetrics(this.metricsPath(id), this.home, this.summaryPath(id));
    if (final) this.summarizedBytes.delete(id);
    else this.summarizedBytes.set(id, size);
  }

  private summaryPath(id: string): string {
    return join(this.runDir(id), SUMMARY_FILE);
  }

  /** Bytes in the run's metrics file (0 if there is none or it is not a file). */
  metricsSize(id: string): number {
    try {
      const stats = statSync(this.metricsPath(id));
      return stats.isFile() ? stats.size : 0;
    } catch {
      return 0;
    }
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
        warnings.push(
          `run ${run.id} is left ${run.status}: its training process is gone, but the store cannot record that (${errorMessage(error)})`,
        );
      }
    }
    return { changed, warnings };
  }

  /**
   * Ends a run whose training process is gone as `interrupted` (found at start-up) or `stopped` (a user
   * asked), its metrics kept and a torn last line set aside. Throws if the store cannot be written.
   */
  endAbandoned(abandoned: RunRecord, status: 'interrupted' | 'stopped'): RunRecord {
    const { record: run, edits } = this.readWithEdits(abandoned.id);
    const torn = this.setAsideTornTail(run.id);
    const reason =
      `the process training it (pid ${run.owner?.pid ?? '?'}) ended while the run was ${run.status}` +
      (status === 'stopped' ? '; stopped by request' : '') +
      (torn ? `; an incomplete metrics line was set aside in ${torn}` : '');
    const next: RunRecord = { ...run, status, owner: null, endedAt: new Date().toISOString(), error: reason };
    this.writeLast(next);
    dropEdits(edits);
    return next;
  }

  /** Moves a run to the trash folder (restorable with `restore`). */
  trash(id: string): void {
    mkdirSync(this.trashDir, { recursive: true });
    const target = join(this.trashDir, id);
    if (existsSync(target)) throw new ConflictError(`${target} already exists in the trash`, 'run.inTrash', { id });
    // A run deleted meanwhile (by another window, or the CLI): said as such, not as the rename's ENOENT.
    if (!existsSync(this.runDir(id))) throw new NotFoundError(`no run ${id} in ${this.runsDir}`, 'run.notFound', { id });
    renameSync(this.runDir(id), target);
  }

  /** Brings a run back from the trash. */
  restore(id: string): void {
    if (!isRunId(id)) throw new Error(`not a run id: ${JSON.stringify(id)}`);
    const from = join(this.trashDir, id);
    if (!existsSync(from)) throw new NotFoundError(`run ${id} is not in the trash`, 'run.notInTrash', { id });
    if (existsSync(this.runDir(id))) throw new ConflictError(`run ${id} exists already`, 'run.exists', { id });
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

/**
 * Reads and validates the run.json at `path` (type-checked and size-bounded; a link is followed only inside
 * `root`). With `folderId`, the record must name that run; without, it must name some run id. Throws
 * DamagedRunError naming the file and the problem, never quoting what the file holds.
 */
export function readRunRecordFile(path: string, root: string, folderId: string | null): RunRecord {
  let text: string;
  try {
    text = readStoreFile(path, root, MAX_RECORD_BYTES).toString('utf8');
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
    throw new DamagedRunError(
      path,
      `does not match the run format: ${issue.path.join('.') || '(the whole record)'}: ${issue.message}`,
    );
  }
  const named = isRunId(parsed.data.id) ? `run ${parsed.data.id}` : 'something that is not a run id';
  if (folderId === null ? !isRunId(parsed.data.id) : parsed.data.id !== folderId) {
    throw new DamagedRunError(path, folderId === null ? `names ${named}` : `names ${named} but sits in folder ${folderId}`);
  }
  return parsed.data;
}

/** Where JSON.parse gave up, without the text it quotes (which could be anything the file holds). */
function jsonErrorPlace(error: unknown): string {
  const message = errorMessage(error);
  const position = /at position (\d+)/.exec(message);
  if (position) return ` (at character ${position[1]})`;
  if (/Unexpected end of JSON input/.test(message)) return ' (it ends too early)';
  return '';
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
