/**
 * One training run from a validated configuration to its summary: load the dataset, check the
 * network fits it, step the §4.5 loop, and report progress in batches. It yields to the event loop
 * between slices of iterations so that signals, messages and stop requests are handled mid-run.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describeIssue, type ConfigIssue, type RunConfig } from '../../shared/config';
import { takeFirst } from '../../shared/engine/dataset';
import { Training, type EpochRecord, type EvaluationPoint } from '../../shared/engine/train';
import type { FloatArray } from '../../shared/engine/tensor';
import { bestEngine } from '../../shared/engine/best-engine';
import { meanOfLast, type EndStatus, type RunSummary } from '../../shared/summary';
import { datasetFolder, loadIdxDataset, shapeOf, type DatasetShape, type LoadedDataset } from './datasets';
import { probeDatasetOffThread, type DatasetProbe } from './dataset-probe';
import type { PauseGate } from './pause-gate';
import { writeWeights } from './store/weights-file';
import { SnapshotWriter, snapshotsFolder } from './snapshots';
import {
  evaluationPlaceFromEnvironment,
  startEvaluationWorker,
  type EvaluationPlace,
  type OffThreadEvaluation,
} from './evaluation-off-thread';
import { InOrder } from './in-order';
import { errorMessage, InvalidRequestError } from '../../shared/errors';

/** Default longest time between two progress batches, and the length of a slice of steps: at most 20 messages a second. */
export const PROGRESS_INTERVAL_MS = 50;

/** Losses of consecutive iterations, sent together (never one message per iteration). */
export interface ProgressBatch {
  readonly iterations: number[];
  readonly losses: number[];
  /** Wall-clock seconds since the run started, when the batch's last iteration ended. */
  readonly seconds: number;
}

/** An accuracy measurement with the wall-clock seconds since the run started. */
export type TimedEpoch = EpochRecord & { readonly seconds: number };

/** Callbacks a session reports to; all optional. */
export interface SessionListener {
  onProgress?(batch: ProgressBatch): void;
  onEpoch?(epoch: TimedEpoch): void;
  /**
   * The loop holds at the pause gate, every report before it given (measurements under way included): nothing
   * more comes until it is resumed. Said once per hold; not at all when resumed before the loop got there.
   */
  onPaused?(): void;
}

export interface SessionOptions {
  readonly runId: string;
  readonly listener?: SessionListener;
  /** Aborting stops the run after the current iteration; it then ends as `stopped`. */
  readonly signal?: AbortSignal;
  /** Longest time between two progress batches (default PROGRESS_INTERVAL_MS). */
  readonly progressIntervalMs?: number;
  /** A dataset already in memory (benchmarks, tests); loaded from `dataPath` or `config.dataset` otherwise. */
  readonly dataset?: LoadedDataset;
  /** Folder of the dataset's IDX files when the host resolved it (the packaged app's bundled MNIST). */
  readonly dataPath?: string;
  /** While paused, the loop waits between iterations (time paused counts in `seconds` only). */
  readonly pause?: PauseGate;
  /**
   * Where to write the final weights (`<base>.json` and `<base>.bin`); not written for a diverged run. The
   * parameter snapshots of the evaluation points go to the `snapshots` folder beside it (see snapshots.ts).
   */
  readonly weightsPath?: string;
  /**
   * Where accuracies are measured: `auto` (the default, unless DESCENT_EVALUATION says otherwise) in a worker
   * thread where this process has a second core, beside the training (evaluation-off-thread.ts); `inline` in
   * the training thread. Either way the measurements, their order and the snapshots are the same.
   */
  readonly evaluation?: EvaluationPlace;
}

/** Measurements in the worker at most (each holds a copy of the weights) before training waits for the oldest. */
const MEASUREMENTS_IN_FLIGHT = 2;

/** A configuration that does not fit its dataset; `issues` name the fields. */
export class DatasetMismatchError extends InvalidRequestError {
  constructor(readonly issues: ConfigIssue[]) {
    super(issues.map(describeIssue).join('; '), 'config.doesNotFit', {}, issues);
    this.name = 'DatasetMismatchError';
  }
}

