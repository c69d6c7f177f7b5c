/**
 * The application menu of the built app: what it holds, and that each item does what it says, chosen with
 * the mouse or by its accelerator (keys pressed in the window).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './build';
import type { DesktopApp } from './launch';
import {
  clickMenu,
  currentView,
  desktopSession,
  desktopSignals,
  exportFromMenu,
  menuOutline,
  recordDesktopSignals,
  runItems,
} from './support';

const session = desktopSession();
let app: DesktopApp;
let page: Page;

/** The View menu's items for the page's views, in the order of its tabs. */
const VIEW_ITEMS = ['Train', 'Sweep', 'Compare', 'Runs', 'Gradient Check', 'Lab', 'Inside'];

const zoom = () => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].webContents.getZoomLevel());

describe('the application menu', () => {
  beforeAll(async () => {
    ({ app, page } = await session.launch());
  }, 120_000);

  it('has File, Edit, View, Window and Help with the usual items and accelerators', async () => {
    const outline = await menuOutline(app);
    const name = await app.evaluate((electron) => electron.app.name);
    expect(outline.map((menu) => menu.label)).toEqual([
      ...(process.platform === 'darwin' ? [name] : []),
      'File',
      'Edit',
      'View',
      'Window',
      'Help',
    ]);
    const items = (label: string) => outline.find((menu) => menu.label === label)!.items;
    expect(items('File').map(({ label, accelerator }) => [label, accelerator])).toEqual([
      ['New Run', 'CmdOrCtrl+N'],
      ['New Sweep', 'CmdOrCtrl+Shift+N'],
      ['Compare Selected', 'CmdOrCtrl+E'],
      ['Import Runs…', null],
      ['Export…', null],
      ['Open Data Folder', null],
      process.platform === 'darwin'
        ? ['Close Window', 'CommandOrControl+W']
        : [process.platform === 'win32' ? 'Exit' : `Quit ${name}`, process.platform === 'win32' ? null : 'CommandOrControl+Q'],
    ]);
    expect(items('Edit').map((item) => item.role)).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
    );
    // Not packaged: the developer tools are in the View menu.
    expect(items('View').map((item) => item.role ?? item.label)).toEqual([
      ...VIEW_ITEMS,
      'reload',
      'toggleDevTools',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'Appearance',
      'Language',
      'togglefullscreen',
    ]);
    expect(items('Window').map((item) => item.label)).toEqual(expect.arrayContaining(['Minimize']));
    expect(items('Help').map((item) => item.label)).toEqual(['About Descent']);
  });

  it('File › New Sweep, Compare Selected and New Run switch the view, by click and by accelerator', async () => {
    await clickMenu(app, ['File', 'New Sweep']);
    await expect.poll(() => currentView(page)).toBe('Sweep');
    await clickMenu(app, ['File', 'Compare Selected']);
    await expect.poll(() => currentView(page)).toMatch(/^Compare/);
    await clickMenu(app, ['File', 'New Run']);
    await expect.poll(() => currentView(page)).toBe('Train');
    await page.keyboard.press('ControlOrMeta+Shift+N');
    await expect.poll(() => currentView(page)).toBe('Sweep');
    await page.keyboard.press('ControlOrMeta+E');
    await expect.poll(() => currentView(page)).toMatch(/^Compare/);
    await page.keyboard.press('ControlOrMeta+N');
    await expect.poll(() => currentView(page)).toBe('Train');
  });

  it('View has an item for every view of the page (its tabs, in order) on Ctrl/Cmd+1…7; each shows its view, chosen or pressed', async () => {
    const tabs = await page.locator('nav button.tab').allTextContents();
    const viewMenu = (await menuOutline(app)).find((menu) => menu.label === 'View')!.items;
    const views = viewMenu.filter((item) => item.role === null && /^CmdOrCtrl\+\d$/.test(item.accelerator ?? ''));
    // A tab without a menu item (or one in another place) fails here: the menu names the tabs, in menu capitals.
    expect(views.map((item) => item.label.toLowerCase())).toEqual(tabs.map((tab) => tab.replace(/ \(\d+\)$/, '').toLowerCase()));
    expect(views.map((item) => item.accelerator)).toEqual(views.map((_, index) => `CmdOrCtrl+${index + 1}`));
    const shown = async () => (await currentView(page))?.replace(/ \(\d+\)$/, '').toLowerCase();
    for (const [index, item] of views.entries()) {
      await clickMenu(app, ['View', item.label]);
      await expect.poll(shown).toBe(item.label.toLowerCase());
      // From another view, by the key: Ctrl/Cmd+1 from the last view, every other from the first.
      await page.keyboard.press(`ControlOrMeta+${index === 0 ? views.length : 1}`);
      await expect.poll(shown).toBe((index === 0 ? views.at(-1)! : views[0]).label.toLowerCase());
      await page.keyboard.press(`ControlOrMeta+${index + 1}`);
      await expect.poll(shown).toBe(item.label.toLowerCase());
    }
    await clickMenu(app, ['View', 'Train']);
    await page.getByRole('heading', { name: 'New run', exact: true }).waitFor();
  });

  it("File › Open Data Folder opens the store's folder in the file manager", async () => {
    await app.evaluate(({ shell }) => {
      const opened: string[] = ((globalThis as Record<string, unknown>).descentTestOpened = []);
      shell.openPath = async (path: string) => {
        opened.push(path);
        return '';
      };
    });
    await clickMenu(app, ['File', 'Open Data Folder']);
    await expect
      .poll(() => app.evaluate(() => (globalThis as Record<string, unknown>).descentTestOpened))
      .toEqual([session.home]);
  });

  it('File › Import Runs… copies the runs of the folders the dialog names; they appear in the list, and a message says what was refused', async () => {
    // A colleague's store: a run trained by the CLI, and a folder whose run.json is a link to /etc/passwd.
    const other = mkdtempSync(join(tmpdir(), 'descent-desktop-import-'));
    const trained = spawnSync(
      process.execPath,
      [
        join(ROOT, 'bin', 'descent.js'),
        'train',
        '--iters',
        '50',
        '--train-size',
        '500',
        '--seed',
        '4',
        '--name',
        'from a colleague',
        '--json',
      ],
      {
        env: { ...process.env, DESCENT_HOME: other },
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(trained.status, trained.stderr).toBe(0);
    const id = (JSON.parse(trained.stdout.trim().split('\n').at(-1)!) as { runId: string }).runId;
    const hostile = join(other, 'runs', '20260101-000000-abcdef');
    mkdirSync(hostile);
    symlinkSync('/etc/passwd', join(hostile, 'run.json'));
    await app.evaluate(({ dialog }, folder) => {
      const world = globalThis as Record<string, unknown>;
      const asked: unknown[] = (world.descentTestOpenDialogs = []);
      const boxes: unknown[] = (world.descentTestImportBoxes = []);
      dialog.showOpenDialog = (async (...args: unknown[]) => {
        asked.push(args[args.length - 1]);
        return { canceled: false, filePaths: [folder] };
      }) as typeof dialog.showOpenDialog;
      dialog.showMessageBox = (async (...args: unknown[]) => {
        boxes.push(args[args.length - 1]);
        return { response: 0, checkboxChecked: false };
      }) as typeof dialog.showMessageBox;
    }, other);
    await clickMenu(app, ['File', 'Import Runs…']);
    await expect
      .poll(() => runItems(page).evaluateAll((items) => items.map((item) => item.getAttribute('data-run-id'))))
      .toContain(id);
    const world = () =>
      app.evaluate(() => {
        const { descentTestOpenDialogs, descentTestImportBoxes } = globalThis as Record<string, unknown>;
        return { descentTestOpenDialogs, descentTestImportBoxes } as {
          descentTestOpenDialogs: Array<{ properties: string[] }>;
          descentTestImportBoxes: Array<Record<string, string>>;
        };
      });
    await expect.poll(async () => (await world()).descentTestImportBoxes.length).toBe(1);
    const {
      descentTestOpenDialogs: [asked],
      descentTestImportBoxes: [box],
    } = await world();
    expect(asked.properties).toEqual(['openDirectory', 'multiSelections']);
    expect(box).toMatchObject({ type: 'warning', title: 'Import Runs', message: 'Imported 1 run' });
    expect(box.detail).toBe(
      `1 run imported.\n0 runs already in the store.\n\nNot imported (1):\n${hostile}: run.json is a symbolic link to a file outside the store; it was not read`,
    );
    // Copied whole (weights too), and nothing of the refused folder.
    expect(existsSync(join(session.home, 'runs', id, 'weights.bin'))).toBe(true);
    expect(existsSync(join(session.home, 'runs', '20260101-000000-abcdef'))).toBe(false);
    rmSync(other, { recursive: true, force: true });
  });

  it("File › Export… opens the export dialog of the view's first chart or figure, in the formats it saves, or says there is none", async () => {
    // The open one (a chart's, or a figure's choice of formats): a closed dialog has no role on the page.
    const exportDialog = page.getByRole('dialog', { name: 'Export figure' });
    await clickMenu(app, ['File', 'New Sweep']);
    await clickMenu(app, ['File', 'Export…']);
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/File › Export…: this view shows no figure to export/);
    expect(await exportDialog.isVisible()).toBe(false);
    await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
    // The run imported above has a history: the Train view draws its charts.
    await clickMenu(app, ['File', 'New Run']);
    await runItems(page).filter({ hasText: 'from a colleague' }).first().click();
    const firstChart = await page.locator('main figure.chart').first().getAttribute('data-chart');
    await clickMenu(app, ['File', 'Export…']);
    await exportDialog.waitFor({ state: 'visible' });
    expect(await exportDialog.locator('input[name=figureTitle]').inputValue()).toBe(`${firstChart}: from a colleague`);
    await page.keyboard.press('Escape');
    await exportDialog.waitFor({ state: 'hidden' });

    // Runs, with one run: no parallel coordinates (nothing varies), but the runs table saves its CSV (it said "no chart").
    await clickMenu(app, ['View', 'Runs']);
    await page.locator('section.runs-table tbody tr').first().waitFor();
    const csv = join(session.home, 'exported runs.csv');
    await exportFromMenu(app, page, 'CSV (data)', csv);
    await expect.poll(() => (existsSync(csv) ? readFileSync(csv, 'utf8').trim().split('\n').length : 0)).toBe(2);
    expect(readFileSync(csv, 'utf8')).toContain('from a colleague');
    // Inside: its first figure, the run's first-layer weights, in the formats of its buttons (PNG and SVG), not SVG only.
    await clickMenu(app, ['View', 'Inside']);
    await page.locator('button[data-export="png"]').first().waitFor();
    await clickMenu(app, ['File', 'Export…']);
    await expect.poll(() => exportDialog.getByRole('button').allTextContents()).toEqual(['Save PNG', 'Save SVG', 'Cancel']);
    // Which run's weights: the Inside view shows runs side by side.
    expect(await exportDialog.getByText('Save the first-layer weights of “from a colleague” as:').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await exportDialog.waitFor({ state: 'hidden' });
    const png = join(session.home, 'exported weights.png');
    await exportFromMenu(app, page, 'PNG', png);
    await expect.poll(() => (existsSync(png) ? readFileSync(png).subarray(0, 8).toString('hex') : '')).toBe('89504e470d0a1a0a');
    // The gradient check's view shows a table, no figure.
    await clickMenu(app, ['View', 'Gradient Check']);
    await clickMenu(app, ['File', 'Export…']);
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/File › Export…: this view shows no figure to export/);
    await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
    // Back where the next cases (and the next launch) expect the app.
    await clickMenu(app, ['File', 'New Run']);
  });

  it('Help › About Descent shows the version', async () => {
    await app.evaluate(({ dialog }) => {
      const boxes: unknown[] = ((globalThis as Record<string, unknown>).descentTestBoxes = []);
      dialog.showMessageBox = (async (...args: unknown[]) => {
        boxes.push(args[args.length - 1]);
        return { response: 0, checkboxChecked: false };
      }) as typeof dialog.showMessageBox;
    });
    await clickMenu(app, ['Help', 'About Descent']);
    await expect
      .poll(() => app.evaluate(() => (globalThis as Record<string, unknown>).descentTestBoxes))
      .toEqual([expect.objectContaining({ title: 'About Descent', message: 'Descent 0.1.0' })]);
    const [box] = await app.evaluate(() => (globalThis as Record<string, unknown>).descentTestBoxes as Array<{ detail: string }>);
    // The versions a bug report needs: the main process's own (Electron's and Chromium's too, on Electron).
    expect(box.detail).toMatch(/^Node\.js \d+\.\d+\.\d+$/m);
    expect(box.detail).toMatch(/^V8 \d+/m);
    if (app.runtime === 'electron') expect(box.detail).toMatch(/^Electron \d+\.\d+\.\d+$/m);
  });

  it('View › Zoom In, Zoom Out and Actual Size change the zoom level, as do their accelerators', async () => {
    await clickMenu(app, ['View', 'Zoom In']);
    expect(await zoom()).toBe(0.5);
    await clickMenu(app, ['View', 'Zoom In']);
    expect(await zoom()).toBe(1);
    await clickMenu(app, ['View', 'Zoom Out']);
    expect(await zoom()).toBe(0.5);
    await clickMenu(app, ['View', 'Actual Size']);
    expect(await zoom()).toBe(0);
    await page.keyboard.press('ControlOrMeta+-');
    await expect.poll(zoom).toBe(-0.5);
    await page.keyboard.press('ControlOrMeta+0');
    await expect.poll(zoom).toBe(0);
  });

  it('View › Appearance sets the theme: the page and its charts follow', async () => {
    // Runs in the page; typed without the DOM library.
    type PageStyle = {
      getComputedStyle(e: unknown): { getPropertyValue(n: string): string };
      document: { documentElement: unknown };
    };
    const background = () =>
      page.evaluate(() => {
        const { getComputedStyle, document } = globalThis as unknown as PageStyle;
        return getComputedStyle(document.documentElement).getPropertyValue('--bg').trim();
      });
    const light = await background();
    await clickMenu(app, ['View', 'Appearance', 'Dark']);
    await expect.poll(background).toBe('#15181c');
    expect(await app.evaluate(({ nativeTheme }) => [nativeTheme.themeSource, nativeTheme.shouldUseDarkColors])).toEqual([
      'dark',
      true,
    ]);
    await clickMenu(app, ['View', 'Appearance', 'Light']);
    await expect.poll(background).toBe(light);
    await clickMenu(app, ['View', 'Appearance', 'Follow the System']);
    expect(await app.evaluate(({ nativeTheme }) => nativeTheme.themeSource)).toBe('system');
    const checked = await app.evaluate(({ Menu }) =>
      Menu.getApplicationMenu()!
        .items.find((menu) => menu.label === 'View')!
        .submenu!.items.find((item) => item.label === 'Appearance')!
        .submenu!.items.filter((item) => item.checked)
        .map((item) => item.label),
    );
    expect(checked).toEqual(['Follow the System']);
  });

  it('View › Language switches the menu and the page (which keeps the choice); each language is named in its own words', async () => {
    const languages = (view: string, language: string) =>
      app.evaluate(
        ({ Menu }, [viewLabel, languageLabel]) =>
          Menu.getApplicationMenu()!
            .items.find((menu) => menu.label === viewLabel)!
            .submenu!.items.find((item) => item.label === languageLabel)!
            .submenu!.items.map((item) => [item.label, item.checked]),
        [view, language],
      );
    const firstTab = () => page.locator('nav button.tab').first().textContent();
    expect(await languages('View', 'Language')).toEqual([
      ['English', true],
      ['简体中文', false],
      ['日本語', false],
    ]);
    const english = await menuOutline(app);
    await clickMenu(app, ['View', 'Language', '日本語']);
    await expect.poll(firstTab).toBe('学習');
    const outline = await menuOutline(app);
    expect(outline.map((menu) => menu.label)).toEqual(
      expect.arrayContaining(['ファイル', '編集', '表示', 'ウインドウ', 'ヘルプ']),
    );
    // Every menu and item in Japanese, those with an Electron role (Undo, Reload, Minimize, Quit…) too; same keys.
    const name = await app.evaluate((electron) => electron.app.name);
    for (const [index, menu] of outline.entries()) {
      if (menu.label === name) continue; // macOS's app menu
      expect(menu.label).not.toBe(english[index].label);
      for (const [at, item] of menu.items.entries()) {
        expect(item.label, `${english[index].label} › ${english[index].items[at].label}`).not.toBe(
          english[index].items[at].label,
        );
        expect([item.role, item.accelerator]).toEqual([english[index].items[at].role, english[index].items[at].accelerator]);
      }
    }
    expect(outline.find((menu) => menu.label === '編集')!.items.map((item) => item.label)).toEqual(
      expect.arrayContaining(['取り消す', 'コピー', '貼り付け', 'すべてを選択']),
    );
    expect(outline.find((menu) => menu.label === 'ファイル')!.items.map((item) => item.label)).toContain('新規学習');
    // The views' items are the tabs' Japanese names.
    expect(
      outline
        .find((menu) => menu.label === '表示')!
        .items.slice(0, VIEW_ITEMS.length)
        .map((item) => item.label),
    ).toEqual(await page.locator('nav button.tab').allTextContents());
    // The page saved the choice in the store's home (the desktop app and `descent serve` share it).
    const savedLocale = () => {
      const path = join(session.home, 'ui-state.json');
      return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { locale?: unknown }).locale : undefined;
    };
    await expect.poll(savedLocale).toBe('ja');
    await clickMenu(app, ['表示', '言語', '简体中文']);
    await expect.poll(firstTab).toBe('训练');
    expect(await languages('视图', '语言')).toEqual([
      ['English', false],
      ['简体中文', true],
      ['日本語', false],
    ]);
    // The header's selector switches the menu too.
    await page.selectOption('select[name=language]', 'en');
    await expect.poll(async () => (await menuOutline(app)).map((menu) => menu.label)).toContain('File');
    await expect.poll(firstTab).toBe('Train');
    await expect.poll(savedLocale).toBe('en');
  });

  it('the next launch opens in the language chosen last, menu and page', async () => {
    await clickMenu(app, ['View', 'Language', '简体中文']);
    await expect.poll(() => page.locator('nav button.tab').first().textContent()).toBe('训练');
    const savedLocale = () =>
      (JSON.parse(readFileSync(join(session.home, 'ui-state.json'), 'utf8')) as { locale?: unknown }).locale;
    await expect.poll(savedLocale).toBe('zh-CN');
    ({ app, page } = await session.launch({ waitFor: '新建训练' }));
    expect((await menuOutline(app)).map((menu) => menu.label)).toEqual(expect.arrayContaining(['文件', '视图', '帮助']));
    expect(
      await page.evaluate(
        () => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang,
      ),
    ).toBe('zh-CN');
    await clickMenu(app, ['视图', '语言', 'English']);
    await page.getByRole('heading', { name: 'New run', exact: true }).waitFor();
    await expect.poll(savedLocale).toBe('en');
    expect((await menuOutline(app)).map((menu) => menu.label)).toContain('File');
  });

  it('Window › Notify When Runs End turns the end-of-run notification off (saved in preferences.json)', async () => {
    const item = () =>
      app.evaluate(
        ({ Menu }) =>
          Menu.getApplicationMenu()!
            .items.find((menu) => menu.label === 'Window')!
            .submenu!.items.find((candidate) => candidate.label === 'Notify When Runs End')!.checked,
      );
    expect(await item()).toBe(true);
    await clickMenu(app, ['Window', 'Notify When Runs End']);
    expect(await item()).toBe(false);
    const userData = await app.evaluate((electron) => electron.app.getPath('userData'));
    expect(JSON.parse(readFileSync(join(userData, 'preferences.json'), 'utf8'))).toEqual({ notifyWhenRunsEnd: false });
    await recordDesktopSignals(app);
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].blur());
    await page.fill('input[name=iterations]', '50');
    await page.fill('input[name=trainSize]', '500');
    await page.getByRole('button', { name: 'Start training' }).click();
    await expect
      .poll(
        () =>
          runItems(page)
            .first()
            .getAttribute('data-status')
            .catch(() => null),
        { timeout: 60_000 },
      )
      .toBe('completed');
    expect((await desktopSignals(app)).notifications).toEqual([]);
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].focus());
  });

  it('Edit › Select All, Delete and Undo act on the focused field', async () => {
    const field = page.locator('form input[name=name]').first();
    await field.fill('baseline');
    await field.focus();
    await clickMenu(app, ['Edit', 'Select All']);
    await expect
      .poll(() =>
        field.evaluate((input) => {
          const { selectionStart, selectionEnd } = input as unknown as { selectionStart: number; selectionEnd: number };
          return [selectionStart, selectionEnd];
        }),
      )
      .toEqual([0, 8]);
    await clickMenu(app, ['Edit', 'Delete']);
    await expect.poll(() => field.inputValue()).toBe('');
    await clickMenu(app, ['Edit', 'Undo']);
    await expect.poll(() => field.inputValue()).toBe('baseline');
    await field.fill('');
  });

  it('View › Toggle Full Screen and Reload do what they say', async () => {
    await clickMenu(app, ['View', 'Toggle Full Screen']);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].isFullScreen())).toBe(true);
    await page.keyboard.press('F11');
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].isFullScreen())).toBe(false);
    await page.evaluate(() => void ((globalThis as Record<string, unknown>).beforeReload = true));
    await clickMenu(app, ['View', 'Reload']);
    await expect
      .poll(() => page.evaluate(() => (globalThis as Record<string, unknown>).beforeReload ?? null).catch(() => 'navigating'))
      .toBeNull();
    await page.getByRole('heading', { name: 'New run' }).waitFor();
  });

  // Windows has no accelerator for Exit.
  it.skipIf(process.platform === 'win32')('Quit (Ctrl/Cmd+Q) quits the app', async () => {
    // The app may be gone before the key comes back up: that is the point.
    await page.keyboard.press('ControlOrMeta+Q').catch((error: Error) => {
      if (!/has been closed/.test(error.message)) throw error;
    });
    expect(await app.exited).toBe(0);
  });
});
