/**
 * What desktop tests share: the app built once per file, a store (DESCENT_HOME) and a config folder (the
 * app's userData) per test file, launches that are quit afterwards, the page's errors collected, and the
 * native parts a user would operate — the save dialog, the menu — driven the same way on the stand-in
 * and on the real binary (by `evaluate` in the main process).
 */
/// <reference types="electron" />
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildDesktopApp } from './build';
import { launchDesktop, type DesktopApp } from './launch';
import { removeWorkFolder } from './remove-work';

export interface DesktopSession {
  /** The store the app and the CLI share. */
  readonly home: string;
  /** Electron's appData: the app's userData is `<configHome>/descent`. */
  readonly configHome: string;
  readonly appDir: () => string;
  /** Quits the app launched before, if running; launches it again (quit at the end of the file); waits for its window. */
  launch(options?: {
    env?: Record<string, string | null>;
    waitFor?: string;
  }): Promise<{ app: DesktopApp; page: Page; errors: string[] }>;
}

export function desktopSession(): DesktopSession {
  const work = mkdtempSync(join(tmpdir(), 'descent-desktop-'));
  const home = join(work, 'home');
  const configHome = join(work, 'config');
  let appDir = '';
  const launched: DesktopApp[] = [];
  beforeAll(() => {
    appDir = buildDesktopApp();
  }, 300_000);
  afterAll(async () => {
    for (const app of launched) await app.quit();
    await removeWorkFolder(work);
    if (appDir) await removeWorkFolder(appDir);
  }, 120_000);
  return {
    home,
    configHome,
    appDir: () => appDir,
    async launch(options = {}) {
      // One app at a time, as its single-instance lock would have it.
      for (const running of launched) await running.quit();
      const app = await launchDesktop({ appDir, configHome, env: { DESCENT_HOME: home, ...options.env } });
      launched.push(app);
      const page = await app.firstWindow();
      const errors: string[] = [];
      page.on('pageerror', (error) => void errors.push(error.message));
      page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
      // The view's heading: the run form unless the last session left another view open.
      await page.getByRole('heading', { name: options.waitFor ?? 'New run', exact: true }).waitFor({ timeout: 60_000 });
      return { app, page, errors };
    },
  };
}

/** The next save dialog answers `filePath` (and records what it was asked, for `savedDialogs`). */
export async function answerNextSaveDialog(app: DesktopApp, filePath: string): Promise<void> {
  await app.evaluate(({ dialog }, path) => {
    const record = ((globalThis as Record<string, unknown>).descentTestDialogs ??= []) as unknown[];
    const original = dialog.showSaveDialog;
    dialog.showSaveDialog = (async (...args: unknown[]) => {
      dialog.showSaveDialog = original;
      record.push(args[args.length - 1]);
      return { canceled: false, filePath: path };
    }) as typeof dialog.showSaveDialog;
  }, filePath);
}

/** The options of every save dialog answered through `answerNextSaveDialog`, in order. */
export function savedDialogs(app: DesktopApp): Promise<Array<{ defaultPath?: string }>> {
  return app.evaluate(
    () => ((globalThis as Record<string, unknown>).descentTestDialogs ?? []) as Array<{ defaultPath?: string }>,
  );
}

/**
 * File › Export… on the view shown, answered through the page's export dialog — its button for `format` ("PNG",
 * "SVG", "CSV (data)"…) — and the save dialog, which answers `filePath`. Resolves once the dialog is closed; the
 * file is then written by the main process (poll for it).
 */
export async function exportFromMenu(app: DesktopApp, page: Page, format: string, filePath: string): Promise<void> {
  await answerNextSaveDialog(app, filePath);
  await clickMenu(app, ['File', 'Export…']);
  const dialog = page.getByRole('dialog', { name: 'Export figure' });
  await dialog.getByRole('button', { name: `Save ${format}`, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** The application menu as labels: top level, each with its items' labels and accelerators. */
export function menuOutline(
  app: DesktopApp,
): Promise<Array<{ label: string; items: Array<{ label: string; accelerator: string | null; role: string | null }> }>> {
  return app.evaluate(({ Menu }) =>
    (Menu.getApplicationMenu()?.items ?? []).map((top) => ({
      label: top.label,
      items: (top.submenu?.items ?? [])
        .filter((item) => item.type !== 'separator')
        .map((item) => ({ label: item.label, accelerator: item.accelerator ?? null, role: item.role ?? null })),
    })),
  );
}

/** Clicks the menu item at `path` (labels from the top), as a user choosing it with the mouse. */
export async function clickMenu(app: DesktopApp, path: string[]): Promise<void> {
  await app.evaluate(({ Menu, BrowserWindow }, labels) => {
    let items = Menu.getApplicationMenu()?.items ?? [];
    let item: Electron.MenuItem | undefined;
    for (const label of labels) {
      item = items.find((candidate) => candidate.label === label);
      if (!item) throw new Error(`no menu item ${labels.join(' › ')}`);
      items = item.submenu?.items ?? [];
    }
    const window = BrowserWindow.getAllWindows()[0];
    item!.click(undefined, window, window.webContents);
  }, path);
}

/** Records every `setProgressBar` value of the first window and every notification shown (on either runtime). */
export async function recordDesktopSignals(app: DesktopApp): Promise<void> {
  await app.evaluate(({ BrowserWindow, Notification }) => {
    const world = globalThis as Record<string, unknown>;
    const progress: number[] = (world.descentTestProgress = []);
    const notes: Array<{ title: string; body: string }> = (world.descentTestNotifications = []);
    const win = BrowserWindow.getAllWindows()[0];
    const setProgressBar = win.setProgressBar.bind(win);
    win.setProgressBar = (value: number, options?: Electron.ProgressBarOptions) => {
      progress.push(value);
      setProgressBar(value, options);
    };
    const show = Notification.prototype.show;
    Notification.prototype.show = function (this: Electron.Notification) {
      notes.push({ title: this.title, body: this.body });
      show.call(this);
    };
  });
}

export function desktopSignals(
  app: DesktopApp,
): Promise<{ progress: number[]; notifications: Array<{ title: string; body: string }> }> {
  return app.evaluate(() => {
    const world = globalThis as Record<string, unknown>;
    return {
      progress: world.descentTestProgress as number[],
      notifications: world.descentTestNotifications as Array<{ title: string; body: string }>,
    };
  });
}

/** Records the service name of every utility process the app forks from now on. */
export async function recordUtilityProcesses(app: DesktopApp): Promise<void> {
  await app.evaluate(({ utilityProcess }) => {
    const forks: string[] = ((globalThis as Record<string, unknown>).descentTestForks = []);
    const fork = utilityProcess.fork;
    utilityProcess.fork = ((modulePath: string, args?: string[], options?: Electron.ForkOptions) => {
      forks.push(`${options?.serviceName ?? ''} ${modulePath.split(/[\\/]/).slice(-2).join('/')}`);
      return fork(modulePath, args, options);
    }) as typeof fork;
  });
}

export function utilityProcesses(app: DesktopApp): Promise<string[]> {
  return app.evaluate(() => (globalThis as Record<string, unknown>).descentTestForks as string[]);
}

/** The view the workbench shows (its tab's label). */
export function currentView(page: Page): Promise<string | null> {
  return page.locator('nav button.tab[aria-current="page"], button.tab[aria-current="page"]').first().textContent();
}

export const runItems = (page: Page) => page.locator('ul[aria-label="runs"] li[data-run-id]');
export const chartPoints = (page: Page, chart: string) =>
  page.locator(`figure[data-chart="${chart}"]`).first().getAttribute('data-points').then(Number);
