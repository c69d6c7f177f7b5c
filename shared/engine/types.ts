/**
 * The engine's vocabulary in one place: what fixes a network, when a loss is recorded, and the two kinds
 * of machinery a network can run on — `Kernels` (matrix products, swappable: TypeScript or WebAssembly
 * SIMD) and a `TrainingBackend` (a whole training step on a network resident elsewhere, e.g. in
 * WebAssembly memory). Types only: every module of the engine may import it, it imports none of them.
 */
import type { Dataset } from './dataset';
import type { DType, FloatArray } from './tensor';

/**
 * Hidden-layer activation. `step` (§3.2.2) is there to show why networks do not use it: its derivative is 0
 * wherever it exists, so the analytic gradient of every layer below it is 0 and the network does not learn.
 */
export type Activation = 'sigmoid' | 'relu' | 'step';
/** Loss on the softmax output. */
export type LossKind = 'cross_entropy' | 'mse';
/** How initial weights are scaled: a fixed standard deviation (the book's 0.01), Xavier or He (§6.2). */
export type WeightInit = number | 'xavier' | 'he';

/** Everything that fixes a network's shape and arithmetic. */
export interface NetworkSpec {
  /** Layer widths from input to output, e.g. [784, 50, 10]. */
  readonly layers: readonly number[];
  readonly activation: Activation;
  readonly loss: LossKind;
  readonly dtype: DType;
  /**
   * The δ inside the cross-entropy's logarithm; the book's 1e-7 unless set. The analytic gradient
   * ignores it, so a gradient check with δ = 0 shows how much of the difference is rounding alone.
   */
  readonly crossEntropyDelta?: number;
}

/**
 * When a training step's loss is measured: `after-update` is the book's `train_neuralnet.py`
 * (`network.loss(x_batch, t_batch)` after the SGD step: one more forward pass); `before-update` is the
 * loss of the gradient's own forward pass (free, but one step behind the weights).
 */
export const LOSS_TIMINGS = ['after-update', 'before-update'] as const;
export type LossTiming = (typeof LOSS_TIMINGS)[number];

/** The matrix products a network needs: the TypeScript reference (kernels.ts) or a faster twin. */
export interface Kernels {
  readonly name: string;
  /** out (rows×n) = a (rows×k) · b (k×n), zero entries of `a` skipped. */
  matmul(a: FloatArray, b: FloatArray, out: FloatArray, rows: number, k: number, n: number): void;
  /** out (k×n) = aᵀ · b, a is rows×k, b is rows×n. */
  matmulTransposeA(a: FloatArray, b: FloatArray, out: FloatArray, rows: number, k: number, n: number): void;
  /** out (rows×k) = a (rows×n) · bᵀ, b is k×n. */
  matmulTransposeB(a: FloatArray, b: FloatArray, out: FloatArray, rows: number, n: number, k: number): void;
}

/** A network living inside a training backend, trained and evaluated one call per batch. */
export interface ResidentNetwork {
  /** W1, W2, … and b1, b2, …: views into the backend's memory, in the network's precision. */
  readonly weights: FloatArray[];
  readonly biases: FloatArray[];
  /** One SGD step on the images `indices` of `data`; returns the batch's mean loss, measured as `lossTiming` says. */
  step(
    data: Dataset,
    indices: ArrayLike<number>,
    learningRate: number,
    crossEntropyDelta: number,
    lossTiming: LossTiming,
  ): number;
  /** How many of the images `start .. start + rows` of `data` the network classifies correctly. */
  countCorrect(data: Dataset, start: number, rows: number): number;
  /**
   * What another thread needs to count correct answers for snapshots of these weights in the backend's own
   * memory while training goes on (structured-cloneable, read by the backend that made it); null unless
   * asked for (`evaluationTwin`) and possible.
   */
  readonly evaluationShare: object | null;
}

/** Whole training steps (analytic gradient + SGD) on a resident network; Training prefers one where offered. */
export interface TrainingBackend {
  readonly name: string;
  /**
   * A network for `spec`, trained on batches of up to `batchRows` images and evaluated `evalRows` at a
   * time, on `datasets` (the only ones it accepts later); null where the backend cannot hold it.
   */
  residentNetwork(
    spec: NetworkSpec,
    datasets: readonly Dataset[],
    batchRows: number,
    evalRows: number,
    options?: { evaluationTwin?: boolean },
  ): ResidentNetwork | null;
}

/** What a run computes with: matrix products, and optionally a backend for whole steps. */
export interface Engine {
  readonly kernels: Kernels;
  readonly training: TrainingBackend | null;
}
