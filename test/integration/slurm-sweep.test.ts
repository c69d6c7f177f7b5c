/**
 * A sweep trained by a real Slurm job array: a single-node cluster of the test's own (test/support/slurm-cluster.ts)
 * runs the script `descent sweep … --emit slurm` writes, each task training one run of the plan into a temporary
 * store; the workbench's backend then lists the runs as one sweep of two repeat groups, and `descent compare` compares them.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupRepeats } from '../../shared/repeat-groups';
import { RunManager } from '../../electron/core/run-manager';
import { RunStore } from '../../electron/core/store/run-store';
import { NodeTrainerHost } from '../../electron/core/trainer-host';
import { WorkbenchService } from '../../electron/core/workbench-service';
import { runDescent } from '../support/descent-cli';
import { slurmUnavailable, startSlurmCluster, type SlurmCluster } from '../support/slurm-cluster';

const unavailable = slurmUnavailable();
if (unavailable) console.warn(`skipping the Slurm job-array test: ${unavailable}`);

describe.skipIf(unavailable !== null)('a sweep as a Slurm job array', () => {
  let dir: string;
  let cluster: SlurmCluster | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'descent-slurm-'));
    cluster = await startSlurmCluster(join(dir, 'cluster'));
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sbatch --wait trains every run of the plan into the store, and the workbench lists them as one sweep', async () => {
    const store = join(dir, 'store');
    const plan = join(dir, 'plan.json');
    const script = join(dir, 'sweep.sh');
    const written = runDescent(join(dir, 'elsewhere'), [
      'sweep',
      ...['--lr', '0.1,0.5', '--repeat', '2', '--seed', '7', '--iters', '100', '--train-size', '1000'],
      ...['--name', 'cluster sweep', '--plan', plan, '--emit', 'slurm', '--out', script],
      ...['--home', store, '--partition', cluster!.partition, '--time', '10'],
    ]);
    expect(written.code, written.stderr).toBe(0);

    // sbatch --wait returns when every task has ended, with a failure if any task failed.
    const submitted = await new Promise<{ code: number | null; output: string }>((resolve) => {
      // Killed (and the test failed with the daemons' logs) if the array has not ended in 4 minutes.
      const child = spawn('sbatch', ['--wait', script], { cwd: dir, env: cluster!.env, timeout: 240_000 });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('close', (code) => resolve({ code, output }));
    });
    const taskLogs = readdirSync(dir).filter((name) => /^slurm-\d+_\d+\.out$/.test(name));
    expect(submitted.code, `${submitted.output}\n${cluster!.logs()}`).toBe(0);
    expect(taskLogs).toHaveLength(4);

    const backend = new WorkbenchService(
      new RunManager({ store: new RunStore(store), host: new NodeTrainerHost(), concurrency: 1 }),
      { version: 'test', transport: 'browser' },
    );
    const { runs, damaged } = await backend.listRuns();
    expect(damaged).toEqual([]);
    expect(runs).toHaveLength(4);
    expect(new Set(runs.map((r) => r.id)).size).toBe(4);
    for (const run of runs) {
      expect(run).toMatchObject({ status: 'completed', group: 'cluster sweep', iterationsDone: 100, owner: null });
      expect(run.name).toBe(`cluster sweep: lr ${run.config.learningRate}, seed ${run.config.seed}`);
    }
    // Paired seeds: both learning rates over seeds 7 and 8, so the sweep is two repeat groups of two.
    const groups = groupRepeats(runs);
    expect(groups.map((g) => [g.runs[0].config.learningRate, g.runs.map((r) => r.config.seed)]).sort()).toEqual([
      [0.1, [7, 8]],
      [0.5, [7, 8]],
    ]);
    // The command line sees the same sweep: two repeat groups of two counted seeds each, and their comparison.
    const compared = runDescent(store, ['compare', '--group', 'cluster sweep', '--json']);
    expect(compared.code, compared.stderr).toBe(0);
    const { groups: stats, comparisons } = JSON.parse(compared.stdout) as {
      groups: Array<{ counted: number; seeds: number[] }>;
      comparisons: unknown[];
    };
    expect(stats.map((g) => [g.counted, g.seeds])).toEqual([
      [2, [7, 8]],
      [2, [7, 8]],
    ]);
    expect(comparisons).toHaveLength(1);
  }, 300_000);
});
