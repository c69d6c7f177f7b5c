/**
 * The main window: sandboxed, context-isolated, no Node; navigation, new windows and permission requests
 * denied. Its size and position are restored from the last session.
 */
import { BrowserWindow, nativeTheme, screen, session } from 'electron';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_WINDOW_STATE, parseWindowState, type WindowState } from '../../shared/window-state';

function loadBounds(file: string): WindowState {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
  const saved = parseWindowState(text);
  const { x, y } = saved;
  // Only restore a position that is still on a connected display.
  const visible =
    x !== undefined &&
    y !== undefined &&
    screen.getAllDisplays().some(({ workArea: a }) => x >= a.x && y >= a.y && x < a.x + a.width && y < a.y + a.height);
  return visible ? saved : { width: saved.width, height: saved.height, maximized: saved.maximized };
}

export function createMainWindow(options: {
  preload: string;
  url: string;
  stateFile: string;
  trusted: (url: string) => boolean;
}): BrowserWindow {
  const bounds = loadBounds(options.stateFile);
  const win = new BrowserWindow({
    ...bounds,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Descent',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#15181c' : '#f6f7f9',
    webPreferences: {
      // Electronegativity asks to review every preload (PRELOAD_JS_CHECK): this one is our own
      // (electron/preload), sandboxed, and exposes through contextBridge only the WorkbenchApi methods,
      // each a single ipcRenderer.invoke on a fixed channel whose payload main validates again.
      preload: options.preload, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // Middle-click must not open links in new windows (they are denied below anyway).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (bounds.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.webContents.on('will-navigate', (event, url) => {
    if (!options.trusted(url)) event.preventDefault();
  });
  // The UI has no links out of the app: every new window is refused, and nothing is handed to the OS.
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  win.on('close', () => {
    const { x, y, width, height } = win.getNormalBounds();
    const state: WindowState = { x, y, width, height, maximized: win.isMaximized() };
    writeFileSync(options.stateFile, JSON.stringify(state));
  });
  void win.loadURL(options.url);
  return win;
}

export function windowStateFile(userData: string): string {
  return join(userData, 'window-state.json');
}
