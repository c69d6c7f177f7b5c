/** The `descent` command line as a user runs it: real processes, real MNIST, the DESIGN.md contract. */
import { spawnSync } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEpochLineSchema, cliProgressLineSchema, cliSummaryLineSchema } from '../../shared/cli-lines';

const BIN = join(__dirname, '..', '..', 'bin', 'descent.js');
const HOME = mkdtempSync(join(tmpdir(), 'descent-cli-'));
afterAll(() => rmSync(HOME, { recursive: true, force: true }));

function descent(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, DESCENT_HOME: HOME },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function jsonLines(stdout: string): Array<Record<string, unknown>> {
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

describe('descent train --json', () => {
  const run = descent('train', '--json', '--iters', '250', '--train-size', '10000', '--seed', '42', '--hidden', '30');
  const lines = run.code === 0 ? jsonLines(run.stdout) : [];

  it('exits 0 and prints only JSON lines', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(lines.length).toBeGreaterThan(3);
  });

  it('progress lines cover every iteration exactly once, in order', () => {
    const progress = lines.filter((l) => l.type === 'progress');
    const iterations = progress.flatMap((l) => l.iterations as number[]);
    const losses = progress.flatMap((l) => l.losses as number[]);
    expect(iterations).toEqual(Array.from({ length: 250 }, (_, i) => i));
    expect(losses).toHaveLength(250);
    expect(losses.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
    // Each batch is stamped with the seconds since the run started, increasing.
    const stamps = progress.map((l) => l.seconds as number);
    expect(stamps.every((t, i) => t > 0 && (i === 0 || t >= stamps[i - 1]))).toBe(true);
    // Batched: far fewer messages than iterations.
    expect(progress.length).toBeLessThan(60);
  });

  it("every line is one of the contract's three (progress, epoch, summary), as their schemas say", () => {
    const schemas = { progress: cliProgressLineSchema, epoch: cliEpochLineSchema, summary: cliSummaryLineSchema };
    for (const line of lines) {
      const schema = schemas[line.type as keyof typeof schemas];
      expect(schema, String(line.type)).toBeDefined();
      expect(schema.safeParse(line).success, JSON.stringify(line).slice(0, 200)).toBe(true);
    }
  });

  it('epoch lines at i % (10000/100) == 0 and once at the end', () => {
    const epochs = lines.filter((l) => l.type === 'epoch');
    expect(epochs.map((e) => e.iteration)).toEqual([0, 100, 200, 250]);
    expect(epochs.map((e) => e.epoch)).toEqual([0, 1, 2, 2.5]);
    for (const e of epochs) {
      expect(e.trainAcc).toBeGreaterThanOrEqual(0);
      expect(e.testAcc).toBeLessThanOrEqual(1);
    }
  });

  it('ends with the summary line of the contract', () => {
    const summary = lines[lines.length - 1];
    expect(summary.type).toBe('summary');
    for (const key of [
      'runId',
      'status',
      'iterations',
      'trainAcc',
      'testAcc',
      'finalLoss',
      'meanLossLast100',
      'seconds',
      'trainSeconds',
      'evalSeconds',
      'loadSeconds',
      'itersPerSec',
      'seed',
      'config',
    ]) {
      expect(summary, key).toHaveProperty(key);
    }
    expect(summary.status).toBe('completed');
    expect(summary.iterations).toBe(250);
    expect(summary.seed).toBe(42);
    expect((summary.config as { layers: number[] }).layers).toEqual([784, 30, 10]);
    const losses = lines.filter((l) => l.type === 'progress').flatMap((l) => l.losses as number[]);
    expect(summary.finalLoss).toBe(losses[losses.length - 1]);
    expect(summary.meanLossLast100).toBeCloseTo(losses.slice(-100).reduce((a, b) => a + b, 0) / 100, 12);
    expect(summary.itersPerSec).toBeCloseTo(250 / (summary.trainSeconds as number), 6);
    const last = lines.filter((l) => l.type === 'epoch').pop()!;
    expect(summary.testAcc).toBe(last.testAcc);
  });

  it('the same seed gives the same losses (a run can be replayed)', () => {
    const again = jsonLines(
      descent('train', '--json', '--iters', '30', '--train-size', '10000', '--seed', '42', '--hidden', '30').stdout,
    );
    const losses = again.filter((l) => l.type === 'progress').flatMap((l) => l.losses as number[]);
    const first = lines
      .filter((l) => l.type === 'progress')
      .flatMap((l) => l.losses as number[])
      .slice(0, 30);
    expect(losses).toEqual(first);
  });
});

describe('descent train on a terminal-less stdout', () => {
  it('prints the book\'s "train acc, test acc" line per epoch and a final line', () => {
    const run = descent('train', '--iters', '101', '--train-size', '5000', '--seed', '1');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Training 784-50-10 sigmoid .* seed 1$/m);
    expect(run.stdout.match(/train acc, test acc \| \d\.\d{4}, \d\.\d{4}/g)).toHaveLength(3);
    expect(run.stdout).toMatch(/^completed: 101 iterations in/m);
  });
});

