/**
 * One run in the Inside view: its snapshots, the one on the slider, that snapshot's weights (for the tiles
 * and the drawing's prediction) and test-set analysis, and per-class accuracy over the snapshots. Large
 * values are `$state.raw`: they are replaced whole, never mutated.
 */
import type { WorkbenchApi } from '../../../../shared/api';
import type { InsideAnalysis, PerClassHistory, SnapshotList, SnapshotWeights } from '../../../../shared/inside/inside-schemas';
import type { MultiLayerNet } from '../../../../shared/engine/network';
import { errorNotice, type Notice } from '../notice';
import { networkOf } from './predict';

export class InsideRun {
  list = $state.raw<SnapshotList | null>(null);
  /** Index into `list.snapshots` of the snapshot shown. */
  index = $state(0);
  weights = $state.raw<SnapshotWeights | null>(null);
  network = $state.raw<MultiLayerNet | null>(null);
  analysis = $state.raw<InsideAnalysis | null>(null);
  perClass = $state.raw<PerClassHistory | null>(null);
  loading = $state(false);
  /** Why the snapshots or weights could not be read: worded where shown (noticeText), so it follows a language switch. */
  error = $state.raw<Notice | null>(null);
  private refreshing: Promise<void> | null = null;
  /** A refresh was asked for while one was under way. */
  private refreshAgain = false;
  /** Requests answered out of order (a fast slider) must not overwrite a newer snapshot's data. */
  private generation = 0;

  constructor(
    private readonly api: WorkbenchApi,
    readonly runId: string,
  ) {}

  /**
   * Lists the snapshots (again, for a run still training) and shows the newest one if the slider was at
   * the newest before (or nothing was shown yet); then the per-class accuracy over all of them.
   */
  refresh(): Promise<void> {
    // One at a time; a refresh asked for while one waits for the backend runs once more after it, as that one may
    // have read the list before what prompted this one (a stopped run's last measurement, recorded after its
    // snapshot file: joining the older read left the slider's label without its accuracy).
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.refreshAgain = false;
        await this.relist();
      } while (this.refreshAgain);
    })().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async relist(): Promise<void> {
    await this.attempt(async () => {
      const before = this.list?.snapshots.length ?? 0;
      const atNewest = before === 0 || this.index === before - 1;
      this.list = await this.api.listSnapshots(this.runId);
      const count = this.list.snapshots.length;
      if (count === 0) return;
      if (atNewest && count !== before) await this.show(count - 1);
      this.perClass = await this.api.perClassHistory(this.runId);
    });
  }

  /** Shows snapshot `index`: its weights at once, then its analysis (computed by the backend, cached). */
  async show(index: number): Promise<void> {
    const snapshot = this.list?.snapshots[index];
    if (!snapshot) return;
    this.index = index;
    const generation = ++this.generation;
    // Never show one snapshot's matrix under another's label: cleared until this one's arrives.
    if (this.analysis?.iteration !== snapshot.iteration) this.analysis = null;
    await this.attempt(async () => {
      const weights = await this.api.snapshotWeights(this.runId, snapshot.iteration);
      if (generation !== this.generation) return;
      this.weights = weights;
      this.network = networkOf(weights);
      const analysis = await this.api.insideAnalysis(this.runId, snapshot.iteration);
      if (generation === this.generation) this.analysis = analysis;
    });
  }

  private async attempt(work: () => Promise<void>): Promise<void> {
    this.loading = true;
    this.error = null;
    try {
      await work();
    } catch (error) {
      this.error = errorNotice(error);
    } finally {
      this.loading = false;
    }
  }
}
