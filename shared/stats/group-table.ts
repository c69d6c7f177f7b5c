/** The repeat groups' table as text cells: one layout for `descent compare` and the compare view. */
import type { SampleSummary } from './sample';
import { outcomeCounts, type GroupStats } from './repeat-stats';

export const GROUP_TABLE_HEADER = [
  'group',
  'n',
  'test acc (mean ± sd)',
  '95% CI of mean',
  'mean loss last 100',
  'best test acc',
  'outcomes',
] as const;

const fixed = (value: number | null, digits = 4): string => (value === null ? '–' : value.toFixed(digits));

/** "0.9410 ± 0.0017" (mean ± sd), or the mean alone for one run. */
export function meanSd(sample: SampleSummary): string {
  return sample.sd === null ? fixed(sample.mean) : `${fixed(sample.mean)} ± ${fixed(sample.sd)}`;
}

/** One row of cells per group, in GROUP_TABLE_HEADER's order. */
export function groupTableRows(groups: readonly GroupStats[]): string[][] {
  return groups.map((g) => {
    const notCounted = [
      g.live ? `${g.live} still training` : '',
      g.incomplete ? `${g.incomplete} stopped/failed, not counted` : '',
    ].filter(Boolean);
    return [
      g.label,
      String(g.counted),
      meanSd(g.testAcc),
      g.testAcc.ci95 ? `${fixed(g.testAcc.ci95[0])} – ${fixed(g.testAcc.ci95[1])}` : '–',
      meanSd(g.meanLossLast100),
      meanSd(g.bestTestAcc),
      [outcomeCounts(g), ...notCounted].join('; '),
    ];
  });
}
