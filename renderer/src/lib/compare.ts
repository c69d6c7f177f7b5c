/** Tables and curves of the compare view: configuration differences, summaries, a sweep's result curve. Pure. */
import type { RunRecord } from '../../../shared/run-record';
import type { SeededRunConfig } from '../../../shared/summary';
import { DEFAULT_LOSS_TIMING } from '../../../shared/config';
import { fieldPhrase as englishPhrase, showConfigValue, type PhraseWords } from '../../../shared/config-phrase';
import { countWith, phraseWords } from '../../../shared/i18n/phrase-words';
import { formatNumber, t, type MessageKey } from './i18n';
import { shownName } from './run-name';

/**
 * The phrases' words in the page's language (shared/config-phrase.ts keeps English for the CLI and run names), counts
 * (images, iterations, a batch) as the page writes numbers: "10,000 iterations", "画像 3,000 枚" — the numbers beside
 * them on the page are formatted so. Rates, seeds and stds keep their digits as typed.
 */
export const PAGE_PHRASES: PhraseWords = phraseWords(t, countWith(formatNumber));

/** A config field's value as a short phrase in the page's language ("lr 0.1", "学习率 0.1"): legends, subtitles. */
export function fieldPhrase(field: string, value: unknown): string {
  return englishPhrase(field, value, PAGE_PHRASES);
}

// Moved to shared/ (the repeat groups' labels and counts use them too); re-exported for the renderer's imports.
export { chanceLoss, learningVerdict } from '../../../shared/learning-verdict';

/**
 * Config fields in the order the diff table shows them, with their labels' messages (every field: a test checks
 * against the schema).
 */
export const CONFIG_FIELDS: Array<[keyof SeededRunConfig, MessageKey]> = [
  ['layers', 'compare.field.layers'],
  ['activation', 'compare.field.activation'],
  ['weightInit', 'compare.field.weightInit'],
  ['loss', 'compare.field.loss'],
  ['gradient', 'compare.field.gradient'],
  ['optimizer', 'compare.field.optimizer'],
  ['learningRate', 'compare.field.learningRate'],
  ['batchSize', 'compare.field.batchSize'],
  ['iterations', 'compare.field.iterations'],
  ['trainSize', 'compare.field.trainSize'],
  ['dtype', 'compare.field.dtype'],
  ['lossTiming', 'compare.field.lossTiming'],
  ['seed', 'compare.field.seed'],
  ['dataset', 'compare.field.dataset'],
];

const show = showConfigValue;

/** Rows of the config diff: field label, one value per run, and whether the runs differ there. */
export function configDiff(
  runs: RunRecord[],
): Array<{ field: keyof SeededRunConfig; label: string; values: string[]; differs: boolean }> {
  return CONFIG_FIELDS.map(([field, key]) => {
    const values = runs.map((r) => show(r.config[field]));
    return { field, label: t(key), values, differs: new Set(values).size > 1 };
  });
}

/** The single config field a set of runs differs in (a sweep's parameter), or null. */
export function sweptField(runs: RunRecord[]): string | null {
  if (runs.length < 2) return null;
  const differing = configDiff(runs)
    .filter((r) => r.differs && r.field !== 'seed')
    .map((r) => r.field);
  return differing.length === 1 ? differing[0] : null;
}

/** The numeric value of a swept field for one run (hidden size for layers), or null. */
export function sweptValue(run: RunRecord, field: string): number | null {
  if (field === 'layers') return run.config.layers.length === 3 ? run.config.layers[1] : null;
  const value = (run.config as Record<string, unknown>)[field];
  return typeof value === 'number' ? value : null;
}

