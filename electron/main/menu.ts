/** The application menu, with the usual accelerators. */
import { app, dialog, Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { EVENT_CHANNEL } from './channels';

export function buildMenu(window: () => BrowserWindow | null, home: string, dev: boolean): void {
  const command = (name: 'new-run' | 'sweep' | 'compare' | 'gradcheck') => () => window()?.webContents.send(EVENT_CHANNEL, { type: 'command', command: name });
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Run', accelerator: 'CmdOrCtrl+N', click: command('new-run') },
        { label: 'New Sweep', accelerator: 'CmdOrCtrl+Shift+N', click: command('sweep') },
        { label: 'Compare Selected', accelerator: 'CmdOrCtrl+E', click: command('compare') },
        { type: 'separator' },
        { label: 'Open Data Folder', click: () => void shell.openPath(home) },
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
        { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Help',
      submenu: [
        {
          label: 'About Descent',
          click: () => void dialog.showMessageBox({
            type: 'info', title: 'About Descent', message: `Descent ${app.getVersion()}`,
            detail: 'Watch neural networks learn: chapter 4 of Deep Learning from Scratch, from scratch.',
          }),
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
