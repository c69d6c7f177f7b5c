/**
 * `protocol` and `net` on real parts. Chromium here knows no `app:` scheme, so a privileged standard scheme
 * is given an origin of its own — `app://descent/x` is loaded as `https://descent.app.invalid/x` (`http:` if
 * the scheme is not `secure`) — and every request to that origin is answered by the handler the app gave
 * `protocol.handle`, with a `Request` for the `app:` URL, exactly as Electron calls it. The app only ever
 * sees `app:` URLs (frames, navigation events); `.invalid` can never reach a network.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
/// <reference types="electron" />
import type { Request as PageRequest, Route } from 'playwright-core';
import { lifecycle } from './lifecycle';

type Handler = (request: GlobalRequest) => GlobalResponse | Promise<GlobalResponse>;
const handlers = new Map<string, Handler>();
const privileged = new Map<string, Electron.CustomScheme['privileges']>();

export const protocol: Pick<Electron.Protocol, 'registerSchemesAsPrivileged' | 'handle' | 'unhandle' | 'isProtocolHandled'> = {
  registerSchemesAsPrivileged(schemes) {
    if (lifecycle.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    for (const { scheme, privileges } of schemes) privileged.set(scheme, privileges ?? {});
  },
  handle(scheme, handler) {
    if (handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    handlers.set(scheme, handler);
  },
  unhandle(scheme) {
    handlers.delete(scheme);
  },
  isProtocolHandled(scheme) {
    return handlers.has(scheme);
  },
};

const SUFFIX = '.invalid';

/** The URL Chromium loads for an app URL (unchanged for http(s), data:, about:). */
export function toPageUrl(url: string): string {
  const parsed = new URL(url);
  const scheme = parsed.protocol.slice(0, -1);
  const privileges = privileged.get(scheme);
  if (!privileges) {
    if (handlers.has(scheme))
      throw new Error(
        `stand-in: '${scheme}:' is handled but was not registered as a privileged standard scheme; the stand-in can only load standard schemes`,
      );
    return url;
  }
  if (!privileges.standard) throw new Error(`stand-in: '${scheme}:' is not a standard scheme: its pages would have no origin`);
  return `${privileges.secure ? 'https' : 'http'}://${parsed.host}.${scheme}${SUFFIX}${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/** The app URL of a URL Chromium reports (the reverse of `toPageUrl`). */
export function fromPageUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (!parsed.hostname.endsWith(SUFFIX)) return url;
  const labels = parsed.hostname.slice(0, -SUFFIX.length).split('.');
  const scheme = labels.pop()!;
  if (!privileged.has(scheme)) return url;
  return `${scheme}://${labels.join('.')}${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/** Answers `request` from the app's handler if it is for a handled scheme; false if it is not. */
export async function serveFromHandler(route: Route, request: PageRequest): Promise<boolean> {
  const appUrl = fromPageUrl(request.url());
  const handler = handlers.get(new URL(appUrl).protocol.slice(0, -1));
  if (appUrl === request.url() || !handler) return false;
  const body = request.postDataBuffer();
  const response = await handler(
    new Request(appUrl, { method: request.method(), headers: await request.allHeaders(), body: body ?? undefined }),
  );
  await route.fulfill({
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: Buffer.from(await response.arrayBuffer()),
  });
  return true;
}

const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.cjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain',
};

export const net: Pick<Electron.Net, 'fetch'> = {
  /** file: URLs are read from disk (typed by extension, as Chromium's file loader does); anything else is fetched. */
  async fetch(input, init) {
    const url = typeof input === 'string' ? input : input.url;
    if (!url.startsWith('file:')) return fetch(input, init);
    const path = fileURLToPath(url);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      throw new Error('net::ERR_FILE_NOT_FOUND');
    }
    return new Response(bytes, {
      status: 200,
      headers: { 'content-type': MIME[extname(path).toLowerCase()] ?? 'application/octet-stream' },
    });
  },
};
