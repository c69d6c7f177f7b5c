/**
 * Backend failures in the page's language: every code worded in en, zh-CN and ja from its params (the backend's
 * English message never shown but for `unexpected`), and the error line re-worded when the language changes
 * (runes: this file is compiled by Svelte, in the renderer project).
 */
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { FAILURE_CODES, FailedCall, type Failure, type FailureCode } from '../../../shared/failure';
import { explainFailure } from '../../../renderer/src/lib/connection';
import { failureText } from '../../../renderer/src/lib/failure-text';
import { language } from '../../../renderer/src/lib/i18n';
import { errorNotice, noticeText, type Notice } from '../../../renderer/src/lib/notice';

afterEach(() => {
  language.chosen = null;
});

const id = '20261201-101500-abcdef';
/** One failure of every code, as the backend sends it (English message: never what the page shows, but for unexpected). */
const FAILURES: Record<FailureCode, Failure> = {
  'run.notFound': { code: 'run.notFound', params: { id }, message: `no run ${id} in /home/runs` },
  'run.notInTrash': { code: 'run.notInTrash', params: { id }, message: 'x' },
  'run.exists': { code: 'run.exists', params: { id }, message: 'x' },
  'run.inTrash': { code: 'run.inTrash', params: { id }, message: 'x' },
  'run.notRunning': { code: 'run.notRunning', params: { id }, message: 'x' },
  'run.busy': { code: 'run.busy', params: { id, state: 'running' }, message: 'x' },
  'run.ownedElsewhere': { code: 'run.ownedElsewhere', params: { id, owner: 'pid 42 on lab-pc' }, message: 'x' },
  'gradcheck.busy': { code: 'gradcheck.busy', params: { limit: 1 }, message: 'x' },
  'backend.unavailable': { code: 'backend.unavailable', params: { reason: 'the client went away' }, message: 'x' },
  'config.doesNotFit': {
    code: 'config.doesNotFit',
    params: {},
    message: 'x',
    issues: [
      {
        field: 'trainSize',
        message: 'must be from 1 to 60000 (training images in the dataset), got 70000',
        code: 'custom',
        params: { rule: 'trainSize', max: 60000, got: 70000 },
      },
      {
        field: 'layers',
        message: 'the input layer must have 784 units (pixels per image), got 100',
        code: 'custom',
        params: { rule: 'inputWidth', expected: 784, got: 100 },
      },
    ],
  },
  'dataset.unusable': {
    code: 'dataset.unusable',
    params: { dataset: 'my-digits', reason: 'dataset folder not found: my-digits' },
    message: 'dataset folder not found: my-digits',
  },
  'request.invalid': {
    code: 'request.invalid',
    params: { method: 'startSweep' },
    message: 'x',
    issues: [
      { field: '0.base.batchSize', message: 'x', code: 'custom', input: 0 },
      { field: '0.values', message: 'x', code: 'too_small', input: [], params: { minimum: 1 } },
    ],
  },
  'request.unauthorised': { code: 'request.unauthorised', params: {}, message: 'x' },
  'request.foreignOrigin': { code: 'request.foreignOrigin', params: {}, message: 'x' },
  'request.tooLarge': { code: 'request.tooLarge', params: { limit: 1048576 }, message: 'x' },
  'request.malformed': { code: 'request.malformed', params: { reason: 'API calls are POST requests' }, message: 'x' },
  'export.writeFailed': { code: 'export.writeFailed', params: { reason: 'EACCES: permission denied' }, message: 'x' },
  'inside.testImageOutOfRange': {
    code: 'inside.testImageOutOfRange',
    params: { index: 10000, count: 10000 },
    message: 'test image 10000 does not exist: the test set has images 0…9999',
  },
  'run.killedAfterStop': { code: 'run.killedAfterStop', params: {}, message: 'x' },
  'run.cannotStart': { code: 'run.cannotStart', params: { reason: 'ENOSPC: no space left on device' }, message: 'x' },
  'run.requestRefused': { code: 'run.requestRefused', params: { reason: 'not paused' }, message: 'x' },
  'run.recordNotWritten': { code: 'run.recordNotWritten', params: { reason: 'EROFS: read-only file system' }, message: 'x' },
  unexpected: { code: 'unexpected', params: { message: 'boom' }, message: 'boom' },
};

