/**
 * `descent sweep`: every combination of the comma-listed values of any train flag (a grid), trained
 * in parallel trainer processes as one named group, then a table of results per combination.
 */
import type { RunConfig } from '../../shared/config';
import { pickSeed } from '../../shared/engine/rng';
import { repeatSeeds } from '../../shared/repeat-seeds';
import type { RunRecord } from '../../shared/run-record';
import { fitRunName } from '../../shared/run-text';
import { MAX_PLAN_RUNS, type PlannedRun } from '../../shared/sweep-plan';
import { compareRuns, groupReport } from './compare-command';
import { printGroupLines } from './group-lines';
import { acc, printable, table } from './format';
import { humanOutput, jsonOutput } from './run-output';
import { trainRuns } from './session';
import { configFromFlags, UsageError, type TrainFlagValues } from './train-flags';

/** Flags whose value is a list of choices in a sweep. `--layers` lists are separated by `;` (its own commas separate layers). */
const SWEEP_SEPARATOR: Partial<Record<keyof TrainFlagValues, string>> = { layers: ';', data: '\u0000' };

/** Most runs one sweep may start: a grid larger than this is almost certainly a typo. */
export const MAX_SWEEP_RUNS = 200;

/** One combination of the grid: the flags of one run and a label naming what varies ("lr 0.1"). */
export interface GridPoint {
  readonly flags: TrainFlagValues;
  readonly label: string;
}

const FLAG_NAMES: Record<string, string> = {
  lr: 'lr',
  batch: 'batch',
  iters: 'iters',
  hidden: 'hidden',
  layers: 'layers',
  trainSize: 'train-size',
};

/** Most runs a sweep may plan for a cluster (`--plan`): the plan format's own bound. */
export { MAX_PLAN_RUNS } from '../../shared/sweep-plan';

/** What a grid larger than `maxRuns` is told to do instead. */
function fewerRuns(maxRuns: number): string {
  return maxRuns < MAX_PLAN_RUNS
    ? `; sweep fewer, or write a plan for a cluster (--plan, up to ${MAX_PLAN_RUNS} runs)`
    : '; sweep fewer';
}

/** The cartesian product of the listed values of every flag (at most `maxRuns` combinations). */
export function expandGrid(flags: TrainFlagValues, maxRuns = MAX_SWEEP_RUNS): GridPoint[] {
  let points: GridPoint[] = [{ flags: {}, label: '' }];
  for (const [key, value] of Object.entries(flags) as Array<[keyof TrainFlagValues, string | undefined]>) {
    if (value === undefined) continue;
    const separator = SWEEP_SEPARATOR[key] ?? ',';
    const values = value.split(separator).map((v) => v.trim());
    if (values.some((v) => v === ''))
      throw new UsageError(`--${FLAG_NAMES[key] ?? key}: empty value in list ${JSON.stringify(value)}`);
    const varies = values.length > 1;
    points = points.flatMap((p) =>
      values.map((v) => ({
        flags: { ...p.flags, [key]: v },
        label: varies ? [p.label, `${FLAG_NAMES[key] ?? key} ${v}`].filter(Boolean).join(', ') : p.label,
      })),
    );
    if (points.length > maxRuns) throw new UsageError(`the grid has more than ${maxRuns} combinations${fewerRuns(maxRuns)}`);
  }
  return points;
}

export interface SweepOptions {
  readonly json: boolean;
  readonly parallel: number;
  readonly name?: string;
  /** Seeds each combination is trained with (1: one seed for the whole grid). */
  readonly repeat?: number;
}

/**
 * Every grid point once per seed, seed by seed within a point ("lr 0.1, seed 7"). Every point gets the same seeds,
 * so a value's seed-7 run and another value's start from the same weights and batches: comparisons are paired.
 */
export function repeatGrid(points: readonly GridPoint[], seeds: readonly number[], maxRuns = MAX_SWEEP_RUNS): GridPoint[] {
  if (points.length * seeds.length > maxRuns) {
    throw new UsageError(
      `--repeat: ${points.length} combinations × ${seeds.length} seeds is more than ${maxRuns} runs${fewerRuns(maxRuns)}`,
    );
  }
  return points.flatMap((p) =>
    seeds.map((seed) => ({
      flags: { ...p.flags, seed: String(seed) },
      label: [p.label, `seed ${seed}`].filter(Boolean).join(', '),
    })),
  );
}

