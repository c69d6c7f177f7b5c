/**
 * The stand-in `electron` module for the main process: what `import … from 'electron'` in the built main
 * resolves to under test/desktop (register.mjs). Every value here is typed against Electron's own
 * declarations (`Pick<Electron.X, …>`), and test/desktop/tsconfig.json compiles electron/main against this
 * module in place of Electron's: an API the app starts using that the stand-in lacks fails `npm run typecheck`.
 */
/// <reference types="electron" />
import { app, onShutdown, setWindowCloser, standInEnv } from './app';
import { closeChromium, devtoolsEndpoint, launchChromium } from './chromium';
import { announce } from './control';
import { lifecycle } from './lifecycle';
import { BrowserWindow, closeAllWindows, onLastWindowClosed, pageOpened, routeRequest } from './windows';
import { join } from 'node:path';

export { app } from './app';
export { dialog, nativeTheme, Notification, screen, session, shell } from './desktop';
export { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent } from './ipc-main';
export { Menu, MenuItem } from './menu';
export { net, protocol } from './protocol';
export { utilityProcess, type UtilityProcess } from './utility-process';
export { BrowserWindow, WebContents } from './windows';
export type MenuItemConstructorOptions = Electron.MenuItemConstructorOptions;

// Electron's main process knows where its resources are; packaged, that is where MNIST is.
if (standInEnv.resourcesPath)
  Object.defineProperty(process, 'resourcesPath', { value: standInEnv.resourcesPath, enumerable: false });
Object.defineProperty(process, 'type', { value: 'browser', enumerable: false });

setWindowCloser(closeAllWindows);
onLastWindowClosed(() => {
  // Electron's default when nobody listens: quit.
  if (app.listenerCount('window-all-closed') > 0) app.emit('window-all-closed');
  else app.quit();
});
onShutdown(closeChromium);

/** After the app's top-level code (which may register schemes, take the single-instance lock, or quit). */
setImmediate(() => {
  if (lifecycle.quitting) return;
  const profile = join(app.getPath('userData'), 'stand-in-chromium');
  void launchChromium(profile, routeRequest, pageOpened).then(
    () => {
      announce({ standIn: 'ready', devtools: devtoolsEndpoint(profile) });
      app.becomeReady();
    },
    (error: unknown) => {
      if (lifecycle.quitting) return; // quit while Chromium started: closeChromium closed it under the launch
      console.error(`stand-in Electron: Chromium did not start: ${String(error)}`);
      app.exit(1);
    },
  );
});

// For tests: the windows as Electron's BrowserWindow.getAllWindows gives them.
export const webContents = {
  getAllWebContents: () => BrowserWindow.getAllWindows().map((window) => window.webContents),
};
