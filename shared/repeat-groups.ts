/**
 * Repeat groups: runs whose configurations differ only by seed are repeats of one experiment, whether they
 * were started together (`--repeat N`, a sweep with repeats) or one by one on different days. Grouping goes by
 * the configuration alone — never by name, tags, notes or the sweep they came from — so it is found afresh from
 * any list of runs.
 */
import { ENGLISH_PHRASES, fieldPhrase, showConfigValue, type PhraseWords } from './config-phrase';
import type { RunRecord } from './run-record';

/** What repeats may differ in: the seed. Everything else in a configuration makes a different experiment. */
const REPEAT_FIELDS = new Set(['seed']);

/** A configuration's fields in the order group labels name them (the compare view's diff order). */
const LABEL_ORDER = [
  'layers',
  'activation',
  'weightInit',
  'loss',
  'gradient',
  'optimizer',
  'learningRate',
  'batchSize',
  'iterations',
  'trainSize',
  'dtype',
  'lossTiming',
  'dataset',
];

/** Runs of one configuration over several seeds. */
export interface RepeatGroup {
  /** The canonical configuration without its seed (`repeatKey`): the group's identity. */
  readonly key: string;
  /** What sets this group apart from the others listed with it ("lr 0.5"), or its main settings if it is alone. */
  readonly label: string;
  /** The runs, by seed. */
  readonly runs: readonly RunRecord[];
}

/**
 * The canonical text of a configuration without its seed: keys sorted at every depth, so two configurations
 * that hold the same values give the same key however their objects were built.
 */
export function repeatKey(config: Readonly<Record<string, unknown>>): string {
  const withoutSeed = Object.fromEntries(Object.entries(config).filter(([field]) => !REPEAT_FIELDS.has(field)));
  return JSON.stringify(canonical(withoutSeed));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/**
 * The runs grouped by `repeatKey`, groups in the order of their first run, runs within a group by seed; labels in
 * `words` (English unless the UI passes its language's).
 */
export function groupRepeats(runs: readonly RunRecord[], words: PhraseWords = ENGLISH_PHRASES): RepeatGroup[] {
  const byKey = new Map<string, RunRecord[]>();
  for (const run of runs) {
    const key = repeatKey(run.config);
    const group = byKey.get(key);
    if (group) group.push(run);
    else byKey.set(key, [run]);
  }
  const groups = [...byKey].map(([key, members]) => ({ key, runs: [...members].sort((a, b) => a.config.seed - b.config.seed) }));
  const labels = groupLabels(
    groups.map((g) => g.runs[0].config),
    words,
  );
  return groups.map((g, i) => ({ ...g, label: labels[i] }));
}

/**
 * Labels of groups from one representative configuration each: the fields in which the groups differ ("lr 0.5 ·
 * batch 100"); a single group is named by its network and learning rate and batch.
 */
function groupLabels(configs: ReadonlyArray<Readonly<Record<string, unknown>>>, words: PhraseWords): string[] {
  const value = (config: Readonly<Record<string, unknown>>, field: string) => showConfigValue(config[field]);
  const differing = LABEL_ORDER.filter((field) => new Set(configs.map((c) => value(c, field))).size > 1);
  const fields = differing.length > 0 ? differing : ['layers', 'learningRate', 'batchSize'];
  return configs.map((config) => fields.map((field) => fieldPhrase(field, config[field], words)).join(' · '));
}
