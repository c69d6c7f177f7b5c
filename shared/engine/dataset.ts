/**
 * A labelled image set held compactly: pixels stay `uint8` (47 MB for MNIST's training images instead
 * of 188 MB as float32) and are scaled to [0, 1] only for the rows a computation needs right now.
 */
import { allocate, type DType, type FloatArray } from './tensor';

/** Images and labels of one split (training or test). */
export interface Dataset {
  /** Pixel bytes, `count × features`, row-major. */
  readonly images: Uint8Array;
  /** One class index per image. */
  readonly labels: Uint8Array;
  readonly count: number;
  /** Values per image (784 for 28×28). */
  readonly features: number;
  /** Number of classes (10 for digits). */
  readonly classes: number;
}

/** The first `count` images of a dataset, without copying (the book's `x_train[:N]`). */
export function takeFirst(dataset: Dataset, count: number): Dataset {
  if (count >= dataset.count) return dataset;
  return {
    ...dataset,
    images: dataset.images.subarray(0, count * dataset.features),
    labels: dataset.labels.subarray(0, count),
    count,
  };
}

/** The 256 possible pixel values divided by 255 in the run's precision: `x / 255.0` by table lookup. */
export function pixelScale(dtype: DType): FloatArray {
  const table = allocate(dtype, 256);
  for (let v = 0; v < 256; v++) table[v] = v / 255;
  return table;
}

/** Copies image `index` scaled to [0, 1] into row `row` of `out`, and its label into `labelsOut[row]`. */
function copyRow(dataset: Dataset, index: number, row: number, scale: FloatArray, out: FloatArray, labelsOut: Int32Array): void {
  const f = dataset.features;
  const src = index * f;
  const dst = row * f;
  for (let c = 0; c < f; c++) out[dst + c] = scale[dataset.images[src + c]];
  labelsOut[row] = dataset.labels[index];
}

/**
 * Copies the images at `indices` into `out` (indices.length × features) scaled to [0, 1], and their
 * labels into `labelsOut`: the book's `x_train[batch_mask]`, `t_train[batch_mask]`.
 */
export function gatherRows(
  dataset: Dataset,
  indices: ArrayLike<number>,
  scale: FloatArray,
  out: FloatArray,
  labelsOut: Int32Array,
): void {
  for (let r = 0; r < indices.length; r++) copyRow(dataset, indices[r], r, scale, out, labelsOut);
}

/** Copies the consecutive images `start .. start+rows` into `out`, scaled, with their labels. */
export function sliceRows(
  dataset: Dataset,
  start: number,
  rows: number,
  scale: FloatArray,
  out: FloatArray,
  labelsOut: Int32Array,
): void {
  for (let r = 0; r < rows; r++) copyRow(dataset, start + r, r, scale, out, labelsOut);
}
