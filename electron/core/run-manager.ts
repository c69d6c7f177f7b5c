/**
 * The run manager: a queue of runs, each trained in its own trainer process, at most `concurrency`
 * at a time; every message is persisted to the store and published as one typed event stream.
 * No Electron here: the desktop app and the CLI use it alike, with different `TrainerHost`s.
 */
import { availableParallelism } from 'node:os';
import type { RunConfig } from '../../shared/config';
import { pickSeed } from '../../shared/engine/rng';
import type { TrainerMessage } from '../../shared/protocol';
import { isFinished, isLive, RUN_SCHEMA_VERSION, type RunRecord, type RunStatus } from '../../shared/run-record';
import { datasetFolder } from './datasets';
import { GradientChecks } from './gradient-check-job';
import type { Annotation, GradientCheckReport, WorkbenchEvent } from '../../shared/api';
import { ConflictError, errorMessage } from '../../shared/errors';
import { defaultRunName } from '../../shared/run-names';
import type { Failure, FailureCode, FailureParams } from '../../shared/failure';
import { newRunId } from './run-id';
import { nextColourSlot, RECENT_RUNS_FOR_COLOUR } from '../../shared/run-colour';
import { RunIdTakenError, type MetricsWriter, type RunStore } from './store/run-store';
import { currentOwner, describeOwner, ownerIsAlive } from './store/owner';
import type { PendingEdit } from './store/run-edits';
import type { TrainerHandle, TrainerHost } from './trainer-host';

/** Name, tags, notes and sweep group of a new run. */
export interface RunMetadata {
  readonly name?: string;
  readonly tags?: string[];
  readonly notes?: string;
  readonly group?: string | null;
}

export interface RunManagerOptions {
  readonly store: RunStore;
  readonly host: TrainerHost;
  /** Runs trained at once; default: cores − 1, at least 1. */
  readonly concurrency?: number;
  /** Folder of a config's dataset ("mnist" or a path); the packaged app overrides it. */
  readonly resolveDataPath?: (dataset: string) => string;
  /** How long a stop may take cooperatively before the trainer is killed. */
  readonly stopTimeoutMs?: number;
  /** Draws a new run's id (default `newRunId`); tests pass one that collides. */
  readonly newId?: () => string;
  /** How long a gradient check may take before it is stopped (default GRADIENT_CHECK_TIMEOUT_MS, 5 min). */
  readonly gradientCheckTimeoutMs?: number;
}

/** Ids a new run draws before giving up: a second draw that collides too (2⁻²⁴ each) means something else is wrong. */
const MAX_ID_DRAWS = 8;

/**
 * Runs submitted together that train at most `limit` at a time, whatever the manager's concurrency: a sweep
 * whose user chose how many of its runs train at once.
 */
export interface RunLane {
  readonly id: string;
  readonly limit: number;
}

/** The default number of parallel runs: one core is left for the UI (or the shell). */
export function defaultConcurrency(): number {
  return Math.max(1, availableParallelism() - 1);
}

interface ActiveRun {
  record: RunRecord;
  handle: TrainerHandle;
  writer: MetricsWriter;
  /** The trainer reported `done` or `failed`: its exit is expected. */
  settled: boolean;
  stopRequested: boolean;
  stopTimer?: NodeJS.Timeout;
}

export class RunManager {
  readonly concurrency: number;
  private readonly queue: string[] = [];
  private readonly active = new Map<string, ActiveRun>();
  /** The lane of each queued or active run that has one. */
  private readonly lanes = new Map<string, RunLane>();
  private readonly listeners = new Set<(event: WorkbenchEvent) => void>();
  private readonly idleWaiters: Array<() => void> = [];
  private readonly gradientChecks: GradientChecks;

