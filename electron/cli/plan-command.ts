/**
 * Sweeps beyond one machine: `descent sweep … --plan FILE [--emit slurm]` writes the sweep's runs down (and a Slurm
 * job-array script that trains them) instead of training them; `descent run-plan FILE --index I [--home DIR]`
 * trains run I of a plan into a store, as one task of the array does on whatever node the scheduler picks. Runs
 * trained from one plan share the sweep's group and names, so the workbench shows them as the local sweep would.
 */
import { closeSync, constants, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_PLAN_BYTES, MAX_PLAN_RUNS, parseSweepPlan, SWEEP_PLAN_FORMAT, SWEEP_PLAN_VERSION } from '../../shared/sweep-plan';
import type { PlannedRun, SweepPlan } from '../../shared/sweep-plan';
import { isOutcome } from '../../shared/run-status';
import { repeatKey } from '../../shared/repeat-groups';
import type { RunRecord } from '../../shared/run-record';
import { descentHome } from '../core/store/home';
import { RunStore } from '../core/store/run-store';
import { errorCode, errorMessage } from '../../shared/errors';
import { formatBytes } from '../core/store/store-file';
import { printable, safeJson } from './format';
import { writeOutFile } from './out-file';
import { humanOutput, jsonOutput, summaryLine } from './run-output';
import { checkDatasets, trainRuns } from './session';
import { slurmScript, type SlurmOptions } from './slurm-script';
import { sweepRuns } from './sweep-command';
import { UsageError, type TrainFlagValues } from './train-flags';

/** The command that starts this very `descent` on another node of a shared disk: this Node and bin/descent.js. */
const DESCENT_BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'descent.js');

export interface PlanOptions {
  /** Where the plan goes (`--plan`). */
  readonly plan: string;
  readonly name?: string;
  readonly repeat: number;
  /** Replace an existing plan or script file. */
  readonly force: boolean;
  /** `slurm`: a job-array script too, to `out` or stdout. */
  readonly emit?: 'slurm';
  readonly out?: string;
  /** The store the script's tasks train into. */
  readonly home: string;
  readonly slurm: SlurmOptions;
}

/** A run's dataset as a path any task finds, wherever it starts: a folder given relative to here, made absolute. */
function portable(run: PlannedRun): PlannedRun {
  const { dataset } = run.config;
  return dataset === 'mnist' || isAbsolute(dataset) ? run : { ...run, config: { ...run.config, dataset: resolve(dataset) } };
}

/** Writes the sweep's plan (and with `emit`, its Slurm script); resolves to the plan. Nothing is trained. */
export async function writePlanCommand(flags: TrainFlagValues, options: PlanOptions): Promise<SweepPlan> {
  const { group, runs } = sweepRuns(flags, { name: options.name, repeat: options.repeat, maxRuns: MAX_PLAN_RUNS });
  const plan: SweepPlan = {
    format: SWEEP_PLAN_FORMAT,
    schemaVersion: SWEEP_PLAN_VERSION,
    group,
    createdAt: new Date().toISOString(),
    runs: runs.map(portable),
  };
  // A network that does not fit its dataset is refused now, not in every task of the array.
  await checkDatasets(plan.runs.map((r) => r.config));
  const planPath = resolve(options.plan);
  // Made (and its flags checked) before anything is written: a bad --time leaves no plan behind.
  const script =
    options.emit === 'slurm'
      ? slurmScript({
          planPath,
          runs: runs.length,
          home: resolve(options.home),
          group,
          descent: [process.execPath, DESCENT_BIN],
          options: options.slurm,
        })
      : undefined;
  // An --out that exists is refused before the plan is written, so that nothing is left half done.
  const outPath = options.out === undefined ? undefined : resolve(options.out);
  if (outPath !== undefined && !options.force && existsSync(outPath))
    throw new UsageError(`--out: ${outPath} exists; add --force to replace it`);
  writeOutFile(planPath, options.force, (write) => write(`${JSON.stringify(plan, null, 2)}\n`), '--plan');
  // With the script on stdout, what is said about it goes to stderr.
  const say = (text: string): void =>
    void (script !== undefined && options.out === undefined ? process.stderr : process.stdout).write(`${text}\n`);
  say(`Wrote the plan of sweep "${printable(group)}" (${runs.length} runs) to ${printable(planPath)}`);
  if (script === undefined) {
    say(`Train run I (0–${runs.length - 1}) with: descent run-plan ${printable(planPath)} --index I [--home STORE]`);
  } else if (outPath === undefined) {
    process.stdout.write(script);
  } else {
    writeOutFile(outPath, options.force, (write) => write(script));
    say(`Wrote the Slurm job array to ${printable(outPath)}; submit it with: sbatch ${printable(outPath)}`);
  }
  return plan;
}

