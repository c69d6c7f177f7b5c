/**
 * `descent inspect <id> [--epoch N] --confusion|--per-class|--mistakes [--json]`: the Inside view's numbers
 * from the command line — the same InsideService, the same snapshots and cache, so the same numbers.
 */
import { InsideService } from '../core/inside-service';
import { acc, safeJson, table } from './format';
import { openStore } from './session';
import { resolveRun } from './store-commands';
import { UsageError } from './train-flags';
import type { SnapshotInfo } from '../../shared/inside/inside-schemas';

export type InspectView = 'confusion' | 'per-class' | 'mistakes';

const out = (text: string): void => void process.stdout.write(`${text}\n`);

/** The snapshot at `epoch` (whole epochs; the last one if not given); the error lists the epochs there are. */
export function snapshotAt(snapshots: SnapshotInfo[], epoch: number | undefined, runId: string): SnapshotInfo {
  if (snapshots.length === 0)
    throw new UsageError(`run ${runId} has no stored weights (yet): a run stores them at its first evaluation`);
  if (epoch === undefined) return snapshots[snapshots.length - 1];
  const found = snapshots.find((s) => s.epoch === epoch);
  if (found) return found;
  const epochs = snapshots.flatMap((s) => (s.epoch !== null && Number.isInteger(s.epoch) ? [s.epoch] : []));
  throw new UsageError(
    `--epoch must be one of the run's snapshot epochs (${epochs.length ? epochs.join(', ') : 'none: it has its final weights only'}), got ${epoch}`,
  );
}

export async function inspectCommand(ref: string, options: { view: InspectView; epoch?: number; json: boolean }): Promise<void> {
  const store = openStore();
  const run = resolveRun(store, ref);
  const inside = new InsideService(store);
  if (options.view === 'per-class') {
    const history = await inside.perClassHistory(run.id);
    if (options.json) return out(safeJson({ runId: run.id, ...history }));
    const classes = history.points[0]?.perClass.length ?? 0;
    out(
      table([
        ['iteration', 'epoch', ...Array.from({ length: classes }, (_, c) => `class ${c}`)],
        ...history.points.map((p) => [
          p.iteration === null ? 'final' : String(p.iteration),
          p.epoch === null ? '' : p.epoch.toFixed(2),
          ...p.perClass.map(acc),
        ]),
      ]),
    );
    return;
  }
  const snapshot = snapshotAt(inside.listSnapshots(run.id).snapshots, options.epoch, run.id);
  const analysis = await inside.analysis(run.id, snapshot.iteration);
  const at = { runId: run.id, iteration: snapshot.iteration, epoch: snapshot.epoch };
  if (options.view === 'confusion') {
    if (options.json) return out(safeJson({ ...at, confusion: analysis.confusion }));
    out(
      `Confusion matrix of ${run.id} at ${snapshot.iteration === null ? 'its final weights' : `iteration ${snapshot.iteration}`} (rows: true class, columns: predicted)`,
    );
    out(
      table([
        ['true\\pred', ...analysis.confusion.map((_, p) => String(p))],
        ...analysis.confusion.map((row, t) => [String(t), ...row.map(String)]),
      ]),
    );
    return;
  }
  // Confidently wrong first: the probability the network gave its (wrong) answer.
  const mistakes = [...analysis.mistakes].sort((a, b) => b.probabilities[b.predicted] - a.probabilities[a.predicted]);
  if (options.json) return out(safeJson({ ...at, mistakes }));
  out(`${mistakes.length} mistakes of ${analysis.labels.length} test images, confidently wrong first`);
  out(
    table([
      ['image', 'true', 'predicted', 'confidence'],
      ...mistakes.map((m) => [String(m.index), String(m.label), String(m.predicted), acc(m.probabilities[m.predicted])]),
    ]),
  );
}
