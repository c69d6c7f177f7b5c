/** The Inside view's run state: a refresh asked for while one waits reads the list again afterwards. */
import { describe, expect, it } from 'vitest';
import type { WorkbenchApi } from '../../../shared/api';
import type { SnapshotList } from '../../../shared/inside/inside-schemas';
import { FailedCall } from '../../../shared/failure';
import { InsideRun } from '../../../renderer/src/lib/inside/inside-run.svelte';
import { language } from '../../../renderer/src/lib/i18n';
import { noticeText } from '../../../renderer/src/lib/notice';

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

describe('InsideRun.error', () => {
  it("is the backend's failure, worded where it is shown: in the language chosen after it happened", async () => {
    const failure = { code: 'run.notFound' as const, params: { id: ID }, message: `no run ${ID} in /home/runs` };
    const api = {
      listSnapshots: () => Promise.reject(new FailedCall(failure)),
    } as Partial<WorkbenchApi> as WorkbenchApi;
    const run = new InsideRun(api, ID);
    try {
      language.chosen = 'zh-CN';
      await run.refresh();
      expect(noticeText(run.error!)).toBe(`训练 ${ID} 已不存在（可能已在另一个窗口或命令行中删除）`);
      language.chosen = 'ja';
      expect(noticeText(run.error!)).toBe(
        `学習 ${ID} はもうありません（別のウィンドウかコマンドラインで削除された可能性があります）`,
      );
    } finally {
      language.chosen = null;
    }
  });
});
