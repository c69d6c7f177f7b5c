/**
 * The run list's filter: every word must match (AND); a word matches any text shown on the run's card, as the page
 * shows it in its language (name, status, learning rate, batch, network, activation, tags, sweep, "did not learn"),
 * and the run's id; `field:value` words match one field (`lr:0.1`, `batch:100`, `layers:784-100-10`, `act:relu`,
 * `status:completed`, `tag:book`, `seed:3`, `name:…`, `sweep:…`, `iters:2000`): their names and the stored values
 * (`status:completed`) are the same in every language, and a status also matches as shown (`status:已完成`).
 */
import type { RunRecord } from '../../../shared/run-record';
import { fieldPhrase, learningVerdict } from './compare';
import { t } from './i18n';
import { shownName } from './run-name';
import { statusText } from './status-text';

/** The field filters, with the run's values each compares against. */
const FIELDS: Record<string, (run: RunRecord) => Array<string | number>> = {
  lr: (r) => [r.config.learningRate],
  batch: (r) => [r.config.batchSize],
  layers: (r) => [r.config.layers.join('-')],
  act: (r) => [r.config.activation],
  activation: (r) => [r.config.activation],
  status: (r) => [r.status, statusText(r.status), learningVerdict(r) ?? '', shownVerdict(r)],
  tag: (r) => r.tags,
  seed: (r) => [r.config.seed],
  name: (r) => [r.name, shownName(r)],
  sweep: (r) => [r.group ?? ''],
  iters: (r) => [r.config.iterations],
};

// What the filter understands is said by the run list's placeholder (message runs.filterPlaceholder).

/** "did not learn" as the card says it, or nothing. */
function shownVerdict(run: RunRecord): string {
  return learningVerdict(run) === 'did not learn' ? t('runs.didNotLearn') : '';
}

/**
 * Everything the run's card shows, in the page's language (a filter typed in Chinese finds "学习率 0.1", "已完成"),
 * with its id and its notes, as one lower-case text.
 */
function cardText(run: RunRecord): string {
  const c = run.config;
  return [
    shownName(run),
    run.id,
    statusText(run.status),
    shownVerdict(run),
    run.group ?? '',
    ...run.tags,
    run.notes,
    t('runs.cardConfig', { lr: c.learningRate, batch: c.batchSize, layers: c.layers.join('-'), activation: c.activation }),
    fieldPhrase('seed', c.seed),
  ]
    .join(' \n')
    .toLowerCase();
}

/** One field filter word: numbers compare as numbers (lr:0.10 is lr 0.1), text by containment. */
function fieldMatches(values: Array<string | number>, wanted: string): boolean {
  const number = Number(wanted);
  return values.some((v) =>
    typeof v === 'number' && wanted !== '' && Number.isFinite(number) ? v === number : String(v).toLowerCase().includes(wanted),
  );
}

/** Whether `run` passes `query` (empty: every run). */
export function matchesFilter(run: RunRecord, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = cardText(run);
  return words.every((word) => {
    const colon = word.indexOf(':');
    // Own keys only: `constructor:` or `__proto__:` must not reach Object.prototype's members.
    const name = word.slice(0, colon);
    const field = colon > 0 && Object.hasOwn(FIELDS, name) ? FIELDS[name] : undefined;
    return field ? fieldMatches(field(run), word.slice(colon + 1)) : text.includes(word);
  });
}
