/** `descent runs`, `show`, `export`, `rm`, `restore`: the store from the command line. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RunConfig } from '../../shared/config';
import { isLive, type RunRecord } from '../../shared/run-record';
import { writeHistoriesCsv, writeHistoriesJson } from '../core/store/history-export';
import type { RunStore } from '../core/store/run-store';
import { isRunId } from '../core/run-id';
import { acc, describeConfig, printable, printableLines, safeJson, table } from './format';
import { writeOutFile } from './out-file';
import { stdoutWriter } from './stdout-sync';
import { nameFlag, notesFlag, tagsFlag } from './run-text-flags';
import { openStore } from './session';
import { UsageError } from './train-flags';

/** The run a user means by `ref`: a full id or a unique prefix of one. */
export function resolveRun(store: RunStore, ref: string): RunRecord {
  // "" is a prefix of every id: `rm ""` must not mean "the only run".
  if (ref.trim() === '')
    throw new UsageError(`empty run id ${JSON.stringify(ref)}: give a run id or a unique prefix (see descent runs)`);
  const { runs } = store.list();
  const exact = runs.find((r) => r.id === ref);
  if (exact) return exact;
  const matches = runs.filter((r) => r.id.startsWith(ref));
  if (matches.length === 1) return matches[0];
  if (matches.length === 0) throw new UsageError(`no run matches ${JSON.stringify(ref)} (see descent runs)`);
  throw new UsageError(
    `${JSON.stringify(ref)} matches ${matches.length} runs: ${matches
      .slice(0, 5)
      .map((r) => r.id)
      .join(', ')}…`,
  );
}

const out = (text: string): void => void process.stdout.write(`${text}\n`);

export function runsCommand(options: { json: boolean }): void {
  const store = openStore();
  const { runs, damaged } = store.list();
  if (options.json) {
    runs.forEach((r) => out(safeJson({ type: 'run', ...r })));
    damaged.forEach((d) => out(safeJson({ type: 'damaged', ...d })));
    return;
  }
  if (runs.length === 0) out(`No runs yet in ${printable(store.home)}. Start one with: descent train`);
  else {
    const rows = [['id', 'name', 'status', 'created', 'network', 'lr', 'batch', 'iterations', 'test acc']];
    for (const r of runs) {
      rows.push([
        r.id,
        r.name,
        r.status,
        r.createdAt.slice(0, 19).replace('T', ' '),
        `${r.config.layers.join('-')} ${r.config.activation}`,
        String(r.config.learningRate),
        String(r.config.batchSize),
        `${r.iterationsDone}/${r.config.iterations}`,
        acc(r.lastEpoch?.testAcc ?? null),
      ]);
    }
    out(table(rows));
  }
  for (const d of damaged) process.stderr.write(`damaged: ${printable(d.path)}: ${printable(d.reason)} (left in place)\n`);
}

export function showCommand(ref: string, options: { json: boolean }): void {
  const store = openStore();
  const run = resolveRun(store, ref);
  if (options.json) {
    // Streamed: a history of millions of iterations is never one string (nor all in memory, even when the
    // reader is slow: stdoutWriter waits for the pipe).
    const { write, end } = stdoutWriter();
    write(`{"run":${safeJson(run)},"metrics":`);
    store.writeMetricsJson(run.id, write, (value) => safeJson(value));
    write('}\n');
    end();
    return;
  }
  const metrics = store.metricsTally(run.id);
  out(`${printable(run.name)}  (${run.id})`);
  out(`status     ${run.status}${run.error ? ` — ${printable(run.error)}` : ''}`);
  out(`network    ${describeConfig(run.config)} · seed ${run.config.seed}`);
  out(
    `dataset    ${printable(run.config.dataset)}${run.config.trainSize ? ` (first ${run.config.trainSize} training images)` : ''}`,
  );
  out(
    `created    ${run.createdAt}${run.startedAt ? ` · started ${run.startedAt}` : ''}${run.endedAt ? ` · ended ${run.endedAt}` : ''}`,
  );
  if (run.group) out(`group      ${printable(run.group)}`);
  if (run.tags.length) out(`tags       ${run.tags.map(printable).join(', ')}`);
  if (run.notes) out(`notes      ${printable(run.notes)}`);
  out(`losses     ${metrics.losses} recorded${metrics.lastLoss !== null ? `, last ${metrics.lastLoss.toFixed(4)}` : ''}`);
  out(`folder     ${printable(store.runDir(run.id))}`);
  if (metrics.epochs.length) {
    out('');
    out(
      table([
        ['epoch', 'iteration', 'train acc', 'test acc'],
        ...metrics.epochs.map((e) => [e.epoch.toFixed(2), String(e.iteration), acc(e.trainAcc), acc(e.testAcc)]),
      ]),
    );
  }
  for (const w of metrics.warnings) process.stderr.write(`warning: ${printable(w)}\n`);
}

