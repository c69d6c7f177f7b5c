/**
 * The workbench as a user meets it, for the e2e tests and `npm run docs:screenshots`: `descent serve` on a store
 * of its own, in Debian's Chromium driven by playwright-core. Waits are Playwright's, so this runs outside Vitest too.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'descent.js');

/** Chromium headless, as the e2e tests and the README screenshots see the workbench. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A fresh store (`DESCENT_HOME`) in a temporary folder. */
export const newHome = (): string => mkdtempSync(join(tmpdir(), 'descent-e2e-'));

/** Trains one run into `home` with the `descent` command (a run the workbench then finds in its store). */
export function trainWithCli(home: string, flags: string[]): void {
  const result = spawnSync(process.execPath, [BIN, 'train', ...flags, '--json'], {
    env: { ...process.env, DESCENT_HOME: home },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`descent train ${flags.join(' ')} exited with ${result.status}: ${result.stderr}`);
}

/** The address (with its token) that a starting `descent serve` prints on its stdout; rejects if it exits first. */
export function servedUrl(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`descent serve exited with ${code}`)));
    createInterface({ input: server.stdout! }).on('line', (line) => {
      const match = line.match(/^Open (http:\/\/\S+)$/);
      if (match) resolve(match[1]);
    });
  });
}

/** One workbench: its server on its own store, and a page on it that records console errors. */
export interface OpenWorkbench {
  readonly page: Page;
  readonly home: string;
  readonly consoleErrors: string[];
  /** Closes the page and stops the server (Ctrl-C: runs stop cleanly); removes the store unless `keepHome`. */
  close(options?: { keepHome?: boolean }): Promise<void>;
}

/**
 * Starts `descent serve` on `home` (on `port` if given) and opens the workbench in a new page of `browser`
 * (a browser context of its own: nothing shared with an earlier page), ready to use.
 */
export async function openWorkbench(
  browser: Browser,
  home: string,
  options: { rebuild?: boolean; port?: number } = {},
): Promise<OpenWorkbench> {
  const args = [
    BIN,
    'serve',
    '--parallel',
    '2',
    ...(options.rebuild ? ['--rebuild'] : []),
    ...(options.port === undefined ? [] : ['--port', String(options.port)]),
  ];
  const server: ChildProcess = spawn(process.execPath, args, {
    env: { ...process.env, DESCENT_HOME: home },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const url = await servedUrl(server);
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && consoleErrors.push(m.text())));
  page.on('pageerror', (e) => void consoleErrors.push(e.message));
  await page.goto(url);
  // Loaded: the header names the store once the runs and the saved UI state (whose view may not be the run
  // form's, as it is kept in the store's home) have arrived.
  await page.locator('header .info').filter({ hasText: ' at a time · ' }).waitFor();
  return {
    page,
    home,
    consoleErrors,
    async close({ keepHome = false } = {}) {
      await context.close();
      server.kill('SIGINT');
      await exited;
      if (!keepHome) rmSync(home, { recursive: true, force: true });
    },
  };
}

export const runItems = (page: Page) => page.locator('ul[aria-label="runs"] li[data-run-id]');

/** Waits until `count` runs of the list have `status`. */
export const runsWithStatus = (page: Page, status: string, count: number, timeout = 90_000) =>
  page
    .locator(`ul[aria-label="runs"] li[data-status="${status}"]`)
    .nth(count - 1)
    .waitFor({ timeout });

/** Book defaults in the form, shortened to `iterations` on the first `trainSize` images, and started. */
export async function trainFromForm(page: Page, iterations: number, trainSize: number): Promise<void> {
  await page.getByRole('button', { name: 'Book defaults' }).click();
  await page.fill('input[name=iterations]', String(iterations));
  await page.fill('input[name=trainSize]', String(trainSize));
  await page.getByRole('button', { name: 'Start training' }).click();
}

/** A learning-rate sweep from the Sweep view, each value over `repeat` seeds (it opens the compare view of its runs). */
export async function launchLearningRateSweep(page: Page, values: string, iterations: number, repeat = 1): Promise<void> {
  await page.getByRole('button', { name: 'Sweep', exact: true }).click();
  await page.fill('input[name=values]', values);
  await page.fill('input[name=sweepIterations]', String(iterations));
  await page.fill('input[name=sweepRepeat]', String(repeat));
  const count = values.split(',').length * repeat;
  await page.getByRole('button', { name: `Launch ${count} runs` }).click();
  await page.getByRole('heading', { name: `Compare ${count} runs` }).waitFor();
}
