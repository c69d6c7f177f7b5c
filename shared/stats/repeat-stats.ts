/**
 * The figures of a repeat group (mean ± sd and the 95 % CI of final test accuracy, mean loss of the last 100,
 * best accuracy, how many diverged or did not learn) and the comparison of two groups in numbers and in words:
 * what the compare view, `descent compare` and their JSON all show.
 */
import { learningVerdict } from '../learning-verdict';
import type { RepeatGroup } from '../repeat-groups';
import type { RunRecord } from '../run-record';
import { isFinished, isLive, isOutcome } from '../run-status';
import { describeSample, type SampleSummary } from './sample';
import { welchTest, type WelchResult } from './welch';

/** Fewer runs than this per group and a comparison says it cannot tell (two seeds barely show a spread). */
export const MIN_REPEATS_TO_SAY = 3;

/** p-values below this count as a difference that holds across seeds (the 95 % CI of the difference excludes 0). */
const SIGNIFICANCE = 0.05;

/** One repeat group's statistics over the runs that ended by themselves (completed or diverged). */
export interface GroupStats {
  readonly key: string;
  readonly label: string;
  /** Runs in the group, and how many of them the statistics are over. */
  readonly runs: number;
  readonly counted: number;
  /** Runs still queued, training or paused; runs stopped, failed or interrupted (not counted: they are cut short). */
  readonly live: number;
  readonly incomplete: number;
  readonly diverged: number;
  readonly didNotLearn: number;
  /** Seeds of the counted runs, in order. */
  readonly seeds: readonly number[];
  /** Final test accuracy of each counted run that measured one (by seed), and its summary. */
  readonly testAccValues: readonly number[];
  readonly testAcc: SampleSummary;
  readonly meanLossLast100: SampleSummary;
  readonly bestTestAcc: SampleSummary;
}

/** Two groups' final test accuracies compared: `difference` is better − worse (≥ 0). */
export interface GroupComparison {
  readonly better: string;
  readonly worse: string;
  readonly welch: WelchResult | null;
  /** True when the difference holds across seeds (p < 0.05); false when it is within the spread; null without a test. */
  readonly holds: boolean | null;
  /** "lr 1 is better by 0.010 ± 0.004; this holds across seeds", or why nothing can be said. */
  readonly sentence: string;
  /** Set when a group has fewer than MIN_REPEATS_TO_SAY counted runs. */
  readonly warning: string | null;
}

/** Runs that ended by themselves: their figures are the experiment's outcome (a stopped run is cut short). */
const counts = (run: RunRecord): boolean => isOutcome(run.status) && run.summary !== null;

const finite = (values: ReadonlyArray<number | null | undefined>): number[] =>
  values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));

/** The statistics of one repeat group. */
export function groupStats(group: RepeatGroup): GroupStats {
  const counted = group.runs.filter(counts);
  const testAccValues = finite(counted.map((r) => r.summary?.testAcc ?? r.lastEpoch?.testAcc));
  return {
    key: group.key,
    label: group.label,
    runs: group.runs.length,
    counted: counted.length,
    live: group.runs.filter((r) => isLive(r.status)).length,
    incomplete: group.runs.filter((r) => isFinished(r.status) && !isOutcome(r.status)).length,
    diverged: counted.filter((r) => learningVerdict(r) === 'diverged').length,
    didNotLearn: counted.filter((r) => learningVerdict(r) === 'did not learn').length,
    seeds: counted.map((r) => r.config.seed),
    testAccValues,
    testAcc: describeSample(testAccValues),
    meanLossLast100: describeSample(finite(counted.map((r) => r.summary?.meanLossLast100))),
    bestTestAcc: describeSample(finite(counted.map((r) => r.summary?.bestTestAcc))),
  };
}

/** Digits that show a difference and its margin: three (0.010 ± 0.004), more when the margin is smaller than that. */
export function digitsFor(margin: number): number {
  return margin > 0 && margin < 0.001 ? Math.min(6, 1 - Math.floor(Math.log10(margin))) : 3;
}

/** "p = 0.042", "p < 0.001". */
export function formatP(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

/** Compares two groups' final test accuracies with Welch's t-test, in numbers and in one plain sentence. */
export function compareGroups(a: GroupStats, b: GroupStats): GroupComparison {
  const [better, worse] = (a.testAcc.mean ?? -Infinity) >= (b.testAcc.mean ?? -Infinity) ? [a, b] : [b, a];
  const few = [better, worse].filter((g) => g.testAccValues.length < MIN_REPEATS_TO_SAY);
  const warning =
    few.length > 0
      ? `Too few seeds to say: ${few.map((g) => `${g.label} has ${g.testAccValues.length} finished run${g.testAccValues.length === 1 ? '' : 's'}`).join(', ')}; ` +
        `repeat each over at least ${MIN_REPEATS_TO_SAY} seeds.`
      : null;
  const welch = welchTest(better.testAccValues, worse.testAccValues);
  if (!welch) {
    return {
      better: better.label,
      worse: worse.label,
      welch,
      holds: null,
      sentence: `${better.label} and ${worse.label} cannot be compared: each needs 2 finished runs at least.`,
      warning,
    };
  }
  const margin = (welch.ci95[1] - welch.ci95[0]) / 2;
  const digits = digitsFor(margin);
  const by = `${welch.difference.toFixed(digits)} ± ${margin.toFixed(digits)}`;
  const holds = welch.pValue < SIGNIFICANCE;
  const sentence = holds
    ? `${better.label} is better by ${by}; this holds across seeds (${formatP(welch.pValue)}).`
    : `${better.label} is ahead by ${by}, but the difference is within the seed-to-seed spread (${formatP(welch.pValue)}).`;
  return { better: better.label, worse: worse.label, welch, holds, sentence, warning };
}

/** Every pair of groups, in list order (a before b): the pairwise tests of a table. */
export function pairwiseComparisons(groups: readonly GroupStats[]): GroupComparison[] {
  return groups.flatMap((a, i) => groups.slice(i + 1).map((b) => compareGroups(a, b)));
}

/** "2 diverged / 1 did not learn of 5". */
export function outcomeCounts(stats: Pick<GroupStats, 'diverged' | 'didNotLearn' | 'counted'>): string {
  return `${stats.diverged} diverged / ${stats.didNotLearn} did not learn of ${stats.counted}`;
}
