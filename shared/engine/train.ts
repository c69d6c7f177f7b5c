/**
 * The training loop of §4.5 (`train_neuralnet.py`) as an object that advances one iteration per call,
 * so that a trainer process can interleave it with messages, pauses and stops.
 *
 * Per iteration i: draw `choice(train_size, batch_size)` (with replacement), compute the gradient
 * (analytic or numerical), update with SGD, and record the batch's loss — after the update, as the book's
 * `train_loss_list.append(network.loss(x_batch, t_batch))` does, or (`lossTiming: 'before-update'`) the
 * loss of the gradient's own forward pass, which costs nothing but lags the weights by one step. When
 * `i % iter_per_epoch == 0`, measure train and test accuracy on the full sets — and once more after
 * the last iteration, so that every run ends with the accuracy of its final weights.
 */
import { gatherRows, pixelScale, type Dataset } from './dataset';
import { Evaluator, EVAL_CHUNK_ROWS } from './evaluate';
import { CROSS_ENTROPY_DELTA } from './functions';
import { MultiLayerNet } from './network';
import { SGD, type Optimizer } from './optimizers';
import { RandomState } from './rng';
import { allocate, type FloatArray } from './tensor';
import { incrementalNumericalGradient } from './numerical-incremental';
import { typescriptEngine } from './kernel-set';
import type { Engine, LossTiming, NetworkSpec, ResidentNetwork, WeightInit } from './types';

/** What the loop needs to know; a subset of a run's configuration. */
export interface TrainingSpec extends NetworkSpec {
  readonly weightInit: WeightInit;
  readonly gradient: 'analytic' | 'numerical';
  readonly learningRate: number;
  readonly batchSize: number;
  readonly iterations: number;
  readonly seed: number;
  /** When each step's loss is measured (the book's train_neuralnet.py: after the update). */
  readonly lossTiming: LossTiming;
}

/** Train and test accuracy measured at one point of the run. */
export interface EpochRecord {
  /** The loop index i after whose update it was measured; `iterations` for the final measurement. */
  readonly iteration: number;
  /** Epochs completed at that point: i / iter_per_epoch (fractional for the final measurement). */
  readonly epoch: number;
  readonly trainAcc: number;
  readonly testAcc: number;
}

/**
 * An accuracy measurement that fell due and is left to the caller (`Training.deferEvaluations`): after the
 * update of loop index `iteration`, at `epoch` epochs.
 */
export interface EvaluationPoint {
  readonly iteration: number;
  readonly epoch: number;
}

/** Wall-clock split of a run, for its summary. */
export interface TrainingTimes {
  trainSeconds: number;
  evalSeconds: number;
}

/** A monotonic clock in milliseconds (performance.now in every runtime Descent uses). */
export type Clock = () => number;

/** `max(train_size / batch_size, 1)`: a float, exactly as the book computes it. */
export function itersPerEpoch(trainSize: number, batchSize: number): number {
  return Math.max(trainSize / batchSize, 1);
}

export class Training {
  readonly network: MultiLayerNet;
  readonly itersPerEpoch: number;
  readonly times: TrainingTimes = { trainSeconds: 0, evalSeconds: 0 };
  /** Iterations completed so far. */
  iteration = 0;
  /** The most recent accuracy measurement, if any. */
  lastEpoch: EpochRecord | undefined;
  /**
   * When true, `step` and `finalEvaluationPoint` hand each measurement that falls due to the caller (`due`)
   * instead of making it: the caller measures a copy of the weights elsewhere (another thread) and reports
   * it back in order with `recordEvaluation`.
   */
  deferEvaluations = false;
  /** The loop index after which the last measurement fell due (made or deferred). */
  private lastEvaluated: number | undefined;

  private readonly rng: RandomState;
  /** The network resident in the engine's training backend doing whole steps, or null for the TypeScript path. */
  private readonly resident: ResidentNetwork | null;
  private readonly optimizer: Optimizer;
  private readonly evaluator: Evaluator;
  private readonly scale: FloatArray;
  private readonly batchIndices: Int32Array;
  private readonly batchX: FloatArray;
  private readonly batchT: Int32Array;
  /** W1, b1, W2, b2, … in the order `gradient` returns their gradients. */
  private readonly parameterArrays: FloatArray[];
  /** Buffers for numerical gradients (in the run's dtype, like analytic ones). */
  private readonly numericalGrads: FloatArray[];