const EXPECTED: Record<'en' | 'zh-CN' | 'ja', Record<FailureCode, string>> = {
  en: {
    'run.notFound': `run ${id} no longer exists (it was deleted, perhaps in another window or with the command line)`,
    'run.notInTrash': `run ${id} is not in the trash any more`,
    'run.exists': `run ${id} exists already (it was restored before)`,
    'run.inTrash': `a run ${id} is in the trash already`,
    'run.notRunning': `run ${id} is not running`,
    'run.busy': `run ${id} is running: stop it first`,
    'run.ownedElsewhere': `run ${id} is being trained by another process (pid 42 on lab-pc): stop it there first`,
    'gradcheck.busy': 'a gradient check is already running (1 at a time): wait for its result',
    'backend.unavailable': 'the work was cancelled: the Descent backend is stopping, or the page stopped waiting for it',
    'config.doesNotFit':
      'the configuration does not fit the dataset: training images: must be from 1 to 60,000 (training images in the dataset), got 70000; ' +
      'layers: the input layer must have 784 units (pixels per image), got 100',
    'dataset.unusable': 'the dataset my-digits cannot be used (dataset folder not found: my-digits)',
    'request.invalid':
      'the backend refused the request: batch size: must be a whole number from 1 to 60,000, got 0; values: must be at least 1, got []',
    'request.unauthorised':
      "the backend no longer knows this page's session (was descent serve restarted?); open the address with the token it printed",
    'request.foreignOrigin': "the backend refused a request from this page's address (wrong Host or Origin)",
    'request.tooLarge': 'the request is too large for the backend (at most 1.0 MiB)',
    'request.malformed': 'the backend could not read the request (API calls are POST requests)',
    'export.writeFailed': 'the file could not be written (EACCES: permission denied)',
    'inside.testImageOutOfRange': 'test image 10000 does not exist: the test set has images 0 to 9,999',
    'run.killedAfterStop': 'the trainer did not stop in time and was killed',
    'run.cannotStart': 'the run could not start (ENOSPC: no space left on device)',
    'run.requestRefused': 'the trainer refused a request, and the run goes on (not paused)',
    'run.recordNotWritten': "the run's record could not be written (EROFS: read-only file system)",
    unexpected: 'the backend failed (boom)',
  },
  'zh-CN': {
    'run.notFound': `训练 ${id} 已不存在（可能已在另一个窗口或命令行中删除）`,
    'run.notInTrash': `训练 ${id} 已不在回收站中`,
    'run.exists': `训练 ${id} 已存在（之前已恢复）`,
    'run.inTrash': `回收站中已有训练 ${id}`,
    'run.notRunning': `训练 ${id} 不在训练中`,
    'run.busy': `训练 ${id} 的状态为“训练中”：请先停止它`,
    'run.ownedElsewhere': `训练 ${id} 正由另一个进程（pid 42 on lab-pc）训练：请先在那里停止它`,
    'gradcheck.busy': '已有梯度确认正在进行（同时最多 1 个）：请等待它的结果',
    'backend.unavailable': '操作已取消：Descent 后端正在停止，或页面已不再等待它',
    'config.doesNotFit':
      '设置与数据集不符：训练图像数：必须在 1 到 60,000 之间（数据集中的训练图像数），当前为 70000；' +
      '层：输入层必须有 784 个神经元（每张图像的像素数），当前为 100',
    'dataset.unusable': '无法使用数据集 my-digits（dataset folder not found: my-digits）',
    'request.invalid': '后端拒绝了该请求：mini-batch 大小：必须是 1 到 60,000 之间的整数，当前为 0；取值：不能小于 1，当前为 []',
    'request.unauthorised': '后端不再认可此页面的会话（descent serve 是否已重新启动？）；请打开它输出的带令牌的地址',
    'request.foreignOrigin': '后端拒绝了来自此页面地址的请求（Host 或 Origin 不符）',
    'request.tooLarge': '请求过大（后端最多接受 1.0 MiB）',
    'request.malformed': '后端无法读取该请求（API calls are POST requests）',
    'export.writeFailed': '无法写入文件（EACCES: permission denied）',
    'inside.testImageOutOfRange': '测试图像 10000 不存在（编号为 0 到 9,999）',
    'run.killedAfterStop': '训练进程未能及时停止，已被强制结束',
    'run.cannotStart': '训练无法开始（ENOSPC: no space left on device）',
    'run.requestRefused': '训练进程拒绝了一个请求，训练继续进行（not paused）',
    'run.recordNotWritten': '无法写入训练记录（EROFS: read-only file system）',
    unexpected: '后端出错（boom）',
  },
  ja: {
    'run.notFound': `学習 ${id} はもうありません（別のウィンドウかコマンドラインで削除された可能性があります）`,
    'run.notInTrash': `学習 ${id} はもうゴミ箱にありません`,
    'run.exists': `学習 ${id} はすでにあります（以前に元に戻されています）`,
    'run.inTrash': `ゴミ箱にすでに学習 ${id} があります`,
    'run.notRunning': `学習 ${id} は実行中ではありません`,
    'run.busy': `学習 ${id} は「学習中」です：先に停止してください`,
    'run.ownedElsewhere': `学習 ${id} は別のプロセス（pid 42 on lab-pc）が学習中です：そちらで先に停止してください`,
    'gradcheck.busy': '勾配確認はすでに実行中です（同時に 1 件まで）：結果を待ってください',
    'backend.unavailable': '処理を取り消しました：Descent のバックエンドが停止しているか、ページが応答を待つのをやめました',
    'config.doesNotFit':
      '設定がデータセットに合いません：訓練画像の枚数：1 から 60,000（データセットの訓練画像の数）までにしてください（入力値：70000）；' +
      '層：入力層のニューロン数は 784（画像 1 枚の画素数）にしてください（入力値：100）',
    'dataset.unusable': 'データセット my-digits を使えません（dataset folder not found: my-digits）',
    'request.invalid':
      'バックエンドが要求を拒否しました：ミニバッチのサイズ：1 から 60,000 までの整数にしてください（入力値：0）；値：1 以上にしてください（入力値：[]）',
    'request.unauthorised':
      'バックエンドがこのページのセッションを受け付けません（descent serve を起動し直しましたか？）。表示されたトークン付きのアドレスを開いてください',
    'request.foreignOrigin': 'バックエンドがこのページのアドレスからの要求を拒否しました（Host または Origin が一致しません）',
    'request.tooLarge': '要求が大きすぎます（バックエンドが受け付けるのは 1.0 MiB までです）',
    'request.malformed': 'バックエンドが要求を読み取れませんでした（API calls are POST requests）',
    'export.writeFailed': 'ファイルを書き込めませんでした（EACCES: permission denied）',
    'inside.testImageOutOfRange': 'テスト画像 10000 はありません（テスト画像の番号は 0 から 9,999 までです）',
    'run.killedAfterStop': '学習プロセスが時間内に停止しなかったため、強制終了しました',
    'run.cannotStart': '学習を開始できませんでした（ENOSPC: no space left on device）',
    'run.requestRefused': '学習プロセスが要求を拒否しました。学習は続いています（not paused）',
    'run.recordNotWritten': '学習記録を書き込めませんでした（EROFS: read-only file system）',
    unexpected: 'バックエンドでエラーが発生しました（boom）',
  },
};

