/**
 * Accuracy of weight snapshots in the evaluation twin of a run's resident network (fused-training.ts): the
 * work of the evaluation worker (evaluation-worker.ts), in a module of its own so that tests can run it in
 * their thread. The counting is the training thread's own — Evaluator over the same module code and the
 * same pixel lists in the shared memory — so the accuracies are the ones an in-line evaluation gives.
 */
import { Evaluator } from '../../shared/engine/evaluate';
import { pixelScale, type Dataset } from '../../shared/engine/dataset';
import { typescriptKernels } from '../../shared/engine/kernel-set';
import { MultiLayerNet } from '../../shared/engine/network';
import { attachEvaluationTwin, type EvaluationShare } from '../../shared/engine/wasm/fused-training';
import type { FloatArray } from '../../shared/engine/tensor';

/** Train and test accuracy of one snapshot. */
export interface SnapshotAccuracy {
  readonly trainAcc: number;
  readonly testAcc: number;
}

export class SnapshotEvaluator {
  private readonly network: MultiLayerNet;
  private readonly evaluator: Evaluator;
  private readonly train: Dataset;
  private readonly test: Dataset;

  /** `share`: the evaluation share of a resident network made with [train, test] (Training does). */
  constructor(share: EvaluationShare) {
    const twin = attachEvaluationTwin(share);
    if (!twin) throw new Error('WebAssembly SIMD and threads are not available in this thread');
    if (twin.datasets.length !== 2) throw new Error(`expected the training and test sets, got ${twin.datasets.length} datasets`);
    [this.train, this.test] = twin.datasets;
    // The network adopts the twin's weights and biases as its own: setting a snapshot writes them.
    this.network = new MultiLayerNet(share.spec, typescriptKernels, twin.network);
    this.evaluator = new Evaluator(this.network, pixelScale(share.spec.dtype), share.spec.layers[0], twin.network);
  }

  /** The book's `network.accuracy` on the training and test sets, for the weights and biases given (W1, W2, … / b1, b2, …). */
  measure(weights: readonly FloatArray[], biases: readonly FloatArray[]): SnapshotAccuracy {
    if (weights.length !== this.network.weights.length || biases.length !== this.network.biases.length)
      throw new RangeError(`a snapshot of ${this.network.weights.length} layers expected, got ${weights.length}`);
    weights.forEach((w, l) => this.network.weights[l].set(w));
    biases.forEach((b, l) => this.network.biases[l].set(b));
    return { trainAcc: this.evaluator.accuracy(this.train), testAcc: this.evaluator.accuracy(this.test) };
  }
}
