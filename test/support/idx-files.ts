/** Writes small IDX datasets (the four MNIST file names) for tests. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** IDX bytes of unsigned-byte data with `shape`. */
export function idxBytes(shape: number[], data: Uint8Array): Uint8Array {
  const header = Buffer.alloc(4 + 4 * shape.length);
  header[2] = 0x08;
  header[3] = shape.length;
  shape.forEach((size, d) => header.writeUInt32BE(size, 4 + 4 * d));
  return Buffer.concat([header, data]);
}

/**
 * A learnable dataset of `side`×`side` images in `classes` classes (class c lights up row c), written
 * into `folder` with MNIST's file names, gzipped when `gzip` is set.
 */
export function writeToyDataset(
  folder: string,
  options: { train: number; test: number; side: number; classes: number; gzip?: boolean },
): void {
  mkdirSync(folder, { recursive: true });
  const { side, classes } = options;
  const split = (count: number, seed: number) => {
    const images = new Uint8Array(count * side * side);
    const labels = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      const label = (i * 7 + seed) % classes;
      labels[i] = label;
      for (let c = 0; c < side; c++) images[i * side * side + label * side + c] = 128 + ((i + c) % 128);
    }
    return { images, labels };
  };
  const write = (name: string, bytes: Uint8Array): void =>
    writeFileSync(join(folder, options.gzip ? `${name}.gz` : name), options.gzip ? gzipSync(bytes) : bytes);
  const train = split(options.train, 1);
  const test = split(options.test, 2);
  write('train-images-idx3-ubyte', idxBytes([options.train, side, side], train.images));
  write('train-labels-idx1-ubyte', idxBytes([options.train], train.labels));
  write('t10k-images-idx3-ubyte', idxBytes([options.test, side, side], test.images));
  write('t10k-labels-idx1-ubyte', idxBytes([options.test], test.labels));
}
