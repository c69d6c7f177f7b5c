/**
 * `descent compare <ids…|--group NAME>`: the runs' repeat groups (configurations that differ only by seed), a
 * table of each group's statistics, and Welch's test of every pair of groups in plain words. `descent train|sweep
 * --repeat N` print the same table at the end.
 */
import { groupRepeats } from '../../shared/repeat-groups';
import type { RunRecord } from '../../shared/run-record';
import type { SampleSummary } from '../../shared/stats/sample';
import { groupStats, outcomeCounts, pairwiseComparisons, type GroupComparison, type GroupStats } from '../../shared/stats/repeat-stats';
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
  if (refs.length === 0 && group === undefined) throw new UsageError('compare: give run ids (or unique prefixes), or --group NAME (see descent runs)');
  const store = openStore();
  const selected = new Map<string, RunRecord>();
  for (const ref of refs) {
    const run = resolveRun(store, ref);
    selected.set(run.id, run);
  }
  if (group !== undefined) {
    const members = store.list().runs.filter((r) => r.group === group);
    if (members.length === 0) throw new UsageError(`--group: no runs in a group named ${JSON.stringify(group)} (the sweep's --name; see descent runs --json)`);
    for (const run of members.reverse()) selected.set(run.id, run); // the list is newest first: oldest first here
  }
  return [...selected.values()];
}

export function compareCommand(refs: readonly string[], options: CompareOptions): void {
  const result = compareRuns(selectRuns(refs, options.group));
  process.stdout.write(options.json ? `${safeJson(result)}\n` : `${groupReport(result)}\n`);
}

const fixed = (value: number | null, digits = 4): string => (value === null ? '–' : value.toFixed(digits));

/** "0.9410 ± 0.0017" (mean ± sd), or the mean alone for one run. */
function meanSd(sample: SampleSummary): string {
  return sample.sd === null ? fixed(sample.mean) : `${fixed(sample.mean)} ± ${fixed(sample.sd)}`;
}

/** The group table and the comparisons as text. */
export function groupReport({ groups, comparisons }: { groups: readonly GroupStats[]; comparisons: readonly GroupComparison[] }): string {
  const rows = [['group', 'n', 'test acc (mean ± sd)', '95% CI of mean', 'mean loss last 100', 'best test acc', 'outcomes']];
  for (const g of groups) {
    const notCounted = [g.live ? `${g.live} still training` : '', g.incomplete ? `${g.incomplete} stopped/failed, not counted` : ''].filter(Boolean);
    rows.push([
      g.label,
      String(g.counted),
      meanSd(g.testAcc),
      g.testAcc.ci95 ? `${fixed(g.testAcc.ci95[0])} – ${fixed(g.testAcc.ci95[1])}` : '–',
      meanSd(g.meanLossLast100),
      meanSd(g.bestTestAcc),
      [outcomeCounts(g), ...notCounted].join('; '),
    ]);
  }
  const lines = [table(rows)];
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
