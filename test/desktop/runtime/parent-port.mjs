// Loaded (--import) into every stand-in utility process before its entry: Electron's `process.parentPort`
// over Node's IPC channel, messages as `{ data, ports }` events, held until a listener is attached as
// Electron's port holds them until started; `process.resourcesPath` for the packaged layout.
import { EventEmitter } from 'node:events';

class ParentPort extends EventEmitter {
  postMessage(message) {
    process.send?.(message);
  }
}

const port = new ParentPort();
const waiting = [];
process.on('message', (data) => {
  const event = { data, ports: [] };
  if (port.listenerCount('message') > 0) port.emit('message', event);
  else waiting.push(event);
});
port.on('newListener', (name) => {
  if (name === 'message') setImmediate(() => waiting.splice(0).forEach((event) => port.emit('message', event)));
});
// The IPC channel must not keep a finished trainer alive: a listener on the port is what keeps it, as in Electron.
process.channel?.unref();
port.on('newListener', (name) => name === 'message' && process.channel?.ref());
Object.defineProperty(process, 'parentPort', { value: port, enumerable: false });
Object.defineProperty(process, 'type', { value: 'utility', enumerable: false });
if (process.env.DESCENT_STAND_IN_RESOURCES_PATH) {
  Object.defineProperty(process, 'resourcesPath', { value: process.env.DESCENT_STAND_IN_RESOURCES_PATH, enumerable: false });
}