/** The seeds of a sweep with `--repeat N`: from `--seed S` (one value: S, S + 1, …) or random. */
function sweepSeeds(seedFlag: string | undefined, repeat: number): number[] {
  if (seedFlag?.includes(','))
    throw new UsageError('--seed: with --repeat give one first seed (the runs use it and the next ones), not a list');
  return repeatSeeds(repeat, seedFlag === undefined ? undefined : configFromFlags({ seed: seedFlag }).seed);
}

/** The runs of a sweep, before any is trained: its group and, in grid order, each run's configuration, name and label. */
export interface SweepRuns {
  readonly group: string;
  readonly runs: PlannedRun[];
}

/**
 * The runs the flags describe (the grid, once per seed with `repeat`), named as a sweep names them: one group, each
 * run "<group>: <what it varies>". Every run's seed is fixed here, so the runs differ only in the swept values
 * wherever they are trained.
 */
export function sweepRuns(
  flags: TrainFlagValues,
  options: { name?: string; repeat?: number; maxRuns?: number; now?: Date },
): SweepRuns {
  const repeat = options.repeat ?? 1;
  const maxRuns = options.maxRuns ?? MAX_SWEEP_RUNS;
  // One seed for the whole grid (or the same N seeds for every point): the runs then differ only in the swept values.
  const points =
    repeat > 1
      ? repeatGrid(expandGrid({ ...flags, seed: undefined }, maxRuns), sweepSeeds(flags.seed, repeat), maxRuns)
      : expandGrid({ ...flags, seed: flags.seed ?? String(pickSeed()) }, maxRuns);
  const group = options.name ?? `sweep ${(options.now ?? new Date()).toISOString().slice(0, 19).replace('T', ' ')}`;
  return {
    group,
    runs: points.map((p, i) => ({
      config: seeded(configFromFlags(p.flags)),
      name: fitRunName(`${group}: ${p.label || 'run'}`),
      label: p.label || `run ${i + 1}`,
    })),
  };
}

/** A grid point's configuration with its seed's type made definite: every point has a --seed (see `sweepRuns`). */
function seeded(config: RunConfig): PlannedRun['config'] {
  if (config.seed === undefined) throw new Error('internal: a sweep configuration without a seed');
  return { ...config, seed: config.seed };
}

/** Trains the grid; resolves to the runs' final records, in grid order. */
export async function sweepCommand(flags: TrainFlagValues, options: SweepOptions): Promise<RunRecord[]> {
  const { group, runs } = sweepRuns(flags, options);
  const output = options.json ? jsonOutput() : humanOutput();
  if (!options.json) process.stdout.write(`Sweep "${printable(group)}": ${runs.length} runs, ${options.parallel} at a time\n`);
  const records = await trainRuns(
    runs.map((run) => ({ ...run, group })),
    options.parallel,
    output,
  );
  if (!options.json) process.stdout.write(`\n${resultsTable(runs, records)}\n`);
  if ((options.repeat ?? 1) > 1) {
    if (options.json) printGroupLines(records);
    else process.stdout.write(`\nRepeat groups:\n${groupReport(compareRuns(records))}\n`);
  }
  return records;
}

function resultsTable(runs: readonly PlannedRun[], records: RunRecord[]): string {
  const rows = [['run', 'status', 'final loss', 'mean loss (last 100)', 'train acc', 'test acc', 'it/s']];
  records.forEach((r, i) => {
    const s = r.summary;
    const fmt = (v: number | null | undefined): string => (v == null ? '–' : v.toFixed(4));
    rows.push([
      runs[i].label,
      r.status,
      fmt(s?.finalLoss),
      fmt(s?.meanLossLast100),
      acc(r.lastEpoch?.trainAcc ?? null),
      acc(r.lastEpoch?.testAcc ?? null),
      s?.itersPerSec ? String(Math.round(s.itersPerSec)) : '–',
    ]);
  });
  return table(rows);
}
