/**
 * The browser bridge (`descent serve`): the built renderer and `WorkbenchApi` over HTTP + WebSocket on a
 * loopback address. A random token in the printed URL is exchanged for an HttpOnly, SameSite=Strict
 * cookie; every other request needs that cookie (or the token as a Bearer header). The Host header must
 * name this server (no DNS rebinding) and an Origin, when sent, must be this server's own. What a client
 * sends is bounded: request bodies (413 beyond), WebSocket messages (closed with 1009 beyond), and a
 * malformed URL is a 400.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { WebSocketServer } from 'ws';
import { invokeApi, parseApiArguments } from '../../shared/api';
import type { WorkbenchBackend } from '../core/workbench-service';
import { servingClient } from '../core/client-scope';
import { errorMessage } from '../../shared/errors';
import { failureOf, type FailureCode, type FailureParams } from '../../shared/failure';
import { httpStatusOf } from './http-status';

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

/**
 * The session cookie's name carries the port: browsers send a host's cookies to every port of it, so
 * with one name two bridges on one machine would overwrite each other's session.
 */
export const sessionCookieName = (port: number): string => `descent_session_${port}`;
/** Largest API request body; larger ones get 413. */
export const MAX_BODY = 1024 * 1024;
/** Largest WebSocket message accepted: the page sends none (events flow to it), so anything big is abuse. */
export const MAX_SOCKET_MESSAGE = 64 * 1024;

/** The address to listen on is taken (by another `descent serve`, or anything else). */
export class PortInUseError extends Error {
  constructor(
    readonly host: string,
    readonly port: number,
  ) {
    super(`port ${port} on ${host} is in use`);
    this.name = 'PortInUseError';
  }
}

/** A request body over MAX_BODY. */
class BodyTooLargeError extends Error {}
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
};
/** The same policy as the app's index.html: nothing but this origin, no inline script. */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

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
    return tokenMatches(bearer) || tokenMatches(cookieValue(req.headers.cookie, sessionCookieName(port)));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => send(res, 500, { ok: false, error: errorMessage(error) }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (!hostAllowed(req.headers.host) || !originAllowed(req.headers.origin)) {
      refuse(res, 403, 'request.foreignOrigin', 'refused: wrong Host or Origin');
      return;
    }
    const url = parseRequestUrl(req.url);
    if (!url) {
      const reason = 'malformed URL (a % not followed by two hex digits of UTF-8?)';
      refuse(res, 400, 'request.malformed', reason, { reason });
      return;
    }
    const queryToken = url.searchParams.get('token');
    if (req.method === 'GET' && queryToken !== null && tokenMatches(queryToken)) {
      // Trade the URL's token for a cookie the page's own requests carry, and drop it from the address bar.
      res.setHeader('Set-Cookie', `${sessionCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      res.writeHead(303, { Location: url.pathname });
      res.end();
      return;
    }
    if (!authorised(req)) {
      refuse(res, 401, 'request.unauthorised', 'refused: open the URL with the token that descent serve printed');
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') {
        const reason = 'API calls are POST requests';
        refuse(res, 405, 'request.malformed', reason, { reason });
        return;
      }
      await callApi(url.pathname.slice(5), req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, { ok: false, error: 'method not allowed' });
      return;
    }
    serveStatic(url.path, res);
  }

  async function callApi(method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        // Answer at once and close after: the rest of the body is read and dropped (not a reset the client
        // would see instead of the answer).
        res.setHeader('Connection', 'close');
        refuse(res, 413, 'request.tooLarge', error.message, { limit: MAX_BODY });
        return;
      }
      const reason = `the request body must be JSON {"args": [...]}: ${errorMessage(error)}`;
      refuse(res, 400, 'request.malformed', reason, { reason });
      return;
    }
    const args = typeof body === 'object' && body !== null && 'args' in body ? body.args : undefined;
    const parsed = parseApiArguments(method, args);
    if (!parsed.ok) {
      send(res, 400, { ok: false, error: parsed.error, failure: parsed.failure });
      return;
    }
    try {
      // A client that disconnects cancels what only it was waiting for (a gradient check).
      const gone = new AbortController();
      res.once('close', () => gone.abort('the client went away'));
      const value = await servingClient(gone.signal, () => invokeApi(options.backend, parsed.call));
      // A method without a result (void) answers without `value`, as the method table's schema says.
      send(res, 200, value === undefined ? { ok: true } : { ok: true, value });
    } catch (error) {
      // The arguments were valid: what failed is named by its kind (http-status.ts), the English message kept for
      // other clients, its code and params for the page to word (shared/failure.ts).
      send(res, httpStatusOf(error), { ok: false, error: errorMessage(error), failure: failureOf(error) });
    }
  }

  /** `pathname` is decoded already. */
  function serveStatic(pathname: string, res: ServerResponse): void {
    const relative = normalize(pathname).replace(/^([/\\])+/, '');
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
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CSP,
      'Cache-Control': 'no-cache',
    });
    createReadStream(file).pipe(res);
  }

  // Listen before anything else is attached to the server: a taken port is then one clear error, not an
  // 'error' event that the WebSocket server re-emits with no listener (a crash with a stack trace).
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(host, options.port ?? 0) : error),
    );
    server.listen(options.port ?? 0, host, () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;

  const sockets = new WebSocketServer({
    server,
    path: '/events',
    maxPayload: MAX_SOCKET_MESSAGE,
    verifyClient: ({ req }: { req: IncomingMessage }) =>
      hostAllowed(req.headers.host) && originAllowed(req.headers.origin) && authorised(req),
  });
  // A socket's own errors (a message over maxPayload closes it with 1009) concern that socket only.
  sockets.on('connection', (socket) => socket.on('error', () => socket.terminate()));
  const unsubscribe = options.backend.subscribe((event) => {
    const text = JSON.stringify(event);
    for (const client of sockets.clients) if (client.readyState === client.OPEN) client.send(text);
  });
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

/**
 * A request refused before any API call runs: its HTTP status, the English message (other clients, the logs) and
 * the code and params the page words in its language (shared/failure.ts), as a refused call's answer has them.
 */
function refuse(res: ServerResponse, status: number, code: FailureCode, message: string, params: FailureParams = {}): void {
  send(res, status, { ok: false, error: message, failure: { code, params, message } });
}

/**
 * The request's path (as sent, and percent-decoded) and query; undefined for a URL that does not parse
 * or whose escapes do not decode.
 */
function parseRequestUrl(raw: string | undefined): { pathname: string; path: string; searchParams: URLSearchParams } | undefined {
  try {
    // A fixed base: only the path and query are wanted, and the Host header was checked already.
    const url = new URL(raw ?? '/', 'http://bridge.invalid');
    return { pathname: url.pathname, path: decodeURIComponent(url.pathname), searchParams: url.searchParams };
  } catch {
    return undefined;
  }
}

/** The body as text; rejects with BodyTooLargeError past MAX_BODY (declared or counted), keeping nothing more. */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const tooLarge = (): BodyTooLargeError => new BodyTooLargeError(`the request body must be at most ${MAX_BODY} bytes`);
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) {
      reject(tooLarge());
      return;
    }
    let size = 0;
    let chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
      else if (chunks.length > 0) {
        chunks = [];
        reject(tooLarge());
      }
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
