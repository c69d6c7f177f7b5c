/**
 * The run list's filter: every word must match (AND); a word matches any text shown on the run's card
 * (name, status, learning rate, batch, network, activation, tags, sweep, "did not learn"); `field:value`
 * words match one field (`lr:0.1`, `batch:100`, `layers:784-100-10`, `act:relu`, `status:completed`,
 * `tag:book`, `seed:3`, `name:…`, `sweep:…`, `iters:2000`). Pure.
 */
import type { RunRecord } from '../../../shared/run-record';
import { learningVerdict } from './compare';

/** The field filters, with the run's values each compares against. */
const FIELDS: Record<string, (run: RunRecord) => Array<string | number>> = {
  lr: (r) => [r.config.learningRate],
  batch: (r) => [r.config.batchSize],
  layers: (r) => [r.config.layers.join('-')],
  act: (r) => [r.config.activation],
  activation: (r) => [r.config.activation],
  status: (r) => [r.status, learningVerdict(r) ?? ''],
  tag: (r) => r.tags,
  seed: (r) => [r.config.seed],
  name: (r) => [r.name],
  sweep: (r) => [r.group ?? ''],
  iters: (r) => [r.config.iterations],
};

// What the filter understands is said by the run list's placeholder (message runs.filterPlaceholder).

/** Everything the run's card shows, as one lower-case text. */
function cardText(run: RunRecord): string {
  const c = run.config;
  return [
    run.name,
    run.id,
    run.status,
    learningVerdict(run) ?? '',
    run.group ?? '',
    ...run.tags,
    run.notes,
    `lr ${c.learningRate}`,
    `batch ${c.batchSize}`,
    c.layers.join('-'),
    c.activation,
    `seed ${c.seed}`,
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