/** Summary figures of a run for the comparison table. */
export function summaryRow(run: RunRecord) {
  const s = run.summary;
  return {
    finalLoss: s?.finalLoss ?? null,
    meanLossLast100: s?.meanLossLast100 ?? null,
    trainAcc: run.lastEpoch?.trainAcc ?? null,
    testAcc: run.lastEpoch?.testAcc ?? null,
    bestTestAcc: s?.bestTestAcc ?? null,
    bestTestAccIteration: s?.bestTestAccIteration ?? null,
    seconds: s?.seconds ?? null,
    itersPerSec: s?.itersPerSec ?? null,
    status: run.status,
    seed: run.config.seed,
  };
}

/** The smallest round number (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × a power of ten) at or above `value` (> 0): a tidy top for a shared axis. */
export function niceCeiling(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return value;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (step * power >= value * (1 - 1e-12)) return step * power;
  return 10 * power;
}

/**
 * Legend names of compared runs: the fields in which they differ, and only those ("lr 1 · seed 7"); runs
 * with identical configurations keep their names, numbered where the names repeat. One run keeps its name.
 */
export function compareLabels(runs: readonly RunRecord[]): Map<string, string> {
  const labels = new Map<string, string>();
  const differing = runs.length > 1 ? configDiff([...runs]).filter((r) => r.differs) : [];
  for (const run of runs)
    labels.set(
      run.id,
      differing.length ? differing.map((r) => fieldPhrase(r.field, run.config[r.field])).join(' · ') : shownName(run),
    );
  return uniqueLabels(runs, labels);
}

/** Labels made unique: a repeated label gets " #2", " #3" … in the order of the runs. */
function uniqueLabels(runs: readonly RunRecord[], labels: Map<string, string>): Map<string, string> {
  const counts = new Map<string, number>();
  for (const label of labels.values()) counts.set(label, (counts.get(label) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const run of runs) {
    const label = labels.get(run.id)!;
    if (counts.get(label)! < 2) continue;
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    labels.set(run.id, `${label} #${n}`);
  }
  return labels;
}

/** Fields left out of a subtitle while they have the book's usual value (they would only add noise). */
const UNREMARKABLE: Record<string, unknown> = {
  dataset: 'mnist',
  loss: 'cross_entropy',
  gradient: 'analytic',
  optimizer: 'sgd',
  dtype: 'float32',
  trainSize: null,
  weightInit: 0.01,
  lossTiming: DEFAULT_LOSS_TIMING,
};

/**
 * What compared runs share, for a figure's subtitle: "784-50-10 sigmoid · batch 100 · 2000 iterations · seed 3"
 * (network, then the other shared fields in the diff table's order; the book's usual values left out).
 */
export function sharedDescription(runs: readonly RunRecord[]): string {
  if (runs.length === 0) return '';
  const rows = configDiff([...runs]).filter((r) => !r.differs);
  const value = (field: keyof SeededRunConfig) => runs[0].config[field];
  const shared = new Set(rows.map((r) => r.field));
  const network = [shared.has('layers') ? show(value('layers')) : '', shared.has('activation') ? show(value('activation')) : '']
    .filter(Boolean)
    .join(' ');
  const others = rows
    .filter((r) => r.field !== 'layers' && r.field !== 'activation')
    .filter((r) => !(r.field in UNREMARKABLE && UNREMARKABLE[r.field] === (value(r.field) ?? null)))
    .map((r) => fieldPhrase(r.field, value(r.field)));
  return [network, ...others].filter(Boolean).join(' · ');
}

/** Words for a swept field on an axis ("learning rate", not `learningRate`); layers are swept by hidden size. */
export function fieldInWords(field: string): string {
  if (field === 'layers') return t('sweep.hidden');
  const key = CONFIG_FIELDS.find(([f]) => f === field)?.[1];
  return key ? t(key) : field;
}

/** Compared runs in the order of their swept value when they form a sweep; otherwise as given. */
export function orderedForComparison(runs: RunRecord[]): RunRecord[] {
  const field = sweptField(runs);
  if (!field) return runs;
  const value = (run: RunRecord) => sweptValue(run, field) ?? Number.POSITIVE_INFINITY;
  return [...runs].sort((a, b) => value(a) - value(b));
}
