/** `descent sweep … --plan FILE [--emit slurm]` and `descent run-plan FILE --index I` as a user types them. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSweepPlan, type SweepPlan } from '../../shared/sweep-plan';
import { RunStore } from '../../electron/core/store/run-store';
import { DESCENT_BIN, runDescent } from '../support/descent-cli';
import { writeToyDataset } from '../support/idx-files';

const dir = mkdtempSync(join(tmpdir(), 'descent-plan-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const home = join(dir, 'home');

const readPlan = (path: string): SweepPlan => {
  const result = parseSweepPlan(JSON.parse(readFileSync(path, 'utf8')));
  if (!result.ok) throw new Error(result.issues.join('\n'));
  return result.plan;
};

describe('descent sweep --plan', () => {
  it("writes the grid as a local sweep would train it: grid order, one seed, the sweep's names; nothing is trained", () => {
    const plan = join(dir, 'grid.json');
    const result = runDescent(home, [
      'sweep',
      '--lr',
      '0.1,0.5',
      '--batch',
      '50,100',
      '--iters',
      '20',
      '--name',
      'grid',
      '--plan',
      plan,
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Wrote the plan of sweep "grid" (4 runs) to ${plan}`);
    expect(result.stdout).toContain(`descent run-plan ${plan} --index I`);
    const { group, runs } = readPlan(plan);
    expect(group).toBe('grid');
    expect(runs.map((r) => [r.label, r.name, r.config.learningRate, r.config.batchSize, r.config.iterations])).toEqual([
      ['lr 0.1, batch 50', 'grid: lr 0.1, batch 50', 0.1, 50, 20],
      ['lr 0.1, batch 100', 'grid: lr 0.1, batch 100', 0.1, 100, 20],
      ['lr 0.5, batch 50', 'grid: lr 0.5, batch 50', 0.5, 50, 20],
      ['lr 0.5, batch 100', 'grid: lr 0.5, batch 100', 0.5, 100, 20],
    ]);
    expect(new Set(runs.map((r) => r.config.seed)).size).toBe(1);
    expect(new RunStore(home).list().runs).toEqual([]);
  });

  it('plans grids larger than a local sweep may train', () => {
    const values = Array.from({ length: 250 }, (_, i) => ((i + 1) / 1000).toString()).join(',');
    const local = runDescent(home, ['sweep', '--lr', values, '--iters', '10']);
    expect(local.code).toBe(2);
    expect(local.stderr).toContain('the grid has more than 200 combinations; sweep fewer, or write a plan for a cluster (--plan');
    const plan = join(dir, 'large.json');
    const planned = runDescent(home, ['sweep', '--lr', values, '--iters', '10', '--plan', plan]);
    expect(planned.code, planned.stderr).toBe(0);
    expect(readPlan(plan).runs).toHaveLength(250);
  });

  it('writes a --data folder given relative to the current folder as an absolute path, which every task finds', () => {
    writeToyDataset(join(dir, 'toy'), { train: 50, test: 20, side: 4, classes: 3 });
    const result = spawnSync(
      process.execPath,
      [DESCENT_BIN, 'sweep', '--lr', '0.1,0.5', '--data', 'toy', '--layers', '16,5,3', '--plan', 'toy-plan.json'],
      { cwd: dir, encoding: 'utf8', env: { ...process.env, DESCENT_HOME: home } },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(readPlan(join(dir, 'toy-plan.json')).runs.map((r) => r.config.dataset)).toEqual([join(dir, 'toy'), join(dir, 'toy')]);
  });

  it('--emit slurm without --out: the script on stdout, what was written on stderr', () => {
    const plan = join(dir, 'emit.json');
    const result = runDescent(home, [
      'sweep',
      '--lr',
      '0.1,1',
      '--repeat',
      '3',
      '--plan',
      plan,
      '--emit',
      'slurm',
      '--home',
      '/shared/store',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^#!\/bin\/bash\n/);
    expect(result.stdout).toContain('#SBATCH --array=0-5\n');
    expect(result.stdout).toContain(`run-plan '${plan}' --index "$SLURM_ARRAY_TASK_ID" --home '/shared/store'`);
    expect(result.stderr).toContain(`(6 runs) to ${plan}`);
  });

  it('--emit slurm --out FILE without --plan: the plan beside the script', () => {
    const script = join(dir, 'beside.sh');
    const result = runDescent(home, ['sweep', '--lr', '0.1,1', '--emit', 'slurm', '--out', script]);
    expect(result.code, result.stderr).toBe(0);
    expect(readPlan(join(dir, 'beside.plan.json')).runs).toHaveLength(2);
    expect(readFileSync(script, 'utf8')).toContain(`run-plan '${join(dir, 'beside.plan.json')}' --index`);
  });

  it('refuses flags that need another, an existing file, --json and a bad scheduler value, naming the flag; writes nothing then', () => {
    const plan = join(dir, 'refused.json');
    const cases: Array<[string[], string]> = [
      [['--emit', 'slurm'], '--emit slurm: give --plan FILE, or --out FILE (the plan is then written beside the script)'],
      [['--home', dir], '--home: only with --emit slurm'],
      [['--force'], '--force: only with --plan FILE'],
      [['--plan', plan, '--partition', 'debug'], '--partition: only with --emit slurm'],
      [['--plan', plan, '--json'], '--json: not with --plan'],
      [['--plan', plan, '--emit', 'slurm', '--time', '1h'], '--time: must be a Slurm time limit'],
      [
        ['--plan', plan, '--emit', 'slurm', '--cpus-per-task', '0'],
        '--cpus-per-task: must be a whole number from 1 to 1024, got "0"',
      ],
      [['--plan', plan, '--emit', 'pbs'], "argument 'pbs' is invalid. Allowed choices are slurm"],
    ];
    for (const [flags, message] of cases) {
      const result = runDescent(home, ['sweep', '--lr', '0.1,1', ...flags]);
      expect(result.code, flags.join(' ')).toBe(2);
      expect(result.stderr, flags.join(' ')).toContain(message);
      expect(existsSync(plan), flags.join(' ')).toBe(false);
    }
    writeFileSync(plan, 'mine');
    const again = runDescent(home, ['sweep', '--lr', '0.1,1', '--plan', plan]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`--plan: ${plan} exists; add --force to replace it`);
    expect(readFileSync(plan, 'utf8')).toBe('mine');
    const script = join(dir, 'taken.sh');
    writeFileSync(script, 'mine');
    const taken = runDescent(home, ['sweep', '--lr', '0.1,1', '--emit', 'slurm', '--out', script]);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain(`--out: ${script} exists; add --force to replace it`);
    expect(existsSync(join(dir, 'taken.plan.json'))).toBe(false);
    expect(runDescent(home, ['sweep', '--lr', '0.1,1', '--plan', plan, '--force']).code).toBe(0);
    expect(readPlan(plan).runs).toHaveLength(2);
  });
});

describe('descent run-plan', () => {
  const plan = join(dir, 'run.json');
  const store = join(dir, 'cluster-store');

  it("trains run I of the plan into the store --home names, under the sweep's group and name, once", () => {
    expect(
      runDescent(home, [
        'sweep',
        '--lr',
        '0.1,0.5',
        '--seed',
        '3',
        '--iters',
        '20',
        '--train-size',
        '500',
        '--name',
        'planned',
        '--plan',
        plan,
      ]).code,
    ).toBe(0);
    const result = runDescent(home, ['run-plan', plan, '--index', '1', '--home', store, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout.trim().split('\n').pop()!);
    expect(summary).toMatchObject({ type: 'summary', status: 'completed', iterations: 20, name: 'planned: lr 0.5' });
    const [run] = new RunStore(store).list().runs;
    expect(run).toMatchObject({ id: summary.runId, group: 'planned', name: 'planned: lr 0.5', status: 'completed' });
    expect(run.config).toMatchObject({ learningRate: 0.5, seed: 3, iterations: 20 });
    // DESCENT_HOME's store is not touched.
    expect(new RunStore(home).list().runs).toEqual([]);

    // The same task again (requeued, or the array submitted again): the run is not trained twice.
    const again = runDescent(home, ['run-plan', plan, '--index', '1', '--home', store]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe(
      `Run 2 of 2 of sweep "planned" (lr 0.5) is in the store already: ${run.id}, completed; not trained again\n`,
    );
    const againJson = runDescent(home, ['run-plan', plan, '--index', '1', '--home', store, '--json']);
    expect(JSON.parse(againJson.stdout)).toMatchObject({ type: 'summary', runId: run.id, status: 'completed' });
    expect(new RunStore(store).list().runs.map((r) => r.id)).toEqual([run.id]);
  });

  it('refuses an index outside the plan, a damaged plan and a file that is not one, naming the argument or the field', () => {
    mkdirSync(join(dir, 'a-folder'), { recursive: true });
    const damaged = join(dir, 'damaged.json');
    const plain = readPlan(plan);
    writeFileSync(
      damaged,
      JSON.stringify({
        ...plain,
        runs: [plain.runs[0], { ...plain.runs[1], config: { ...plain.runs[1].config, learningRate: 0 } }],
      }),
    );
    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, '{');
    const cases: Array<[string[], string]> = [
      [[plan, '--index', '2'], '--index: must be a whole number from 0 to 1 (the plan has 2 runs), got 2'],
      [[plan, '--index', '-1'], '--index: must be a whole number from 0 to 9999, got "-1"'],
      [[plan], "required option '--index <i>' not specified"],
      [[damaged, '--index', '0'], `<plan> ${damaged}: runs.1.config.learningRate: must be a number greater than 0`],
      [[notJson, '--index', '0'], `<plan>: ${notJson} is not JSON`],
      [[join(dir, 'a-folder'), '--index', '0'], 'is not a regular file'],
      [[join(dir, 'missing.json'), '--index', '0'], 'cannot be read (ENOENT)'],
    ];
    for (const [args, message] of cases) {
      const result = runDescent(home, ['run-plan', ...args, '--home', store]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toContain(message);
    }
    expect(new RunStore(store).list().runs).toHaveLength(1);
  });
});
