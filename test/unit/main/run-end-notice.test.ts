/** The desktop notification of a run that ended speaks the app's language (it was English in every language). */
import { describe, expect, it } from 'vitest';
import { BOOK_DEFAULTS } from '../../../shared/config';
import { defaultRunName } from '../../../shared/run-names';
import { runEndNotice } from '../../../electron/main/run-end-notice';
import { makeRecord } from '../../support/runs';

const config = { ...BOOK_DEFAULTS, seed: 7 };
const lastEpoch = { iteration: 1499, epoch: 2.5, trainAcc: 0.9, testAcc: 0.91234 };
const automatic = makeRecord({ name: defaultRunName(config), config, status: 'completed', iterationsDone: 1500, lastEpoch });

describe('the notification of a run that ended', () => {
  it('in English as before: the stored name, the status, iterations and test accuracy', () => {
    expect(runEndNotice(automatic, 'en')).toEqual({
      title: '784-50-10 sigmoid · lr 0.1 · seed 7: completed',
      body: '1500 iterations · test accuracy 0.9123',
    });
  });

  it("in Chinese and Japanese: an automatic name in the page's words, the status and the words around the numbers", () => {
    expect(runEndNotice(automatic, 'zh-CN')).toEqual({
      title: '784-50-10 sigmoid · 学习率 0.1 · 随机种子 7：已完成',
      body: '1500 次迭代 · 测试精度 0.9123',
    });
    expect(runEndNotice(automatic, 'ja').body).toBe('繰り返し 1500 回 · テスト精度 0.9123');
  });

  it("a typed name as typed; a failed run's error after the numbers; no accuracy before the first measurement", () => {
    const failed = makeRecord({
      name: 'lr 0.1 mine',
      config,
      status: 'failed',
      iterationsDone: 12,
      error: 'trainer exited (code 1)',
    });
    const notice = runEndNotice(failed, 'zh-CN');
    expect(notice.title).toMatch(/^lr 0\.1 mine：/);
    expect(notice.body).toBe('12 次迭代 · trainer exited (code 1)');
  });
});
