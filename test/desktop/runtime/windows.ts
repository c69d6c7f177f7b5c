/**
 * `BrowserWindow` and `WebContents` on a real Chromium page. The window's content size is the page's
 * viewport; its position is kept as Electron reports it (a headless browser has no screen to place it on).
 * The preload runs in the page (preload-world.ts); `send` delivers to the preload's listeners in order;
 * main-frame navigations the app did not start itself go through `will-navigate` first; pages the app
 * did not create (window.open) are put to the window's open handler before they load anything.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
/// <reference types="electron" />
import type { Frame, Page, Request, Route } from 'playwright-core';
import { chromiumContext } from './chromium';
import { screen } from './desktop';
import { ipcMain } from './ipc-main';
import { electronEvent, lifecycle } from './lifecycle';
import { dispatchAccelerator } from './menu';
import { preloadInitScript, type PageMessage } from './preload-world';
import { fromPageUrl, serveFromHandler, toPageUrl } from './protocol';

/** The sender frame of an IPC call (Electron's WebFrameMain, the fields the stand-in knows). */
export interface StandInFrame {
  readonly url: string;
  readonly origin: string;
  readonly name: string;
  readonly parent: StandInFrame | null;
  readonly top: StandInFrame | null;
}

const frames = new WeakMap<Frame, StandInFrame>();
function frameOf(frame: Frame): StandInFrame {
  let known = frames.get(frame);
  if (!known) {
    known = {
      get url() {
        return fromPageUrl(frame.url());
      },
      get origin() {
        const url = fromPageUrl(frame.url());
        return URL.canParse(url) ? new URL(url).origin : '';
      },
      get name() {
        return frame.name();
      },
      get parent() {
        const parent = frame.parentFrame();
        return parent ? frameOf(parent) : null;
      },
      get top() {
        return frameOf(frame.page().mainFrame());
      },
    };
    frames.set(frame, known);
  }
  return known;
}

let nextId = 1;
const windows = new Set<BrowserWindow>();
const byPage = new Map<Page, BrowserWindow>();
/** Pages being created for windows (their `page` event is not a popup). */
const creating = new Set<Promise<Page>>();

type WindowOpenHandler = Parameters<Electron.WebContents['setWindowOpenHandler']>[0];
type Bounds = Electron.Rectangle;

