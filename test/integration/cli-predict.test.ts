/**
 * `descent predict` on a run trained by `descent train`: MNIST test digits written to PNG files (as MNIST draws
 * them, and enlarged 3× in black on white paper) predict what the same digits predict by index; the
 * probabilities of every input sum to 1; --epoch picks a snapshot; bad arguments exit 2 naming the argument.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledMnistFolder } from '../../electron/core/datasets';
import { loadTestSplit } from '../../electron/core/inside-analysis';
import { predictOutputSchema } from '../../shared/inside/inside-schemas';

const BIN = join(__dirname, '..', '..', 'bin', 'descent.js');
const HOME = mkdtempSync(join(tmpdir(), 'descent-predict-'));
const FILES = mkdtempSync(join(tmpdir(), 'descent-predict-files-'));
const env = { ...process.env, DESCENT_HOME: HOME };
const descent = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000, env });
const DIGITS = 20;

let runId = '';

/** Writes test image `index` as a PNG: as stored (white on black, 28×28) or enlarged 3× and inverted. */
function writeDigit(pixels: Uint8Array, index: number, style: 'mnist' | 'paper'): string {
  const scale = style === 'mnist' ? 1 : 3;
  const side = 28 * scale;
  const png = new PNG({ width: side, height: side });
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const v = pixels[Math.floor(y / scale) * 28 + Math.floor(x / scale)];
      const grey = style === 'mnist' ? v : 255 - v;
      png.data.set([grey, grey, grey, 255], (y * side + x) * 4);
    }
  }
  const path = join(FILES, `${style}-${index}.png`);
  writeFileSync(path, PNG.sync.write(png));
  return path;
}

function predictJson(...args: string[]) {
  const result = descent('predict', runId, ...args, '--json');
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return predictOutputSchema.parse(JSON.parse(result.stdout));
}

beforeAll(() => {
  const trained = descent('train', '--iters', '600', '--train-size', '6000', '--lr', '1', '--seed', '4', '--json');
  expect(trained.status).toBe(0);
  const lines = trained.stdout.trim().split('\n');
  runId = (JSON.parse(lines[lines.length - 1]) as { runId: string }).runId;
}, 120_000);

afterAll(() => {
  rmSync(HOME, { recursive: true, force: true });
  rmSync(FILES, { recursive: true, force: true });
});

describe('descent predict', () => {
  it('test digits written to PNG (as MNIST has them, and 3× in black on white) predict what they predict by index', () => {
    const test = loadTestSplit(bundledMnistFolder());
    const indices = Array.from({ length: DIGITS }, (_, i) => i);
    const pixels = (i: number) => test.images.subarray(i * 784, (i + 1) * 784);
    const byIndex = predictJson(...indices.map(String));
    const asMnist = predictJson(...indices.map((i) => writeDigit(pixels(i), i, 'mnist')));
    const onPaper = predictJson(...indices.map((i) => writeDigit(pixels(i), i, 'paper')));
    const predicted = (out: typeof byIndex) => out.predictions.map((p) => p.predicted);
    expect(predicted(asMnist)).toEqual(predicted(byIndex));
    expect(predicted(onPaper)).toEqual(predicted(byIndex));
    expect(byIndex.predictions.map((p) => [p.source, p.label])).toEqual(indices.map((i) => ['test-image', test.labels[i]]));
    expect(onPaper.predictions.every((p) => p.source === 'png' && p.label === null)).toBe(true);
    // The run is 91 % accurate: most of its first 20 test digits are right (a network guessing would not be).
    expect(byIndex.predictions.filter((p) => p.predicted === p.label).length).toBeGreaterThanOrEqual(16);
    for (const p of [...byIndex.predictions, ...onPaper.predictions]) {
      expect(p.probabilities).toHaveLength(10);
      expect(p.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      expect(p.predicted).toBe(p.probabilities.indexOf(Math.max(...p.probabilities)));
    }
  }, 120_000);

  it('--epoch picks that snapshot; the table names the inputs and the run', () => {
    const early = predictJson('7', '--epoch', '1');
    expect([early.iteration, early.epoch]).toEqual([60, 1]);
    const last = predictJson('7');
    expect([last.iteration, last.epoch]).toEqual([600, 10]);
    expect(early.predictions[0].probabilities).not.toEqual(last.predictions[0].probabilities);
    const text = descent('predict', runId, '0', '7');
    expect(text.status).toBe(0);
    const rows = text.stdout.trim().split('\n');
    expect(rows[0]).toBe(`Predictions of ${runId} at iteration 600`);
    expect(rows[1]).toMatch(/^input\s+label\s+predicted\s+p\(0\)\s.*p\(9\)$/);
    expect(rows[2]).toMatch(/^test image 0\s+7\s+7\s/);
    expect(rows).toHaveLength(4);
  }, 60_000);

  it('bad arguments exit 2 and name the argument: missing, not a PNG, a folder, a FIFO, too large, past the test set', () => {
    const notPng = join(FILES, 'notes.png');
    writeFileSync(notPng, 'not a picture');
    // A valid signature and header that declare a 5000×5000 picture: refused before anything is inflated.
    const huge = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(huge);
    huge.writeUInt32BE(13, 8);
    huge.write('IHDR', 12, 'latin1');
    huge.writeUInt32BE(5000, 16);
    huge.writeUInt32BE(5000, 20);
    const hugePath = join(FILES, 'huge.png');
    writeFileSync(hugePath, huge);
    // A header that declares 28×28 followed by bytes that are no PNG data: pngjs's error, said as the file's.
    const broken = Buffer.concat([
      huge.subarray(0, 16),
      Buffer.from([0, 0, 0, 28, 0, 0, 0, 28, 8, 0, 0, 0, 0]),
      Buffer.alloc(64, 7),
    ]);
    const brokenPath = join(FILES, 'broken.png');
    writeFileSync(brokenPath, broken);
    const big = join(FILES, 'big.png');
    writeFileSync(big, '');
    truncateSync(big, 17 * 1024 * 1024);
    // A FIFO is refused from its type, never opened (opening one would wait for a writer).
    const fifo = join(FILES, 'pipe.png');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const cases: [string, string][] = [
      [fifo, `<image> "${fifo}": is a FIFO (named pipe), not a PNG file`],
      [join(FILES, 'missing.png'), `<image> "${join(FILES, 'missing.png')}": no such file`],
      [notPng, `<image> "${notPng}": is not a PNG file`],
      [FILES, `<image> "${FILES}": is a folder, not a PNG file`],
      [hugePath, `<image> "${hugePath}": is 5000×5000 pixels, more than the 4096 a side`],
      [brokenPath, `<image> "${brokenPath}": is not a readable PNG (`],
      [big, `<image> "${big}": is 17 MiB, more than the 16 MiB a PNG may have here`],
      ['10000', "<image> 10000: no such test image (the run's test set has images 0…9999)"],
    ];
    for (const [arg, message] of cases) {
      const result = descent('predict', runId, '0', arg);
      expect(result.status, arg).toBe(2);
      expect(result.stderr, arg).toContain(message);
      expect(result.stdout, arg).toBe('');
    }
    const epoch = descent('predict', runId, '0', '--epoch', '99');
    expect(epoch.status).toBe(2);
    expect(epoch.stderr).toContain("--epoch must be one of the run's snapshot epochs (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), got 99");
  }, 120_000);
});
