/**
 * `ipcMain`: handlers by channel, called with an event that names the sending WebContents and frame, and
 * errors returned to the renderer in Electron's words ("Error invoking remote method '…': Error: …").
 */
import { EventEmitter } from 'node:events';
/// <reference types="electron" />
import type { InvokeResult } from './preload-world';
import type { StandInFrame, WebContents } from './windows';

/** The event main's handlers get: the fields of Electron's that the stand-in can fill truthfully. */
export type IpcMainInvokeEvent = Electron.Event<{
  sender: WebContents;
  senderFrame: StandInFrame | null;
  processId: number;
  frameId: number;
}>;
export type IpcMainEvent = IpcMainInvokeEvent & { returnValue: unknown; reply: (channel: string, ...args: unknown[]) => void };

type Handler = (event: IpcMainInvokeEvent, ...args: any[]) => Promise<unknown> | unknown;

class StandInIpcMain extends EventEmitter {
  private readonly handlers = new Map<string, Handler>();

  handle(channel: string, listener: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  handleOnce(channel: string, listener: Handler): void {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel);
      return listener(event, ...args);
    });
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** A renderer's `ipcRenderer.invoke`. */
  async invoke(event: IpcMainInvokeEvent, channel: string, args: unknown[]): Promise<InvokeResult> {
    const handler = this.handlers.get(channel);
    try {
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return { ok: true, value: await handler(event, ...args) };
    } catch (error) {
      return { ok: false, error: `Error invoking remote method '${channel}': ${String(error)}` };
    }
  }
}

export const ipcMain = new StandInIpcMain();
