/** The `group` lines of `descent train|sweep --repeat N --json`: each repeat group's statistics after the runs' lines. */
import type { CliGroupLine } from '../../shared/cli-lines';
import { groupRepeats } from '../../shared/repeat-groups';
import type { RunRecord } from '../../shared/run-record';
import { groupStats } from '../../shared/stats/repeat-stats';
import { safeJson } from './format';

/** One line per repeat group of `records` (configurations that differ only by seed), in the order of their first run. */
export function groupLines(records: readonly RunRecord[]): CliGroupLine[] {
  return groupRepeats(records).map((group) => {
    const s = groupStats(group);
    // Every field but the key (the configuration as canonical text: the runs' own lines carry the configuration).
    return {
      type: 'group',
      label: s.label,
      runIds: group.runs.map((r) => r.id),
      runs: s.runs,
      counted: s.counted,
      live: s.live,
      incomplete: s.incomplete,
      diverged: s.diverged,
      didNotLearn: s.didNotLearn,
      seeds: [...s.seeds],
      testAccValues: [...s.testAccValues],
      testAcc: s.testAcc,
      meanLossLast100: s.meanLossLast100,
      bestTestAcc: s.bestTestAcc,
    };
  });
}

/** Prints the group lines of `records` on stdout, one JSON object each. */
export function printGroupLines(records: readonly RunRecord[]): void {
  for (const line of groupLines(records)) process.stdout.write(`${safeJson(line)}\n`);
}
