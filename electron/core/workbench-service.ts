/**
 * The backend of the workbench UI: `WorkbenchApi` over a run manager and its store. Transports (Electron
 * IPC in electron/main, the browser bridge in electron/server) validate arguments and call it through
 * shared/api.ts's `invokeApi`; its results are checked against the method table's schemas in tests.
 */
import { availableParallelism } from 'node:os';
import {
  sweepConfigs,
  type Annotation,
  type AppInfo,
  type RunMetadataRequest,
  type SweepRequest,
  type WorkbenchApi,
  type WorkbenchEvent,
} from '../../shared/api';
import { assertGradientCheckFits } from './gradient-check';
import { pickSeed } from '../../shared/engine/rng';
import type { RunManager } from './run-manager';
import { assertConfigsFitDatasets } from './training-session';
import { clientGone } from './client-scope';
import type { RunConfig } from '../../shared/config';
import { fitRunName } from '../../shared/run-text';
import { repeatGroupName, repeatRunName, sweepRunName } from '../../shared/run-names';
import { repeatOverSeeds, repeatSeeds } from '../../shared/repeat-seeds';
import { InsideService } from './inside-service';
import { LabService } from './lab-service';
import type { MiniBatchRequest, WeightLineRequest } from '../../shared/lab/lab-schemas';
import type { SnapshotRef } from '../../shared/inside/inside-schemas';
import type { UiState } from '../../shared/ui-state';
import { readUiState, writeUiState } from './store/ui-state-file';

/** The API minus what only a transport can do (saving a file where the user points). */
export type WorkbenchBackend = Omit<WorkbenchApi, 'saveFile'>;

export class WorkbenchService implements WorkbenchBackend {
  constructor(
    private readonly manager: RunManager,
    private readonly info: { version: string; transport: AppInfo['transport'] },
  ) {
    this.inside = new InsideService(manager.store);
    this.lab = new LabService(manager.store);
  }

  /** The Lab's pages on stored runs (mini-batch estimates, one weight of a trained network). */
  private readonly lab: LabService;

  /** Sweeps started, to name each one's lane of runs (RunManager's RunLane). */
  private sweeps = 0;

  /** The Inside view's backend (snapshots, analyses, test images). */
  private readonly inside: InsideService;

  async appInfo(): Promise<AppInfo> {
    return { ...this.info, home: this.manager.store.home, concurrency: this.manager.concurrency, cores: availableParallelism() };
  }

  async listRuns() {
    return this.manager.store.list();
  }

  async getRun(id: string) {
    return this.manager.store.read(id);
  }

  /** The history at a resolution a chart draws (every value of a short run; bucket means of a long one). */
  async getMetrics(id: string) {
    return this.manager.store.chartMetrics(id);
  }

  async startRun(config: RunConfig, meta: RunMetadataRequest = {}) {
    await assertConfigsFitDatasets([config]); // off the thread: no dataset can stall this process
    return this.manager.submit(config, meta);
  }

  async startSweep(request: SweepRequest) {
    const configs = sweepConfigs(request);
    await assertConfigsFitDatasets(configs);
    // With repeats each value comes `perValue` times in a row, once per seed.
    const perValue = configs.length / request.values.length;
    const name = (config: RunConfig, i: number) =>
      sweepRunName(
        request.name,
        request.parameter,
        request.values[Math.floor(i / perValue)],
        perValue > 1 ? config.seed : undefined,
      );
    // The sweep's own limit on runs at once, if the user chose one: its runs share a lane of their own.
    const lane = request.parallel === undefined ? undefined : { id: `sweep-${++this.sweeps}`, limit: request.parallel };
    return configs.map((config, i) =>
      this.manager.submit(config, { name: fitRunName(name(config, i)), group: request.name }, lane),
    );
  }

  /** `config` once per seed (its seed and the next ones, or random seeds), as one group named by `meta.name`. */
  async startRepeats(config: RunConfig, repeat: number, meta: { name?: string; tags?: string[]; notes?: string } = {}) {
    const configs = repeatOverSeeds([config], repeatSeeds(repeat, config.seed));
    await assertConfigsFitDatasets(configs);
    const group = meta.name || repeatGroupName(new Date());
    return configs.map((c) => this.manager.submit(c, { ...meta, name: fitRunName(repeatRunName(group, c.seed)), group }));
  }

  async pauseRun(id: string) {
    this.manager.pause(id);
  }

  async resumeRun(id: string) {
    this.manager.resume(id);
  }

  async stopRun(id: string) {
    this.manager.stop(id);
  }

  async deleteRun(id: string) {
    this.manager.delete(id);
  }

  async restoreRun(id: string) {
    return this.manager.restore(id);
  }

  async annotateRun(id: string, change: Annotation) {
    return this.manager.annotate(id, change);
  }

  async gradientCheck(config: RunConfig, batch: number) {
    // Checked here (file headers only, in a worker thread) so that a mismatch is the usual field-by-field
    // error at once; computed in a trainer process, away from the window's (or the bridge's) process.
    await assertGradientCheckFits(config, batch);
    // Cancelled if the client goes away (the bridge's request closes) before the result.
    return this.manager.gradientCheck({ ...config, seed: config.seed ?? pickSeed() }, batch, clientGone());
  }

  async listSnapshots(id: string) {
    return this.inside.listSnapshots(id);
  }

  async snapshotWeights(id: string, iteration: SnapshotRef) {
    return this.inside.snapshotWeights(id, iteration);
  }

  /** Computed in a worker thread (10 000 forward passes), then cached in the run's folder. */
  async insideAnalysis(id: string, iteration: SnapshotRef) {
    return this.inside.analysis(id, iteration);
  }

  async perClassHistory(id: string) {
    return this.inside.perClassHistory(id);
  }

  async testImages(id: string, indices: number[]) {
    return this.inside.testImages(id, indices);
  }

  /** Computed in a worker thread (a pass over the training set for each of two networks). */
  async labMiniBatches(id: string, request: MiniBatchRequest) {
    return this.lab.miniBatches(id, request);
  }

  /** Computed in a worker thread. */
  async labWeightLine(id: string, request: WeightLineRequest) {
    return this.lab.weightLine(id, request);
  }

  /** A file that cannot be used reads as the defaults, with a warning in the log: a preference is never fatal. */
  async getUiState() {
    return readUiState(this.manager.store.home, (message) => process.stderr.write(`warning: ${message}\n`));
  }

  async setUiState(state: UiState) {
    writeUiState(this.manager.store.home, state);
  }

  subscribe(listener: (event: WorkbenchEvent) => void): () => void {
    return this.manager.subscribe(listener);
  }
}