describe('backend failures in the page language', () => {
  for (const locale of ['en', 'zh-CN', 'ja'] as const) {
    it(`every failure code is worded in ${locale} from its params`, () => {
      language.chosen = locale;
      const worded = Object.fromEntries(FAILURE_CODES.map((code) => [code, failureText(FAILURES[code])]));
      expect(worded).toEqual(EXPECTED[locale]);
    });
  }
});

describe("a refused request's arguments", () => {
  const refused = (method: string, ...issues: Failure['issues'] & object): Failure => ({
    code: 'request.invalid',
    params: { method },
    message: 'x',
    issues,
  });
  const failures = [
    refused('startSweep', { field: '0.name', message: 'x', code: 'too_small', input: '', params: { minimum: 1 } }),
    refused('startRepeats', { field: '1', message: 'x', code: 'too_big', input: 500, params: { maximum: 100 } }),
    refused('annotateRun', { field: '1.tags.2', message: 'x', code: 'too_big', input: 'x', params: { maximum: 40 } }),
    refused('gradientCheck', { field: '1', message: 'x', code: 'too_big', input: 99, params: { maximum: 10 } }),
    refused('getRun', { field: '0', message: 'too long', code: 'custom', input: 'x' }),
  ];
  const expected = {
    en: [
      'group name: must be at least 1, got ""',
      'repeat over N seeds: must be at most 100, got 500',
      'tags: must be at most 40, got "x"',
      'batch: must be at most 10, got 99',
      '—: too long',
    ],
    'zh-CN': [
      '组名：不能小于 1，当前为 ""',
      '用 N 个随机种子重复：不能大于 100，当前为 500',
      '标签：不能大于 40，当前为 "x"',
      'mini-batch：不能大于 10，当前为 99',
      '—：too long',
    ],
    ja: [
      'グループ名：1 以上にしてください（入力値：""）',
      'N 個の乱数シードで繰り返す：100 以下にしてください（入力値：500）',
      'タグ：40 以下にしてください（入力値："x"）',
      'ミニバッチ：10 以下にしてください（入力値：99）',
      '—：too long',
    ],
  };
  for (const locale of ['en', 'zh-CN', 'ja'] as const) {
    it(`are named by the form's and the sweep builder's labels in ${locale}`, () => {
      language.chosen = locale;
      const prefix = failureText(refused('x'));
      expect(failures.map((failure) => failureText(failure).slice(prefix.length))).toEqual(expected[locale]);
    });
  }
});

