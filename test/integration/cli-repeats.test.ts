/** `descent train|sweep --repeat N` and `descent compare`: real trainer processes on a temporary store. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliGroupLineSchema } from '../../shared/cli-lines';
import { describeSample } from '../../shared/stats/sample';
import { welchTest } from '../../shared/stats/welch';
import { runDescent } from '../support/descent-cli';

const HOME = mkdtempSync(join(tmpdir(), 'descent-repeats-'));
afterAll(() => rmSync(HOME, { recursive: true, force: true }));

const descent = (...args: string[]) => runDescent(HOME, args);

const summaries = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((l) => l.type === 'summary') as Array<{
    runId: string;
    seed: number;
    testAcc: number;
    config: { learningRate: number };
  }>;

/** A small, quick run: 1 000 training images, 60 iterations. */
const SMALL = ['--iters', '60', '--train-size', '1000'];

describe('descent train --repeat', () => {
  const run = descent('train', '--json', ...SMALL, '--repeat', '3', '--seed', '11', '--name', 'three seeds');
  const lines = run.code === 0 ? summaries(run.stdout) : [];

  it('trains the configuration once per seed, seeds from --seed on, all recorded', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(lines.map((l) => l.seed).sort()).toEqual([11, 12, 13]);
  });

  it("ends with the group's line: its runs' ids and the statistics compare prints (shared/cli-lines.ts)", () => {
    const printed = run.stdout.trim().split('\n');
    const group = cliGroupLineSchema.parse(JSON.parse(printed[printed.length - 1]));
    expect(printed.filter((l) => l.includes('"type":"group"'))).toHaveLength(1);
    expect([...group.runIds].sort()).toEqual(lines.map((l) => l.runId).sort());
    expect(group).toMatchObject({ runs: 3, counted: 3, live: 0, incomplete: 0, seeds: [11, 12, 13] });
    const expected = describeSample([...lines].sort((a, b) => a.seed - b.seed).map((l) => l.testAcc));
    expect(group.testAccValues).toEqual([...lines].sort((a, b) => a.seed - b.seed).map((l) => l.testAcc));
    expect(group.testAcc.mean).toBeCloseTo(expected.mean!, 12);
    expect(group.testAcc.sd).toBeCloseTo(expected.sd!, 12);
    expect(group.testAcc.ci95![0]).toBeCloseTo(expected.ci95![0], 12);
  });

  it("compare --group prints the group: mean, sd and CI over the three runs' test accuracies", () => {
    const compared = descent('compare', '--group', 'three seeds', '--json');
    expect(compared.code).toBe(0);
    const { groups, comparisons } = JSON.parse(compared.stdout);
    expect(groups).toHaveLength(1);
    expect(comparisons).toEqual([]);
    const expected = describeSample([...lines].sort((a, b) => a.seed - b.seed).map((l) => l.testAcc));
    expect(groups[0].seeds).toEqual([11, 12, 13]);
    expect(groups[0].testAcc.mean).toBeCloseTo(expected.mean!, 12);
    expect(groups[0].testAcc.sd).toBeCloseTo(expected.sd!, 12);
    expect(groups[0].counted).toBe(3);
  });
});

describe('descent sweep --repeat', () => {
  const run = descent('sweep', '--json', ...SMALL, '--lr', '0.05,2', '--repeat', '3', '--name', 'paired');
  const lines = run.code === 0 ? summaries(run.stdout) : [];

  it('trains every value over the same seeds (paired)', () => {
    expect(run.code).toBe(0);
    expect(lines).toHaveLength(6);
    const seedsOf = (lr: number) =>
      lines
        .filter((l) => l.config.learningRate === lr)
        .map((l) => l.seed)
        .sort();
    expect(seedsOf(0.05)).toHaveLength(3);
    expect(new Set(seedsOf(0.05)).size).toBe(3);
    expect(seedsOf(2)).toEqual(seedsOf(0.05));
  });

  it('ends with a group line per value, each with its three runs', () => {
    const groups = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string })
      .filter((line) => line.type === 'group')
      .map((line) => cliGroupLineSchema.parse(line));
    expect(groups.map((g) => g.label)).toEqual(['lr 0.05', 'lr 2']);
    for (const group of groups) {
      const lr = group.label === 'lr 2' ? 2 : 0.05;
      const ids = lines.filter((l) => l.config.learningRate === lr).map((l) => l.runId);
      expect([...group.runIds].sort()).toEqual(ids.sort());
      expect(group.runs).toBe(3);
    }
  });

  it("compare by ids: two groups and Welch's test of their test accuracies, in words", () => {
    const compared = descent('compare', ...lines.map((l) => l.runId), '--json');
    expect(compared.code).toBe(0);
    const { groups, comparisons } = JSON.parse(compared.stdout);
    expect(groups.map((g: { label: string }) => g.label)).toEqual(['lr 0.05', 'lr 2']);
    const accOf = (lr: number) =>
      lines
        .filter((l) => l.config.learningRate === lr)
        .sort((a, b) => a.seed - b.seed)
        .map((l) => l.testAcc);
    const welch = welchTest(accOf(2), accOf(0.05))!;
    expect(comparisons).toHaveLength(1);
    expect(comparisons[0].better).toBe('lr 2');
    expect(comparisons[0].welch.pValue).toBeCloseTo(welch.pValue, 12);
    expect(comparisons[0].sentence).toMatch(/^lr 2 is (better|ahead) by 0\.\d{3} ± 0\.\d{3}/);
    const human = descent('compare', '--group', 'paired');
    expect(human.stdout).toContain('95% CI of mean');
    expect(human.stdout).toContain(comparisons[0].sentence);
  });
});

describe('bad input exits 2 naming the flag', () => {
  it.each([
    [['train', '--repeat', '0'], /--repeat: must be a whole number from 1 to 100, got "0"/],
    [['sweep', '--lr', '0.1,1', '--repeat', '3', '--seed', '1,2'], /--seed: with --repeat give one first seed/],
    [
      ['sweep', '--lr', '0.1,0.2,0.3,0.4,0.5', '--batch', '10,20,30,40,50', '--repeat', '9'],
      /--repeat: 25 combinations × 9 seeds is more than 200 runs/,
    ],
    [['compare'], /compare: give run ids/],
    [['compare', '--group', 'no such group'], /--group: no runs in a group named "no such group"/],
  ])('descent %j', (args, message) => {
    const result = descent(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
