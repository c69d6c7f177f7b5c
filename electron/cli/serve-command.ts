/**
 * `descent serve`: the workbench UI in a browser, on this machine's store and trainer processes. Builds
 * the UI first if it has not been built, or its sources changed since. Ctrl-C stops the runs cleanly, then the server.
 */
import { RunManager } from '../core/run-manager';
import { NodeTrainerHost } from '../core/trainer-host';
import { WorkbenchService } from '../core/workbench-service';
import { startBridge } from '../server/bridge';
import { buildRenderer, RENDERER_DIR, rendererBuildIsFresh } from '../core/renderer-build';
import { openStore } from './session';
import { printable } from './format';
import { packageVersion } from './version';
import { listenForStore } from './serve-port';

export interface ServeOptions {
  readonly host: string;
  /** Undefined: the store's own port (serve-port.ts), or any free port while that one is taken. */
  readonly port: number | undefined;
  readonly parallel: number;
  readonly rebuild: boolean;
}

export async function serveCommand(options: ServeOptions): Promise<void> {
  const store = openStore();
  const manager = new RunManager({ store, host: new NodeTrainerHost(), concurrency: options.parallel });
  const version = packageVersion();
  // Listen first, so that a taken port is said at once rather than after building the UI. Nobody has the
  // token before the URL is printed, so nothing is served from a half-built folder.
  const backend = new WorkbenchService(manager, { version, transport: 'browser' });
  const listen = (port: number) => startBridge({ backend, staticDir: RENDERER_DIR, host: options.host, port });
  const bridge = await listenForStore(listen, store.home, options.port);
  // Built at install; again only after an edit to the renderer's sources (or when asked).
  if (options.rebuild || !rendererBuildIsFresh()) {
    process.stderr.write('Building the UI…\n');
    await buildRenderer();
  }
  process.stdout.write(
    `Descent is serving the workbench for ${printable(store.home)}\nOpen ${bridge.url}\n(Ctrl-C stops runs cleanly and quits)\n`,
  );
  await new Promise<void>((resolve) => {
    const quit = (): void => {
      process.off('SIGINT', quit);
      process.off('SIGTERM', quit);
      resolve();
    };
    process.on('SIGINT', quit);
    process.on('SIGTERM', quit);
  });
  process.stderr.write('Stopping…\n');
  await manager.stopAll();
  await bridge.close();
}
