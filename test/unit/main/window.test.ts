/** The main window's security settings, with Electron mocked: what the window is created with and what it refuses. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const electron = await vi.hoisted(async () => ({
  options: undefined as undefined | { webPreferences: Record<string, unknown> },
  handlers: new Map<string, (...args: unknown[]) => void>(),
  openHandler: undefined as undefined | ((details: { url: string }) => { action: string }),
  permissionHandler: undefined as
    undefined | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
  windowHandlers: new Map<string, () => void>(),
}));

vi.mock('electron', () => ({
  BrowserWindow: class {
    webContents = {
      on: (name: string, handler: (...args: unknown[]) => void) => electron.handlers.set(name, handler),
      setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => (electron.openHandler = handler),
    };
    constructor(options: { webPreferences: Record<string, unknown> }) {
      electron.options = options;
    }
    maximize() {}
    once() {}
    on(name: string, handler: () => void) {
      electron.windowHandlers.set(name, handler);
    }
    getNormalBounds() {
      return { x: 10, y: 20, width: 1000, height: 700 };
    }
    isMaximized() {
      return false;
    }
    loadURL() {
      return Promise.resolve();
    }
  },
  nativeTheme: { shouldUseDarkColors: false },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler: typeof electron.permissionHandler) => (electron.permissionHandler = handler),
    },
  },
}));

const { createMainWindow } = await import('../../../electron/main/window');
const folder = mkdtempSync(join(tmpdir(), 'descent-window-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const stateFile = join(folder, 'window-state.json');
createMainWindow({
  preload: '/app/preload.cjs',
  url: 'app://descent/index.html',
  stateFile,
  trusted: (url) => url.startsWith('app://descent/'),
});

describe('main window', () => {
  it('is sandboxed and context-isolated, without Node, with web security on and middle-click links off', () => {
    expect(electron.options!.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('refuses every new window, web links included, without handing anything to the OS', () => {
    for (const url of ['https://example.com/', 'app://descent/index.html', 'file:///etc/passwd']) {
      expect(electron.openHandler!({ url })).toEqual({ action: 'deny' });
    }
  });

  it('prevents navigation away from the app, allows its own pages', () => {
    const navigate = (url: string) => {
      const event = { preventDefault: vi.fn() };
      electron.handlers.get('will-navigate')!(event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///home/user/')).toBe(true);
    expect(navigate('app://descent/index.html')).toBe(false);
  });

  it('denies every permission request (camera, notifications, …)', () => {
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read']) {
      const callback = vi.fn();
      electron.permissionHandler!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
  });

  it('saves its bounds on close', () => {
    electron.windowHandlers.get('close')!();
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: false });
  });
});