  constructor(private readonly options: RunManagerOptions) {
    const concurrency = options.concurrency ?? defaultConcurrency();
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
      throw new RangeError(`concurrency must be a whole number from 1 to 64, got ${concurrency}`);
    }
    this.concurrency = concurrency;
    this.gradientChecks = new GradientChecks(options.host, options.gradientCheckTimeoutMs);
  }

  get store(): RunStore {
    return this.options.store;
  }

  /** Listens to every run event; returns the function that stops listening. */
  subscribe(listener: (event: WorkbenchEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Queues a run of a validated `config`; it starts as soon as a slot is free: one of the manager's, or of its
   * `lane` if it has one.
   */
  submit(config: RunConfig, meta: RunMetadata = {}, lane?: RunLane): RunRecord {
    const seeded = { ...config, seed: config.seed ?? pickSeed() };
    const record = this.createRun((id) => ({
      schemaVersion: RUN_SCHEMA_VERSION,
      id,
      name: meta.name ?? defaultName(seeded),
      tags: meta.tags ?? [],
      notes: meta.notes ?? '',
      group: meta.group ?? null,
      colour: this.colourForNewRun(),
      status: 'queued',
      config: seeded,
      createdAt: new Date().toISOString(),
      startedAt: null,
      endedAt: null,
      iterationsDone: 0,
      lastEpoch: null,
      owner: currentOwner(),
      summary: null,
      error: null,
    }));
    this.queue.push(record.id);
    if (lane) this.lanes.set(record.id, lane);
    this.emit({ type: 'run-added', run: record });
    this.schedule();
    return record;
  }

  /**
   * A palette slot that neither the newest runs (queued ones among them) nor the runs this manager trains have
   * (shared/run-colour.ts).
   */
  private colourForNewRun(): number {
    const training = [...this.active.values()].map((run) => run.record);
    return nextColourSlot(this.store.newest(RECENT_RUNS_FOR_COLOUR), training);
  }

  /**
   * Creates the record `make` builds around a new id in the store. Ids are a time stamp and 24 random bits: many
   * writers (processes on many hosts sharing a store) may draw one that another has just taken, and the store
   * refuses it without harm (RunIdTakenError), so the run draws again.
   */
  private createRun(make: (id: string) => RunRecord): RunRecord {
    for (let attempt = 1; ; attempt++) {
      const record = make(this.options.newId?.() ?? newRunId());
      try {
        this.store.create(record);
        return record;
      } catch (error) {
        if (!(error instanceof RunIdTakenError) || attempt >= MAX_ID_DRAWS) throw error;
      }
    }
  }

  pause(id: string): void {
    this.activeRun(id, 'pause').handle.send({ type: 'pause' });
  }

  resume(id: string): void {
    this.activeRun(id, 'resume').handle.send({ type: 'resume' });
  }

  /**
   * Stops a run: a queued one at once; a running one cooperatively, then by kill after a timeout. A run
   * another live process trains is refused (it is that process's to stop); one left unfinished by a process
   * that is gone is recorded as stopped.
   */
  stop(id: string): void {
    const queued = this.queue.indexOf(id);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.lanes.delete(id);
      this.finish(this.store.read(id), { status: 'stopped', error: 'stopped before it started' });
      this.checkIdle();
      return;
    }
    if (!this.active.has(id)) {
      const abandoned = this.foreignRun(id, 'stop');
      if (abandoned) this.emit({ type: 'run-changed', run: this.store.endAbandoned(abandoned, 'stopped') });
      else throw new ConflictError(`cannot stop run ${id}: it is not running`, 'run.notRunning', { id });
      return;
    }
    const run = this.activeRun(id, 'stop');
    if (run.stopRequested) return;
    run.stopRequested = true;
    run.handle.send({ type: 'stop' });
    run.stopTimer = setTimeout(() => {
      this.warn(id, 'the trainer did not stop in time and was killed', 'run.killedAfterStop');
      run.handle.kill();
    }, this.options.stopTimeoutMs ?? 10_000);
  }

  /** Stops everything (queued and running) and resolves when all trainers have exited. */
  async stopAll(): Promise<void> {
    // A gradient check's process is killed at once: it has nothing to save, and must not keep the process alive.
    this.gradientChecks.cancelAll('the backend is stopping');
    for (const id of [...this.queue]) this.stop(id);
    for (const id of this.active.keys()) this.stop(id);
    await this.whenIdle();
  }

  /** Resolves when no run is queued or running. */
  whenIdle(): Promise<void> {
    if (this.queue.length === 0 && this.active.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Ids of the runs being trained right now. */
  activeIds(): string[] {
    return [...this.active.keys()];
  }

  /**
   * Renames, tags or annotates a run. A run another live process trains gets the edit as a file of its
   * own (run-edits.ts), which readers apply at once and that process folds into its next write of run.json
   * (`persist`): the edit is kept, and run.json is never rewritten from here while its owner writes it.
   */
  annotate(id: string, change: Annotation): RunRecord {
    const run = this.active.has(id) ? this.annotateOwn(this.active.get(id)!, change) : this.store.annotate(id, change);
    this.emit({ type: 'run-changed', run });
    return run;
  }

  /** A run this process trains: edits from elsewhere first, then this one (the newest), written now. */
  private annotateOwn(run: ActiveRun, change: Annotation): RunRecord {
    const stored = this.storedRecord(run.record.id);
    run.record = { ...withMetadataOf(stored?.record, run.record), ...change };
    this.store.write(run.record);
    this.store.dropEdits(stored?.edits ?? []);
    return run.record;
  }

  /**
   * Moves a finished run to the store's trash (restorable). A run this or another live process is
   * training is refused: it must be stopped first, where it runs.
   */
  delete(id: string): void {
    if (this.active.has(id) || this.queue.includes(id)) {
      const state = this.active.has(id) ? 'running' : 'queued';
      throw new ConflictError(`run ${id} is ${state}: stop it first`, 'run.busy', { id, state });
    }
    this.foreignRun(id, 'delete');
    this.store.trash(id);
    this.emit({ type: 'run-removed', id });
  }

  /**
   * A run this manager does not train, as its file has it, if the file says it is unfinished but its
   * process is gone (it may be stopped or deleted); throws if another live process trains it. Undefined
   * for a finished run or a record that cannot be read.
   */
  private foreignRun(id: string, action: string): RunRecord | undefined {
    let stored: RunRecord;
    try {
      stored = this.store.read(id);
    } catch {
      return undefined;
    }
    if (!isLive(stored.status)) return undefined;
    if (stored.owner && ownerIsAlive(stored.owner)) {
      const owner = describeOwner(stored.owner);
      throw new ConflictError(
        `cannot ${action} run ${id}: another process (${owner}) is training it; stop it there first`,
        'run.ownedElsewhere',
        { id, owner },
      );
    }
    return stored;
  }

  /** Brings a deleted run back. */
  restore(id: string): RunRecord {
    this.store.restore(id);
    const run = this.store.read(id);
    this.emit({ type: 'run-added', run });
    return run;
  }

  private activeRun(id: string, action: string): ActiveRun {
    const run = this.active.get(id);
    if (!run) throw new ConflictError(`cannot ${action} run ${id}: it is not running`, 'run.notRunning', { id });
    return run;
  }

  /** Starts queued runs, in order, while they have a free slot (a run that cannot start yet lets later ones pass). */
  private schedule(): void {
    for (let next = this.nextToStart(); next !== undefined; next = this.nextToStart()) {
      this.queue.splice(this.queue.indexOf(next), 1);
      this.launch(next);
    }
    // Runs that could not even start leave nothing running: waiters must hear of it.
    this.checkIdle();
  }

  /**
   * The first queued run that may start now: a run of a lane while fewer than its limit of the lane's runs train;
   * any other while fewer than the manager's concurrency of all runs do.
   */
  private nextToStart(): string | undefined {
    return this.queue.find((id) => {
      const lane = this.lanes.get(id);
      if (!lane) return this.active.size < this.concurrency;
      let training = 0;
      for (const active of this.active.keys()) if (this.lanes.get(active)?.id === lane.id) training++;
      return training < lane.limit;
    });
  }

  /**
   * The book's gradient check in a trainer process of its own, outside the run queue (the user waits for
   * it): one at a time, with a time limit (gradient-check-job.ts); `signal` cancels it (a client gone).
   */
  gradientCheck(config: RunConfig & { seed: number }, batch: number, signal?: AbortSignal): Promise<GradientCheckReport> {
    return this.gradientChecks.run({ config, batch, dataPath: this.dataPathOf(config.dataset) }, signal);
  }

  /** Folder of a config's dataset ("mnist" or a path), as trainers are told it. */
  private dataPathOf(dataset: string): string {
    return (this.options.resolveDataPath ?? datasetFolder)(dataset);
  }

  private launch(id: string): void {
    let record: RunRecord | undefined;
    let writer: MetricsWriter;
    try {
      record = {
        ...this.store.read(id),
        status: 'running',
        startedAt: new Date().toISOString(),
        pausedSeconds: 0,
        pausedAt: null,
        owner: currentOwner(),
      };
      this.store.write(record);
      writer = this.store.metricsWriter(id);
      this.store.holdReserve(id);
    } catch (error) {
      // The store cannot take this run (damaged record, full or read-only disk): it fails, the queue goes on.
      this.warn(id, `cannot start the run: ${errorMessage(error)}`, 'run.cannotStart', errorMessage(error));
      if (record) this.finish(record, { status: 'failed', error: `cannot start the run: ${errorMessage(error)}` });
      return;
    }
    // A trainer reports only after spawn has returned (its messages and exit arrive as events), so the
    // callbacks always find `run` set.
    const handle = this.options.host.spawn(id, {
      onMessage: (message) => this.onMessage(run, message),
      onMalformed: (error) => this.warn(id, `trainer sent a ${error}`),
      onExit: (exit) => this.onExit(run, exit.code, exit.signal),
    });
    const run: ActiveRun = { record, writer, settled: false, stopRequested: false, handle };
    this.active.set(id, run);
    this.emit({ type: 'run-changed', run: record });
  }

  private onMessage(run: ActiveRun, message: TrainerMessage): void {
    const id = run.record.id;
    try {
      switch (message.type) {
        case 'ready': {
          run.handle.send({
            type: 'start',
            runId: id,
            config: run.record.config,
            dataPath: this.dataPathOf(run.record.config.dataset),
            weightsPath: this.store.weightsBase(id),
          });
          return;
        }
        case 'progress':
          run.writer.append([message]);
          run.record = { ...run.record, iterationsDone: message.iterations[message.iterations.length - 1] + 1 };
          this.emit({ type: 'progress', id, iterations: message.iterations, losses: message.losses, seconds: message.seconds });
          return;
        case 'epoch': {
          run.writer.append([message], true);
          const { iteration, epoch, trainAcc, testAcc, seconds } = message;
          run.record = { ...run.record, lastEpoch: { iteration, epoch, trainAcc, testAcc } };
          this.persist(run);
          this.emit({ type: 'epoch', id, epoch: { ...run.record.lastEpoch!, ...(seconds === undefined ? {} : { seconds }) } });
          this.emit({ type: 'run-changed', run: run.record });
          return;
        }
        case 'paused':
          run.record = { ...run.record, status: 'paused', pausedAt: new Date().toISOString() };
          this.persist(run);
          this.emit({ type: 'run-changed', run: run.record });
          return;
        case 'resumed':
          run.record = { ...endPause(run.record), status: 'running' };
          this.persist(run);
          this.emit({ type: 'run-changed', run: run.record });
          return;
        case 'done':
          run.settled = true;
          run.writer.close();
          run.record = { ...run.record, summary: { ...message.summary }, iterationsDone: message.summary.iterations };
          this.finish(run.record, { status: message.summary.status });
          return;
        case 'failed':
          run.settled = true;
          run.writer.close();
          this.finish(run.record, { status: 'failed', error: message.message });
          return;
        case 'rejected':
          this.warn(id, `trainer rejected a message: ${message.message}`, 'run.requestRefused', message.message);
          return;
      }
    } catch (error) {
      // The store could not take the run's data (full disk, read-only folder): end the run with the reason.
      run.settled = true;
      run.handle.kill();
      this.finish(run.record, { status: 'failed', error: `cannot save the run: ${errorMessage(error)}` });
    }
  }

  private onExit(run: ActiveRun, code: number | null, signal: string | null): void {
    const id = run.record.id;
    clearTimeout(run.stopTimer);
    this.active.delete(id);
    this.lanes.delete(id);
    if (!run.settled) {
      try {
        run.writer.close();
      } catch {
        // The metrics file keeps what reached it; the record below says why the run ended.
      }
      const how = signal ? `was killed (${signal})` : `exited with code ${code}`;
      const status: RunStatus = run.stopRequested ? 'stopped' : 'failed';
      this.finish(run.record, { status, error: `the trainer process ${how} before finishing; the history so far is kept` });
    }
    this.schedule();
    this.checkIdle();
  }

  /**
   * Writes an active run's record. The store is shared: another process may have renamed, tagged or
   * annotated the run since this one last wrote, so those fields are taken from the file first.
   */
  private persist(run: ActiveRun): void {
    const stored = this.storedRecord(run.record.id);
    run.record = withMetadataOf(stored?.record, run.record);
    this.store.write(run.record);
    this.store.dropEdits(stored?.edits ?? []);
    this.refreshSummary(run.record.id, false);
  }

  /**
   * Keeps a long run's chart summary current as it grows (every few megabytes, and at its end), so that
   * opening it needs no long pass. Best effort: the summary is a cache of the metrics file.
   */
  private refreshSummary(id: string, final: boolean): void {
    try {
      this.store.refreshSummary(id, final);
    } catch (error) {
      this.warn(id, `cannot update the chart summary: ${errorMessage(error)}`, 'run.recordNotWritten', errorMessage(error));
    }
  }

  /** The run's record as its file has it, or undefined if it cannot be read. */
  private storedRecord(id: string): { record: RunRecord; edits: PendingEdit[] } | undefined {
    try {
      return this.store.readWithEdits(id);
    } catch {
      return undefined;
    }
  }

  /**
   * Writes a run's final status (never over an already finished one). On a full disk the run's space
   * reserve is given up for it, so that the record says how the run ended rather than `running`.
   */
  private finish(record: RunRecord, end: { status: RunStatus; error?: string }): void {
    const stored = this.storedRecord(record.id);
    // (A damaged record is replaced by the one this process knows.)
    if (stored && isFinished(stored.record.status)) return;
    const current: RunRecord = {
      ...endPause(withMetadataOf(stored?.record, record)),
      status: end.status,
      error: end.error ?? record.error,
      endedAt: new Date().toISOString(),
      owner: null,
    };
    this.refreshSummary(record.id, true);
    try {
      this.store.writeLast(current);
      this.store.dropEdits(stored?.edits ?? []);
    } catch (error) {
      this.warn(record.id, `cannot write the final record: ${errorMessage(error)}`, 'run.recordNotWritten', errorMessage(error));
    }
    this.emit({ type: 'run-changed', run: current });
  }

  private checkIdle(): void {
    if (this.queue.length > 0 || this.active.size > 0) return;
    this.idleWaiters.splice(0).forEach((wake) => wake());
  }

  /**
   * A run's warning: `message` in English (the CLI prints it), with the code and reason the page words in its
   * language (shared/failure.ts); without a code, the page shows the message inside a translated sentence.
   */
  private warn(id: string, message: string, code?: FailureCode, reason?: string): void {
    const params: FailureParams = reason === undefined ? {} : { reason };
    const failure: Failure = code ? { code, params, message } : { code: 'unexpected', params: { message }, message };
    this.emit({ type: 'warning', id, message, failure });
  }

  private emit(event: WorkbenchEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

/** `record` with the name, tags and notes of `stored` (the file's, which other processes may edit). */
function withMetadataOf(stored: RunRecord | undefined, record: RunRecord): RunRecord {
  return stored ? { ...record, name: stored.name, tags: stored.tags, notes: stored.notes } : record;
}

/**
 * "784-50-10 sigmoid · lr 0.1 · seed 7": a run's name until the user gives it one. The seed (always chosen
 * before the run is named) tells apart runs whose configurations are otherwise the same. Stored in English; the
 * page shows it in its language (shared/run-names.ts).
 */
export function defaultName(config: RunConfig): string {
  return defaultRunName(config);
}

/** `record` with its current pause, if any, added to its paused time (a run resumed, or ended while paused). */
function endPause(record: RunRecord, now = Date.now()): RunRecord {
  if (!record.pausedAt) return record;
  const seconds = Math.max(0, (now - Date.parse(record.pausedAt)) / 1000);
  return { ...record, pausedSeconds: (record.pausedSeconds ?? 0) + seconds, pausedAt: null };
}