describe('bad input exits with code 2 and names the flag and the range', () => {
  const cases: Array<[string[], RegExp]> = [
    [['--lr', '-0.5'], /--lr: must be a number greater than 0 and at most 1000, got -0\.5/],
    [['--lr', 'fast'], /--lr: must be a number greater than 0 and at most 1000, got "fast"/],
    [['--batch', '0'], /--batch: must be a whole number from 1 to 60000, got 0/],
    [['--batch', '12.5'], /--batch: must be a whole number from 1 to 60000, got 12\.5/],
    [
      ['--activation', 'tanh'],
      /option '--activation <name>' argument 'tanh' is invalid\. Allowed choices are sigmoid, relu, step\./,
    ],
    [['--loss', 'hinge'], /option '--loss <name>' argument 'hinge' is invalid\. Allowed choices are ce, cross_entropy, mse\./],
    [['--iters', '1e9'], /--iters: must be a whole number from 1 to 10000000, got 1000000000/],
    [['--seed', '-3'], /--seed: must be a whole number from 0 to 4294967295, got -3/],
    [['--init', '-1'], /--init: must be a standard deviation greater than 0 and at most 10, or "xavier" or "he", got -1/],
    [['--dtype', 'float16'], /option '--dtype <type>' argument 'float16' is invalid\. Allowed choices are float32, float64\./],
    [['--hidden', '0'], /--hidden: must be a whole number from 1 to 16384, got 0/],
    [
      ['--hidden', '100000,100000'],
      /--hidden: .*needs about .* GiB, more than the 4\.0 GiB a run may use|--hidden: must be a whole number from 1 to 16384/,
    ],
    [['--layers', '784,40000,40000,10'], /--layers: must be a whole number from 1 to 16384, got 40000/],
    [
      ['--layers', '784,16000,16000,16000,10', '--batch', '60000'],
      /--layers: a 784-16000-16000-16000-10 network with batch 60000 in float32 needs about 25\.5 GiB/,
    ],
    [['--layers', '100,10'], /--layers: the input layer must have 784 units \(pixels per image\), got 100/],
    [['--layers', '784,50,7'], /--layers: the output layer must have 10 units \(classes\), got 7/],
    [['--train-size', '70000'], /--train-size: must be from 1 to 60000 \(training images in the dataset\), got 70000/],
    [['--hidden', '50', '--layers', '784,50,10'], /--hidden and --layers: give one or the other/],
    [['--frobnicate'], /unknown option '--frobnicate'/],
  ];
  for (const [args, message] of cases) {
    it(args.join(' '), () => {
      const run = descent('train', ...args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).not.toMatch(/completed/);
    });
  }

  it('a missing dataset folder is a clear error (exit 1: not a flag value problem)', () => {
    const run = descent('train', '--data', '/nonexistent/folder', '--iters', '1');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/dataset folder not found: \/nonexistent\/folder/);
  });
});

describe('descent gradcheck', () => {
  it("--json prints the book's comparison per parameter", () => {
    const run = descent('gradcheck', '--json', '--seed', '0');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.type).toBe('gradcheck');
    expect(report.batch).toBe(3);
    expect(Object.keys(report.meanAbsDiff)).toEqual(['W1', 'b1', 'W2', 'b2']);
    // δ = 1e-7 in the loss makes b2's difference ≈ 1e-7 and W1's far smaller (see test/unit/train.test.ts).
    expect(report.meanAbsDiff.b2).toBeLessThan(3e-7);
    expect(report.meanAbsDiff.W1).toBeLessThan(1e-9);
    expect(report.maxAbsDiff.W1).toBeGreaterThanOrEqual(report.meanAbsDiff.W1);
  });

  it('rejects a bad --batch and --method', () => {
    expect(descent('gradcheck', '--batch', '0').stderr).toMatch(/--batch: must be a whole number from 1 to 1000, got "0"/);
    const bad = descent('gradcheck', '--method', 'guess');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/option '--method <name>' argument 'guess' is invalid\. Allowed choices are incremental, plain\./);
  });
});

describe('descent serve', () => {
  it('refuses to listen beyond loopback', () => {
    const run = descent('serve', '--host', '0.0.0.0');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /option '--host <address>' argument '0\.0\.0\.0' is invalid\. Allowed choices are 127\.0\.0\.1, ::1, localhost\./,
    );
    expect(descent('serve', '--port', '70000').stderr).toMatch(/--port: must be a whole number from 0 to 65535/);
    const parallel = descent('serve', '--parallel', '0');
    expect(parallel.code).toBe(2);
    expect(parallel.stderr).toMatch(/--parallel: must be a whole number from 1 to 64, got "0"/);
  });

  it('says in one line that a busy port is busy, exit 2, no stack trace', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const run = descent('serve', '--port', String(port));
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `descent: --port: port ${port} on 127.0.0.1 is in use; choose another, or leave --port out for any free port\n`,
      );
    } finally {
      taken.close();
    }
  });
});
