/**
 * What every e2e file sets up once: Chromium, the UI built if its sources changed since the last build (`descent
 * serve` does that by itself; forcing a rebuild in every file made parallel files swap builds under each other's
 * open pages), and a temporary folder for downloads. Each case then serves that build on a store of its own.
 * Call at the top level of a test file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, newHome, openWorkbench } from './workbench-browser';

export interface E2eSuite {
  /** The file's Chromium (launched in beforeAll). */
  browser(): Browser;
  /** Saves the download `action` starts on `page` into the suite's folder; resolves to its path. */
  download(page: Page, action: () => Promise<void>): Promise<string>;
}

export function e2eSuite(): E2eSuite {
  const downloads = mkdtempSync(join(tmpdir(), 'descent-downloads-'));
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    await (await openWorkbench(browser, newHome())).close();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(downloads, { recursive: true, force: true });
  });
  return {
    browser: () => {
      if (!browser) throw new Error('Chromium is launched in beforeAll: use it inside a test');
      return browser;
    },
    async download(page, action) {
      const [file] = await Promise.all([page.waitForEvent('download'), action()]);
      const path = join(downloads, file.suggestedFilename());
      await file.saveAs(path);
      return path;
    },
  };
}