/** What `descent export --format` writes (commander refuses anything else, naming the flag and these). */
export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function exportCommand(refs: string[], options: { format: ExportFormat; out?: string; force?: boolean }): void {
  const store = openStore();
  const runs = refs.map((ref) => resolveRun(store, ref));
  // Streamed from each run's file (its few measurements first, then its losses), so that a history of
  // millions of iterations exports in bounded memory.
  const tallies = new Map(runs.map((run) => [run.id, store.metricsTally(run.id)]));
  for (const tally of tallies.values()) for (const w of tally.warnings) process.stderr.write(`warning: ${printable(w)}\n`);
  const produce = (write: (text: string) => void): void => {
    const job = { store, runs, epochsOf: (run: RunRecord) => tallies.get(run.id)!.epochs, write };
    if (options.format === 'csv') writeHistoriesCsv(job);
    else writeHistoriesJson(job, safeJson);
  };
  if (options.out) {
    writeOutFile(options.out, Boolean(options.force), produce);
    process.stderr.write(`wrote ${printable(options.out)}\n`);
    return;
  }
  // Piped to a reader that may be slower than the export: stdoutWriter waits for the pipe instead of queueing.
  const { write, end } = stdoutWriter();
  // Names are data in a file, but on a terminal they would act: shown escaped there only.
  produce(process.stdout.isTTY ? (text) => write(printableLines(text)) : write);
  end();
}

export function rmCommand(refs: string[]): void {
  const store = openStore();
  for (const ref of refs) {
    const run = resolveRun(store, ref);
    if (isLive(run.status)) throw new UsageError(`run ${run.id} is ${run.status}: stop it first`);
    store.trash(run.id);
    out(`moved ${run.id} to ${printable(store.trashDir)} (undo: descent restore ${run.id})`);
  }
}

export function restoreCommand(ids: string[]): void {
  const store = openStore();
  for (const id of ids) {
    // Checked here so that a typo is a usage error (exit 2) that names it, not a failure of the store.
    if (!isRunId(id))
      throw new UsageError(`restore: ${JSON.stringify(id)} is not a run id (full ids only, like 20261128-103400-3f9a1c)`);
    if (!existsSync(join(store.trashDir, id)))
      throw new UsageError(`restore: no run ${id} in the trash (${printable(store.trashDir)})`);
    if (store.has(id)) throw new UsageError(`restore: run ${id} is in the store already`);
    store.restore(id);
    out(`restored ${id}`);
  }
}

/** The configuration of an earlier run, to train again with changes. */
export function configOfRun(ref: string): RunConfig {
  return resolveRun(openStore(), ref).config;
}

export function annotateCommand(ref: string, flags: { name?: string; tags?: string; notes?: string }): void {
  const store = openStore();
  const run = resolveRun(store, ref);
  if (flags.name === undefined && flags.tags === undefined && flags.notes === undefined) {
    throw new UsageError('annotate: give --name, --tags or --notes');
  }
  const name = nameFlag(flags.name);
  const tags = tagsFlag(flags.tags);
  const notes = notesFlag(flags.notes);
  // A run another process is training gets the change as an edit that process folds in (run-edits.ts).
  const next = store.annotate(run.id, {
    ...(name !== undefined ? { name } : {}),
    ...(tags !== undefined ? { tags } : {}),
    ...(notes !== undefined ? { notes } : {}),
  });
  out(`${next.id}: ${printable(next.name)}${next.tags.length ? ` [${next.tags.map(printable).join(', ')}]` : ''}`);
}
