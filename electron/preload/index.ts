/**
 * The preload: exposes `WorkbenchApi` to the page as `window.descent`, one function per IPC channel,
 * generated from the method list (shared/api-proxy.ts). The page never sees `ipcRenderer` or an IPC
 * event object — only the values. Sandboxed, it bundles what it imports: nothing here may import zod.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { SaveFileRequest, WorkbenchApi, WorkbenchEvent } from '../../shared/api';
import { createApiProxy } from '../../shared/api-proxy';
import { channelOf, EVENT_CHANNEL, SAVE_FILE_CHANNEL } from '../main/channels';

const api: WorkbenchApi = {
  // Main validates every call's arguments again; the results are its own.
  ...createApiProxy((method, args) => ipcRenderer.invoke(channelOf(method), ...args)),
  saveFile: (request: SaveFileRequest) => ipcRenderer.invoke(SAVE_FILE_CHANNEL, request),
  subscribe: (listener: (event: WorkbenchEvent) => void) => {
    const relay = (_event: unknown, value: WorkbenchEvent) => listener(value);
    ipcRenderer.on(EVENT_CHANNEL, relay);
    return () => void ipcRenderer.removeListener(EVENT_CHANNEL, relay);
  },
};

contextBridge.exposeInMainWorld('descent', api);