/** Problems between a configuration and the dataset it names (input width, classes, subset size). */
export function checkAgainstDataset(config: RunConfig, data: DatasetShape): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const { layers } = config;
  if (layers[0] !== data.features) {
    issues.push({
      field: 'layers',
      message: `the input layer must have ${data.features} units (pixels per image), got ${layers[0]}`,
      // What the page words in the user's language (shared/failure.ts).
      code: 'custom',
      params: { rule: 'inputWidth', expected: data.features, got: layers[0] },
    });
  }
  if (layers[layers.length - 1] !== data.classes) {
    issues.push({
      field: 'layers',
      message: `the output layer must have ${data.classes} units (classes), got ${layers[layers.length - 1]}`,
      code: 'custom',
      params: { rule: 'outputWidth', expected: data.classes, got: layers[layers.length - 1] },
    });
  }
  if (config.trainSize !== null && config.trainSize > data.trainCount) {
    issues.push({
      field: 'trainSize',
      message: `must be from 1 to ${data.trainCount} (training images in the dataset), got ${config.trainSize}`,
      code: 'custom',
      params: { rule: 'trainSize', max: data.trainCount, got: config.trainSize },
    });
  }
  return issues;
}

/**
 * Throws DatasetMismatchError if any of `configs` does not fit its dataset (each dataset's headers read
 * once, by `probe`: off the thread by default, so a server stays responsive): the check before runs are
 * queued, so a misfit is refused instead of failing in a trainer.
 */
export async function assertConfigsFitDatasets(configs: RunConfig[], probe: DatasetProbe = probeDatasetOffThread): Promise<void> {
  const datasets = [...new Set(configs.map((config) => config.dataset))];
  const shapes = new Map(
    await Promise.all(datasets.map(async (dataset) => [dataset, await probeOrRefuse(probe, dataset)] as const)),
  );
  for (const config of configs) {
    const issues = checkAgainstDataset(config, shapes.get(config.dataset)!);
    if (issues.length) throw new DatasetMismatchError(issues);
  }
}

/** The dataset's shape; a folder that cannot be read is a request refused (400), saying which dataset and why. */
async function probeOrRefuse(probe: DatasetProbe, dataset: string): Promise<DatasetShape> {
  try {
    return await probe(datasetFolder(dataset));
  } catch (error) {
    const reason = errorMessage(error);
    throw new InvalidRequestError(reason, 'dataset.unusable', { dataset, reason });
  }
}

const now = (): number => performance.now();

/** Runs `config` (with its seed resolved) to the end, to a stop request, or to a non-finite loss. */
export async function runTrainingSession(config: RunConfig & { seed: number }, options: SessionOptions): Promise<RunSummary> {
  const started = now();
  // Started first: the worker's own start overlaps loading the dataset.
  const worker = startEvaluationWorker(options.evaluation ?? evaluationPlaceFromEnvironment());
  try {
    return await trainAndReport(config, options, started, worker);
  } finally {
    await worker?.close();
  }
}

