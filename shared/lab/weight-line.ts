/**
 * §4.2.5 on a real network: one weight W_l[row][col] moved along a line while every other parameter stays,
 * and the loss and the accuracy on a fixed set of images at each point. The loss moves smoothly; the
 * accuracy only when an image's predicted class flips — a staircase, flat (slope 0) between its steps.
 *
 * Moving one weight of layer l changes one column of that layer's pre-activation by Δ·(its input's `row`
 * column), so the layers below are computed once and only the layers above are recomputed per point.
 */
import {
  batchLoss,
  CROSS_ENTROPY_DELTA,
  relu,
  reluInPlace,
  sigmoid,
  sigmoidInPlace,
  softmaxRowsInPlace,
  step,
  stepInPlace,
} from '../engine/functions';
import { pixelScale, sliceRows, type Dataset } from '../engine/dataset';
import { addRowVector } from '../engine/kernels';
import { MultiLayerNet } from '../engine/network';
import { allocate, argmax, type FloatArray } from '../engine/tensor';
import type { Activation } from '../engine/types';

/** Which weight, how far each way, at how many points. */
export interface WeightLineSpec {
  /** The weight matrix, from 1 (W1). */
  readonly layer: number;
  readonly row: number;
  readonly col: number;
  readonly span: number;
  readonly points: number;
}

/** One point of the line. */
export interface WeightLinePoint {
  weight: number;
  loss: number;
  accuracy: number;
}

function activationOf(activation: Activation): (x: number) => number {
  return activation === 'sigmoid' ? sigmoid : activation === 'step' ? step : relu;
}

function activate(activation: Activation, values: FloatArray, length: number): void {
  if (activation === 'sigmoid') sigmoidInPlace(values, length);
  else if (activation === 'step') stepInPlace(values, length);
  else reluInPlace(values, length);
}

/** Throws a RangeError naming the field and its range unless the weight exists in `network`. */
export function checkWeightExists(network: MultiLayerNet, spec: Pick<WeightLineSpec, 'layer' | 'row' | 'col'>): void {
  const { layers } = network.spec;
  if (spec.layer > network.depth) throw new RangeError(`layer: must be from 1 to ${network.depth}, got ${spec.layer}`);
  const [rows, cols] = [layers[spec.layer - 1], layers[spec.layer]];
  if (spec.row >= rows) throw new RangeError(`row: W${spec.layer} has rows 0 to ${rows - 1}, got ${spec.row}`);
  if (spec.col >= cols) throw new RangeError(`col: W${spec.layer} has columns 0 to ${cols - 1}, got ${spec.col}`);
}

/** The loss and accuracy of `network` on every image of `data` with W_layer[row][col] at `points` values over value ± span. */
export function weightLine(
  network: MultiLayerNet,
  data: Dataset,
  spec: WeightLineSpec,
): { value: number; points: WeightLinePoint[] } {
  checkWeightExists(network, spec);
  const { layers, activation, dtype, loss, crossEntropyDelta } = network.spec;
  const l = spec.layer - 1;
  const rows = data.count;
  const classes = layers[layers.length - 1];
  // The input of layer l: the images through the layers below it.
  let input = allocate(dtype, rows * data.features);
  sliceRows(data, 0, rows, pixelScale(dtype), input, new Int32Array(rows));
  for (let m = 0; m < l; m++) {
    const out = allocate(dtype, rows * layers[m + 1]);
    network.kernels.matmul(input, network.weights[m], out, rows, layers[m], layers[m + 1]);
    addRowVector(out, network.biases[m], rows, layers[m + 1]);
    activate(activation, out, out.length);
    input = out;
  }
  const [k, n] = [layers[l], layers[l + 1]];
  const base = allocate(dtype, rows * n);
  network.kernels.matmul(input, network.weights[l], base, rows, k, n);
  addRowVector(base, network.biases[l], rows, n);
  const value = network.weights[l][spec.row * n + spec.col];
  const labels = Int32Array.from(data.labels.subarray(0, rows));
  const scratch = allocate(dtype, loss === 'cross_entropy' ? rows : rows * classes);
  const movedOutput = outputAsWeightMoves(network, l, base, input, spec, rows);
  const points = Array.from({ length: spec.points }, (_, i) => {
    const weight = value - spec.span + (2 * spec.span * i) / (spec.points - 1);
    const y = movedOutput(weight - value);
    let correct = 0;
    for (let r = 0; r < rows; r++) if (argmax(y, r * classes, classes) === labels[r]) correct++;
    const lossValue = batchLoss(loss, y, labels, rows, classes, crossEntropyDelta ?? CROSS_ENTROPY_DELTA, scratch);
    return { weight, loss: lossValue, accuracy: correct / rows };
  });
  return { value, points };
}

/**
 * A function from Δ (the weight's change) to the network's softmax outputs (rows × classes; the buffer is reused).
 * Only column `col` of layer l's pre-activation `base` moves, by Δ·input[·][row]; so the layer above moves
 * by the change of that one unit's output times one row of its weights, and only what lies above that is
 * computed in full.
 */
function outputAsWeightMoves(
  network: MultiLayerNet,
  l: number,
  base: FloatArray,
  input: FloatArray,
  spec: WeightLineSpec,
  rows: number,
): (delta: number) => FloatArray {
  const { layers, activation, dtype } = network.spec;
  const [k, n] = [layers[l], layers[l + 1]];
  const column = (r: number, delta: number) => base[r * n + spec.col] + delta * input[r * k + spec.row];
  if (l + 1 === network.depth) {
    // The weight is in the output layer: move its logit column and take the softmax.
    const moved = allocate(dtype, rows * n);
    return (delta) => {
      moved.set(base);
      for (let r = 0; r < rows; r++) moved[r * n + spec.col] = column(r, delta);
      softmaxRowsInPlace(moved, rows, n);
      return moved;
    };
  }
  const unit = activationOf(activation);
  const hidden = Float64Array.from(base);
  activate(activation, hidden, hidden.length);
  const m = layers[l + 2];
  const above = allocate(dtype, rows * m);
  const h = allocate(dtype, rows * n);
  h.set(hidden);
  network.kernels.matmul(h, network.weights[l + 1], above, rows, n, m);
  addRowVector(above, network.biases[l + 1], rows, m);
  const outgoing = network.weights[l + 1].subarray(spec.col * m, (spec.col + 1) * m);
  // What lies above layer l + 1, as a network sharing the stored weights (none when l + 1 is the output layer).
  const rest =
    l + 2 < network.depth
      ? new MultiLayerNet({ ...network.spec, layers: layers.slice(l + 2) }, network.kernels, {
          weights: network.weights.slice(l + 2),
          biases: network.biases.slice(l + 2),
        })
      : null;
  const moved = allocate(dtype, rows * m);
  return (delta) => {
    moved.set(above);
    for (let r = 0; r < rows; r++) {
      const change = unit(column(r, delta)) - hidden[r * n + spec.col];
      if (change !== 0) for (let c = 0; c < m; c++) moved[r * m + c] += change * outgoing[c];
    }
    if (rest) {
      activate(activation, moved, moved.length);
      return rest.predict(moved, rows);
    }
    softmaxRowsInPlace(moved, rows, m);
    return moved;
  };
}
