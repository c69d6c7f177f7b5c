/** Repeat groups, their seeds, their statistics and the comparison of two in words. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseApiArguments, sweepConfigs } from '../../../shared/api';
import { BOOK_DEFAULTS } from '../../../shared/config';
import { MAX_SEED } from '../../../shared/engine/rng';
import { groupRepeats, repeatKey } from '../../../shared/repeat-groups';
import { repeatOverSeeds, repeatSeeds } from '../../../shared/repeat-seeds';
import type { RunRecord } from '../../../shared/run-record';
import { compareGroups, groupStats, outcomeCounts, pairwiseComparisons } from '../../../shared/stats/repeat-stats';
import { makeRecord, makeSummary } from '../../support/runs';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/repeat-stats.json', import.meta.url), 'utf8')) as {
  samples: Record<string, { values: number[]; mean: number; sd: number; ci95: [number, number] }>;
  welch: Array<{ a: string; b: string; difference: number; pValue: number; ci95: [number, number] }>;
};

/** A finished run of `change` with seed `seed` and the given final test accuracy. */
function run(change: object, seed: number, testAcc: number, extra: Partial<RunRecord> = {}): RunRecord {
  const config = { ...BOOK_DEFAULTS, ...change, seed };
  return makeRecord({
    config,
    status: 'completed',
    lastEpoch: { iteration: 10000, epoch: 16.7, trainAcc: testAcc, testAcc },
    summary: makeSummary({ testAcc, bestTestAcc: testAcc + 0.001, meanLossLast100: 1 - testAcc, seed, config }),
    ...extra,
  });
}

/** A group of runs at learning rate `lr`, one per value, seeds 1, 2, 3… */
const group = (lr: number, values: number[]) => values.map((v, i) => run({ learningRate: lr }, i + 1, v));

describe('repeat groups', () => {
  it('configurations that differ only by seed share a key; any other field, or a name, tag or note, does not matter', () => {
    const a = run({}, 1, 0.9, { name: 'first', tags: ['x'], notes: 'n', group: 'sweep A' });
    const b = run({}, 2, 0.91, { name: 'other', group: null });
    expect(repeatKey(a.config)).toBe(repeatKey(b.config));
    expect(repeatKey(run({ learningRate: 0.5 }, 1, 0.9).config)).not.toBe(repeatKey(a.config));
    expect(repeatKey(run({ layers: [784, 100, 10] }, 1, 0.9).config)).not.toBe(repeatKey(a.config));
  });

  it('the key does not depend on the order of the fields', () => {
    const reordered = Object.fromEntries(Object.entries({ ...BOOK_DEFAULTS, seed: 5 }).reverse());
    expect(repeatKey(reordered)).toBe(repeatKey({ ...BOOK_DEFAULTS, seed: 9 }));
    expect(repeatKey(reordered)).not.toContain('seed');
  });

  it('groups runs started separately, in order of first appearance, seeds ascending, labelled by what differs', () => {
    const runs = [run({ learningRate: 1 }, 9, 0.95), run({}, 4, 0.9), run({ learningRate: 1 }, 2, 0.94), run({}, 1, 0.89)];
    const groups = groupRepeats(runs);
    expect(groups.map((g) => g.label)).toEqual(['lr 1', 'lr 0.1']);
    expect(groups.map((g) => g.runs.map((r) => r.config.seed))).toEqual([
      [2, 9],
      [1, 4],
    ]);
  });

  it('labels name every field that differs between groups; a lone group its network, lr and batch', () => {
    const runs = [
      run({ learningRate: 1, batchSize: 50 }, 1, 0.9),
      run({ learningRate: 1, batchSize: 100 }, 1, 0.9),
      run({ learningRate: 0.1, batchSize: 100 }, 1, 0.9),
    ];
    expect(groupRepeats(runs).map((g) => g.label)).toEqual(['lr 1 · batch 50', 'lr 1 · batch 100', 'lr 0.1 · batch 100']);
    expect(groupRepeats([run({}, 1, 0.9), run({}, 2, 0.9)]).map((g) => g.label)).toEqual(['784-50-10 · lr 0.1 · batch 100']);
  });
});

