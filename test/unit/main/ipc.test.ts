/** Main's IPC with Electron mocked: sender checks and payload validation, against a real backend and store. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_METHOD_NAMES } from '../../../shared/api-methods';
import { BOOK_DEFAULTS } from '../../../shared/config';
import { decodeFailure } from '../../../shared/failure';
import { RunManager } from '../../../electron/core/run-manager';
import { RunStore } from '../../../electron/core/store/run-store';
import { NodeTrainerHost } from '../../../electron/core/trainer-host';
import { WorkbenchService } from '../../../electron/core/workbench-service';

const electron = await vi.hoisted(async () => ({
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
  savePath: '' as string,
}));

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) =>
      electron.handlers.set(channel, handler),
    removeHandler: (channel: string) => electron.handlers.delete(channel),
  },
  dialog: { showSaveDialog: async () => ({ canceled: false, filePath: electron.savePath }) },
}));

const { isTrustedUrl, registerIpc } = await import('../../../electron/main/ipc');

const home = mkdtempSync(join(tmpdir(), 'descent-ipc-'));
const store = new RunStore(join(home, 'store'));
const manager = new RunManager({ store, host: new NodeTrainerHost(), concurrency: 1 });
const backend = new WorkbenchService(manager, { version: 'test', transport: 'electron' });

/** The window's webContents, and events as Electron would build them for a call from a frame. */
const webContents = { send: vi.fn() };
const win = { webContents, isDestroyed: () => false } as never;
const fromWindow = (url = 'app://descent/index.html', parent: unknown = null) => ({
  sender: webContents,
  senderFrame: { url, parent },
});

const unregister = registerIpc(backend, () => win);
afterAll(async () => {
  unregister();
  await manager.stopAll();
  rmSync(home, { recursive: true, force: true });
});
const call = (channel: string, event: unknown, ...args: unknown[]) =>
  electron.handlers.get(`descent:${channel}`)!(event, ...args);

