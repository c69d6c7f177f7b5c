/** Accuracy over a whole dataset, in chunks so that only a slice of it is ever held as floats. */
import { sliceRows, type Dataset } from './dataset';
import { allocate, type FloatArray } from './tensor';
import type { MultiLayerNet } from './network';
import type { ResidentNetwork } from './types';

/** Rows converted to floats at a time: 1 000 × 784 float32 is 3 MB, against 188 MB for all of MNIST. */
export const EVAL_CHUNK_ROWS = 1000;

/** Reusable buffers for evaluating one network on datasets of one width. */
export class Evaluator {
  private readonly x: FloatArray;
  private readonly labels = new Int32Array(EVAL_CHUNK_ROWS);

  /** @param resident the same network resident in a training backend, which then does the counting */
  constructor(
    private readonly network: MultiLayerNet,
    private readonly scale: FloatArray,
    features: number,
    private readonly resident: ResidentNetwork | null = null,
  ) {
    this.x = allocate(network.spec.dtype, resident ? 0 : EVAL_CHUNK_ROWS * features);
  }

  /** The book's `network.accuracy(x, t)` over every image of `dataset`. */
  accuracy(dataset: Dataset): number {
    let correct = 0;
    for (let start = 0; start < dataset.count; start += EVAL_CHUNK_ROWS) {
      const rows = Math.min(EVAL_CHUNK_ROWS, dataset.count - start);
      if (this.resident) {
        correct += this.resident.countCorrect(dataset, start, rows);
        continue;
      }
      sliceRows(dataset, start, rows, this.scale, this.x, this.labels);
      correct += this.network.countCorrect(this.x, this.labels, rows);
    }
    return dataset.count === 0 ? 0 : correct / dataset.count;
  }
}
