/** The Slurm job-array script of `descent sweep … --emit slurm` (electron/cli/slurm-script.ts). */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  shellQuote,
  slurmMemory,
  slurmPartition,
  slurmScript,
  slurmTime,
  type SlurmJob,
} from '../../../electron/cli/slurm-script';

const job = (change: Partial<SlurmJob> = {}): SlurmJob => ({
  planPath: '/shared/plans/lr.json',
  runs: 12,
  home: '/shared/descent store',
  group: 'lr sweep',
  descent: ['/usr/bin/node', '/opt/descent/bin/descent.js'],
  options: {},
  ...change,
});

const directives = (script: string): string[] => script.split('\n').filter((line) => line.startsWith('#SBATCH'));

describe('slurmScript', () => {
  it('asks for one task per run of the plan, each training its run into the store', () => {
    const script = slurmScript(job());
    expect(script.startsWith('#!/bin/bash\n')).toBe(true);
    expect(directives(script)).toEqual(['#SBATCH --job-name=descent-lr-sweep', '#SBATCH --array=0-11', '#SBATCH --ntasks=1']);
    expect(script).toContain(
      `exec "\${descent[@]}" run-plan '/shared/plans/lr.json' --index "$SLURM_ARRAY_TASK_ID" --home '/shared/descent store'\n`,
    );
    expect(script).toContain("descent=('/usr/bin/node' '/opt/descent/bin/descent.js')");
    // Every #SBATCH line comes before the first command: sbatch stops reading them there.
    const lines = script.split('\n');
    expect(lines.map((l) => l.startsWith('#SBATCH')).lastIndexOf(true)).toBeLessThan(
      lines.findIndex((l) => l === 'set -euo pipefail'),
    );
  });

  it('passes the partition, time limit, cpus, memory and array limit through', () => {
    const script = slurmScript(
      job({ options: { partition: 'gpu,cpu', time: '1-02:30', cpusPerTask: 4, mem: '8G', arrayLimit: 5 } }),
    );
    expect(directives(script)).toEqual([
      '#SBATCH --job-name=descent-lr-sweep',
      '#SBATCH --array=0-11%5',
      '#SBATCH --ntasks=1',
      '#SBATCH --partition=gpu,cpu',
      '#SBATCH --time=1-02:30',
      '#SBATCH --cpus-per-task=4',
      '#SBATCH --mem=8G',
    ]);
  });

  it("keeps a sweep's name, however odd, in its comment and a plain job name", () => {
    const script = slurmScript(job({ group: 'lr "sweep"\nrm -rf / $(x)' }));
    expect(script).toContain('# Descent sweep "lr \\"sweep\\"\\nrm -rf / $(x)": 12 runs');
    expect(directives(script)[0]).toBe('#SBATCH --job-name=descent-lr-sweep-rm-rf-x');
    expect(script.split('\n').filter((line) => line.includes('rm -rf'))).toHaveLength(1);
  });

  it('quotes paths so that bash reads them back unchanged', () => {
    for (const word of ["it's here", '$HOME/`x`', 'a b\nc', '']) {
      const echoed = spawnSync('bash', ['-c', `printf %s ${shellQuote(word)}`], { encoding: 'utf8' });
      expect(echoed.stdout).toBe(word);
    }
    const script = slurmScript(job({ planPath: "/tmp/it's/plan.json" }));
    expect(spawnSync('bash', ['-n'], { input: script }).status).toBe(0);
  });

  it('refuses a scheduler value that is not one, naming the flag', () => {
    expect(slurmTime('30')).toBe('30');
    expect(slurmTime('2-12:00:00')).toBe('2-12:00:00');
    expect(() => slurmTime('1h')).toThrow(/^--time: must be a Slurm time limit/);
    expect(() => slurmTime('30\n#SBATCH --x')).toThrow(/^--time:/);
    expect(() => slurmPartition('debug; rm')).toThrow(/^--partition: must be a partition name/);
    expect(slurmMemory('500M')).toBe('500M');
    expect(() => slurmMemory('4 GB')).toThrow(/^--mem: must be a size/);
  });
});
