/** `descent bench --only`: the groups of rows it takes, and what it refuses (naming the flag and the groups). */
import { Command, CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { benchOnlyOption, parseBenchGroups } from '../../../electron/cli/bench-command';
import { BENCH_GROUPS } from '../../../electron/bench/run-bench';
import { UsageError } from '../../../electron/cli/train-flags';

/** The `only` value commander gives for `argv`, or the error it throws. */
function parse(argv: string[]): unknown {
  const command = new Command('bench')
    .addOption(benchOnlyOption())
    .exitOverride()
    .configureOutput({ writeErr: () => {} });
  try {
    return command.parse(argv, { from: 'user' }).opts().only;
  } catch (error) {
    return error;
  }
}

describe('descent bench --only', () => {
  it('offers every group of rows the bench measures, in the order it measures them', () => {
    expect(BENCH_GROUPS).toEqual(['step', 'evaluate', 'numgrad', 'startup', 'whole', 'ui', 'load']);
  });

  it('takes a comma-separated list of groups, spaces around names allowed, each group once', () => {
    expect(parse(['--only', 'step,whole,startup'])).toEqual(['step', 'whole', 'startup']);
    expect(parse(['--only', 'whole, step'])).toEqual(['whole', 'step']);
    expect(parse(['--only', 'step,step'])).toEqual(['step']);
    expect(parse([])).toBeUndefined(); // absent: every group
  });

  it('refuses an unknown or empty group, naming the flag, the groups and what was wrong', () => {
    expect(() => parseBenchGroups('step,hidden')).toThrow(UsageError);
    expect(() => parseBenchGroups('step,hidden')).toThrow(
      '--only: must be a comma-separated list of step, evaluate, numgrad, startup, whole, ui, load, got "step,hidden" (unknown: "hidden")',
    );
    expect(() => parseBenchGroups('')).toThrow(/--only: must be a comma-separated list of .* got "" \(unknown: ""\)/);
    expect(() => parseBenchGroups('step,')).toThrow(/unknown: ""/);
    expect(parse(['--only', 'Step'])).toBeInstanceOf(UsageError);
    expect(parse(['--only'])).toBeInstanceOf(CommanderError); // a value is required
  });
});
