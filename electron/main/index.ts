/**
 * The desktop app's main process: lifecycle only. The work is done by the same Node services as the CLI
 * (electron/core), with trainers in utility processes; the UI is the same renderer as `descent serve`.
 */
import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { RunManager } from '../core/run-manager';
import { descentHome } from '../core/store/home';
import { RunStore } from '../core/store/run-store';
import { readUiState } from '../core/store/ui-state-file';
import { EVENT_CHANNEL } from './channels';
import { isTrustedUrl, registerIpc } from './ipc';
import { buildMenu } from './menu';
import { DesktopLanguage, LanguageFollowingService } from './menu-language';
import { PreferencesFile } from './preferences';
import { watchProgress } from './progress';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './protocol';
import { UtilityTrainerHost } from './utility-trainer-host';
import { createMainWindow, windowStateFile } from './window';

const devServerUrl = process.env.ELECTRON_RENDERER_URL;
let window: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  serveRenderer(join(__dirname, '..', 'renderer'));
  // The CLI's rule, not app.getPath('userData'): that folder is named after package.json's `name` ("descent"),
  // the CLI's after the product ("Descent"), so on a case-sensitive disk the two kept separate stores.
  const home = descentHome();
  const store = new RunStore(home);
  // Recovery is best effort (a read-only or full store still opens); what it could not record is logged, as the CLI prints it.
  for (const warning of store.recoverInterrupted().warnings) console.warn(`descent: ${warning}`);
  const manager = new RunManager({ store, host: new UtilityTrainerHost(join(__dirname, 'trainer.js')) });
  const current = () => window;
  const preferences = new PreferencesFile(join(app.getPath('userData'), 'preferences.json'));
  const language: DesktopLanguage = new DesktopLanguage(readUiState(home)?.locale ?? null, app.getLocale(), {
    rebuildMenu: () => buildMenu(current, store, !app.isPackaged, preferences, language),
    tellPage: (event) => current()?.webContents.send(EVENT_CHANNEL, event),
  });
  const backend = new LanguageFollowingService(manager, { version: app.getVersion(), transport: 'electron' }, language);
  registerIpc(backend, current, devServerUrl);
  buildMenu(current, store, !app.isPackaged, preferences, language);
  watchProgress(
    manager,
    current,
    () => preferences.get().notifyWhenRunsEnd,
    () => language.locale,
  );

  const open = () => {
    window = createMainWindow({
      preload: join(__dirname, '..', 'preload', 'index.cjs'),
      url: devServerUrl ?? `${APP_ORIGIN}/index.html`,
      stateFile: windowStateFile(app.getPath('userData')),
      trusted: (url) => isTrustedUrl(url, devServerUrl),
    });
    window.on('closed', () => (window = null));
  };
  open();
  app.on('activate', () => {
    if (!window) open();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let stopping = false;
  app.on('before-quit', (event) => {
    if (stopping || manager.activeIds().length === 0) return;
    // Stop runs cleanly (their summaries and weights are written) before the processes go.
    event.preventDefault();
    stopping = true;
    void manager.stopAll().then(() => app.quit());
  });
}
