/** The Inside view's run state: a refresh asked for while one waits reads the list again afterwards. */
import { describe, expect, it } from 'vitest';
import type { WorkbenchApi } from '../../../shared/api';
import type { SnapshotList } from '../../../shared/inside/inside-schemas';
import { InsideRun } from '../../../renderer/src/lib/inside/inside-run.svelte';

const ID = '20261201-120000-abcdef';

/** The stopped run's last snapshot, listed before and after its measurement was recorded. */
const beforeMeasured: SnapshotList = {
  kind: 'snapshots',
  snapshots: [{ iteration: 5500, epoch: null, trainAcc: null, testAcc: null }],
};
const measured: SnapshotList = {
  kind: 'snapshots',
  snapshots: [{ iteration: 5500, epoch: 110, trainAcc: 0.93, testAcc: 0.92 }],
};

describe('InsideRun.refresh', () => {
  it('runs once more after the refresh under way when asked again meanwhile, ending with the newer list', async () => {
    const answers: Array<(list: SnapshotList) => void> = [];
    const api = {
      listSnapshots: () => new Promise<SnapshotList>((resolve) => answers.push(resolve)),
      perClassHistory: async () => ({ points: [] }),
      snapshotWeights: async () => Promise.reject(new Error('no weights in this test')),
      insideAnalysis: async () => Promise.reject(new Error('no weights in this test')),
    } as Partial<WorkbenchApi> as WorkbenchApi;
    const run = new InsideRun(api, ID);
    const first = run.refresh(); // the timer's refresh, while the run was still training
    expect(answers).toHaveLength(1);
    const second = run.refresh(); // the run stopped meanwhile: its record changed
    expect(second).toBe(first);
    answers[0](beforeMeasured);
    await expect.poll(() => answers.length).toBe(2);
    answers[1](measured);
    await first;
    expect(run.list).toEqual(measured);
    // Nothing asked for meanwhile: one read only.
    const third = run.refresh();
    await expect.poll(() => answers.length).toBe(3);
    answers[2](measured);
    await third;
    expect(answers).toHaveLength(3);
  });
});
