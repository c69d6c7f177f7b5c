/**
 * `descent train --repeat N`: one configuration trained once per seed (N seeds, recorded), as one group, then the
 * repeat group's statistics (`descent compare`'s table; with `--json` a `group` line, shared/cli-lines.ts). `--seed S`
 * makes the seeds S, S + 1, … S + N − 1.
 */
import type { RunConfig } from '../../shared/config';
import { repeatOverSeeds, repeatSeeds } from '../../shared/repeat-seeds';
import type { RunRecord } from '../../shared/run-record';
import { fitRunName } from '../../shared/run-text';
import { compareRuns, groupReport } from './compare-command';
import { describeConfig, printable } from './format';
import { printGroupLines } from './group-lines';
import { humanOutput, jsonOutput } from './run-output';
import { trainRuns } from './session';

export interface RepeatOptions {
  readonly json: boolean;
  readonly name?: string;
  readonly repeat: number;
  readonly parallel: number;
}

/** Trains `config` over `options.repeat` seeds; resolves to the runs' final records, by seed. */
export async function trainRepeats(config: RunConfig, options: RepeatOptions): Promise<RunRecord[]> {
  const seeds = repeatSeeds(options.repeat, config.seed);
  const group = options.name ?? `repeat ${new Date().toISOString().slice(0, 19).replace('T', ' ')}`;
  const output = options.json ? jsonOutput() : humanOutput();
  if (!options.json) {
    process.stdout.write(
      `Training ${describeConfig(config)} over ${seeds.length} seeds (${seeds.join(', ')}) as "${printable(group)}", ${options.parallel} at a time\n`,
    );
  }
  const records = await trainRuns(
    repeatOverSeeds([config], seeds).map((c) => ({
      config: c,
      name: fitRunName(`${group}: seed ${c.seed}`),
      group,
      label: `seed ${c.seed}`,
    })),
    options.parallel,
    output,
  );
  if (options.json) printGroupLines(records);
  else process.stdout.write(`\n${groupReport(compareRuns(records))}\n`);
  return records;
}