describe('repeat seeds', () => {
  it('from a first seed: consecutive, wrapping past the largest seed', () => {
    expect(repeatSeeds(3, 7)).toEqual([7, 8, 9]);
    expect(repeatSeeds(3, MAX_SEED - 1)).toEqual([MAX_SEED - 1, MAX_SEED, 0]);
  });

  it('without one: distinct seeds in range', () => {
    const seeds = repeatSeeds(20);
    expect(new Set(seeds).size).toBe(20);
    for (const seed of seeds) expect(Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED).toBe(true);
  });

  it('refuses counts outside 1 to 100, naming the range', () => {
    expect(() => repeatSeeds(0)).toThrow(/from 1 to 100/);
    expect(() => repeatSeeds(101)).toThrow(/from 1 to 100/);
    expect(() => repeatSeeds(2.5)).toThrow(/from 1 to 100/);
  });

  it('a sweep repeats every value over the same seeds (paired), value by value', () => {
    const configs = repeatOverSeeds([{ learningRate: 0.1 }, { learningRate: 1 }], [7, 8]);
    expect(configs).toEqual([
      { learningRate: 0.1, seed: 7 },
      { learningRate: 0.1, seed: 8 },
      { learningRate: 1, seed: 7 },
      { learningRate: 1, seed: 8 },
    ]);
  });
});

describe('group statistics', () => {
  it("mean ± sd and the 95 % CI of final test accuracy are scipy's; loss and best accuracy over the same runs", () => {
    const expected = fixture.samples['lr 0.5'];
    const [g] = groupRepeats(group(0.5, expected.values));
    const stats = groupStats(g);
    expect(stats.counted).toBe(5);
    expect(stats.testAcc.mean).toBeCloseTo(expected.mean, 12);
    expect(stats.testAcc.sd).toBeCloseTo(expected.sd, 12);
    expect(stats.testAcc.ci95![0]).toBeCloseTo(expected.ci95[0], 10);
    expect(stats.testAcc.ci95![1]).toBeCloseTo(expected.ci95[1], 10);
    expect(stats.meanLossLast100.mean).toBeCloseTo(1 - expected.mean, 12);
    expect(stats.bestTestAcc.mean).toBeCloseTo(expected.mean + 0.001, 12);
    expect(stats.seeds).toEqual([1, 2, 3, 4, 5]);
  });

  it('counts diverged and did-not-learn runs of the finished ones; live and cut-short runs are not counted', () => {
    const runs = [
      ...group(10, [0.8512, 0.8467]),
      run({ learningRate: 10 }, 3, 0.098, {
        summary: makeSummary({ testAcc: 0.098, meanLossLast100: 2.31, config: { ...BOOK_DEFAULTS, learningRate: 10, seed: 3 } }),
      }),
      run({ learningRate: 10 }, 4, 0.098, {
        status: 'diverged',
        summary: makeSummary({ status: 'diverged', testAcc: 0.098, meanLossLast100: null, divergedAt: 812 }),
      }),
      run({ learningRate: 10 }, 5, 0.5, { status: 'running', summary: null }),
      run({ learningRate: 10 }, 6, 0.5, { status: 'stopped' }),
    ];
    const stats = groupStats(groupRepeats(runs)[0]);
    expect(stats).toMatchObject({ runs: 6, counted: 4, live: 1, incomplete: 1, diverged: 1, didNotLearn: 1 });
    expect(outcomeCounts(stats)).toBe('1 diverged / 1 did not learn of 4');
    expect(stats.testAccValues).toEqual([0.8512, 0.8467, 0.098, 0.098]);
    expect(stats.meanLossLast100.n).toBe(3); // the diverged run's loss is no number
  });
});

