/**
 * The test set through one set of weights: every image's predicted class, the confusion matrix, and the
 * misclassified images with their softmax outputs. Synchronous and CPU-bound (10 000 forward passes):
 * servers run it in a worker thread (inside-worker.ts), never on the event loop of the window's process.
 */
import { loadIdxSplit } from './datasets';
import { sliceRows, pixelScale, type Dataset } from '../../shared/engine/dataset';
import { EVAL_CHUNK_ROWS } from '../../shared/engine/evaluate';
import { MultiLayerNet } from '../../shared/engine/network';
import { allocate, argmax, type FloatArray } from '../../shared/engine/tensor';
import { bestEngine } from '../../shared/engine/best-engine';
import { confusionMatrix } from '../../shared/inside/confusion';
import type { InsideAnalysis, Mistake, SnapshotRef } from '../../shared/inside/inside-schemas';
import type { WeightsHeader } from './store/weights-file';

/** The test split of the dataset in `folder` (images and labels only: the training files are not read). */
export function loadTestSplit(folder: string): Dataset & { readonly width: number; readonly height: number } {
  return loadIdxSplit(folder, 'test');
}

/** A network holding stored weights (as readWeights returns them), with the engine's fastest kernels. */
export function networkFromWeights(header: WeightsHeader, values: FloatArray[]): MultiLayerNet {
  const spec = { layers: header.layers, activation: header.activation, loss: header.loss, dtype: header.dtype };
  return new MultiLayerNet(spec, bestEngine().kernels, {
    weights: values.filter((_, i) => i % 2 === 0),
    biases: values.filter((_, i) => i % 2 === 1),
  });
}

/** Predictions, confusion matrix and mistakes of `network` on `test`. */
export function analyseTestSet(network: MultiLayerNet, test: Dataset, iteration: SnapshotRef): InsideAnalysis {
  const { layers, dtype } = network.spec;
  const classes = layers[layers.length - 1];
  if (layers[0] !== test.features)
    throw new Error(`the network takes ${layers[0]} inputs but the test images have ${test.features} pixels`);
  if (test.classes > classes)
    throw new Error(`the test labels go up to ${test.classes - 1} but the network has ${classes} outputs`);
  const scale = pixelScale(dtype);
  const x = allocate(dtype, EVAL_CHUNK_ROWS * test.features);
  const chunkLabels = new Int32Array(EVAL_CHUNK_ROWS);
  const predicted: number[] = new Array<number>(test.count);
  const mistakes: Mistake[] = [];
  for (let start = 0; start < test.count; start += EVAL_CHUNK_ROWS) {
    const rows = Math.min(EVAL_CHUNK_ROWS, test.count - start);
    sliceRows(test, start, rows, scale, x, chunkLabels);
    const y = network.predict(x, rows);
    for (let r = 0; r < rows; r++) {
      const p = argmax(y, r * classes, classes);
      predicted[start + r] = p;
      if (p !== chunkLabels[r]) {
        mistakes.push({
          index: start + r,
          label: chunkLabels[r],
          predicted: p,
          probabilities: Array.from(y.subarray(r * classes, (r + 1) * classes)),
        });
      }
    }
  }
  const labels = Array.from(test.labels);
  return { iteration, classes, confusion: confusionMatrix(labels, predicted, classes), labels, predicted, mistakes };
}
