/**
 * The page side of a window with a preload: runs in every frame before the page's own scripts (Playwright's
 * init script, which the page's CSP does not apply to, as it does not apply to Electron's preload), and runs
 * the preload bundle as a sandboxed preload: CommonJS, with a `require` that knows `electron` only, whose
 * `ipcRenderer` goes to the stand-in's `ipcMain` through a binding that reports the calling frame.
 *
 * Unlike Electron there is no separate isolated world: the preload shares the page's, so it keeps its state
 * in this closure, and the binding is taken off `window` before the page runs. What the page can reach is what
 * `contextBridge` put there (frozen) and a delivery function for main's messages, which only delivers to the
 * preload's own listeners.
 */
/// <reference types="electron" />

/** What a sandboxed preload's `require('electron')` gives, typed by Electron's own declarations. */
export interface RendererElectron {
  ipcRenderer: Pick<Electron.IpcRenderer, 'invoke' | 'send' | 'on' | 'once' | 'off' | 'removeListener' | 'removeAllListeners'>;
  contextBridge: Pick<Electron.ContextBridge, 'exposeInMainWorld'>;
}

/** Messages from the page to main through the binding. */
export type PageMessage =
  | { kind: 'invoke'; channel: string; args: unknown[] }
  | { kind: 'send'; channel: string; args: unknown[] }
  | { kind: 'key'; key: string; control: boolean; shift: boolean; alt: boolean; meta: boolean };

export type InvokeResult = { ok: true; value: unknown } | { ok: false; error: string };

export interface PreloadWorldConfig {
  /** Name of the binding to main (removed from `window` at once). */
  binding: string;
  /** Name of the function main calls to deliver `webContents.send` messages. */
  deliver: string;
  platform: string;
}

type Preload = (exports: object, require: (name: string) => unknown, module: { exports: object }, process: object) => void;
type Listener = (event: Electron.IpcRendererEvent, ...args: unknown[]) => void;

/** Runs in the page: serialised into the init script with the preload's source as `preload`. */
export function preloadWorld(config: PreloadWorldConfig, preload: Preload): void {
  const world = globalThis as unknown as Record<string, unknown> & {
    addEventListener(type: string, listener: (event: KeyEventLike) => void, capture: boolean): void;
  };
  type KeyEventLike = { key: string; ctrlKey: boolean; shiftKey: boolean; altKey: boolean; metaKey: boolean };
  const binding = world[config.binding] as (message: PageMessage) => Promise<unknown>;
  delete world[config.binding];
  const listeners = new Map<string, Set<Listener>>();
  const onceWrappers = new WeakMap<Listener, Listener>();
  const ipcRenderer: RendererElectron['ipcRenderer'] = {
    async invoke(channel, ...args) {
      const result = (await binding({ kind: 'invoke', channel, args })) as InvokeResult;
      if (!result.ok) throw new Error(result.error);
      return result.value;
    },
    send(channel, ...args) {
      void binding({ kind: 'send', channel, args });
    },
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener as Listener);
      return ipcRenderer as Electron.IpcRenderer;
    },
    once(channel, listener) {
      const wrapper: Listener = (event, ...args) => {
        listeners.get(channel)?.delete(wrapper);
        (listener as Listener)(event, ...args);
      };
      onceWrappers.set(listener as Listener, wrapper);
      return ipcRenderer.on(channel, wrapper);
    },
    off(channel, listener) {
      return ipcRenderer.removeListener(channel, listener);
    },
    removeListener(channel, listener) {
      const set = listeners.get(channel);
      set?.delete(listener as Listener);
      set?.delete(onceWrappers.get(listener as Listener)!);
      return ipcRenderer as Electron.IpcRenderer;
    },
    removeAllListeners(channel) {
      if (channel === undefined) listeners.clear();
      else listeners.delete(channel);
      return ipcRenderer as Electron.IpcRenderer;
    },
  };
  const freeze = (value: unknown): unknown => {
    if (value && typeof value === 'object') Object.values(value).forEach(freeze);
    return value && (typeof value === 'object' || typeof value === 'function') ? Object.freeze(value) : value;
  };
  const contextBridge: RendererElectron['contextBridge'] = {
    exposeInMainWorld(key, api) {
      if (key in world) throw new Error('Cannot bind an API on top of an existing property on the window object');
      Object.defineProperty(world, key, {
        value: freeze({ ...(api as object) }),
        enumerable: true,
        configurable: false,
        writable: false,
      });
    },
  };
  Object.defineProperty(world, config.deliver, {
    value: (channel: string, args: unknown[]) => {
      const event = { sender: ipcRenderer, senderId: 0, ports: [] } as unknown as Electron.IpcRendererEvent;
      for (const listener of [...(listeners.get(channel) ?? [])]) listener(event, ...args);
    },
    enumerable: false,
    configurable: false,
    writable: false,
  });
  // Keys that could be menu accelerators (a modifier, or a function key) go to main's menu, as the OS would send them.
  world.addEventListener(
    'keydown',
    (event) => {
      if (!(event.ctrlKey || event.metaKey || event.altKey || /^F\d+$/.test(event.key))) return;
      void binding({
        kind: 'key',
        key: event.key,
        control: event.ctrlKey,
        shift: event.shiftKey,
        alt: event.altKey,
        meta: event.metaKey,
      });
    },
    true,
  );
  const electron: RendererElectron = { ipcRenderer, contextBridge };
  const sandboxedRequire = (name: string): unknown => {
    if (name === 'electron' || name === 'electron/renderer') return electron;
    throw new Error(`module not found: ${name} (a sandboxed preload can require only electron)`);
  };
  const module = { exports: {} };
  preload(module.exports, sandboxedRequire, module, {
    platform: config.platform,
    type: 'renderer',
    sandboxed: true,
    contextIsolated: true,
    env: {},
    argv: [],
  });
}

/** The init script's source: `preloadWorld` applied to the config and the preload bundle wrapped as CommonJS. */
export function preloadInitScript(config: PreloadWorldConfig, preloadSource: string): string {
  // `__name`: the helper esbuild (tsx) adds to keep function names; the page has none of its own.
  return `var __name = (target) => target;\n(${preloadWorld.toString()})(${JSON.stringify(config)}, function (exports, require, module, process) {\n${preloadSource}\n});`;
}
