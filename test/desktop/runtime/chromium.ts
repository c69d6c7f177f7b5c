/**
 * The stand-in's Chromium: Debian's browser driven by playwright-core, one persistent context per app
 * (Electron's default session, its profile kept in the app's userData as Electron keeps it). Every request
 * of every page passes through `route` first: that is where `protocol.handle`, `will-navigate` and
 * `setWindowOpenHandler` take effect, as they do in Electron's network layer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Request, type Route } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // The test process attaches to the same browser (as Playwright attaches to Electron) through this port.
  '--remote-debugging-port=0',
];

/** What the windows layer answers for each request; set once by the windows module. */
export type RequestRouter = (route: Route, request: Request) => Promise<void>;

let context: BrowserContext | undefined;
/** A launch in flight: an app that quits meanwhile must still close the browser it started (else it outlives the app). */
let launching: Promise<unknown> | undefined;

export async function launchChromium(
  profile: string,
  router: RequestRouter,
  onPage: (page: Page) => void,
): Promise<BrowserContext> {
  const launch = chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: null,
    args: CHROMIUM_ARGS,
  });
  launching = launch.catch(() => undefined);
  context = await launch;
  launching = undefined;
  await context.route('**/*', (route, request) =>
    router(route, request).catch(async (error: unknown) => {
      console.error(`stand-in: request ${request.url()} failed: ${String(error)}`);
      await route.abort('failed').catch(() => undefined);
    }),
  );
  context.on('page', onPage);
  return context;
}

export function chromiumContext(): BrowserContext {
  if (!context) throw new Error('stand-in: Chromium is not running (is the app ready?)');
  return context;
}

/** The CDP endpoint the test process connects to (Chromium writes its port into the profile). */
export function devtoolsEndpoint(profile: string): string {
  const port = readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0];
  return `http://127.0.0.1:${port}`;
}

export async function closeChromium(): Promise<void> {
  await launching;
  const closing = context;
  context = undefined;
  await closing?.close().catch(() => undefined);
}
