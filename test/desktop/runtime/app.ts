/**
 * `app`: paths, version and name from the app's package.json, readiness (= the stand-in's Chromium is up),
 * Electron's quit sequence (before-quit → windows close → will-quit → quit → exit, each preventable where
 * Electron's is), and the single-instance lock on a real Unix socket in userData, so a second launch
 * reaches the first as `second-instance`, as Chromium's process singleton does.
 */
import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
/// <reference types="electron" />
import { electronEvent, lifecycle } from './lifecycle';

/** What the harness tells the stand-in (environment variables, as a launcher would pass switches). */
export const standInEnv = {
  /** The folder holding the app's package.json (Electron's `app.getAppPath()`). */
  appPath: required('DESCENT_STAND_IN_APP_PATH'),
  /** Set for the packaged layout: `process.resourcesPath`, and `app.isPackaged` true. */
  resourcesPath: process.env.DESCENT_STAND_IN_RESOURCES_PATH,
};

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`stand-in Electron: ${name} is not set (launch through test/desktop/launch.ts)`);
  return value;
}

const manifest = JSON.parse(readFileSync(join(standInEnv.appPath, 'package.json'), 'utf8')) as {
  name: string;
  productName?: string;
  version: string;
};

/** Electron's per-platform appData: XDG_CONFIG_HOME or ~/.config on Linux. */
function appData(): string {
  if (process.platform === 'win32') return process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support');
  return process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
}

type PathName = Parameters<Electron.App['getPath']>[0];

/** Steps the app's windows and processes take when it goes; registered by those modules. */
const shutdownSteps: Array<() => Promise<void> | void> = [];
export function onShutdown(step: () => Promise<void> | void): void {
  shutdownSteps.push(step);
}
/** Closes the app's windows one by one; false if one refused (`close` prevented). */
let closeAllWindows: () => boolean = () => true;
export function setWindowCloser(closer: () => boolean): void {
  closeAllWindows = closer;
}

type AppSurface = Pick<
  Electron.App,
  | 'whenReady'
  | 'isReady'
  | 'quit'
  | 'exit'
  | 'getPath'
  | 'setPath'
  | 'getVersion'
  | 'getName'
  | 'getAppPath'
  | 'getLocale'
  | 'requestSingleInstanceLock'
  | 'hasSingleInstanceLock'
  | 'releaseSingleInstanceLock'
  | 'focus'
  | 'isPackaged'
  | 'name'
>;

class StandInApp extends EventEmitter implements AppSurface {
  readonly isPackaged = standInEnv.resourcesPath !== undefined;
  name = manifest.productName ?? manifest.name;
  private readonly paths = new Map<string, string>();
  private readonly readyPromise: Promise<void>;
  private markReady!: () => void;
  private singleton: Server | null = null;

  constructor() {
    super();
    this.readyPromise = new Promise((resolve) => (this.markReady = resolve));
  }

  /** Called by the runtime once Chromium is up (the app's top-level code has run by then). */
  becomeReady(): void {
    lifecycle.ready = true;
    this.emit('will-finish-launching');
    this.emit('ready', electronEvent({}), {});
    this.markReady();
  }

  whenReady(): Promise<void> {
    return this.readyPromise;
  }

  isReady(): boolean {
    return lifecycle.ready;
  }

  getPath(name: PathName): string {
    const set = this.paths.get(name);
    if (set) return set;
    const home = homedir();
    switch (name) {
      case 'home':
        return home;
      case 'appData':
        return appData();
      case 'userData':
      case 'sessionData':
        return join(this.getPath('appData'), this.name);
      case 'temp':
        return tmpdir();
      case 'logs':
        return join(this.getPath('userData'), 'logs');
      case 'crashDumps':
        return join(this.getPath('userData'), 'Crashpad');
      case 'exe':
      case 'module':
        return process.execPath;
      case 'desktop':
        return join(home, 'Desktop');
      case 'documents':
        return join(home, 'Documents');
      case 'downloads':
        return join(home, 'Downloads');
      case 'music':
        return join(home, 'Music');
      case 'pictures':
        return join(home, 'Pictures');
      case 'videos':
        return join(home, 'Videos');
      default:
        throw new Error(`Failed to get '${name}' path`);
    }
  }

  setPath(name: PathName, path: string): void {
    this.paths.set(name, path);
  }

  getVersion(): string {
    return manifest.version;
  }

  getName(): string {
    return this.name;
  }

  getAppPath(): string {
    return standInEnv.appPath;
  }

  getLocale(): string {
    return 'en-US';
  }

  focus(): void {}

  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean {
    const userData = this.getPath('userData');
    mkdirSync(userData, { recursive: true });
    const socket = join(userData, 'stand-in-singleton.sock');
    // The first instance listens on the socket; a later one hands its argv over and is told to quit.
    const handoff = spawnSync(
      process.execPath,
      ['-e', HANDOFF_CLIENT, socket, JSON.stringify({ argv: process.argv, cwd: process.cwd(), additionalData })],
      // Generous: on a loaded machine a handoff cut short would make this a second first instance.
      { timeout: 60_000 },
    );
    if (handoff.status === 0) return false;
    rmSync(socket, { force: true });
    this.singleton = createServer((connection) => {
      let text = '';
      connection.on('data', (chunk) => (text += String(chunk)));
      connection.on('end', () => {
        const message = JSON.parse(text) as { argv: string[]; cwd: string; additionalData?: Record<string, unknown> };
        this.emit('second-instance', electronEvent({}), message.argv, message.cwd, message.additionalData ?? {});
      });
    });
    this.singleton.listen(socket);
    this.singleton.unref();
    return true;
  }

  hasSingleInstanceLock(): boolean {
    return this.singleton !== null;
  }

  releaseSingleInstanceLock(): void {
    this.singleton?.close();
    this.singleton = null;
  }

  quit(): void {
    if (lifecycle.quitting) return;
    const beforeQuit = electronEvent({});
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    lifecycle.quitting = true;
    // A window whose `close` is prevented cancels the quit, as in Electron.
    if (!closeAllWindows()) {
      lifecycle.quitting = false;
      return;
    }
    const willQuit = electronEvent({});
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) {
      lifecycle.quitting = false;
      return;
    }
    this.emit('quit', electronEvent({}), 0);
    this.exit(0);
  }

  exit(exitCode = 0): void {
    lifecycle.quitting = true;
    this.releaseSingleInstanceLock();
    void (async () => {
      for (const step of shutdownSteps) await step();
      process.exit(exitCode);
    })();
  }
}

/** Connects to the first instance's socket and hands over argv; exit 0 if it was there. */
const HANDOFF_CLIENT = `const s = require('node:net').connect(process.argv[1]);
s.on('connect', () => s.end(process.argv[2], () => process.exit(0)));
s.on('error', () => process.exit(1));`;

export const app = new StandInApp();
