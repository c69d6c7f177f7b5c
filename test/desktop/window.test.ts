/**
 * The built desktop app's window, launched (stand-in runtime here, the real binary where installed): it opens
 * with the renderer through the preload, holds its security settings on the real path (navigation, popups,
 * CSP, what the page can reach, who may call IPC with what), restores its size and position, and stays a
 * single instance.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_METHOD_NAMES } from '../../shared/api-methods';
import { BOOK_DEFAULTS } from '../../shared/config';
import type { Page } from 'playwright-core';
import { launchDesktop, type DesktopApp } from './launch';
import { answerNextSaveDialog, currentView, desktopSession, savedDialogs } from './support';

const session = desktopSession();
// In-page code, typed without the DOM library.
type PageGlobals = Record<string, unknown> & {
  descent: Record<string, (...args: unknown[]) => Promise<unknown>>;
  document: PageDocument;
};
type PageDocument = {
  createElement(tag: string): PageElement;
  head: { append(e: PageElement): void };
  body: { append(e: PageElement): void };
  addEventListener(type: string, listener: (event: { violatedDirective: string }) => void): void;
};
type PageElement = Record<string, unknown> & {
  contentWindow: PageGlobals | null;
  addEventListener(type: string, listener: () => void): void;
};

describe('the desktop window', () => {
  // One launch for the cases that only look or try, and leave the app as it was.
  let app: DesktopApp;
  let page: Page;

  it("opens the renderer with the preload's API, and the page has neither require nor process", async () => {
    let errors: string[];
    ({ app, page, errors } = await session.launch());
    const seen = await page.evaluate(() => {
      const world = globalThis as unknown as PageGlobals;
      return {
        require: typeof world.require,
        process: typeof world.process,
        module: typeof world.module,
        buffer: typeof world.Buffer,
        api: Object.keys(world.descent).sort(),
        frozen: Object.isFrozen(world.descent),
      };
    });
    expect(seen).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      buffer: 'undefined',
      api: [...API_METHOD_NAMES, 'saveFile', 'subscribe'].sort(),
      frozen: true,
    });
    // The backend answers through IPC: the transport is Electron's, the store the one we gave.
    const info = await page.evaluate(() => (globalThis as unknown as PageGlobals).descent.appInfo());
    expect(info).toMatchObject({ transport: 'electron', home: session.home, version: '0.1.0' });
    const window = await app.evaluate(({ BrowserWindow }) => {
      const [win] = BrowserWindow.getAllWindows();
      return {
        count: BrowserWindow.getAllWindows().length,
        visible: win.isVisible(),
        title: win.getTitle(),
        url: win.webContents.getURL(),
      };
    });
    expect(window).toEqual({ count: 1, visible: true, title: 'Descent', url: 'app://descent/index.html' });
    expect(errors).toEqual([]);
  });

  it('blocks navigation to another origin (will-navigate) and stays on the app', async () => {
    await app.evaluate(({ BrowserWindow }) => {
      const seen: string[] = ((globalThis as Record<string, unknown>).descentTestNavigations = []);
      BrowserWindow.getAllWindows()[0].webContents.on('will-navigate', (_event: unknown, url: string) => void seen.push(url));
    });
    await page.evaluate(
      () => void ((globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/phish'),
    );
    await expect
      .poll(() => app.evaluate(() => (globalThis as Record<string, unknown>).descentTestNavigations))
      .toEqual(['https://example.com/phish']);
    await page.waitForTimeout(500);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].webContents.getURL())).toBe(
      'app://descent/index.html',
    );
    await page.getByRole('heading', { name: 'New run' }).waitFor();
  });

  it('denies window.open: no second page ever appears', async () => {
    const pagesBefore = page.context().pages().length;
    await page.evaluate(() => void (globalThis as unknown as { open(url: string): unknown }).open('https://example.com/popup'));
    await page.evaluate(() => void (globalThis as unknown as { open(url: string): unknown }).open('index.html'));
    await page.waitForTimeout(1000);
    expect(page.context().pages().length).toBe(pagesBefore);
  });

  it('keeps its Content-Security-Policy: an injected inline script and string code (eval) are blocked', async () => {
    const outcome = await page.evaluate(async () => {
      const world = globalThis as unknown as PageGlobals;
      const violations: string[] = [];
      world.document.addEventListener('securitypolicyviolation', (event) => void violations.push(event.violatedDirective));
      const script = world.document.createElement('script');
      script.textContent = 'globalThis.injectedRan = true';
      world.document.head.append(script);
      // A string for setTimeout is eval: run by the page itself (not by the driver, which DevTools exempts).
      (setTimeout as unknown as (code: string, ms: number) => void)('globalThis.evalRan = true', 0);
      // The reports come asynchronously (late on a loaded machine): wait for both rather than a fixed time. A string
      // timer that was allowed would have run before any timer set after it.
      for (const deadline = Date.now() + 60_000; violations.length < 2 && Date.now() < deadline;) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return { ran: world.injectedRan === true, evalRan: world.evalRan === true, violations };
    });
    expect(outcome).toEqual({ ran: false, evalRan: false, violations: ['script-src-elem', 'script-src'] });
  });

  it('refuses IPC with a bad payload, naming the field, with no side effect', async () => {
    const refusals = await page.evaluate(async (book) => {
      const api = (globalThis as unknown as PageGlobals).descent;
      const attempt = (call: () => Promise<unknown>) =>
        call().then(
          () => 'accepted',
          (error: Error) => error.message,
        );
      return [
        await attempt(() => api.startRun({ ...book, iterations: -5 })),
        await attempt(() => api.deleteRun('../../../etc')),
        await attempt(() => api.saveFile({ suggestedName: '../../.bashrc', mime: 'text/csv', data: 'x', base64: false })),
      ];
    }, BOOK_DEFAULTS);
    expect(refusals[0]).toMatch(/^Error invoking remote method 'descent:startRun': Error: .*iterations.*got -5/);
    expect(refusals[1]).toMatch(/^Error invoking remote method 'descent:deleteRun'/);
    expect(refusals[2]).toMatch(/suggestedName: must be a plain file name/);
    expect(await savedDialogs(app)).toEqual([]); // no dialog was ever shown for the refused save
    expect(existsSync(join(session.home, 'runs')) ? readdirSync(join(session.home, 'runs')) : []).toEqual([]);
  });

  it("refuses IPC from a frame that is not the window's top frame", async () => {
    await answerNextSaveDialog(app, join(session.home, 'should-not-exist.csv'));
    const fromFrame = await page.evaluate(async () => {
      const world = globalThis as unknown as PageGlobals;
      const frame = world.document.createElement('iframe');
      frame.srcdoc = '<p>embedded</p>';
      await new Promise<void>((resolve) => {
        frame.addEventListener('load', () => resolve());
        world.document.body.append(frame);
      });
      const api = frame.contentWindow?.descent;
      // Electron runs no preload in subframes; the stand-in does (as nodeIntegrationInSubFrames would), so main must refuse.
      if (!api) return ['no api in the frame'];
      const attempt = (call: () => Promise<unknown>) =>
        call().then(
          () => 'accepted',
          (error: Error) => error.message,
        );
      return [
        await attempt(() => api.listRuns()),
        await attempt(() => api.startRun({})),
        await attempt(() => api.saveFile({ suggestedName: 'x.csv', mime: 'text/csv', data: 'x', base64: false })),
      ];
    });
    if (app.runtime === 'electron') expect(fromFrame).toEqual(['no api in the frame']);
    else for (const answer of fromFrame) expect(answer).toMatch(/refused: the call does not come from the Descent window/);
    expect(existsSync(join(session.home, 'should-not-exist.csv'))).toBe(false);
    expect(existsSync(join(session.home, 'runs')) ? readdirSync(join(session.home, 'runs')) : []).toEqual([]);
  });

  it('restores its size, position and UI state on the next launch, but not a position off every screen', async () => {
    const first = await session.launch();
    await first.app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0].setBounds({ x: 120, y: 64, width: 1100, height: 720 }),
    );
    await first.page.getByRole('button', { name: 'Sweep', exact: true }).click();
    await expect.poll(() => currentView(first.page)).toBe('Sweep');
    expect(await first.app.quit()).toBe(0);
    const second = await session.launch({ waitFor: 'Sweep' });
    expect(await currentView(second.page)).toBe('Sweep');
    await second.page.getByRole('button', { name: 'Train', exact: true }).click();
    const bounds = await second.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].getBounds());
    expect(bounds).toEqual({ x: 120, y: 64, width: 1100, height: 720 });
    const content = await second.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].getContentBounds().width);
    expect(await second.page.evaluate(() => (globalThis as unknown as { innerWidth: number }).innerWidth)).toBe(content);
    const userData = await second.app.evaluate((electron) => electron.app.getPath('userData'));
    expect(await second.app.quit()).toBe(0);
    // A display that has gone: the saved position is off every screen, so only the size is restored.
    writeFileSync(
      join(userData, 'window-state.json'),
      JSON.stringify({ x: 5000, y: 3000, width: 1000, height: 700, maximized: false }),
    );
    const third = await session.launch();
    const placed = await third.app.evaluate(({ BrowserWindow, screen }) => ({
      bounds: BrowserWindow.getAllWindows()[0].getBounds(),
      area: screen.getPrimaryDisplay().workArea,
    }));
    expect([placed.bounds.width, placed.bounds.height]).toEqual([1000, 700]);
    expect(placed.bounds.x).toBeLessThan(placed.area.x + placed.area.width);
    expect(placed.bounds.y).toBeLessThan(placed.area.y + placed.area.height);
    await third.app.quit();
  });

  it('is a single instance: a second launch quits and brings the first window back', async () => {
    const { app } = await session.launch();
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].minimize());
    const second = await launchDesktop({
      appDir: session.appDir(),
      configHome: session.configHome,
      env: { DESCENT_HOME: session.home },
    });
    expect(await second.exited).toBe(0);
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].isMinimized())).toBe(false);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });
});
