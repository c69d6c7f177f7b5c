/** Chromium for the UI figures of the benchmark: where it is, and how it is started. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { buildRenderer, RENDERER_DIR } from '../core/renderer-build';

/** Chromium to drive, or null if this machine has none. */
export function chromiumPath(): string | null {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return existsSync(path) ? path : null;
}

/** Builds the renderer the bridge serves, unless it is built already. */
export async function ensureRendererBuilt(): Promise<void> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) await buildRenderer();
}

/** Headless Chromium without the background traffic this closed network would refuse. */
export async function launchChromium(executablePath: string): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath,
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
