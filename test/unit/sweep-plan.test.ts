/** The sweep plan format (shared/sweep-plan.ts): what a plan holds, and errors that name the field. */
import { describe, expect, it } from 'vitest';
import { BOOK_DEFAULTS } from '../../shared/config';
import { parseSweepPlan, SWEEP_PLAN_FORMAT, SWEEP_PLAN_VERSION, type SweepPlan } from '../../shared/sweep-plan';

const plan = (change: Partial<SweepPlan> = {}): SweepPlan => ({
  format: SWEEP_PLAN_FORMAT,
  schemaVersion: SWEEP_PLAN_VERSION,
  group: 'lr sweep',
  createdAt: '2026-12-01T12:00:00.000Z',
  runs: [0.1, 0.5].map((lr) => ({
    label: `lr ${lr}`,
    name: `lr sweep: lr ${lr}`,
    config: { ...BOOK_DEFAULTS, learningRate: lr, seed: 7 },
  })),
  ...change,
});

const issues = (value: unknown): string[] => {
  const result = parseSweepPlan(value);
  return result.ok ? [] : result.issues;
};

describe('sweep plans', () => {
  it('reads back what it describes, configurations whole', () => {
    const result = parseSweepPlan(JSON.parse(JSON.stringify(plan())));
    expect(result).toEqual({ ok: true, plan: plan() });
  });

  it("fills in a field a configuration may leave out (loss timing: the book's), as a run configuration does", () => {
    const config: Record<string, unknown> = { ...BOOK_DEFAULTS, seed: 1 };
    delete config.lossTiming;
    const result = parseSweepPlan({ ...plan(), runs: [{ label: 'x', name: 'x', config }] });
    expect(result.ok && result.plan.runs[0].config.lossTiming).toBe('after-update');
  });

  it('tells another file, and a plan of another version, from a damaged plan', () => {
    expect(issues([1, 2])).toEqual(['(the whole file): must be a JSON object']);
    expect(issues({ runs: [] })).toEqual([`format: must be "${SWEEP_PLAN_FORMAT}" (this is not a Descent sweep plan)`]);
    expect(issues({ ...plan(), schemaVersion: 2 })).toEqual([
      `schemaVersion: the plan has version 2; this Descent reads version ${SWEEP_PLAN_VERSION}`,
    ]);
    expect(issues({ ...plan(), schemaVersion: '1' })).toEqual([
      `schemaVersion: the plan has no numeric version; this Descent reads version ${SWEEP_PLAN_VERSION}`,
    ]);
  });

  it("names the field of every problem, down to a run's configuration", () => {
    const bad = plan();
    const runs = [bad.runs[0], { ...bad.runs[1], config: { ...bad.runs[1].config, learningRate: -1, batchSize: 0 } }];
    expect(issues({ ...bad, runs })).toEqual([
      'runs.1.config.learningRate: must be a number greater than 0 and at most 1000, got -1',
      'runs.1.config.batchSize: must be a whole number from 1 to 60000, got 0',
    ]);
    expect(issues({ ...bad, runs: [{ ...bad.runs[0], config: { ...bad.runs[0].config, seed: undefined } }] })).toEqual([
      'runs.0.config.seed: must be a whole number from 0 to 4294967295, got undefined',
    ]);
    expect(issues({ ...bad, group: '' })).toEqual(['group: must not be empty']);
    expect(issues({ ...bad, runs: [] })).toEqual(['runs: must list at least one run']);
    expect(issues({ ...bad, extra: 1 })).toEqual(['(the whole file): Unrecognized key: "extra"']);
  });
});
