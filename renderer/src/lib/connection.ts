/**
 * Whether the page can reach the Descent backend. The browser bridge's event socket reports when it opens
 * and closes; the Workbench shows a banner while the backend is away and reloads the store when it is back.
 * The desktop app's preload never goes away, so there the state simply stays `connected`.
 */

import { errorMessage } from '../../../shared/errors';
import { asFailedCall } from '../../../shared/failure';
import { t, type MessageKey } from './i18n';
import type { Notice } from './notice';

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';

/** One observable connection state; listeners hear every change (not repeats). */
export class Connection {
  status: ConnectionStatus = 'connecting';
  /** How many times the backend came back after being lost. */
  reconnections = 0;
  private readonly listeners = new Set<(status: ConnectionStatus) => void>();

  /** The transport saw the backend (`true`) or lost it (`false`). */
  report(up: boolean): void {
    const next: ConnectionStatus = up ? 'connected' : 'disconnected';
    if (next === this.status) return;
    if (next === 'connected' && this.status === 'disconnected') this.reconnections++;
    this.status = next;
    this.listeners.forEach((listener) => listener(next));
  }

  /** Calls `listener` on every change; returns the unsubscribe function. */
  onChange(listener: (status: ConnectionStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The page's connection to its backend (one per page). */
export const connection = new Connection();

/** The banner's text while the backend is away. */
export function disconnectedMessage(): string {
  return t('connection.lost');
}

/**
 * What to tell the user when an action failed, as a notice worded when shown (notice.ts): a failure to reach the
 * backend (`fetch`'s TypeError "Failed to fetch", or any error while the connection is known to be down) says so and
 * that nothing happened, instead of the browser's terse message; anything else is the backend's failure, by its code
 * (shared/failure.ts).
 */
export function explainFailure(action: MessageKey | undefined, error: unknown, status: ConnectionStatus): Notice {
  const unreachable = status === 'disconnected' || isFetchFailure(error);
  return { failure: asFailedCall(error).failure, ...(action ? { action } : {}), ...(unreachable ? { unreachable } : {}) };
}

/** Whether `error` is `fetch`'s own: the request never reached the backend ("Failed to fetch", "NetworkError…"). */
export function isFetchFailure(error: unknown): boolean {
  return error instanceof TypeError && /fetch|network/i.test(errorMessage(error));
}
