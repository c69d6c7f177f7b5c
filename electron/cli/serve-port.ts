/**
 * The port `descent serve` prefers for a store: the same one at every start (so a bookmarked address, and the
 * browser's per-address state, keep working), and most likely a different one for another store, so two
 * stores can be served at once. Derived from the store's path, not stored: nothing to read, nothing to lose.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { PortInUseError } from '../server/bridge';
import { UsageError } from './train-flags';

/** The range the preferred port is taken from: above the well-known ports, below Linux's ephemeral ones (32768+). */
export const PREFERRED_PORTS = { first: 20000, count: 10000 } as const;

/** `home`'s own port, from a hash of its absolute path. */
export function preferredPort(home: string): number {
  const digest = createHash('sha256').update(resolve(home)).digest();
  return PREFERRED_PORTS.first + (digest.readUInt32BE(0) % PREFERRED_PORTS.count);
}

/**
 * Listens with `listen` on `port` when one was asked for (a taken one is a UsageError naming --port), else on
 * `home`'s own port, or on any free port while that one is taken.
 */
export async function listenForStore<T>(
  listen: (port: number) => Promise<T>,
  home: string,
  port: number | undefined,
): Promise<T> {
  try {
    return await listen(port ?? preferredPort(home));
  } catch (error) {
    if (!(error instanceof PortInUseError)) throw error;
    if (port === undefined) return listen(0);
    throw new UsageError(`--port: ${error.message}; choose another, or leave --port out for any free port`);
  }
}
