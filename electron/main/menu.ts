/** The application menu, with the usual accelerators. */
import { app, dialog, Menu, nativeTheme, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, WorkbenchEvent } from '../../shared/api';
import { EVENT_CHANNEL } from './channels';
import type { RunStore } from '../core/store/run-store';
import { importRunsFromDialog } from './import-menu';
import { errorMessage } from '../../shared/errors';
import type { PreferencesFile } from './preferences';

export function buildMenu(window: () => BrowserWindow | null, store: RunStore, dev: boolean, preferences: PreferencesFile): void {
  const send = (event: WorkbenchEvent) => window()?.webContents.send(EVENT_CHANNEL, event);
  const command = (name: MenuCommand) => () => send({ type: 'command', command: name });
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Run', accelerator: 'CmdOrCtrl+N', click: command('new-run') },
        { label: 'New Sweep', accelerator: 'CmdOrCtrl+Shift+N', click: command('sweep') },
        { label: 'Compare Selected', accelerator: 'CmdOrCtrl+E', click: command('compare') },
        { type: 'separator' },
        {
          label: 'Import Runs…',
          click: () =>
            void importRunsFromDialog(store, window(), send).catch((error: unknown) =>
              dialog.showErrorBox('Import Runs', errorMessage(error)),
            ),
        },
        { label: 'Export…', click: command('export') },
        { type: 'separator' },
        { label: 'Open Data Folder', click: () => void shell.openPath(store.home) },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(dev ? [{ role: 'toggleDevTools' as const }] : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        {
          // The page and its charts follow prefers-color-scheme, which themeSource sets for the app.
          label: 'Appearance',
          submenu: (['system', 'light', 'dark'] as const).map((source) => ({
            label: { system: 'Follow the System', light: 'Light', dark: 'Dark' }[source],
            type: 'radio' as const,
            checked: nativeTheme.themeSource === source,
            click: () => (nativeTheme.themeSource = source),
          })),
        },
        { role: 'togglefullscreen' },
      ],
    },
    {
      role: 'windowMenu',
      submenu: [
        { role: 'minimize' },
        { role: 'zoom' },
        ...(process.platform === 'darwin'
          ? [{ type: 'separator' as const }, { role: 'front' as const }]
          : [{ role: 'close' as const }]),
        { type: 'separator' },
        {
          label: 'Notify When Runs End',
          type: 'checkbox',
          checked: preferences.get().notifyWhenRunsEnd,
          click: (item) => preferences.set({ notifyWhenRunsEnd: item.checked }),
        },
      ],
    },
    {
      label: 'Help',
      submenu: [
        {
          label: 'About Descent',
          click: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: 'About Descent',
              message: `Descent ${app.getVersion()}`,
              detail: [
                'Watch neural networks learn: chapter 4 of Deep Learning from Scratch, from scratch.',
                '',
                versions(),
              ].join('\n'),
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
