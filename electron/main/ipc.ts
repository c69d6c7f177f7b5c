/**
 * Main's side of the IPC: one handler per `WorkbenchApi` method. Every call is checked twice before
 * anything happens: the sender must be our own window's top frame showing our own page, and the
 * arguments must pass the method's schema.
 */
import { dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { writeFile } from 'node:fs/promises';
import { invokeApi, parseApiArguments, saveFileSchema } from '../../shared/api';
import type { WorkbenchBackend } from '../core/workbench-service';
import { API_METHODS, channelOf, EVENT_CHANNEL, SAVE_FILE_CHANNEL } from './channels';
import { errorMessage } from '../../shared/errors';
import { encodeFailure, failureOf } from '../../shared/failure';

/**
 * Where our pages come from: the app's own protocol, or the dev server in development. The dev server is
 * matched by origin (scheme, host and port), not by prefix: `http://localhost:5173.evil.example` and
 * `http://localhost:5173@evil.example` begin with `http://localhost:5173` but are other sites.
 */
export function isTrustedUrl(url: string, devServerUrl?: string): boolean {
  if (url.startsWith('app://descent/')) return true;
  if (devServerUrl === undefined) return false;
  try {
    return new URL(url).origin === new URL(devServerUrl).origin;
  } catch {
    return false; // not a URL at all
  }
}

/** Throws unless the call comes from the top frame of `window` showing our page. */
function checkSender(event: IpcMainInvokeEvent, window: () => BrowserWindow | null, devServerUrl?: string): void {
  const win = window();
  const frame = event.senderFrame;
  if (!win || event.sender !== win.webContents || !frame || frame.parent !== null || !isTrustedUrl(frame.url, devServerUrl)) {
    throw new Error('refused: the call does not come from the Descent window');
  }
}

/** Registers every channel; returns a function that removes them (and stops forwarding events). */
export function registerIpc(backend: WorkbenchBackend, window: () => BrowserWindow | null, devServerUrl?: string): () => void {
  for (const method of API_METHODS) {
    ipcMain.handle(channelOf(method), async (event, ...args: unknown[]) => {
      checkSender(event, window, devServerUrl);
      const parsed = parseApiArguments(method, args);
      // Rejected with the Failure in the message: IPC keeps nothing else of an error (shared/failure.ts).
      if (!parsed.ok) throw new Error(encodeFailure(parsed.failure));
      try {
        return await invokeApi(backend, parsed.call);
      } catch (error) {
        throw new Error(encodeFailure(failureOf(error)), { cause: error });
      }
    });
  }
  ipcMain.handle(SAVE_FILE_CHANNEL, async (event, request: unknown) => {
    checkSender(event, window, devServerUrl);
    const parsed = saveFileSchema.safeParse(request);
    if (!parsed.success) {
      const message = `saveFile: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`;
      throw new Error(encodeFailure({ code: 'unexpected', params: { message }, message }));
    }
    const win = window();
    // Main chooses the path through the native dialog; the page never names a path.
    const choice = win
      ? await dialog.showSaveDialog(win, { defaultPath: parsed.data.suggestedName })
      : await dialog.showSaveDialog({ defaultPath: parsed.data.suggestedName });
    if (choice.canceled || !choice.filePath) return { saved: false };
    const { data, base64 } = parsed.data;
    try {
      await writeFile(choice.filePath, base64 ? Buffer.from(data, 'base64') : data);
    } catch (error) {
      const reason = errorMessage(error);
      throw new Error(encodeFailure({ code: 'export.writeFailed', params: { reason }, message: reason }), { cause: error });
    }
    return { saved: true, path: choice.filePath };
  });
  const unsubscribe = backend.subscribe((event) => {
    const win = window();
    if (win && !win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, event);
  });
  return () => {
    unsubscribe();
    for (const method of API_METHODS) ipcMain.removeHandler(channelOf(method));
    ipcMain.removeHandler(SAVE_FILE_CHANNEL);
  };
}
