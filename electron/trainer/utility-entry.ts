/**
 * Trainer entry for an Electron utility process. `process.parentPort` is Electron's; it is declared here
 * structurally so this file needs no `electron` import (DESIGN.md layers).
 */
import { serveTrainer } from './trainer';

interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) throw new Error('the utility-process trainer must be started with utilityProcess.fork');
serveTrainer(
  {
    send: (message) => parentPort.postMessage(message),
    onMessage: (handler) => parentPort.on('message', (event) => handler(event.data)),
  },
  (code) => process.exit(code),
);
