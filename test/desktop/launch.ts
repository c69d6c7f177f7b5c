/**
 * Launches the built desktop app for a test: on the real Electron binary when `require('electron')` names
 * one that exists (Playwright's `_electron.launch`), else on the stand-in runtime (runtime/), with the same
 * interface either way — `evaluate(fn, arg)` in the main process with the electron module as `fn`'s first
 * argument, `firstWindow()` as a Playwright page, `quit()`. DESCENT_DESKTOP_RUNTIME=stand-in forces the
 * stand-in.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { _electron, chromium, type Browser, type ElectronApplication, type Page } from 'playwright-core';
import type { ControlMessage, ControlReply } from './runtime/control';

export type ElectronModule = typeof import('electron');
export type MainFunction<A, R> = (electron: ElectronModule, arg: A) => R | Promise<R>;

export interface DesktopApp {
  readonly runtime: 'electron' | 'stand-in';
  /** Runs `fn` in the main process (no closures: it is sent as source) and resolves with its result. */
  evaluate<R, A = undefined>(fn: MainFunction<A, R>, arg?: A): Promise<R>;
  /** The first window's page, once it shows the app. */
  firstWindow(): Promise<Page>;
  /** Resolves with the exit code when the main process has gone. */
  readonly exited: Promise<number | null>;
  /** `app.quit()` in the main process, then waits for it to exit. */
  quit(): Promise<number | null>;
  /** Everything the main process (and its trainers) printed. */
  output(): string;
}

export interface LaunchOptions {
  /** Folder with package.json and out/ (build.ts), or resources/app of the packaged layout. */
  appDir: string;
  /** Where Electron's appData is (XDG_CONFIG_HOME on Linux): the app's userData is <configHome>/descent. */
  configHome: string;
  /** Variables to set (null: to remove from the test's environment). */
  env?: Record<string, string | null>;
  /** The packaged layout's resources folder (MNIST beside the app): the stand-in then runs packaged. */
  resourcesPath?: string;
}

const RUNTIME = join(import.meta.dirname, 'runtime');

/** The Electron binary `require('electron')` names, if it was downloaded. */
export function electronBinary(): string | null {
  if (process.env.DESCENT_DESKTOP_RUNTIME === 'stand-in') return null;
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null; // the package throws when its binary was never downloaded
  }
}

export function launchDesktop(options: LaunchOptions): Promise<DesktopApp> {
  const binary = electronBinary();
  return binary ? launchElectron(binary, options) : launchStandIn(options);
}

function environment(options: LaunchOptions): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value;
  // Electron's appData on each platform, so the app's userData lands in the test's folder.
  Object.assign(env, { XDG_CONFIG_HOME: options.configHome, APPDATA: options.configHome });
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === null) delete env[name];
    else env[name] = value;
  }
  delete env.ELECTRON_RUN_AS_NODE;
  delete env.ELECTRON_RENDERER_URL;
  return env;
}

async function launchElectron(binary: string, options: LaunchOptions): Promise<DesktopApp> {
  const env = environment(options);
  if (process.platform === 'darwin') env.HOME = options.configHome; // ~/Library/Application Support
  const electronApp: ElectronApplication = await _electron.launch({ executablePath: binary, args: [options.appDir], env });
  let output = '';
  electronApp.process().stdout?.on('data', (chunk) => (output += String(chunk)));
  electronApp.process().stderr?.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => electronApp.process().once('exit', (code) => resolve(code)));
  return {
    runtime: 'electron',
    evaluate: (fn, arg) => electronApp.evaluate(fn as never, arg) as never,
    firstWindow: async () => {
      const page = await electronApp.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      return page;
    },
    exited,
    quit: async () => {
      await electronApp.evaluate(({ app }) => app.quit()).catch(() => undefined);
      return exited;
    },
    output: () => output,
  };
}

async function launchStandIn(options: LaunchOptions): Promise<DesktopApp> {
  const env = environment(options);
  env.DESCENT_STAND_IN_APP_PATH = options.appDir;
  if (options.resourcesPath) env.DESCENT_STAND_IN_RESOURCES_PATH = options.resourcesPath;
  const main = join(options.appDir, 'out', 'main', 'index.js');
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', new URL(`file://${join(RUNTIME, 'register.mjs')}`).href, main],
    {
      cwd: options.appDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'advanced',
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let browser: Promise<Browser> | undefined;
  const ready = new Promise<string>((resolve, reject) => {
    void exited.then((code) => reject(new Error(`the app exited (${code}) before its window opened:\n${output}`)));
    child.on('message', (message: ControlReply) => {
      if (message.standIn === 'ready') resolve(message.devtools);
      else if (message.standIn === 'result') {
        const waiter = pending.get(message.id);
        pending.delete(message.id);
        if (message.ok) waiter?.resolve(message.value);
        else waiter?.reject(new Error(`in the main process: ${message.error}`));
      }
    });
  });
  ready.catch(() => undefined);
  void exited.then(async (code) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`the app exited (${code})`));
    await (await browser?.catch(() => undefined))?.close().catch(() => undefined);
  });
  const evaluate = <R, A>(fn: MainFunction<A, R>, arg?: A): Promise<R> =>
    new Promise<R>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      const message: ControlMessage = { standIn: 'evaluate', id, source: fn.toString(), arg };
      child.send(message);
    });
  return {
    runtime: 'stand-in',
    evaluate,
    firstWindow: async () => {
      browser ??= ready.then((endpoint) => chromium.connectOverCDP(endpoint));
      const context = (await browser).contexts()[0];
      for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
        const page = context.pages().find((candidate) => candidate.url() !== 'about:blank');
        if (page) {
          await page.waitForLoadState('domcontentloaded');
          return page;
        }
      }
      throw new Error(`no window showed the app within 60 s:\n${output}`);
    },
    exited,
    quit: async () => {
      if (child.exitCode === null) await evaluate(({ app }) => app.quit()).catch(() => undefined);
      return exited;
    },
    output: () => output,
  };
}