/** The plan in `path`, read bounded and checked; UsageError naming the argument or the plan's field otherwise. */
export function readPlan(path: string): SweepPlan {
  let text: string;
  try {
    text = readBounded(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`<plan>: ${printable(path)} cannot be read (${errorCode(error) ?? errorMessage(error)})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`<plan>: ${printable(path)} is not JSON (a plan is written by descent sweep … --plan FILE)`);
  }
  const result = parseSweepPlan(value);
  if (!result.ok) throw new UsageError(result.issues.map((issue) => `<plan> ${printable(path)}: ${issue}`).join('\n'));
  return result.plan;
}

/** A regular file's text, refused unread past MAX_PLAN_BYTES (and a FIFO or device refused without blocking). */
function readBounded(path: string): string {
  // Non-blocking, so that a FIFO named as the plan is refused below instead of waiting for a writer.
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new UsageError(`<plan>: ${printable(path)} is not a regular file`);
    if (stats.size > MAX_PLAN_BYTES)
      throw new UsageError(
        `<plan>: ${printable(path)} is ${formatBytes(stats.size)}, more than a plan may have (${formatBytes(MAX_PLAN_BYTES)})`,
      );
    const buffer = Buffer.alloc(stats.size);
    let length = 0;
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return buffer.toString('utf8', 0, length);
  } finally {
    closeSync(fd);
  }
}

/**
 * The run of the store that is `run` of the plan, trained to an outcome already (completed or diverged): a task that
 * ran twice (a requeued task, an array submitted again to redo the runs that failed) does not train it a second
 * time, which would count it twice in its repeat group. A run that failed, was stopped or interrupted is trained again.
 */
function trainedAlready(store: RunStore, group: string, run: PlannedRun): RunRecord | undefined {
  const key = repeatKey(run.config);
  return store
    .list()
    .runs.find(
      (r) =>
        r.group === group &&
        r.name === run.name &&
        r.config.seed === run.config.seed &&
        isOutcome(r.status) &&
        repeatKey(r.config) === key,
    );
}

/** Trains run `index` of the plan in `path` into the store at `home`; resolves to its final record. */
export async function runPlanCommand(path: string, options: { index: number; home?: string; json: boolean }): Promise<RunRecord> {
  const plan = readPlan(path);
  if (options.index >= plan.runs.length)
    throw new UsageError(
      `--index: must be a whole number from 0 to ${plan.runs.length - 1} (the plan has ${plan.runs.length} runs), got ${options.index}`,
    );
  const run = plan.runs[options.index];
  const done = trainedAlready(new RunStore(options.home ?? descentHome()), plan.group, run);
  if (done) {
    if (options.json) process.stdout.write(`${safeJson(summaryLine(done))}\n`);
    else
      process.stdout.write(
        `Run ${options.index + 1} of ${plan.runs.length} of sweep "${printable(plan.group)}" (${printable(run.label)}) is in the store already: ${done.id}, ${done.status}; not trained again\n`,
      );
    return done;
  }
  const output = options.json ? jsonOutput() : humanOutput();
  if (!options.json)
    process.stdout.write(
      `Sweep "${printable(plan.group)}", run ${options.index + 1} of ${plan.runs.length}: ${printable(run.label)}\n`,
    );
  const [record] = await trainRuns([{ ...run, group: plan.group }], 1, output, options.home);
  return record;
}
