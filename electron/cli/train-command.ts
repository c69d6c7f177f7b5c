/** `descent train`: one run in a trainer process, saved in the store, shown as it learns. */
import type { RunConfig } from '../../shared/config';
import type { RunRecord } from '../../shared/run-record';
import { describeConfig } from './format';
import { humanOutput, jsonOutput } from './run-output';
import { trainRuns } from './session';

export interface TrainOptions {
  readonly json: boolean;
  readonly name?: string;
}

/** Trains `config`; resolves to the run's final record. */
export async function trainCommand(config: RunConfig, options: TrainOptions): Promise<RunRecord> {
  const output = options.json ? jsonOutput() : humanOutput();
  if (!options.json) {
    const seed = config.seed === undefined ? 'random seed (recorded)' : `seed ${config.seed}`;
    process.stdout.write(`Training ${describeConfig(config)} · ${seed}\n`);
  }
  const [record] = await trainRuns([{ config, name: options.name, label: '' }], 1, output);
  return record;
}
