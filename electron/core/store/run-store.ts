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
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { RUN_SCHEMA_VERSION, runRecordSchema, type RunRecord } from '../../../shared/run-record';
import type { EpochRecord } from '../../../shared/engine/train';
import { isRunId } from '../run-id';
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

export class RunStore {
  readonly runsDir: string;
  readonly trashDir: string;

  constructor(readonly home: string) {
    this.runsDir = join(home, 'runs');
    this.trashDir = join(home, 'trash');
    mkdirSync(this.runsDir, { recursive: true });
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
    mkdirSync(dir, { recursive: false });
    writeFileSync(join(dir, METRICS_FILE), '');
    this.write(record);
  }

  /** Replaces `run.json` atomically: a crash leaves the old record or the new one, never a mix. */
  write(record: RunRecord): void {
    writeFileAtomic.sync(join(this.runDir(record.id), RUN_FILE), `${JSON.stringify(record, null, 2)}\n`, { fsync: true });
  }

  /** Reads and validates a run's record; throws DamagedRunError naming the file and the problem. */
  read(id: string): RunRecord {
    const path = join(this.runDir(id), RUN_FILE);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new DamagedRunError(path, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new DamagedRunError(path, `is not valid JSON (${(error as Error).message})`);
    }
    const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
    if (version !== RUN_SCHEMA_VERSION) {
      throw new DamagedRunError(path, `has schema version ${JSON.stringify(version)}; this Descent reads version ${RUN_SCHEMA_VERSION}`);
    }
    const parsed = runRecordSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new DamagedRunError(path, `does not match the run format: ${issue.path.join('.')}: ${issue.message}`);
    }
    if (parsed.data.id !== id) throw new DamagedRunError(path, `names run ${parsed.data.id} but sits in folder ${id}`);
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
    for (const entry of readdirSync(this.runsDir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
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

  /** Opens the run's metrics for appending. */
  metricsWriter(id: string): MetricsWriter {
    return new MetricsWriter(this.metricsPath(id));
  }

  /** All recorded metrics of a run; a torn last line or a bad line is skipped and reported. */
  readMetrics(id: string): RunMetrics {
    const path = this.metricsPath(id);
    const metrics: RunMetrics = { iterations: [], losses: [], seconds: [], epochs: [], warnings: [] };
    let lastSeconds = 0;
    if (!existsSync(path)) {
      metrics.warnings.push(`${path}: missing`);
      return metrics;
    }
    const text = readFileSync(path, 'utf8');
    const lines = text.split('\n');
    const tail = lines.pop() ?? '';
    if (tail.length > 0) metrics.warnings.push(`${path}: the last line is incomplete (${tail.length} bytes; a write was cut off) and was skipped`);
    lines.forEach((line, index) => {
      if (line.length === 0) return;
      let record: { type?: string; iterations?: number[]; losses?: number[]; seconds?: number } & Partial<EpochRecord>;
      try {
        record = JSON.parse(line);
      } catch {
        metrics.warnings.push(`${path}: line ${index + 1} is not JSON and was skipped`);
        return;
      }
      if (record.type === 'progress' && isProgress(record)) {
        for (let k = 0; k < record.iterations.length; k++) {
          metrics.iterations.push(record.iterations[k]);
          metrics.losses.push(record.losses[k]);
        }
        metrics.seconds.push(...spreadTimes(lastSeconds, record.seconds, record.iterations.length));
        if (typeof record.seconds === 'number') lastSeconds = record.seconds;
      } else if (record.type === 'epoch' && isEpoch(record)) {
        const { iteration, epoch, trainAcc, testAcc, seconds } = record as EpochRecord & { seconds?: number };
        metrics.epochs.push({ iteration, epoch, trainAcc, testAcc, ...(typeof seconds === 'number' ? { seconds } : {}) });
      } else {
        metrics.warnings.push(`${path}: line ${index + 1} is not a well-formed progress or epoch record and was skipped`);
      }
    });
    return metrics;
  }

  /**
   * Cuts a torn last line off the run's metrics so that appending can resume cleanly, moving the
   * fragment to `metrics.torn-<time>.ndjson` beside it (set aside, not deleted). Returns its path.
   */
  setAsideTornTail(id: string): string | null {
    const path = this.metricsPath(id);
    if (!existsSync(path)) return null;
    const bytes = readFileSync(path);
    if (bytes.length === 0 || bytes[bytes.length - 1] === 0x0a) return null;
    const keep = bytes.lastIndexOf(0x0a) + 1;
    const aside = join(this.runDir(id), `metrics.torn-${Date.now()}.ndjson`);
    writeFileSync(aside, bytes.subarray(keep));
    truncateSync(path, keep);
    return aside;
  }

  /**
   * After a crash: every run still marked queued, running or paused whose owning process is gone
   * becomes `interrupted`, with its metrics kept. Returns the runs changed.
   */
  recoverInterrupted(isAlive: (owner: NonNullable<RunRecord['owner']>) => boolean = ownerIsAlive): RunRecord[] {
    const changed: RunRecord[] = [];
    for (const run of this.list().runs) {
      if (run.status !== 'queued' && run.status !== 'running' && run.status !== 'paused') continue;
      if (run.owner && isAlive(run.owner)) continue;
      const torn = this.setAsideTornTail(run.id);
      const reason = `the process training it (pid ${run.owner?.pid ?? '?'}) ended while the run was ${run.status}` +
        (torn ? `; an incomplete metrics line was set aside in ${torn}` : '');
      const next: RunRecord = { ...run, status: 'interrupted', owner: null, endedAt: new Date().toISOString(), error: reason };
      this.write(next);
      changed.push(next);
    }
    return changed;
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
    if (records.length > 0) writeSync(this.fd, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
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

/** A progress line another tool (or a bad disk) could have mangled: parallel arrays of numbers. */
function isProgress(r: { iterations?: unknown; losses?: unknown }): r is { iterations: number[]; losses: number[]; seconds?: number } {
  return Array.isArray(r.iterations) && Array.isArray(r.losses) && r.iterations.length === r.losses.length &&
    r.iterations.every(isNumber) && r.losses.every(isNumber);
}

function isEpoch(r: Record<string, unknown>): boolean {
  return ['iteration', 'epoch', 'trainAcc', 'testAcc'].every((key) => isNumber(r[key]));
}

/** The owner record of this process. */
export function currentOwner(): NonNullable<RunRecord['owner']> {
  return { pid: process.pid, hostname: hostname() };
}

/** True if the process that owns a run still runs (on another machine we cannot tell, so assume so). */
export function ownerIsAlive(owner: NonNullable<RunRecord['owner']>): boolean {
  if (owner.hostname !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
