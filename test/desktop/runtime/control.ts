/**
 * The test's line into the app's main process (Node's IPC channel of the stand-in's process), for what
 * Playwright's ElectronApplication offers on the real binary: `evaluate(fn, arg)` with the electron module
 * as `fn`'s first argument, and a "ready" message with the address of the browser's DevTools endpoint.
 */
export type ControlMessage = { standIn: 'evaluate'; id: number; source: string; arg: unknown };
export type ControlReply =
  | { standIn: 'result'; id: number; ok: true; value: unknown }
  | { standIn: 'result'; id: number; ok: false; error: string }
  | { standIn: 'ready'; devtools: string };

export function announce(message: ControlReply): void {
  process.send?.(message);
}

/** Answers the test's `evaluate` calls against `electron`; the channel does not keep the app alive. */
export function startControl(electron: object): void {
  if (!process.send) return;
  process.on('message', (message: ControlMessage) => {
    if (message?.standIn !== 'evaluate') return;
    void (async () => {
      try {
        const fn = (0, eval)(`(${message.source})`) as (electron: object, arg: unknown) => unknown;
        announce({ standIn: 'result', id: message.id, ok: true, value: await fn(electron, message.arg) });
      } catch (error) {
        announce({
          standIn: 'result',
          id: message.id,
          ok: false,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
      }
    })();
  });
  process.channel?.unref();
}
