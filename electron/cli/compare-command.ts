/**
 * `descent compare <ids…|--group NAME>`: the runs' repeat groups (configurations that differ only by seed), a
 * table of each group's statistics, and Welch's test of every pair of groups in plain words. `descent train|sweep
 * --repeat N` print the same table at the end.
 */
import { groupRepeats } from '../../shared/repeat-groups';
import type { RunRecord } from '../../shared/run-record';
import { GROUP_TABLE_HEADER, groupTableRows } from '../../shared/stats/group-table';
import { groupStats, pairwiseComparisons, type GroupComparison, type GroupStats } from '../../shared/stats/repeat-stats';
import { printable, safeJson, table } from './format';
import { openStore } from './session';
import { resolveRun } from './store-commands';
import { UsageError } from './train-flags';

export interface CompareOptions {
  readonly group?: string;
  readonly json: boolean;
}

/** The repeat groups of `runs` and every pairwise comparison: what the command prints. */
export function compareRuns(runs: readonly RunRecord[]): { groups: GroupStats[]; comparisons: GroupComparison[] } {
  const groups = groupRepeats(runs).map(groupStats);
  return { groups, comparisons: pairwiseComparisons(groups) };
}

/** The runs `ids` name (full ids or unique prefixes) and those of the sweep or repeat group `--group`, each once. */
function selectRuns(refs: readonly string[], group: string | undefined): RunRecord[] {
  if (refs.length === 0 && group === undefined)
    throw new UsageError('compare: give run ids (or unique prefixes), or --group NAME (see descent runs)');
  const store = openStore();
  const selected = new Map<string, RunRecord>();
  for (const ref of refs) {
    const run = resolveRun(store, ref);
    selected.set(run.id, run);
  }
  if (group !== undefined) {
    const members = store.list().runs.filter((r) => r.group === group);
    if (members.length === 0)
      throw new UsageError(
        `--group: no runs in a group named ${JSON.stringify(group)} (the sweep's --name; see descent runs --json)`,
      );
    for (const run of members.reverse()) selected.set(run.id, run); // the list is newest first: oldest first here
  }
  return [...selected.values()];
}

export function compareCommand(refs: readonly string[], options: CompareOptions): void {
  const result = compareRuns(selectRuns(refs, options.group));
  process.stdout.write(options.json ? `${safeJson(result)}\n` : `${groupReport(result)}\n`);
}

/** The group table and the comparisons as text. */
export function groupReport({
  groups,
  comparisons,
}: {
  groups: readonly GroupStats[];
  comparisons: readonly GroupComparison[];
}): string {
  const lines = [table([[...GROUP_TABLE_HEADER], ...groupTableRows(groups)])];
  if (comparisons.length > 0) {
    lines.push('', "Final test accuracy, group against group (difference of means ± half its 95% CI, Welch's t-test):");
    for (const c of comparisons) {
      lines.push(`  ${printable(c.sentence)}`);
      if (c.warning) lines.push(`    warning: ${printable(c.warning)}`);
    }
  } else if (groups.length === 1 && groups[0].counted < 2) {
    lines.push('', 'One run: repeat it over several seeds (descent train --repeat N) to see the spread.');
  }
  return lines.join('\n');
}
