/**
 * The application menu, with the usual accelerators, in the page's language (View › Language switches both).
 * Items with an Electron role (Undo, Reload, Minimize, Quit…) keep the role's action and accelerator under a label of
 * ours: Electron labels them in English whatever the language.
 */
import { app, dialog, Menu, nativeTheme, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, WorkbenchEvent } from '../../shared/api';
import { LOCALE_NAMES, LOCALES, type Locale } from '../../shared/i18n/locales';
import { translate, type MessageKey, type MessageValues } from '../../shared/i18n/translate';
import { EVENT_CHANNEL } from './channels';
import type { RunStore } from '../core/store/run-store';
import { importRunsFromDialog } from './import-menu';
import { appMenu } from './menu-app';
import { errorMessage } from '../../shared/errors';
import type { PreferencesFile } from './preferences';
import { VIEWS, type View } from '../../shared/ui-state';

/** View menu items' labels: the page's tab names, in menu capitalisation. */
const VIEW_LABELS: Record<View, MessageKey> = {
  train: 'menu.views.train',
  sweep: 'menu.views.sweep',
  compare: 'menu.views.compare',
  runs: 'menu.views.runs',
  gradcheck: 'menu.views.gradcheck',
  lab: 'menu.views.lab',
  inside: 'menu.views.inside',
};

/** The menu's language, and what choosing one in View › Language does (switch the page, which saves it; rebuild). */
export interface MenuLanguage {
  readonly locale: Locale;
  choose(locale: Locale): void;
}

export function buildMenu(
  window: () => BrowserWindow | null,
  store: RunStore,
  dev: boolean,
  preferences: PreferencesFile,
  language: MenuLanguage,
): void {
  const t = (key: MessageKey, values?: MessageValues) => translate(language.locale, key, values);
  const mac = process.platform === 'darwin';
  const role = (name: NonNullable<MenuItemConstructorOptions['role']>, key: MessageKey): MenuItemConstructorOptions => ({
    role: name,
    label: t(key),
  });
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const send = (event: WorkbenchEvent) => window()?.webContents.send(EVENT_CHANNEL, event);
  const command = (name: MenuCommand) => () => send({ type: 'command', command: name });
  const template: MenuItemConstructorOptions[] = [
    ...(mac ? [appMenu(t, app.name)] : []),
    {
      label: t('menu.file'),
      submenu: [
        { label: t('menu.newRun'), accelerator: 'CmdOrCtrl+N', click: command('new-run') },
        { label: t('menu.newSweep'), accelerator: 'CmdOrCtrl+Shift+N', click: command('sweep') },
        { label: t('menu.compareSelected'), accelerator: 'CmdOrCtrl+E', click: command('compare') },
        { type: 'separator' },
        {
          label: t('menu.importRuns'),
          click: () =>
            void importRunsFromDialog(store, window(), send, t).catch((error: unknown) =>
              dialog.showErrorBox(t('menu.importRunsTitle'), errorMessage(error)),
            ),
        },
        { label: t('menu.export'), click: command('export') },
        { type: 'separator' },
        { label: t('menu.openDataFolder'), click: () => void shell.openPath(store.home) },
        { type: 'separator' },
        mac
          ? role('close', 'menu.roles.closeWindow')
          : {
              role: 'quit',
              label: process.platform === 'win32' ? t('menu.roles.exit') : t('menu.roles.quit', { name: app.name }),
            },
      ],
    },
    {
      // Electron's Edit menu, item for item (on macOS without its Speech submenu).
      label: t('menu.roles.edit'),
      submenu: [
        role('undo', 'menu.roles.undo'),
        role('redo', 'menu.roles.redo'),
        separator,
        role('cut', 'menu.roles.cut'),
        role('copy', 'menu.roles.copy'),
        role('paste', 'menu.roles.paste'),
        ...(mac
          ? [
              role('pasteAndMatchStyle', 'menu.roles.pasteAndMatchStyle'),
              role('delete', 'menu.roles.delete'),
              role('selectAll', 'menu.roles.selectAll'),
            ]
          : [role('delete', 'menu.roles.delete'), separator, role('selectAll', 'menu.roles.selectAll')]),
      ],
    },
    {
      label: t('menu.view'),
      submenu: [
        // Every view of the page, in the order of its tabs, on Ctrl/Cmd+1…7 as tabs are in browsers.
        ...VIEWS.map((view, index) => ({
          label: t(VIEW_LABELS[view]),
          accelerator: `CmdOrCtrl+${index + 1}`,
          click: command(view),
        })),
        { type: 'separator' },
        role('reload', 'menu.roles.reload'),
        ...(dev ? [role('toggleDevTools', 'menu.roles.toggleDevTools')] : []),
        { type: 'separator' },
        role('resetZoom', 'menu.roles.actualSize'),
        role('zoomIn', 'menu.roles.zoomIn'),
        role('zoomOut', 'menu.roles.zoomOut'),
        { type: 'separator' },
        {
          // The page and its charts follow prefers-color-scheme, which themeSource sets for the app.
          label: t('menu.appearance'),
          submenu: (['system', 'light', 'dark'] as const).map((source) => ({
            label: t(({ system: 'menu.followSystem', light: 'menu.light', dark: 'menu.dark' } as const)[source]),
            type: 'radio' as const,
            checked: nativeTheme.themeSource === source,
            click: () => (nativeTheme.themeSource = source),
          })),
        },
        {
          // Each language in its own words, so that a reader can find theirs in a menu they cannot read.
          label: t('menu.language'),
          submenu: LOCALES.map((locale) => ({
            label: LOCALE_NAMES[locale],
            type: 'radio' as const,
            checked: language.locale === locale,
            click: () => language.choose(locale),
          })),
        },
        role('togglefullscreen', 'menu.roles.toggleFullScreen'),
      ],
    },
    {
      role: 'windowMenu',
      label: t('menu.roles.window'),
      submenu: [
        role('minimize', 'menu.roles.minimize'),
        role('zoom', 'menu.roles.zoom'),
        ...(mac ? [separator, role('front', 'menu.roles.bringAllToFront')] : [role('close', 'menu.roles.closeWindow')]),
        { type: 'separator' },
        {
          label: t('menu.notifyWhenRunsEnd'),
          type: 'checkbox',
          checked: preferences.get().notifyWhenRunsEnd,
          click: (item) => preferences.set({ notifyWhenRunsEnd: item.checked }),
        },
      ],
    },
    {
      label: t('menu.help'),
      submenu: [
        {
          label: t('menu.about'),
          click: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: t('menu.about'),
              message: `Descent ${app.getVersion()}`,
              detail: [t('menu.aboutDetail'), '', versions()].join('\n'),
            }),
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** What a bug report needs: the runtime's versions (Electron's, Chromium's, Node's, V8's). */
function versions(): string {
  const names: Array<[string, string | undefined]> = [
    ['Electron', process.versions.electron],
    ['Chromium', process.versions.chrome],
    ['Node.js', process.versions.node],
    ['V8', process.versions.v8],
  ];
  return names
    .filter(([, version]) => version)
    .map(([name, version]) => `${name} ${version}`)
    .join('\n');
}
