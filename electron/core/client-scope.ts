/**
 * The client a backend call serves, for work that should end when nobody waits for it any more (a
 * gradient check whose page was closed). A transport runs each call inside `servingClient(gone, …)`,
 * with a signal that aborts when its client disconnects; AsyncLocalStorage carries it through the
 * generated dispatch, which passes the API's arguments and nothing else.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const clients = new AsyncLocalStorage<AbortSignal>();

/** Runs `call` on behalf of a client whose departure aborts `gone`. */
export function servingClient<T>(gone: AbortSignal, call: () => T): T {
  return clients.run(gone, call);
}

/** The signal of the client the current call serves (undefined outside a transport's call). */
export function clientGone(): AbortSignal | undefined {
  return clients.getStore();
}