async function trainAndReport(
  config: RunConfig & { seed: number },
  options: SessionOptions,
  started: number,
  worker: OffThreadEvaluation | undefined,
): Promise<RunSummary> {
  const data = options.dataset ?? loadIdxDataset(options.dataPath ?? datasetFolder(config.dataset));
  const issues = checkAgainstDataset(config, shapeOf(data));
  if (issues.length > 0) throw new DatasetMismatchError(issues);
  const loadSeconds = (now() - started) / 1000;

  const train = config.trainSize === null ? data.train : takeFirst(data.train, config.trainSize);
  const training = new Training(config, train, data.test, now, bestEngine(), { evaluationTwin: worker !== undefined });
  // Off the thread only where the network is resident in a shared memory (analytic gradients, sparse data).
  const share = training.evaluationShare;
  const offThread = worker && share ? worker : undefined;
  if (offThread && share) {
    offThread.attach(share);
    training.deferEvaluations = true;
  }
  const snapshots = options.weightsPath
    ? new SnapshotWriter(snapshotsFolder(options.weightsPath), training.network, config.seed, {
        iterations: config.iterations,
        itersPerEpoch: training.itersPerEpoch,
      })
    : undefined;
  const interval = options.progressIntervalMs ?? PROGRESS_INTERVAL_MS;
  const listener = options.listener ?? {};
  const losses: number[] = [];
  const elapsed = (): number => (now() - started) / 1000;
  let pending = { iterations: [] as number[], losses: [] as number[] };
  let lastFlush = now();
  let status: EndStatus = 'completed';
  let divergedAt: number | undefined;
  let best: EpochRecord | undefined;

  // Reports leave in the run's order even while a measurement is still being made in the worker: progress
  // after update i waits for the measurement after it.
  const outbox = new InOrder();
  const inFlight: Promise<void>[] = [];
  let failure: unknown;

  const flush = (): void => {
    if (pending.iterations.length === 0) return;
    const batch = { ...pending, seconds: elapsed() };
    outbox.push(() => listener.onProgress?.(batch));
    pending = { iterations: [], losses: [] };
    lastFlush = now();
  };
  const announce = (epoch: EpochRecord): void => {
    if (!best || epoch.testAcc > best.testAcc) best = epoch;
    listener.onEpoch?.({ ...epoch, seconds: elapsed() });
  };
  const report = (epoch: EpochRecord | undefined): void => {
    if (!epoch) return;
    // Written before the epoch is reported, so a snapshot exists for every measurement a listener has seen.
    snapshots?.evaluated(epoch.iteration);
    flush();
    outbox.push(() => announce(epoch));
  };
  /** A measurement that fell due, made in the worker on a copy of the weights while training goes on. */
  const measureOffThread = (point: EvaluationPoint | undefined): void => {
    if (!point || !offThread) return;
    snapshots?.evaluated(point.iteration);
    flush();
    const send = outbox.reserve();
    const copy = (arrays: FloatArray[]): FloatArray[] => arrays.map((values) => values.slice());
    const measured = offThread.measure(copy(training.network.weights), copy(training.network.biases)).then(
      ({ trainAcc, testAcc, seconds }) => {
        const epoch: EpochRecord = { ...point, trainAcc, testAcc };
        training.recordEvaluation(epoch, seconds);
        send(() => announce(epoch));
      },
      (error: unknown) => {
        failure ??= error;
      },
    );
    inFlight.push(measured);
  };
  /** Waits until at most `limit` measurements are in flight (they settle in order), then fails the run if one failed. */
  const settle = async (limit: number): Promise<void> => {
    while (inFlight.length > limit) await inFlight.shift();
    if (failure !== undefined) throw failure;
  };

  while (!training.finished) {
    if (options.pause?.paused) {
      flush();
      // "Paused" is said only once the run is still: after the last progress and measurements it made.
      await settle(0);
      if (options.pause.paused && !options.signal?.aborted) listener.onPaused?.();
      await options.pause.wait(options.signal);
    }
    if (options.signal?.aborted) {
      status = 'stopped';
      break;
    }
    const sliceEnd = now() + interval;
    while (!training.finished && now() < sliceEnd) {
      const i = training.iteration;
      const { loss, epoch, due } = training.step();
      if (!Number.isFinite(loss)) {
        status = 'diverged';
        divergedAt = i;
        break;
      }
      losses.push(loss);
      pending.iterations.push(i);
      pending.losses.push(loss);
      report(epoch);
      measureOffThread(due);
    }
    if (status === 'diverged') break;
    await settle(MEASUREMENTS_IN_FLIGHT);
    if (now() - lastFlush >= interval) flush();
    // Let signals, IPC messages and timers in before the next slice.
    await nextTurn();
  }
  flush();
  if (status !== 'diverged' && training.iteration > 0) {
    if (offThread) measureOffThread(training.finalEvaluationPoint());
    else report(training.finalEvaluation());
  }
  await settle(0);
  if (status !== 'diverged') snapshots?.finish(training.lastEpoch?.iteration);
  if (options.weightsPath && status !== 'diverged') writeWeights(options.weightsPath, training.network, config.seed);

  // A diverged run's weights are not finite: its last measurement does not describe them.
  const measured = status === 'diverged' ? undefined : training.lastEpoch;
  const iterations = losses.length;
  return {
    runId: options.runId,
    status,
    iterations,
    trainAcc: measured?.trainAcc ?? null,
    testAcc: measured?.testAcc ?? null,
    finalLoss: losses.length ? losses[losses.length - 1] : null,
    meanLossLast100: meanOfLast(losses, 100),
    bestTestAcc: best?.testAcc ?? null,
    bestTestAccIteration: best?.iteration ?? null,
    seconds: (now() - started) / 1000,
    trainSeconds: training.times.trainSeconds,
    evalSeconds: training.times.evalSeconds,
    loadSeconds,
    itersPerSec: training.times.trainSeconds > 0 ? iterations / training.times.trainSeconds : 0,
    seed: config.seed,
    ...(divergedAt === undefined ? {} : { divergedAt }),
    config,
  };
}
