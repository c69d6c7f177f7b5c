/**
 * The command line of sweeps beyond one machine: `descent sweep`'s flags that write a plan and a Slurm script
 * instead of training (plan-command.ts), and the `descent run-plan` command that trains one run of a plan.
 */
import { Command, Option } from 'commander';
import { MAX_PLAN_RUNS } from '../../shared/sweep-plan';
import { descentHome } from '../core/store/home';
import type { PlanOptions } from './plan-command';
import { runPlanCommand } from './plan-command';
import { slurmMemory, slurmPartition, slurmTime } from './slurm-script';
import { UsageError } from './train-flags';
import { wholeNumberOption } from './whole-number';

/** The flags `addPlanFlags` adds, as commander collects them. */
export interface PlanFlagValues {
  plan?: string;
  emit?: 'slurm';
  out?: string;
  force?: boolean;
  home?: string;
  partition?: string;
  time?: string;
  cpusPerTask?: number;
  mem?: string;
  arrayLimit?: number;
}

/** Every key `addPlanFlags` adds. */
const PLAN_KEYS = [
  'plan',
  'emit',
  'out',
  'force',
  'home',
  'partition',
  'time',
  'cpusPerTask',
  'mem',
  'arrayLimit',
] as const satisfies ReadonlyArray<keyof PlanFlagValues>;

/** The sweep's flags without the plan's: what is left are the train flags the grid is made of. */
export function withoutPlanFlags<T extends PlanFlagValues>(flags: T): Omit<T, keyof PlanFlagValues> {
  const rest = { ...flags };
  for (const key of PLAN_KEYS) delete rest[key];
  return rest;
}

/** Flags that only mean something with `--emit slurm`, by their name on the command line. */
const SLURM_FLAGS: Array<[keyof PlanFlagValues, string]> = [
  ['out', '--out'],
  ['home', '--home'],
  ['partition', '--partition'],
  ['time', '--time'],
  ['cpusPerTask', '--cpus-per-task'],
  ['mem', '--mem'],
  ['arrayLimit', '--array-limit'],
];

/** `descent sweep`'s flags for a cluster: a plan instead of training, and a Slurm job array that trains it. */
export function addPlanFlags(command: Command): Command {
  return command
    .option('--plan <file>', `write the runs' configurations to FILE instead of training them (up to ${MAX_PLAN_RUNS} runs)`)
    .addOption(
      new Option(
        '--emit <scheduler>',
        "write a job-array script whose tasks train the plan's runs (the plan: --plan, or beside --out)",
      ).choices(['slurm']),
    )
    .option('--out <file>', 'with --emit: write the script to FILE (default: stdout), and the plan beside it if no --plan')
    .option('--force', 'with --plan or --emit: replace the plan and script files if they exist')
    .option('--home <dir>', "with --emit: the store the tasks train into, on a disk every node sees (default: DESCENT_HOME's)")
    .addOption(
      new Option('--partition <name>', 'with --emit slurm: the partition (sbatch --partition)').argParser(slurmPartition),
    )
    .addOption(new Option('--time <limit>', "with --emit slurm: each task's time limit, e.g. 30 or 1:30:00").argParser(slurmTime))
    .addOption(wholeNumberOption('--cpus-per-task <n>', 'with --emit slurm: cpus of each task', 1, 1024))
    .addOption(new Option('--mem <size>', 'with --emit slurm: memory of each task, e.g. 4G').argParser(slurmMemory))
    .addOption(wholeNumberOption('--array-limit <n>', 'with --emit slurm: most tasks running at once', 1, MAX_PLAN_RUNS));
}

/**
 * What to write, when the sweep is to be planned rather than trained (`--plan` given); undefined otherwise. Flags
 * that need `--plan` or `--emit` are refused without them, naming the flag.
 */
export function planOptions(
  flags: PlanFlagValues,
  sweep: { name?: string; repeat: number; json: boolean },
): PlanOptions | undefined {
  if (flags.emit !== undefined && flags.plan === undefined && flags.out === undefined)
    throw new UsageError(`--emit ${flags.emit}: give --plan FILE, or --out FILE (the plan is then written beside the script)`);
  const plan = flags.plan ?? (flags.out === undefined || flags.emit === undefined ? undefined : planBeside(flags.out));
  if (flags.emit === undefined) {
    const orphan = SLURM_FLAGS.find(([key]) => flags[key] !== undefined)?.[1];
    if (orphan !== undefined) throw new UsageError(`${orphan}: only with --emit slurm (the job-array script)`);
  }
  if (plan === undefined) {
    if (flags.force) throw new UsageError("--force: only with --plan FILE (the runs' configurations a cluster trains)");
    return undefined;
  }
  if (sweep.json) throw new UsageError('--json: not with --plan (nothing is trained; the plan file is the output)');
  return {
    plan,
    name: sweep.name,
    repeat: sweep.repeat,
    force: Boolean(flags.force),
    emit: flags.emit,
    out: flags.out,
    home: flags.home ?? descentHome(),
    slurm: {
      partition: flags.partition,
      time: flags.time,
      cpusPerTask: flags.cpusPerTask,
      mem: flags.mem,
      arrayLimit: flags.arrayLimit,
    },
  };
}

/** The plan of the script `out` when no --plan is given: beside it, `sweep.sh` → `sweep.plan.json`. */
function planBeside(out: string): string {
  return `${out.replace(/\.(sh|slurm|sbatch)$/, '')}.plan.json`;
}

/** `descent run-plan FILE --index I [--home DIR]`: one run of a plan, as one task of a job array trains it. */
export function addRunPlanCommand(program: Command, exitFailure: number): void {
  program
    .command('run-plan')
    .description("train run I of a sweep plan (descent sweep … --plan FILE) into a store: one task of a cluster's job array")
    .argument('<plan>', 'the plan file')
    .addOption(wholeNumberOption('--index <i>', 'which run of the plan (from 0)', 0, MAX_PLAN_RUNS - 1).makeOptionMandatory())
    .option('--home <dir>', "the store to train into (default: DESCENT_HOME's)")
    .option('--json', 'one JSON object per line on stdout, each with its runId')
    .action(async (plan: string, flags: { index: number; home?: string; json?: boolean }) => {
      const run = await runPlanCommand(plan, { index: flags.index, home: flags.home, json: Boolean(flags.json) });
      // A sweep's run that diverged has a result (lr too high): only a run that did not end by itself fails the task.
      if (run.status !== 'completed' && run.status !== 'diverged') process.exitCode = exitFailure;
    });
}
