/** Which port `descent serve` listens on: the store's own (the same at every start), a free one while it is taken, --port above both. */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listenForStore, preferredPort } from '../../electron/cli/serve-port';
import { RunManager } from '../../electron/core/run-manager';
import { RunStore } from '../../electron/core/store/run-store';
import { NodeTrainerHost } from '../../electron/core/trainer-host';
import { WorkbenchService } from '../../electron/core/workbench-service';
import { startBridge, type Bridge } from '../../electron/server/bridge';

const home = mkdtempSync(join(tmpdir(), 'descent-serve-port-'));
const manager = new RunManager({ store: new RunStore(home), host: new NodeTrainerHost(), concurrency: 1 });
const backend = new WorkbenchService(manager, { version: 'test', transport: 'browser' });
const site = join(home, 'site');
afterAll(() => rmSync(home, { recursive: true, force: true }));

const listen = (port: number): Promise<Bridge> => startBridge({ backend, staticDir: site, port });

/** Occupies `port` on 127.0.0.1 while `body` runs. */
async function whileTaken<T>(port: number, body: () => Promise<T>): Promise<T> {
  const taken: Server = createServer();
  await new Promise<void>((resolve, reject) => taken.once('error', reject).listen(port, '127.0.0.1', resolve));
  try {
    return await body();
  } finally {
    await new Promise<void>((resolve) => taken.close(() => resolve()));
  }
}

describe("descent serve's port", () => {
  it("is derived from the store's path: the same for the same store, spread over 20000–29999 for others", () => {
    expect(preferredPort(home)).toBe(preferredPort(join(home, '.')));
    const ports = Array.from({ length: 100 }, (_, i) => preferredPort(`/stores/${i}`));
    for (const port of ports) expect(port >= 20000 && port <= 29999 && Number.isInteger(port)).toBe(true);
    expect(new Set(ports).size).toBeGreaterThan(95);
  });

  it("is the store's own port at every start, and any free port while that one is taken", async () => {
    const own = preferredPort(home);
    for (let start = 0; start < 2; start++) {
      const bridge = await listenForStore(listen, home, undefined);
      expect(bridge.port).toBe(own);
      expect(bridge.url).toContain(`http://127.0.0.1:${own}/`);
      await bridge.close();
    }
    const elsewhere = await whileTaken(own, () => listenForStore(listen, home, undefined));
    try {
      expect(elsewhere.port).not.toBe(own);
      expect(elsewhere.port).toBeGreaterThan(0);
    } finally {
      await elsewhere.close();
    }
  });

  it("--port wins over the store's port; a taken --port is an error naming the flag", async () => {
    const own = preferredPort(home);
    // --port 0: any free port (the system's choice, from its ephemeral range: 32768 and up on Linux).
    const chosen = await listenForStore(listen, home, 0);
    const asked = chosen.port;
    await chosen.close();
    expect(asked).not.toBe(own);
    const bridge = await listenForStore(listen, home, asked);
    expect(bridge.port).toBe(asked);
    await bridge.close();
    await whileTaken(asked, async () => {
      await expect(listenForStore(listen, home, asked)).rejects.toThrow(
        `--port: port ${asked} on 127.0.0.1 is in use; choose another, or leave --port out for any free port`,
      );
    });
  });
});
