/**
 * The `WorkbenchApi` the UI uses: the preload's in the desktop app (`window.descent`), or the browser
 * bridge's (HTTP calls, WebSocket events) when the page is served by `descent serve`.
 */
import { z } from 'zod';
import { asFailedCall, FailedCall, failureSchema } from '../../../shared/failure';
import {
  invokeApi,
  parseApiResult,
  workbenchEventSchema,
  type SaveFileRequest,
  type WorkbenchApi,
  type WorkbenchEvent,
} from '../../../shared/api';
import { createApiProxy, type ApiTransport } from '../../../shared/api-proxy';
import { connection } from './connection';

declare global {
  interface Window {
    /** Set by the desktop app's preload script. */
    descent?: WorkbenchApi;
  }
}

/**
 * What the bridge answers every call with. A method without a result (void) answers `{"ok":true}` with no
 * `value` (electron/server/bridge.ts): the key is optional, and the method's own schema then checks the value.
 */
const bridgeResponseSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown().optional() }),
  z.object({ ok: z.literal(false), error: z.string().optional(), failure: failureSchema.optional() }),
]);

export function connectApi(): WorkbenchApi {
  if (!window.descent) return bridgeApi();
  connection.report(true); // the preload is in the page itself: it cannot go away
  return desktopApi(window.descent);
}

/**
 * The preload's API, its failures as the bridge's are: a FailedCall with the Failure that main put into the message
 * (IPC keeps nothing else of an error; shared/failure.ts), so the page words both transports' failures alike.
 */
function desktopApi(preload: WorkbenchApi): WorkbenchApi {
  const transport: ApiTransport = (method, args) =>
    invokeApi(preload, { method, args }).catch((error: unknown) => {
      throw asFailedCall(error);
    });
  return {
    ...createApiProxy(transport),
    saveFile: (request) =>
      preload.saveFile(request).catch((error: unknown) => {
        throw asFailedCall(error);
      }),
    subscribe: (listener) => preload.subscribe(listener),
  };
}

/**
 * One call over HTTP (`POST api/<method>` with `{"args": [...]}`), its result checked against the method's
 * schema: what crosses the network is parsed, not cast (and JSON's nulls for NaN become NaN again).
 */
const callBridge: ApiTransport = async (method, args) => {
  const response = await fetch(`api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify({ args }),
  });
  // Any status carries the message in a JSON body (400 bad request, 404, 409, 500, 503); anything else (a proxy's page)
  // is named with its status.
  const body = bridgeResponseSchema.safeParse(await response.json().catch(() => undefined));
  if (!body.success) throw new Error(`${method}: the bridge answered something that is not an API response (${response.status})`);
  if (!body.data.ok) {
    const message = body.data.error ?? `${method} failed (${response.status})`;
    throw new FailedCall(body.data.failure ?? { code: 'unexpected', params: { message }, message });
  }
  const result = parseApiResult(method, body.data.value);
  if (!result.ok) throw new Error(result.error);
  return result.value;
};

/** Saves by download: in a plain browser the user's download settings decide where. */
function download(request: SaveFileRequest): Promise<{ saved: boolean }> {
  const bytes = request.base64 ? Uint8Array.from(atob(request.data), (c) => c.charCodeAt(0)) : request.data;
  const url = URL.createObjectURL(new Blob([bytes], { type: request.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = request.suggestedName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return Promise.resolve({ saved: true });
}

function bridgeApi(): WorkbenchApi {
  const listeners = new Set<(event: WorkbenchEvent) => void>();
  let socket: WebSocket | null = null;
  const open = (): void => {
    const url = new URL('events', location.href);
    url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    socket = new WebSocket(url);
    socket.onopen = () => connection.report(true);
    socket.onmessage = (message) => {
      const event = workbenchEventSchema.safeParse(JSON.parse(String(message.data)));
      if (!event.success) {
        console.error('descent: ignored an event the bridge sent that is not a workbench event', event.error.issues[0]);
        return;
      }
      listeners.forEach((listener) => listener(event.data));
    };
    // The server went away (restart, sleep): try again shortly while anyone listens.
    socket.onclose = () => {
      socket = null;
      connection.report(false);
      if (listeners.size > 0) setTimeout(open, 1000);
    };
  };
  return {
    ...createApiProxy(callBridge),
    saveFile: download,
    subscribe: (listener) => {
      listeners.add(listener);
      if (!socket) open();
      return () => listeners.delete(listener);
    },
  };
}
