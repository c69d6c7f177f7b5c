/**
 * The browser bridge (`descent serve`): the built renderer and `WorkbenchApi` over HTTP + WebSocket on a
 * loopback address. A random token in the printed URL is exchanged for an HttpOnly, SameSite=Strict
 * cookie; every other request needs that cookie (or the token as a Bearer header). The Host header must
 * name this server (no DNS rebinding) and an Origin, when sent, must be this server's own.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { WebSocketServer } from 'ws';
import { parseApiArguments } from '../../shared/api';
import { invokeBackend, type WorkbenchBackend } from '../core/workbench-service';
import { servingClient } from '../core/client-scope';
import type { ApiMethod } from '../../shared/api-methods';
import { errorMessage } from '../core/errors';

export interface BridgeOptions {
  readonly backend: WorkbenchBackend;
  /** Folder of the built renderer (index.html and assets). */
  readonly staticDir: string;
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly token?: string;
}

export interface Bridge {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const COOKIE = 'descent_token';
const MAX_BODY = 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.wasm': 'application/wasm', '.ico': 'image/x-icon',
};
/** The same policy as the app's index.html: nothing but this origin, no inline script. */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const staticRoot = resolve(options.staticDir);
  let port = 0;

  const hostAllowed = (value: string | undefined): boolean =>
    value !== undefined && [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `${host}:${port}`].includes(value);
  const originAllowed = (origin: string | undefined): boolean =>
    origin === undefined || ['127.0.0.1', 'localhost', '[::1]', host].some((h) => origin === `http://${h}:${port}`);
  const tokenMatches = (candidate: string | undefined): boolean => {
    if (!candidate) return false;
    const bytes = Buffer.from(candidate);
    return bytes.length === tokenBytes.length && timingSafeEqual(bytes, tokenBytes);
  };
  const authorised = (req: IncomingMessage): boolean => {
    const bearer = req.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
    return tokenMatches(bearer) || tokenMatches(cookieValue(req.headers.cookie, COOKIE));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => send(res, 500, { ok: false, error: errorMessage(error) }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (!hostAllowed(req.headers.host) || !originAllowed(req.headers.origin)) {
      send(res, 403, { ok: false, error: 'refused: wrong Host or Origin' });
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const queryToken = url.searchParams.get('token');
    if (req.method === 'GET' && queryToken !== null && tokenMatches(queryToken)) {
      // Trade the URL's token for a cookie the page's own requests carry, and drop it from the address bar.
      res.setHeader('Set-Cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      res.writeHead(303, { Location: url.pathname });
      res.end();
      return;
    }
    if (!authorised(req)) {
      send(res, 401, { ok: false, error: 'refused: open the URL with the token that descent serve printed' });
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') {
        send(res, 405, { ok: false, error: 'API calls are POST requests' });
        return;
      }
      await callApi(url.pathname.slice(5), req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, { ok: false, error: 'method not allowed' });
      return;
    }
    serveStatic(url.pathname, res);
  }

  async function callApi(method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch (error) {
      send(res, 400, { ok: false, error: `the request body must be JSON {"args": [...]}: ${errorMessage(error)}` });
      return;
    }
    const parsed = parseApiArguments(method, (body as { args?: unknown } | null)?.args);
    if (!parsed.ok) {
      send(res, 400, { ok: false, error: parsed.error });
      return;
    }
    try {
      // A client that disconnects cancels what only it was waiting for (a gradient check).
      const gone = new AbortController();
      res.once('close', () => gone.abort('the client went away'));
      const value = await servingClient(gone.signal, () => invokeBackend(options.backend, method as ApiMethod, parsed.args));
      send(res, 200, { ok: true, value: value ?? null });
    } catch (error) {
      send(res, 400, { ok: false, error: errorMessage(error) });
    }
  }

  function serveStatic(pathname: string, res: ServerResponse): void {
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    let file = join(staticRoot, relative === '' ? 'index.html' : relative);
    if (file !== staticRoot && !file.startsWith(staticRoot + sep)) {
      send(res, 403, { ok: false, error: 'refused: outside the app' });
      return;
    }
    if (!existsSync(file) || !statSync(file).isFile()) file = join(staticRoot, 'index.html');
    if (!existsSync(file)) {
      send(res, 503, { ok: false, error: `the UI is not built (${staticRoot} has no index.html): run npm run build:renderer` });
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': CSP, 'Cache-Control': 'no-cache' });
    createReadStream(file).pipe(res);
  }

  const sockets = new WebSocketServer({
    server,
    path: '/events',
    verifyClient: ({ req }: { req: IncomingMessage }) => hostAllowed(req.headers.host) && originAllowed(req.headers.origin) && authorised(req),
  });
  const unsubscribe = options.backend.subscribe((event) => {
    const text = JSON.stringify(event);
    for (const client of sockets.clients) if (client.readyState === client.OPEN) client.send(text);
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      unsubscribe();
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((r) => sockets.close(() => r()));
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function send(res: ServerResponse, status: number, body: object): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error(`more than ${MAX_BODY} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