describe('IPC in the main process', () => {
  beforeEach(() => webContents.send.mockClear());

  it('registers one channel per API method, plus saveFile', () => {
    // The channels come from the method list (the table's keys), so a new method needs no edit here; saveFile is
    // main's own, answered with a save dialog.
    const expected = [...API_METHOD_NAMES, 'saveFile'].map((name) => `descent:${name}`);
    expect([...electron.handlers.keys()].sort()).toEqual(expected.sort());
  });

  it("answers our window's page", async () => {
    expect(await call('listRuns', fromWindow())).toEqual({ runs: [], damaged: [] });
  });

  const strangers: Array<[string, unknown]> = [
    ['another webContents', { sender: { send: vi.fn() }, senderFrame: { url: 'app://descent/index.html', parent: null } }],
    ['a remote page in our window', fromWindow('https://evil.example/')],
    ['a file:// page', fromWindow('file:///tmp/x.html')],
    ['a subframe', fromWindow('app://descent/index.html', {})],
    ['no frame at all', { sender: webContents, senderFrame: null }],
  ];
  for (const [who, event] of strangers) {
    it(`refuses a call from ${who}, with no side effect`, async () => {
      await expect(call('startRun', event, BOOK_DEFAULTS)).rejects.toThrow(
        'refused: the call does not come from the Descent window',
      );
      expect(store.list().runs).toEqual([]);
    });
  }

  const payloads: Array<[string, unknown[], RegExp]> = [
    ['wrong types', [{ ...BOOK_DEFAULTS, learningRate: 'fast' }], /learningRate: must be a number greater than 0/],
    ['extra fields', [{ ...BOOK_DEFAULTS, shell: 'rm -rf /' }], /unknown field\(s\): shell/],
    ['a huge string', [BOOK_DEFAULTS, { name: 'x'.repeat(100_000) }], /at most 200 characters/],
    ['NaN', [{ ...BOOK_DEFAULTS, batchSize: Number.NaN }], /batchSize: must be a whole number/],
    ['a negative size', [{ ...BOOK_DEFAULTS, layers: [784, -50, 10] }], /must be a whole number from 1 to 16384, got -50/],
    ['too many arguments', [BOOK_DEFAULTS, {}, 'more'], /startRun: argument/],
  ];
  for (const [what, args, message] of payloads) {
    it(`startRun rejects ${what}, with no side effect`, async () => {
      await expect(call('startRun', fromWindow(), ...args)).rejects.toThrow(message);
      expect(store.list().runs).toEqual([]);
    });
  }

  it('a refusal carries its code and params to the page inside the message (all IPC keeps of an error)', async () => {
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => undefined,
        (error: Error) => decodeFailure(error.message),
      );
    const invalid = await refusal(call('startRun', fromWindow(), { ...BOOK_DEFAULTS, learningRate: -1 }));
    expect(invalid).toMatchObject({ code: 'request.invalid', params: { method: 'startRun' } });
    expect(invalid?.issues?.[0]).toMatchObject({ field: '0.learningRate', input: -1 });
    // A run that is gone: deleted meanwhile elsewhere (a well-formed id no folder holds).
    const gone = '20260101-000000-abcdef';
    expect(await refusal(call('deleteRun', fromWindow(), gone))).toMatchObject({ code: 'run.notFound', params: { id: gone } });
    expect(await refusal(call('stopRun', fromWindow(), gone))).toMatchObject({ code: 'run.notRunning', params: { id: gone } });
  });

  it('saveFile writes where the native dialog says, never where the page says', async () => {
    electron.savePath = join(home, 'chosen.csv');
    const result = await call('saveFile', fromWindow(), {
      suggestedName: 'loss.csv',
      mime: 'text/csv',
      data: 'a,b\n1,2\n',
      base64: false,
    });
    expect(result).toEqual({ saved: true, path: electron.savePath });
    expect(readFileSync(electron.savePath, 'utf8')).toBe('a,b\n1,2\n');
    await expect(
      call('saveFile', fromWindow(), { suggestedName: '../../etc/passwd', mime: 'text/csv', data: 'x', base64: false }),
    ).rejects.toThrow(/suggestedName: must be a plain file name/);
    await expect(
      call('saveFile', fromWindow(), { suggestedName: 'x.exe', mime: 'application/x-msdownload', data: 'x', base64: false }),
    ).rejects.toThrow(/saveFile: mime/);
  });

  it('a valid run starts, and its events reach the window', async () => {
    const run = (await call('startRun', fromWindow(), { ...BOOK_DEFAULTS, iterations: 10, trainSize: 500 })) as { id: string };
    await manager.whenIdle();
    expect(store.read(run.id).status).toBe('completed');
    const sent = webContents.send.mock.calls.map(([channel, event]) => [channel, (event as { type: string }).type]);
    expect(sent).toContainEqual(['descent:event', 'progress']);
    expect(sent).toContainEqual(['descent:event', 'run-changed']);
  });
});

describe('isTrustedUrl', () => {
  it("trusts the app's own pages, and the dev server only at its exact origin", () => {
    expect(isTrustedUrl('app://descent/index.html')).toBe(true);
    expect(isTrustedUrl('app://descent.evil/index.html')).toBe(false);
    expect(isTrustedUrl('http://localhost:5173/')).toBe(false); // no dev server given
    const dev = 'http://localhost:5173';
    expect(isTrustedUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isTrustedUrl('http://localhost:5173/src/index.html?x=1', `${dev}/`)).toBe(true);
    // Each of these begins with the dev server's URL, which a prefix test accepted.
    expect(isTrustedUrl('http://localhost:5173.evil.example/', dev)).toBe(false);
    expect(isTrustedUrl('http://localhost:5173@evil.example/', dev)).toBe(false);
    expect(isTrustedUrl('http://localhost:51730/', dev)).toBe(false);
    expect(isTrustedUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isTrustedUrl('not a url', dev)).toBe(false);
    expect(isTrustedUrl('http://localhost:5173/', 'not a url')).toBe(false);
  });

  it('a call from a lookalike of the dev server is refused, with no side effect', async () => {
    const handlers = new Map(electron.handlers);
    const stop = registerIpc(backend, () => win, 'http://localhost:5173');
    const before = store.list().runs.length;
    try {
      await expect(
        call('startRun', fromWindow('http://localhost:5173.evil.example/'), { ...BOOK_DEFAULTS, iterations: 10, trainSize: 500 }),
      ).rejects.toThrow('refused: the call does not come from the Descent window');
      expect(store.list().runs).toHaveLength(before);
      expect(await call('listRuns', fromWindow('http://localhost:5173/'))).toMatchObject({ damaged: [] });
    } finally {
      stop();
      for (const [channel, handler] of handlers) electron.handlers.set(channel, handler);
    }
  });
});
