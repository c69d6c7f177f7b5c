/**
 * The OS-facing parts: dialogs (answered "cancelled" unless a test scripts them, as a user pressing Escape
 * would), the shell (there is no desktop here to open folders in: it says so, as Electron reports a failure),
 * notifications (kept in a list a test can read), the theme (applied to every page as its colour scheme),
 * displays (one 1920×1080 screen unless DESCENT_STAND_IN_DISPLAYS lists others), and the session's
 * permission handlers (kept; headless Chromium denies every permission prompt by itself).
 */
import { EventEmitter } from 'node:events';
/// <reference types="electron" />
import { chromiumContext } from './chromium';
import { lifecycle } from './lifecycle';
import type { BrowserWindow } from './windows';

type SaveOptions = Electron.SaveDialogOptions;
type OpenOptions = Electron.OpenDialogOptions;
type BoxOptions = Electron.MessageBoxOptions;

/** Each dialog call, for tests that want to see what the app asked. */
export const dialogCalls: Array<{ method: string; options: unknown }> = [];

function options<T>(windowOrOptions: BrowserWindow | T, maybe?: T): T {
  return (maybe ?? windowOrOptions) as T;
}

export const dialog = {
  showSaveDialog(windowOrOptions: BrowserWindow | SaveOptions, maybe?: SaveOptions): Promise<Electron.SaveDialogReturnValue> {
    dialogCalls.push({ method: 'showSaveDialog', options: options(windowOrOptions, maybe) });
    return Promise.resolve({ canceled: true, filePath: '' });
  },
  showOpenDialog(windowOrOptions: BrowserWindow | OpenOptions, maybe?: OpenOptions): Promise<Electron.OpenDialogReturnValue> {
    dialogCalls.push({ method: 'showOpenDialog', options: options(windowOrOptions, maybe) });
    return Promise.resolve({ canceled: true, filePaths: [] });
  },
  showMessageBox(windowOrOptions: BrowserWindow | BoxOptions, maybe?: BoxOptions): Promise<Electron.MessageBoxReturnValue> {
    const box = options(windowOrOptions, maybe);
    dialogCalls.push({ method: 'showMessageBox', options: box });
    return Promise.resolve({ response: box.cancelId ?? 0, checkboxChecked: false });
  },
  showErrorBox(title: string, content: string): void {
    dialogCalls.push({ method: 'showErrorBox', options: { title, content } });
  },
};

export const shell: Pick<Electron.Shell, 'openPath' | 'openExternal' | 'showItemInFolder'> = {
  openPath: (path) => Promise.resolve(`stand-in: no desktop to open ${path} in`),
  openExternal: (url) => Promise.reject(new Error(`stand-in: no desktop to open ${url} in`)),
  showItemInFolder: () => undefined,
};

export class Notification extends EventEmitter implements Pick<Electron.Notification, 'show' | 'close' | 'title' | 'body'> {
  /** Every notification shown, in order. */
  static readonly shown: Array<{ title: string; body: string }> = [];

  static isSupported(): boolean {
    return true;
  }

  title: string;
  body: string;

  constructor(options: Electron.NotificationConstructorOptions = {}) {
    super();
    this.title = options.title ?? '';
    this.body = options.body ?? '';
  }

  show(): void {
    Notification.shown.push({ title: this.title, body: this.body });
    this.emit('show', {});
  }

  close(): void {
    this.emit('close', {});
  }
}

class NativeTheme
  extends EventEmitter
  implements
    Pick<Electron.NativeTheme, 'themeSource' | 'shouldUseDarkColors' | 'shouldUseHighContrastColors' | 'inForcedColorsMode'>
{
  private source: Electron.NativeTheme['themeSource'] = 'system';
  readonly shouldUseHighContrastColors = false;
  readonly inForcedColorsMode = false;

  get themeSource(): Electron.NativeTheme['themeSource'] {
    return this.source;
  }

  /** Applied to every page as `prefers-color-scheme`, as Electron's themeSource is. */
  set themeSource(source: Electron.NativeTheme['themeSource']) {
    this.source = source;
    if (lifecycle.ready) {
      const colorScheme = source === 'system' ? 'no-preference' : source;
      for (const page of chromiumContext().pages()) void page.emulateMedia({ colorScheme }).catch(() => undefined);
    }
    this.emit('updated');
  }

  /** The stand-in's OS is in light mode. */
  get shouldUseDarkColors(): boolean {
    return this.source === 'dark';
  }
}
export const nativeTheme = new NativeTheme();

type Display = Pick<
  Electron.Display,
  'id' | 'bounds' | 'workArea' | 'size' | 'workAreaSize' | 'scaleFactor' | 'rotation' | 'internal'
>;

function displays(): Display[] {
  const areas = JSON.parse(
    process.env.DESCENT_STAND_IN_DISPLAYS ?? '[{"x":0,"y":0,"width":1920,"height":1080}]',
  ) as Electron.Rectangle[];
  return areas.map((area, index) => ({
    id: index + 1,
    bounds: area,
    workArea: area,
    size: { width: area.width, height: area.height },
    workAreaSize: { width: area.width, height: area.height },
    scaleFactor: 1,
    rotation: 0,
    internal: index === 0,
  }));
}

export const screen = {
  getAllDisplays: (): Display[] => displays(),
  getPrimaryDisplay: (): Display => displays()[0],
};

type PermissionRequestHandler = Parameters<Electron.Session['setPermissionRequestHandler']>[0];
type PermissionCheckHandler = Parameters<Electron.Session['setPermissionCheckHandler']>[0];

class Session {
  permissionRequestHandler: PermissionRequestHandler = null;
  permissionCheckHandler: PermissionCheckHandler = null;

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }
}

export const session = { defaultSession: new Session() };
