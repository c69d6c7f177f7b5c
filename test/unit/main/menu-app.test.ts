/**
 * The desktop menu's parts that only show on macOS or after an import, in every language: the application menu
 * (Electron's `appMenu` role labels it in English whatever the language) and the import's message box.
 */
import { describe, expect, it, vi } from 'vitest';
import { LOCALES, type Locale } from '../../../shared/i18n/locales';
import { translate } from '../../../shared/i18n/translate';
import { appMenu, type MenuWords } from '../../../electron/main/menu-app';
import type { ImportReport } from '../../../electron/core/store/import-runs';

vi.mock('electron', () => ({ dialog: {} }));
const { importSummary } = await import('../../../electron/main/import-menu');

const words =
  (locale: Locale): MenuWords =>
  (key, values) =>
    translate(locale, key, values);

/** The items' roles and labels (separators as '-'). */
function items(locale: Locale): Array<[string, string]> {
  const menu = appMenu(words(locale), 'Descent');
  expect(menu.label).toBe('Descent'); // macOS names the app menu after the app, in every language
  return (menu.submenu as Array<{ type?: string; role?: string; label?: string }>).map((item) =>
    item.type === 'separator' ? ['-', '-'] : [item.role!, item.label!],
  );
}

describe('the macOS application menu', () => {
  it("has Electron's appMenu items, roles kept, labelled as Electron does in English", () => {
    expect(items('en')).toEqual([
      ['about', 'About Descent'],
      ['-', '-'],
      ['services', 'Services'],
      ['-', '-'],
      ['hide', 'Hide Descent'],
      ['hideOthers', 'Hide Others'],
      ['unhide', 'Show All'],
      ['-', '-'],
      ['quit', 'Quit Descent'],
    ]);
  });

  it('is labelled in Chinese and Japanese: the same roles, every label translated, the app named where English names it', () => {
    const english = items('en');
    expect(items('zh-CN').map(([, label]) => label)).toEqual([
      '关于 Descent',
      '-',
      '服务',
      '-',
      '隐藏 Descent',
      '隐藏其他',
      '全部显示',
      '-',
      '退出 Descent',
    ]);
    for (const locale of LOCALES.filter((l) => l !== 'en')) {
      const translated = items(locale);
      expect(translated.map(([role]) => role)).toEqual(english.map(([role]) => role));
      translated.forEach(([role, label], i) => {
        if (role === '-') return;
        expect(label).not.toBe(english[i][1]);
        expect(label.includes('Descent')).toBe(english[i][1].includes('Descent'));
      });
    }
  });
});

describe('the import message box', () => {
  const report: ImportReport = {
    imported: [
      { id: '20261201-101500-aaaaaa', originalId: '20261201-101500-aaaaaa', path: '/a', wasStatus: null },
      { id: '20261201-101500-bbbbbb', originalId: '20261201-101500-cccccc', path: '/b', wasStatus: null },
    ],
    skipped: [{ id: '20261201-101500-dddddd', path: '/d', reason: 'in the store already' }],
    damaged: [{ path: '/x', reason: 'run.json is not valid JSON' }],
  };

  it('says the counts and the refused folders in the menu language, the reasons in the store’s words', () => {
    expect(importSummary(report, words('en'))).toEqual({
      type: 'warning',
      title: 'Import Runs',
      message: 'Imported 2 runs',
      detail:
        '2 runs imported (1 under a new id: the store has other runs with theirs).\n1 run already in the store.\n\n' +
        'Not imported (1):\n/x: run.json is not valid JSON',
    });
    expect(importSummary(report, words('ja'))).toEqual({
      type: 'warning',
      title: '学習記録を読み込む',
      message: '学習記録を 2 件読み込みました',
      detail:
        '学習記録を 2 件読み込みました（うち 1 件は新しい ID です：保存先に同じ ID の別の学習記録があります）。\n1 件はすでに保存先にあります。\n\n' +
        '読み込まなかったもの（1 件）：\n/x: run.json is not valid JSON',
    });
    const none = importSummary({ imported: [], skipped: [], damaged: [] }, words('zh-CN'));
    expect(none).toMatchObject({ type: 'info', title: '导入训练记录', message: '未导入任何训练记录' });
    expect(none.detail).toBe('已导入 0 个训练记录。\n0 个训练记录已在存储中。');
  });
});