describe('comparing two groups', () => {
  /** The groups of runs at each learning rate with the given accuracies, grouped together (so labelled by lr). */
  const groupsOf = (...groups: Array<[number, number[]]>) =>
    groupRepeats(groups.flatMap(([lr, values]) => group(lr, values))).map(groupStats);

  it("lr 1 against lr 0.5: the difference with its CI, Welch's p, and that it holds across seeds", () => {
    const expected = fixture.welch.find((w) => w.a === 'lr 1.0' && w.b === 'lr 0.5')!;
    const [half, one] = groupsOf([0.5, fixture.samples['lr 0.5'].values], [1, fixture.samples['lr 1.0'].values]);
    const comparison = compareGroups(half, one);
    expect(comparison.better).toBe('lr 1');
    expect(comparison.welch!.difference).toBeCloseTo(expected.difference, 12);
    expect(comparison.welch!.pValue).toBeCloseTo(expected.pValue, 9);
    expect(comparison.welch!.ci95[0]).toBeCloseTo(expected.ci95[0], 9);
    expect(comparison.holds).toBe(true);
    const margin = ((expected.ci95[1] - expected.ci95[0]) / 2).toFixed(3);
    expect(comparison.sentence).toBe(
      `lr 1 is better by ${expected.difference.toFixed(3)} ± ${margin}; this holds across seeds (p < 0.001).`,
    );
    expect(comparison.warning).toBeNull();
  });

  it('a difference within the spread says so', () => {
    const [a, b] = groupsOf([0.5, [0.94, 0.95, 0.93]], [1, [0.945, 0.935, 0.955]]);
    const comparison = compareGroups(a, b);
    expect(comparison.holds).toBe(false);
    expect(comparison.sentence).toMatch(
      /^lr 1 is ahead by 0\.005 ± 0\.\d{3}, but the difference is within the seed-to-seed spread \(p = 0\.\d{3}\)\.$/,
    );
  });

  it('warns when a group has fewer than 3 finished runs, and cannot test with fewer than 2', () => {
    const [three, two, one] = groupsOf(
      [0.1, fixture.samples['lr 0.1, 3 seeds'].values],
      [0.2, fixture.samples['lr 0.1, 2 seeds'].values],
      [0.3, [0.9]],
    );
    expect(compareGroups(three, two).warning).toBe(
      'Too few seeds to say: lr 0.2 has 2 finished runs; repeat each over at least 3 seeds.',
    );
    const comparison = compareGroups(three, one);
    expect(comparison.welch).toBeNull();
    expect(comparison.sentence).toBe('lr 0.3 and lr 0.1 cannot be compared: each needs 2 finished runs at least.');
    expect(comparison.warning).toMatch(/lr 0\.3 has 1 finished run;/);
  });

  it('pairwise: every pair once', () => {
    const groups = groupsOf(...[0.1, 0.5, 1, 2].map((lr): [number, number[]] => [lr, [0.9, 0.91, 0.92]]));
    expect(pairwiseComparisons(groups)).toHaveLength(6);
  });
});

describe('repeats through the API schemas', () => {
  it("a sweep with repeat N: every value over the same N seeds, from the base's seed", () => {
    const configs = sweepConfigs({
      name: 's',
      base: { ...BOOK_DEFAULTS, seed: 40 },
      parameter: 'batchSize',
      values: [50, 100],
      repeat: 3,
    });
    expect(configs.map((c) => [c.batchSize, c.seed])).toEqual([
      [50, 40],
      [50, 41],
      [50, 42],
      [100, 40],
      [100, 41],
      [100, 42],
    ]);
    expect(
      groupRepeats(configs.map((config) => makeRecord({ config: { ...config, seed: config.seed! } }))).map((g) => g.runs.length),
    ).toEqual([3, 3]);
  });

  it('without repeat: one seed for the whole sweep, as before', () => {
    const configs = sweepConfigs({ name: 's', base: BOOK_DEFAULTS, parameter: 'learningRate', values: [0.1, 1] });
    expect(configs).toHaveLength(2);
    expect(configs[0].seed).toBe(configs[1].seed);
  });

  it('refuses a repeat count out of range, naming the argument and the range', () => {
    // The message for the CLI and logs, and the failure (code, field, value, range) the page words in its language.
    expect(parseApiArguments('startRepeats', [BOOK_DEFAULTS, 0])).toMatchObject({
      ok: false,
      error: 'startRepeats: argument 1: must be a whole number from 1 to 100',
      failure: { code: 'request.invalid', issues: [{ field: '1', input: 0, params: { minimum: 1 } }] },
    });
    expect(parseApiArguments('startRepeats', [BOOK_DEFAULTS, 3, { name: 'x' }]).ok).toBe(true);
    const sweep = { name: 's', base: BOOK_DEFAULTS, parameter: 'learningRate', values: [0.1], repeat: 101 };
    expect(parseApiArguments('startSweep', [sweep])).toMatchObject({
      ok: false,
      error: 'startSweep: argument 0.repeat: must be a whole number from 1 to 100',
      failure: { code: 'request.invalid', issues: [{ field: '0.repeat', input: 101, params: { maximum: 100 } }] },
    });
  });
});
