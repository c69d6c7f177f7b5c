/**
 * What every command that trains needs: the store in DESCENT_HOME (recovered from any crash), a run
 * manager with Node trainer processes, a dataset check that turns misfits into flag errors, and Ctrl-C.
 */
import type { RunConfig } from '../../shared/config';
import { isFinished, type RunRecord } from '../../shared/run-record';
import { RunManager } from '../core/run-manager';
import { descentHome } from '../core/store/home';
import { RunStore } from '../core/store/run-store';
import { NodeTrainerHost } from '../core/trainer-host';
import { assertConfigsFitDatasets, DatasetMismatchError } from '../core/training-session';
import { probeInThisThread } from '../core/dataset-probe';
import type { RunOutput } from './run-output';
import { describeForCli, UsageError } from './train-flags';

/**
 * The store of this machine's DESCENT_HOME, with runs left by dead processes marked interrupted where
 * the disk allows: reading never needs writing, so a read-only or full store is read as it is, with a warning.
 */
export function openStore(home = descentHome()): RunStore {
  const store = new RunStore(home);
  for (const warning of store.recoverInterrupted().warnings) process.stderr.write(`warning: ${warning}\n`);
  return store;
}

/** Throws UsageError (exit 2) naming the flags if any config does not fit its dataset. */
export async function checkDatasets(configs: RunConfig[]): Promise<void> {
  try {
    await assertConfigsFitDatasets(configs, probeInThisThread); // the CLI has no window to keep responsive
  } catch (error) {
    if (error instanceof DatasetMismatchError) throw new UsageError(error.issues.map(describeForCli).join('\n'));
    throw error;
  }
}

/**
 * Trains `runs` (config, metadata, display label) through a run manager, `parallel` at a time, showing
 * them on `output`, into the store at `home` (DESCENT_HOME's by default); Ctrl-C (or a scheduler's SIGTERM) stops
 * them all cleanly. Resolves to their final records, in order.
 */
export async function trainRuns(
  runs: Array<{ config: RunConfig; name?: string; group?: string | null; label: string }>,
  parallel: number,
  output: RunOutput,
  home?: string,
): Promise<RunRecord[]> {
  await checkDatasets(runs.map((r) => r.config));
  const store = openStore(home);
  const manager = new RunManager({ store, host: new NodeTrainerHost(), concurrency: parallel });
  const ids = new Set<string>();
  // The last record the manager announced for each run: what the run ended as, even when the disk could
  // not take the final record (a full disk), so the exit code tells the truth.
  const latest = new Map<string, RunRecord>();
  manager.subscribe((event) => {
    output.event(event);
    if (event.type === 'run-changed' || event.type === 'run-added') latest.set(event.run.id, event.run);
    if (event.type === 'run-changed' && ids.has(event.run.id) && isFinished(event.run.status)) {
      output.finish(event.run);
    }
  });
  const stopAll = (): void => void manager.stopAll();
  process.on('SIGINT', stopAll);
  process.on('SIGTERM', stopAll);
  try {
    const records = runs.map((r) => {
      const record = manager.submit(r.config, { name: r.name, group: r.group ?? null });
      ids.add(record.id);
      output.add(record, r.label);
      return record;
    });
    await manager.whenIdle();
    return records.map((r) => latest.get(r.id) ?? store.read(r.id));
  } finally {
    process.off('SIGINT', stopAll);
    process.off('SIGTERM', stopAll);
    output.close();
  }
}