  constructor(
    readonly spec: TrainingSpec,
    private readonly train: Dataset,
    private readonly test: Dataset,
    private readonly now: Clock,
    engine: Engine = typescriptEngine,
    /** `evaluationTwin`: prepare the resident network to be evaluated from another thread (`evaluationShare`). */
    options: { evaluationTwin?: boolean } = {},
  ) {
    this.rng = new RandomState(spec.seed);
    // With analytic gradients, a resident network (one call per step) when the engine has a training backend.
    this.resident =
      spec.gradient === 'analytic'
        ? (engine.training?.residentNetwork(spec, [train, test], spec.batchSize, EVAL_CHUNK_ROWS, options) ?? null)
        : null;
    // The network adopts the resident one's weights: every TypeScript path sees what its steps update.
    this.network = MultiLayerNet.initialise(spec, spec.weightInit, this.rng, engine.kernels, this.resident ?? undefined);
    this.optimizer = new SGD(spec.learningRate);
    this.itersPerEpoch = itersPerEpoch(train.count, spec.batchSize);
    this.scale = pixelScale(spec.dtype);
    this.evaluator = new Evaluator(this.network, this.scale, train.features, this.resident);
    this.batchIndices = new Int32Array(spec.batchSize);
    this.batchX = allocate(spec.dtype, this.resident ? 0 : spec.batchSize * train.features);
    this.batchT = new Int32Array(spec.batchSize);
    this.parameterArrays = this.network.parameters().map((p) => p.values);
    this.numericalGrads = this.parameterArrays.map((p) => allocate(spec.dtype, p.length));
  }

  /** What another thread needs to measure snapshots of this run's weights (see ResidentNetwork), or null. */
  get evaluationShare(): object | null {
    return this.resident?.evaluationShare ?? null;
  }

  /** True once every iteration has run. */
  get finished(): boolean {
    return this.iteration >= this.spec.iterations;
  }

  /**
   * Runs one iteration and returns the loss of its mini-batch (measured as `spec.lossTiming` says), plus
   * the accuracy measurement if one falls due after it — or, with `deferEvaluations`, the point it fell due at.
   */
  step(): { loss: number; epoch?: EpochRecord; due?: EvaluationPoint } {
    if (this.finished) throw new Error('training has already run every iteration');
    const i = this.iteration;
    const started = this.now();
    const { batchSize, learningRate, crossEntropyDelta, lossTiming } = this.spec;
    this.rng.choice(this.train.count, this.batchIndices);
    const loss = this.resident
      ? this.resident.step(this.train, this.batchIndices, learningRate, crossEntropyDelta ?? CROSS_ENTROPY_DELTA, lossTiming)
      : this.plainStep(batchSize);
    this.iteration = i + 1;
    this.times.trainSeconds += (this.now() - started) / 1000;
    if (i % this.itersPerEpoch !== 0) return { loss };
    return this.deferEvaluations ? { loss, due: this.fallDue(i) } : { loss, epoch: this.evaluate(i) };
  }

  /**
   * Gradient (analytic or numerical) and SGD update in TypeScript, on the batch drawn into batchIndices;
   * returns the batch's loss before or after the update, as `spec.lossTiming` says.
   */
  private plainStep(batchSize: number): number {
    gatherRows(this.train, this.batchIndices, this.scale, this.batchX, this.batchT);
    const after = this.spec.lossTiming === 'after-update';
    let lossBefore = NaN;
    let grads: FloatArray[];
    if (this.spec.gradient === 'analytic') {
      ({ loss: lossBefore, grads } = this.network.gradient(this.batchX, this.batchT, batchSize));
    } else {
      if (!after) lossBefore = this.network.loss(this.batchX, this.batchT, batchSize);
      // Same central differences as the book's method, computed incrementally (see numerical-incremental).
      grads = incrementalNumericalGradient(this.network, this.batchX, this.batchT, batchSize, this.numericalGrads);
    }
    this.optimizer.update(this.parameterArrays, grads);
    // The book's train_neuralnet.py: `loss = network.loss(x_batch, t_batch)` once the parameters are updated.
    return after ? this.network.loss(this.batchX, this.batchT, batchSize) : lossBefore;
  }

  /**
   * The measurement after the last iteration, unless the last iteration already had one (then the
   * weights have not changed since and it would repeat it).
   */
  finalEvaluation(): EpochRecord | undefined {
    if (this.lastEvaluated === this.iteration - 1) return undefined;
    return this.evaluate(this.iteration);
  }

  /** `finalEvaluation` left to the caller (`deferEvaluations`): the point to measure, if any. */
  finalEvaluationPoint(): EvaluationPoint | undefined {
    if (this.lastEvaluated === this.iteration - 1) return undefined;
    return this.fallDue(this.iteration);
  }

  /** A deferred measurement, made elsewhere in `seconds`: reported back in the order the points fell due. */
  recordEvaluation(record: EpochRecord, seconds: number): void {
    this.times.evalSeconds += seconds;
    this.lastEpoch = record;
  }

  private fallDue(iteration: number): EvaluationPoint {
    this.lastEvaluated = iteration;
    return { iteration, epoch: iteration / this.itersPerEpoch };
  }

  private evaluate(iteration: number): EpochRecord {
    const started = this.now();
    const point = this.fallDue(iteration);
    const trainAcc = this.evaluator.accuracy(this.train);
    const testAcc = this.evaluator.accuracy(this.test);
    this.times.evalSeconds += (this.now() - started) / 1000;
    this.lastEpoch = { ...point, trainAcc, testAcc };
    return this.lastEpoch;
  }
}
