/**
 * The preload: exposes `WorkbenchApi` to the page as `window.descent`, one function per IPC channel.
 * The page never sees `ipcRenderer` or an IPC event object — only the values.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { WorkbenchApi, WorkbenchEvent } from '../../shared/api';
import { API_METHODS, channelOf, EVENT_CHANNEL, SAVE_FILE_CHANNEL } from '../main/channels';

const api: Record<string, unknown> = {};
for (const method of API_METHODS) api[method] = (...args: unknown[]) => ipcRenderer.invoke(channelOf(method), ...args);
api.saveFile = (request: unknown) => ipcRenderer.invoke(SAVE_FILE_CHANNEL, request);
api.subscribe = (listener: (event: WorkbenchEvent) => void) => {
  const relay = (_event: unknown, value: WorkbenchEvent) => listener(value);
  ipcRenderer.on(EVENT_CHANNEL, relay);
  return () => void ipcRenderer.removeListener(EVENT_CHANNEL, relay);
};

contextBridge.exposeInMainWorld('descent', api as unknown as WorkbenchApi);
