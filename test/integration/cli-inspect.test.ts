/**
 * `descent inspect` on a run trained by `descent train` (60 iterations on 1 000 images: 10 per epoch, snapshots
 * at epochs 0…6): the confusion matrix agrees with the recorded test accuracy exactly, the mistakes are
 * (1 − acc) × 10 000, per-class accuracy has one point per snapshot, and bad flags exit 2 naming the flag.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = join(__dirname, '..', '..', 'bin', 'descent.js');
const HOME = mkdtempSync(join(tmpdir(), 'descent-inspect-'));
const env = { ...process.env, DESCENT_HOME: HOME };
const descent = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000, env });

let runId = '';
let epochs: { epoch: number; testAcc: number }[] = [];

beforeAll(() => {
  const trained = descent('train', '--iters', '60', '--train-size', '1000', '--lr', '1', '--seed', '4', '--json');
  expect(trained.status).toBe(0);
  const lines = trained.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { type: string; runId?: string; epoch?: number; testAcc?: number });
  runId = lines[lines.length - 1].runId!;
  epochs = lines.filter((l) => l.type === 'epoch').map((l) => ({ epoch: l.epoch!, testAcc: l.testAcc! }));
}, 120_000);

afterAll(() => rmSync(HOME, { recursive: true, force: true }));

describe('descent inspect', () => {
  it('--confusion --json at --epoch 3 agrees with the accuracy recorded at epoch 3', () => {
    const result = descent('inspect', runId, '--confusion', '--epoch', '3', '--json');
    expect(result.status).toBe(0);
    const { confusion, iteration } = JSON.parse(result.stdout) as { confusion: number[][]; iteration: number };
    expect(iteration).toBe(30);
    const correct = confusion.reduce((sum, row, t) => sum + row[t], 0);
    expect(confusion.flat().reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(correct / 10_000).toBe(epochs.find((e) => e.epoch === 3)!.testAcc);
  }, 60_000);

  it('--mistakes --json (the last snapshot): (1 − acc) × 10 000 of them, confidently wrong first', () => {
    const result = descent('inspect', runId, '--mistakes', '--json');
    expect(result.status).toBe(0);
    const { mistakes } = JSON.parse(result.stdout) as { mistakes: { predicted: number; probabilities: number[] }[] };
    expect(mistakes.length).toBe(Math.round((1 - epochs[epochs.length - 1].testAcc) * 10_000));
    const confidence = mistakes.map((m) => m.probabilities[m.predicted]);
    expect(confidence).toEqual([...confidence].sort((a, b) => b - a));
  }, 60_000);

  it('--per-class: one row per snapshot in the table, seven points in JSON', () => {
    const json = descent('inspect', runId, '--per-class', '--json');
    expect(json.status).toBe(0);
    expect((JSON.parse(json.stdout) as { points: unknown[] }).points).toHaveLength(7);
    const text = descent('inspect', runId, '--per-class');
    const rows = text.stdout.trim().split('\n');
    expect(rows).toHaveLength(1 + 7);
    expect(rows[0]).toMatch(/^iteration\s+epoch\s+class 0 .*class 9$/);
    expect(rows[7]).toMatch(/^60\s+6\.00\s/);
  }, 60_000);

  it('bad input exits 2 and names the flag', () => {
    const none = descent('inspect', runId);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('give exactly one of --confusion, --per-class, --mistakes');
    const epoch = descent('inspect', runId, '--confusion', '--epoch', '9');
    expect(epoch.status).toBe(2);
    expect(epoch.stderr).toContain("--epoch must be one of the run's snapshot epochs (0, 1, 2, 3, 4, 5, 6), got 9");
  }, 60_000);
});