describe('the error line', () => {
  it('is worded where it is shown: what reads it is redone when the language changes, with the action and the failure', () => {
    const notice: Notice = explainFailure('action.deleteRun', new FailedCall(FAILURES['run.busy']), 'connected');
    const seen: string[] = [];
    const stop = $effect.root(() => {
      $effect(() => {
        seen.push(noticeText(notice));
      });
    });
    flushSync();
    language.chosen = 'zh-CN';
    flushSync();
    language.chosen = 'ja';
    flushSync();
    stop();
    expect(seen).toEqual([
      `Could not delete the run: run ${id} is running: stop it first`,
      `无法删除训练记录：训练 ${id} 的状态为“训练中”：请先停止它`,
      `学習記録を削除することができませんでした：学習 ${id} は「学習中」です：先に停止してください`,
    ]);
  });

  it('says the backend could not be reached (and that nothing was done) in the language of the moment', () => {
    const notice = explainFailure('action.startRun', new TypeError('Failed to fetch'), 'connected');
    expect(noticeText(notice)).toMatch(/^Cannot start the run: the Descent backend is not reachable .* Nothing was done/);
    language.chosen = 'zh-CN';
    expect(noticeText(notice)).toMatch(/^无法开始训练：.*Descent 后端/);
    // An unforeseen error keeps its own words inside a translated sentence.
    expect(noticeText(explainFailure('action.startRun', new Error('boom'), 'connected'))).toBe('无法开始训练：后端出错（boom）');
  });

  it("a panel's failure to reach the backend says so as the error line does, not the browser's 'Failed to fetch'", () => {
    const notice = errorNotice(new TypeError('Failed to fetch'));
    expect(noticeText(notice)).toMatch(/^The Descent backend is not reachable \(was “descent serve” stopped\?\)\./);
    language.chosen = 'zh-CN';
    expect(noticeText(notice)).toMatch(/^无法访问 Descent 后端/);
    language.chosen = 'ja';
    expect(noticeText(notice)).toMatch(/^Descent のバックエンドに接続できません/);
    // The gradient check's panels name what could not be done, as the error line does.
    const check = explainFailure('action.checkGradient', new TypeError('Failed to fetch'), 'connected');
    expect(noticeText(check)).toMatch(/^勾配確認を行うことができません：Descent のバックエンドに接続できません/);
    language.chosen = 'zh-CN';
    expect(noticeText(check)).toMatch(/^无法进行梯度确认：无法访问 Descent 后端/);
    // Anything else a panel catches keeps its own words.
    expect(noticeText(errorNotice(new Error('boom')))).toBe('boom');
  });

  it('a failure that crossed the desktop IPC (only its message kept) is read back from the message', () => {
    const ipc = new Error(
      `Error invoking remote method 'descent:stopRun': Error: descent-failure:${JSON.stringify(FAILURES['run.notRunning'])}`,
    );
    language.chosen = 'ja';
    expect(noticeText(explainFailure('action.stopRun', ipc, 'connected'))).toBe(
      `学習を停止することができませんでした：学習 ${id} は実行中ではありません`,
    );
  });
});