export class WebContents
  extends EventEmitter
  implements
    Pick<
      Electron.WebContents,
      | 'id'
      | 'send'
      | 'setWindowOpenHandler'
      | 'getURL'
      | 'getTitle'
      | 'reload'
      | 'getZoomLevel'
      | 'setZoomLevel'
      | 'isDestroyed'
      | 'focus'
      | 'isLoading'
      | 'undo'
      | 'redo'
      | 'cut'
      | 'copy'
      | 'paste'
      | 'delete'
      | 'selectAll'
      | 'toggleDevTools'
      | 'isDevToolsOpened'
    >
{
  readonly id = nextId++;
  windowOpenHandler: WindowOpenHandler | null = null;
  /** Navigations main started itself (loadURL, reload): no will-navigate for those, as in Electron. */
  private readonly ownNavigations = new Set<string>();
  private delivery: Promise<unknown> = Promise.resolve();
  private zoomLevel = 0;
  private devTools = false;
  private destroyed = false;
  private loading = false;
  private readonly deliverName = `__descentStandInDeliver${Math.random().toString(36).slice(2)}`;

  private readonly page: Promise<Page>;

  constructor(
    private readonly window: BrowserWindow,
    page: Promise<Page>,
    preload: string | undefined,
  ) {
    super();
    // Nothing loads before the preload is in place.
    this.page = page.then(async (ready) => {
      await this.attach(ready, preload);
      return ready;
    });
    this.page.catch(() => undefined); // whoever needs the page sees the failure; it is not unhandled
  }

  /** The page, once the preload is installed in it. */
  ready(): Promise<Page> {
    return this.page;
  }

  private async attach(page: Page, preload: string | undefined): Promise<void> {
    if (preload === undefined) return;
    const binding = `__descentStandInIpc${Math.random().toString(36).slice(2)}`;
    await page.exposeBinding(binding, (source, message: PageMessage) => this.fromPage(source.frame, message));
    await page.addInitScript({
      content: preloadInitScript(
        { binding, deliver: this.deliverName, platform: process.platform },
        readFileSync(preload, 'utf8'),
      ),
    });
  }

  private fromPage(frame: Frame, message: PageMessage): unknown {
    const event = electronEvent({ sender: this, senderFrame: frameOf(frame), processId: 1, frameId: 1 });
    switch (message.kind) {
      case 'invoke':
        return ipcMain.invoke(event, message.channel, message.args);
      case 'send':
        ipcMain.emit(
          message.channel,
          Object.assign(event, {
            returnValue: undefined,
            reply: (channel: string, ...args: unknown[]) => this.send(channel, ...args),
          }),
          ...message.args,
        );
        return undefined;
      case 'key':
        dispatchAccelerator(message, this.window);
        return undefined;
    }
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    const deliver = this.deliverName;
    this.delivery = this.delivery
      .then(() => this.page)
      .then((page) =>
        page.evaluate(
          ([name, c, a]) => (globalThis as unknown as Record<string, (c: string, a: unknown[]) => void>)[name]?.(c, a),
          [deliver, channel, args] as const,
        ),
      )
      .catch(() => undefined); // a page between documents drops the message, as Electron's does
  }

  async loadURL(url: string): Promise<void> {
    const page = await this.page;
    const target = toPageUrl(url);
    this.ownNavigations.add(target);
    this.loading = true;
    try {
      await page.goto(target);
    } finally {
      this.loading = false;
      this.ownNavigations.delete(target);
    }
    this.emit('did-finish-load', electronEvent({}));
  }

  /** Whether a main-frame navigation may go ahead (Electron's `will-navigate`, for navigations main did not start). */
  mayNavigate(pageUrl: string): boolean {
    if (this.ownNavigations.has(pageUrl)) return true;
    const url = fromPageUrl(pageUrl);
    const event = electronEvent({ url, isSameDocument: false, isMainFrame: true, frame: null, initiator: undefined });
    this.emit('will-navigate', event, url, false, true, 0, 0);
    return !event.defaultPrevented;
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  getURL(): string {
    return this.window.pageOrNull ? fromPageUrl(this.window.pageOrNull.url()) : '';
  }

  getTitle(): string {
    return this.window.getTitle();
  }

  isLoading(): boolean {
    return this.loading;
  }

  reload(): void {
    void this.page
      .then(async (page) => {
        this.ownNavigations.add(page.url());
        await page.reload().finally(() => this.ownNavigations.delete(page.url()));
        this.emit('did-finish-load', electronEvent({}));
      })
      .catch(() => undefined); // the window closed meanwhile
  }

  getZoomLevel(): number {
    return this.zoomLevel;
  }

  /** Recorded only: headless Chromium offers no browser zoom to a driver (see README). */
  setZoomLevel(level: number): void {
    this.zoomLevel = level;
  }

  toggleDevTools(): void {
    this.devTools = !this.devTools;
  }

  isDevToolsOpened(): boolean {
    return this.devTools;
  }

  focus(): void {
    void this.page.then((page) => page.bringToFront()).catch(() => undefined); // the window closed meanwhile
  }

  private editCommand(command: string): void {
    void this.page
      .then((page) =>
        page.evaluate(
          (name) => (globalThis as unknown as { document: { execCommand(c: string): boolean } }).document.execCommand(name),
          command,
        ),
      )
      .catch(() => undefined);
  }
  undo(): void {
    this.editCommand('undo');
  }
  redo(): void {
    this.editCommand('redo');
  }
  cut(): void {
    this.editCommand('cut');
  }
  copy(): void {
    this.editCommand('copy');
  }
  paste(): void {
    this.editCommand('paste');
  }
  delete(): void {
    this.editCommand('delete');
  }
  selectAll(): void {
    this.editCommand('selectAll');
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  markDestroyed(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

export class BrowserWindow
  extends EventEmitter
  implements
    Pick<
      Electron.BrowserWindow,
      | 'id'
      | 'show'
      | 'hide'
      | 'isVisible'
      | 'focus'
      | 'blur'
      | 'isFocused'
      | 'minimize'
      | 'isMinimized'
      | 'restore'
      | 'maximize'
      | 'unmaximize'
      | 'isMaximized'
      | 'setFullScreen'
      | 'isFullScreen'
      | 'getBounds'
      | 'setBounds'
      | 'getContentBounds'
      | 'getNormalBounds'
      | 'getSize'
      | 'setSize'
      | 'getPosition'
      | 'setPosition'
      | 'setProgressBar'
      | 'getTitle'
      | 'setTitle'
      | 'isDestroyed'
      | 'close'
      | 'destroy'
      | 'loadURL'
    >
{
  static getAllWindows(): BrowserWindow[] {
    return [...windows];
  }

  static getFocusedWindow(): BrowserWindow | null {
    return [...windows].find((window) => window.isFocused()) ?? null;
  }

  static fromWebContents(contents: WebContents): BrowserWindow | null {
    return [...windows].find((window) => window.webContents === contents) ?? null;
  }

  readonly id: number;
  readonly webContents: WebContents;
  /** The taskbar/dock progress as last set (-1 or below: none). */
  progress = -1;
  pageOrNull: Page | null = null;
  private bounds: Bounds;
  private normalBounds: Bounds;
  private readonly minimum: { width: number; height: number };
  private visible = false;
  private minimized = false;
  private maximized = false;
  private fullScreen = false;
  private focused = false;
  private title: string;
  private destroyed = false;
  private readonly page: Promise<Page>;

  constructor(options: Electron.BrowserWindowConstructorOptions = {}) {
    super();
    if (!lifecycle.ready) throw new Error('Cannot create BrowserWindow before app is ready');
    const web = options.webPreferences ?? {};
    // What the stand-in gives a page is a sandboxed, isolated renderer without Node; it refuses to pretend otherwise.
    if (web.nodeIntegration || web.contextIsolation === false || web.sandbox === false || web.webSecurity === false) {
      throw new Error(
        'stand-in BrowserWindow: only sandboxed, context-isolated windows without Node integration and with web security can be stood in for',
      );
    }
    this.minimum = { width: options.minWidth ?? 0, height: options.minHeight ?? 0 };
    const width = Math.max(options.width ?? 800, this.minimum.width);
    const height = Math.max(options.height ?? 600, this.minimum.height);
    const area = screen.getPrimaryDisplay().workArea;
    this.bounds = {
      x: options.x ?? Math.round(area.x + (area.width - width) / 2),
      y: options.y ?? Math.round(area.y + (area.height - height) / 2),
      width,
      height,
    };
    this.normalBounds = { ...this.bounds };
    this.title = options.title ?? 'Electron';
    this.visible = options.show ?? true;
    this.page = openPage(this.bounds);
    this.page.catch(() => undefined); // as for WebContents' page
    this.id = nextId++;
    this.webContents = new WebContents(this, this.page, web.preload);
    windows.add(this);
    void this.page.then(
      (page) => {
        this.pageOrNull = page;
        byPage.set(page, this);
        // The page going away without `close()` (renderer gone, a test closing it) closes the window.
        page.on('close', () => this.destroy());
        page.on(
          'domcontentloaded',
          () =>
            void page
              .title()
              .then((title) => title && (this.title = title))
              .catch(() => undefined),
        );
      },
      () => undefined,
    );
    this.webContents.once('did-finish-load', () => this.emit('ready-to-show', electronEvent({})));
  }

  async loadURL(url: string): Promise<void> {
    await this.webContents.loadURL(url);
  }

  show(): void {
    this.visible = true;
    this.focus();
    this.emit('show', electronEvent({}));
  }

  hide(): void {
    this.visible = false;
    this.emit('hide', electronEvent({}));
  }

  isVisible(): boolean {
    return this.visible && !this.minimized;
  }

  focus(): void {
    for (const window of windows) window.focused = window === this;
    this.webContents.focus();
    this.emit('focus', electronEvent({}));
  }

  isFocused(): boolean {
    return this.focused;
  }

  blur(): void {
    if (!this.focused) return;
    this.focused = false;
    this.emit('blur', electronEvent({}));
  }

  minimize(): void {
    this.minimized = true;
    this.focused = false;
    this.emit('minimize', electronEvent({}));
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  restore(): void {
    this.minimized = false;
    this.emit('restore', electronEvent({}));
  }

  maximize(): void {
    if (this.maximized) return;
    this.normalBounds = { ...this.bounds };
    this.maximized = true;
    this.resize(screen.getPrimaryDisplay().workArea);
    this.emit('maximize', electronEvent({}));
  }

  unmaximize(): void {
    if (!this.maximized) return;
    this.maximized = false;
    this.resize(this.normalBounds);
    this.emit('unmaximize', electronEvent({}));
  }

  isMaximized(): boolean {
    return this.maximized;
  }

  setFullScreen(flag: boolean): void {
    this.fullScreen = flag;
    this.emit(flag ? 'enter-full-screen' : 'leave-full-screen', electronEvent({}));
  }

  isFullScreen(): boolean {
    return this.fullScreen;
  }

  getBounds(): Bounds {
    return { ...this.bounds };
  }

  getContentBounds(): Bounds {
    return this.getBounds();
  }

  getNormalBounds(): Bounds {
    return this.maximized ? { ...this.normalBounds } : this.getBounds();
  }

  setBounds(bounds: Partial<Bounds>): void {
    this.resize({ ...this.bounds, ...bounds });
    if (!this.maximized) this.normalBounds = { ...this.bounds };
  }

  getSize(): number[] {
    return [this.bounds.width, this.bounds.height];
  }

  setSize(width: number, height: number): void {
    this.setBounds({ width, height });
  }

  getPosition(): number[] {
    return [this.bounds.x, this.bounds.y];
  }

  setPosition(x: number, y: number): void {
    this.setBounds({ x, y });
  }

  private resize(bounds: Bounds): void {
    this.bounds = {
      ...bounds,
      width: Math.max(bounds.width, this.minimum.width),
      height: Math.max(bounds.height, this.minimum.height),
    };
    const { width, height } = this.bounds;
    void this.page.then((page) => page.setViewportSize({ width, height })).catch(() => undefined);
    this.emit('resize', electronEvent({}));
  }

  setProgressBar(progress: number): void {
    this.progress = progress;
  }

  getTitle(): string {
    return this.title;
  }

  setTitle(title: string): void {
    this.title = title;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Asks (`close` may be prevented), then destroys. Returns whether the window went. */
  close(): boolean {
    if (this.destroyed) return true;
    const event = electronEvent({});
    this.emit('close', event);
    if (event.defaultPrevented) return false;
    this.destroy();
    return true;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    windows.delete(this);
    this.webContents.markDestroyed();
    void this.page
      .then((page) => {
        byPage.delete(page);
        return page.close();
      })
      .catch(() => undefined);
    this.emit('closed');
    if (windows.size === 0 && !lifecycle.quitting) lastWindowClosed();
  }
}

let lastWindowClosed: () => void = () => undefined;
/** What happens when the last window closes outside a quit (app's `window-all-closed`). */
export function onLastWindowClosed(handler: () => void): void {
  lastWindowClosed = handler;
}

async function openPage(bounds: Bounds): Promise<Page> {
  const context = chromiumContext();
  // The persistent context starts with one blank page: the first window takes it.
  const spare = context.pages().find((page) => !byPage.has(page) && page.url() === 'about:blank' && !claimed.has(page));
  let page: Page;
  if (spare) {
    claimed.add(spare);
    page = spare;
  } else {
    const pending = context.newPage().then((created) => (claimed.add(created), created));
    creating.add(pending);
    page = await pending.finally(() => creating.delete(pending));
  }
  await page.setViewportSize({ width: bounds.width, height: bounds.height });
  return page;
}
const claimed = new WeakSet<Page>();

const popupDecisions = new WeakMap<Page, Promise<boolean>>();
/** Whether a page the app did not create (window.open) may stay: its opener's window-open handler decides, before it loads. */
function popupAllowed(page: Page): Promise<boolean> {
  let decision = popupDecisions.get(page);
  if (!decision) {
    decision = (async () => {
      await Promise.all(creating);
      if (byPage.has(page) || claimed.has(page)) return true;
      const opener = (await page.opener()) ?? null;
      const owner = (opener && byPage.get(opener)) ?? BrowserWindow.getFocusedWindow();
      const url = fromPageUrl(page.url());
      const answer = owner?.webContents.windowOpenHandler?.({
        url,
        frameName: '',
        features: '',
        disposition: 'new-window',
        referrer: { url: '', policy: 'default' },
      } as Electron.HandlerDetails);
      if (answer?.action === 'deny') {
        await page.close();
        return false;
      }
      // Allowed (or no handler: Electron's default allows): the popup stays and loads, a page without a BrowserWindow.
      return true;
    })();
    popupDecisions.set(page, decision);
  }
  return decision;
}

/** A page Chromium opened: a window's own, or a popup to decide on. */
export function pageOpened(page: Page): void {
  void popupAllowed(page);
}

/** Every request of every page: popups wait for their decision, navigations for will-navigate, app: URLs go to the handler. */
export async function routeRequest(route: Route, request: Request): Promise<void> {
  const frame = request.frame();
  const page = frame.page();
  if (!byPage.has(page) && !(await popupAllowed(page))) return route.abort('blockedbyclient');
  const window = byPage.get(page);
  if (window && request.isNavigationRequest() && frame === page.mainFrame() && !window.webContents.mayNavigate(request.url())) {
    // 204 No Content: the browser stays on the current document, as it does when Electron cancels the navigation.
    return route.fulfill({ status: 204 });
  }
  if (await serveFromHandler(route, request)) return;
  await route.continue();
}

/** Closes every window for a quit; false if one prevented its `close`. */
export function closeAllWindows(): boolean {
  for (const window of [...windows]) if (!window.close()) return false;
  return true;
}
