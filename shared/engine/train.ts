/**
 * The training loop of §4.5 (`train_neuralnet.py`) as an object that advances one iteration per call,
 * so that a trainer process can interleave it with messages, pauses and stops.
 *
 * Per iteration i: draw `choice(train_size, batch_size)` (with replacement), compute the gradient
 * (analytic or numerical) and the loss of that same forward pass, update with SGD. When
 * `i % iter_per_epoch == 0`, measure train and test accuracy on the full sets — and once more after
 * the last iteration, so that every run ends with the accuracy of its final weights.
 */
import { gatherRows, pixelScale, type Dataset } from './dataset';
import { Evaluator, EVAL_CHUNK_ROWS } from './evaluate';
import { CROSS_ENTROPY_DELTA } from './functions';
import { MultiLayerNet, type NetworkSpec, type WeightInit } from './network';
import { SGD, type Optimizer } from './optimizers';
import { RandomState } from './rng';
import { allocate, type FloatArray } from './tensor';
import { incrementalNumericalGradient } from './numerical-incremental';
import type { Kernels } from './kernel-set';
import type { FusedTraining } from './wasm/fused-training';

/** What the loop needs to know; a subset of a run's configuration. */
export interface TrainingSpec extends NetworkSpec {
  readonly weightInit: WeightInit;
  readonly gradient: 'analytic' | 'numerical';
  readonly learningRate: number;
  readonly batchSize: number;
  readonly iterations: number;
  readonly seed: number;
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

  private readonly rng: RandomState;
  /** The resident WebAssembly network doing whole steps, or null for the TypeScript path. */
  private readonly fused: FusedTraining | null;
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
    kernels?: Kernels,
  ) {
    this.rng = new RandomState(spec.seed);
    // With analytic gradients, a resident network (one WebAssembly call per step) when the kernels offer one.
    this.fused = spec.gradient === 'analytic'
      ? kernels?.fusedTraining?.(spec, [train, test], spec.batchSize, EVAL_CHUNK_ROWS) ?? null
      : null;
    this.network = MultiLayerNet.initialise(spec, spec.weightInit, this.rng, kernels, this.fused ?? undefined);
    this.optimizer = new SGD(spec.learningRate);
    this.itersPerEpoch = itersPerEpoch(train.count, spec.batchSize);
    this.scale = pixelScale(spec.dtype);
    this.evaluator = new Evaluator(this.network, this.scale, train.features, this.fused);
    this.batchIndices = new Int32Array(spec.batchSize);
    this.batchX = allocate(spec.dtype, this.fused ? 0 : spec.batchSize * train.features);
    this.batchT = new Int32Array(spec.batchSize);
    this.parameterArrays = this.network.parameters().map((p) => p.values);
    this.numericalGrads = this.parameterArrays.map((p) => allocate(spec.dtype, p.length));
  }

  /** True once every iteration has run. */
  get finished(): boolean {
    return this.iteration >= this.spec.iterations;
  }

  /**
   * Runs one iteration and returns the loss of its mini-batch (before the update), plus the accuracy
   * measurement if one falls due after it.
   */
  step(): { loss: number; epoch?: EpochRecord } {
    if (this.finished) throw new Error('training has already run every iteration');
    const i = this.iteration;
    const started = this.now();
    const { batchSize } = this.spec;
    this.rng.choice(this.train.count, this.batchIndices);
    const loss = this.fused
      ? this.fused.step(this.train, this.batchIndices, this.spec.learningRate, this.spec.crossEntropyDelta ?? CROSS_ENTROPY_DELTA)
      : this.plainStep(batchSize);
    this.iteration = i + 1;
    this.times.trainSeconds += (this.now() - started) / 1000;
    const epoch = i % this.itersPerEpoch === 0 ? this.evaluate(i) : undefined;
    return { loss, epoch };
  }

  /** Gradient (analytic or numerical) and SGD update in TypeScript, on the batch drawn into batchIndices. */
  private plainStep(batchSize: number): number {
    gatherRows(this.train, this.batchIndices, this.scale, this.batchX, this.batchT);
    let loss: number;
    let grads: FloatArray[];
    if (this.spec.gradient === 'analytic') {
      ({ loss, grads } = this.network.gradient(this.batchX, this.batchT, batchSize));
    } else {
      loss = this.network.loss(this.batchX, this.batchT, batchSize);
      // Same central differences as the book's method, computed incrementally (see numerical-incremental).
      grads = incrementalNumericalGradient(this.network, this.batchX, this.batchT, batchSize, this.numericalGrads);
    }
    this.optimizer.update(this.parameterArrays, grads);
    return loss;
  }

  /**
   * The measurement after the last iteration, unless the last iteration already had one (then the
   * weights have not changed since and it would repeat it).
   */
  finalEvaluation(): EpochRecord | undefined {
    if (this.lastEpoch && this.lastEpoch.iteration === this.iteration - 1) return undefined;
    return this.evaluate(this.iteration);
  }

  private evaluate(iteration: number): EpochRecord {
    const started = this.now();
    const trainAcc = this.evaluator.accuracy(this.train);
    const testAcc = this.evaluator.accuracy(this.test);
    this.times.evalSeconds += (this.now() - started) / 1000;
    this.lastEpoch = { iteration, epoch: iteration / this.itersPerEpoch, trainAcc, testAcc };
    return this.lastEpoch;
  }
}
