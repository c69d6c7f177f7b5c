/** `descent runs`, `show`, `export`, `rm`, `restore`: the store from the command line. */
import { writeFileSync } from 'node:fs';
import { historiesToCsv, type RunHistory } from '../../shared/export';
import type { RunConfig } from '../../shared/config';
import type { RunRecord } from '../../shared/run-record';
import type { RunStore } from '../core/store/run-store';
import { acc, describeConfig, table } from './format';
import { openStore } from './session';
import { UsageError } from './train-flags';

/** The run a user means by `ref`: a full id or a unique prefix of one. */
export function resolveRun(store: RunStore, ref: string): RunRecord {
  const { runs } = store.list();
  const exact = runs.find((r) => r.id === ref);
  if (exact) return exact;
  const matches = runs.filter((r) => r.id.startsWith(ref));
  if (matches.length === 1) return matches[0];
  if (matches.length === 0) throw new UsageError(`no run matches ${JSON.stringify(ref)} (see descent runs)`);
  throw new UsageError(`${JSON.stringify(ref)} matches ${matches.length} runs: ${matches.slice(0, 5).map((r) => r.id).join(', ')}…`);
}

const out = (text: string): void => void process.stdout.write(`${text}\n`);

export function runsCommand(options: { json: boolean }): void {
  const store = openStore();
  const { runs, damaged } = store.list();
  if (options.json) {
    runs.forEach((r) => out(JSON.stringify({ type: 'run', ...r })));
    damaged.forEach((d) => out(JSON.stringify({ type: 'damaged', ...d })));
    return;
  }
  if (runs.length === 0) out(`No runs yet in ${store.home}. Start one with: descent train`);
  else {
    const rows = [['id', 'name', 'status', 'created', 'network', 'lr', 'batch', 'iterations', 'test acc']];
    for (const r of runs) {
      rows.push([r.id, r.name, r.status, r.createdAt.slice(0, 19).replace('T', ' '), `${r.config.layers.join('-')} ${r.config.activation}`,
        String(r.config.learningRate), String(r.config.batchSize), `${r.iterationsDone}/${r.config.iterations}`, acc(r.lastEpoch?.testAcc ?? null)]);
    }
    out(table(rows));
  }
  for (const d of damaged) process.stderr.write(`damaged: ${d.path}: ${d.reason} (left in place)\n`);
}

export function showCommand(ref: string, options: { json: boolean }): void {
  const store = openStore();
  const run = resolveRun(store, ref);
  const metrics = store.readMetrics(run.id);
  if (options.json) {
    out(JSON.stringify({ run, metrics }));
    return;
  }
  out(`${run.name}  (${run.id})`);
  out(`status     ${run.status}${run.error ? ` — ${run.error}` : ''}`);
  out(`network    ${describeConfig(run.config)} · seed ${run.config.seed}`);
  out(`dataset    ${run.config.dataset}${run.config.trainSize ? ` (first ${run.config.trainSize} training images)` : ''}`);
  out(`created    ${run.createdAt}${run.startedAt ? ` · started ${run.startedAt}` : ''}${run.endedAt ? ` · ended ${run.endedAt}` : ''}`);
  if (run.group) out(`group      ${run.group}`);
  if (run.tags.length) out(`tags       ${run.tags.join(', ')}`);
  if (run.notes) out(`notes      ${run.notes}`);
  out(`losses     ${metrics.losses.length} recorded${metrics.losses.length ? `, last ${metrics.losses[metrics.losses.length - 1].toFixed(4)}` : ''}`);
  out(`folder     ${store.runDir(run.id)}`);
  if (metrics.epochs.length) {
    out('');
    out(table([['epoch', 'iteration', 'train acc', 'test acc'],
      ...metrics.epochs.map((e) => [e.epoch.toFixed(2), String(e.iteration), acc(e.trainAcc), acc(e.testAcc)])]));
  }
  for (const w of metrics.warnings) process.stderr.write(`warning: ${w}\n`);
}

export function exportCommand(refs: string[], options: { format: string; out?: string }): void {
  if (options.format !== 'csv' && options.format !== 'json') {
    throw new UsageError(`--format: must be one of csv, json, got ${JSON.stringify(options.format)}`);
  }
  const store = openStore();
  const runs = refs.map((ref) => resolveRun(store, ref));
  const histories = runs.map((run) => ({ run, metrics: store.readMetrics(run.id) }));
  for (const h of histories) for (const w of h.metrics.warnings) process.stderr.write(`warning: ${w}\n`);
  const text = options.format === 'csv'
    ? historiesToCsv(histories.map(({ run, metrics }): RunHistory => ({ id: run.id, name: run.name, ...metrics })))
    : `${JSON.stringify(histories.map(({ run, metrics }) => ({ run, iterations: metrics.iterations, losses: metrics.losses, epochs: metrics.epochs })), null, 2)}\n`;
  if (options.out) {
    writeFileSync(options.out, text);
    process.stderr.write(`wrote ${options.out}\n`);
  } else process.stdout.write(text);
}

export function rmCommand(refs: string[]): void {
  const store = openStore();
  for (const ref of refs) {
    const run = resolveRun(store, ref);
    if (['queued', 'running', 'paused'].includes(run.status)) throw new UsageError(`run ${run.id} is ${run.status}: stop it first`);
    store.trash(run.id);
    out(`moved ${run.id} to ${store.trashDir} (undo: descent restore ${run.id})`);
  }
}

export function restoreCommand(ids: string[]): void {
  const store = openStore();
  for (const id of ids) {
    store.restore(id);
    out(`restored ${id}`);
  }
}

/** The configuration of an earlier run, to train again with changes. */
export function configOfRun(ref: string): RunConfig {
  return resolveRun(openStore(), ref).config;
}

/** Longest name, tag or note accepted, so that run.json stays a small file. */
const MAX_TEXT = 10_000;

export function annotateCommand(ref: string, flags: { name?: string; tags?: string; notes?: string }): void {
  const store = openStore();
  const run = resolveRun(store, ref);
  if (['queued', 'running', 'paused'].includes(run.status)) {
    // The process training it rewrites run.json at every epoch; a change from here would be lost.
    throw new UsageError(`run ${run.id} is ${run.status} in another process: annotate it when it has finished`);
  }
  if (flags.name === undefined && flags.tags === undefined && flags.notes === undefined) {
    throw new UsageError('annotate: give --name, --tags or --notes');
  }
  for (const [flag, value] of [['--name', flags.name], ['--tags', flags.tags], ['--notes', flags.notes]] as const) {
    if (value !== undefined && value.length > MAX_TEXT) throw new UsageError(`${flag}: at most ${MAX_TEXT} characters, got ${value.length}`);
  }
  if (flags.name !== undefined && flags.name.trim() === '') throw new UsageError('--name: must not be empty');
  const tags = flags.tags === undefined ? undefined : flags.tags.split(',').map((t) => t.trim()).filter(Boolean);
  const next = store.update(run.id, (r) => ({
    ...r,
    ...(flags.name !== undefined ? { name: flags.name.trim() } : {}),
    ...(tags !== undefined ? { tags } : {}),
    ...(flags.notes !== undefined ? { notes: flags.notes } : {}),
  }));
  out(`${next.id}: ${next.name}${next.tags.length ? ` [${next.tags.join(', ')}]` : ''}`);
}
