/**
 * The `WorkbenchApi` the UI uses: the preload's in the desktop app (`window.descent`), or the browser
 * bridge's (HTTP calls, WebSocket events) when the page is served by `descent serve`.
 */
import type { ApiMethod, SaveFileRequest, WorkbenchApi, WorkbenchEvent } from '../../../shared/api';
import { connection } from './connection';

declare global {
  interface Window {
    /** Set by the desktop app's preload script. */
    descent?: WorkbenchApi;
  }
}

export function connectApi(): WorkbenchApi {
  if (!window.descent) return bridgeApi();
  connection.report(true); // the preload is in the page itself: it cannot go away
  return window.descent;
}

async function call<T>(method: ApiMethod, ...args: unknown[]): Promise<T> {
  const response = await fetch(`api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify({ args }),
  });
  const body = (await response.json()) as { ok: boolean; value?: T; error?: string };
  if (!body.ok) throw new Error(body.error ?? `${method} failed (${response.status})`);
  return body.value as T;
}

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
      const event = JSON.parse(String(message.data)) as WorkbenchEvent;
      listeners.forEach((listener) => listener(event));
    };
    // The server went away (restart, sleep): try again shortly while anyone listens.
    socket.onclose = () => {
      socket = null;
      connection.report(false);
      if (listeners.size > 0) setTimeout(open, 1000);
    };
  };
  return {
    appInfo: () => call('appInfo'),
    listRuns: () => call('listRuns'),
    getRun: (id) => call('getRun', id),
    getMetrics: (id) => call('getMetrics', id),
    startRun: (config, meta) => call('startRun', config, meta),
    startSweep: (request) => call('startSweep', request),
    pauseRun: (id) => call('pauseRun', id),
    resumeRun: (id) => call('resumeRun', id),
    stopRun: (id) => call('stopRun', id),
    deleteRun: (id) => call('deleteRun', id),
    restoreRun: (id) => call('restoreRun', id),
    annotateRun: (id, change) => call('annotateRun', id, change),
    gradientCheck: (config, batch) => call('gradientCheck', config, batch),
    saveFile: download,
    subscribe: (listener) => {
      listeners.add(listener);
      if (!socket) open();
      return () => listeners.delete(listener);
    },
  };
}
