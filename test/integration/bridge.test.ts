/** The browser bridge's gatekeeping: token and cookie, Host and Origin, loopback, static files, payloads. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { BOOK_DEFAULTS } from '../../shared/config';
import { failureSchema } from '../../shared/failure';
import { RunManager } from '../../electron/core/run-manager';
import { RunStore } from '../../electron/core/store/run-store';
import { NodeTrainerHost } from '../../electron/core/trainer-host';
import { WorkbenchService } from '../../electron/core/workbench-service';
import { startBridge, type Bridge } from '../../electron/server/bridge';

const home = mkdtempSync(join(tmpdir(), 'descent-bridge-'));
const site = join(home, 'site');
let bridge: Bridge;
let manager: RunManager;

beforeAll(async () => {
  mkdirSync(join(site, 'assets'), { recursive: true });
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>Descent</title>');
  writeFileSync(join(site, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(home, 'secret.txt'), 'not for the browser');
  manager = new RunManager({ store: new RunStore(join(home, 'store')), host: new NodeTrainerHost(), concurrency: 1 });
  bridge = await startBridge({
    backend: new WorkbenchService(manager, { version: 'test', transport: 'browser' }),
    staticDir: site,
  });
});
afterAll(async () => {
  await manager.stopAll();
  await bridge.close();
  rmSync(home, { recursive: true, force: true });
});

/** A raw HTTP request (fetch would refuse to set Host). */
function http(path: string, options: { method?: string; headers?: Record<string, string>; body?: string; port?: number } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
    (resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: options.port ?? bridge.port, path, method: options.method ?? 'GET', headers: options.headers },
        (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.end(options.body);
    },
  );
}
const cookieName = () => `descent_session_${bridge.port}`;
const cookie = () => `${cookieName()}=${bridge.token}`;
const api = (method: string, args: unknown, headers: Record<string, string> = {}) =>
  http(`/api/${method}`, {
    method: 'POST',
    headers: { Cookie: cookie(), 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ args }),
  });

describe('the browser bridge', () => {
  it('listens on loopback and prints a URL with a long random token', () => {
    expect(bridge.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${bridge.port}/\\?token=[A-Za-z0-9_-]{32}$`));
  });

  it('refuses pages and API calls without the token', async () => {
    expect((await http('/')).status).toBe(401);
    expect((await http('/api/listRuns', { method: 'POST', body: '{"args":[]}' })).status).toBe(401);
    expect((await http('/?token=wrong')).status).toBe(401);
    expect((await http('/', { headers: { Cookie: `${cookieName()}=wrong` } })).status).toBe(401);
  });

  it("trades the URL's token for an HttpOnly SameSite=Strict cookie, then serves the app with a CSP", async () => {
    const first = await http(`/?token=${bridge.token}`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    expect(String(first.headers['set-cookie'])).toBe(`${cookieName()}=${bridge.token}; HttpOnly; SameSite=Strict; Path=/`);
    const page = await http('/', { headers: { Cookie: cookie() } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Descent</title>');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'; script-src 'self'/);
    expect((await http('/assets/app.js', { headers: { Cookie: cookie() } })).headers['content-type']).toMatch(
      /^text\/javascript/,
    );
  });

  it('refuses another Origin and a foreign Host (DNS rebinding), even with the token', async () => {
    expect((await api('listRuns', [], { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('listRuns', [], { Origin: `http://127.0.0.1:${bridge.port + 1}` })).status).toBe(403);
    expect((await api('listRuns', [], { Host: `evil.example:${bridge.port}` })).status).toBe(403);
    expect((await api('listRuns', [], { Origin: `http://127.0.0.1:${bridge.port}` })).status).toBe(200);
  });

  it('never serves files outside the app', async () => {
    const res = await http('/%2e%2e/secret.txt', { headers: { Cookie: cookie() } });
    expect(res.body).not.toContain('not for the browser');
  });

  it('validates every payload: bad arguments are a 400 naming the argument, with no side effect', async () => {
    const bad = await api('startRun', [{ ...BOOK_DEFAULTS, batchSize: 0 }]);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error).toMatch(/startRun: argument 0\.batchSize: must be a whole number from 1 to 60000, got 0/);
    expect((await api('stopRun', ['../../x'])).status).toBe(400);
    expect((await api('nope', [])).status).toBe(400);
    expect((await http('/api/listRuns', { method: 'POST', headers: { Cookie: cookie() }, body: 'not json' })).status).toBe(400);
    expect(JSON.parse((await api('listRuns', [])).body).value.runs).toEqual([]);
  });

  it('runs a real training through the API and streams its events over the WebSocket', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${bridge.port}/events`, { headers: { Cookie: cookie() } });
    const events: Array<{ type: string }> = [];
    socket.on('message', (data) => events.push(JSON.parse(String(data))));
    await new Promise((r) => socket.once('open', r));
    const started = JSON.parse(
      (await api('startRun', [{ ...BOOK_DEFAULTS, iterations: 30, trainSize: 1000 }, { name: 'via bridge' }])).body,
    );
    expect(started.ok).toBe(true);
    await manager.whenIdle();
    // The socket delivers the run's events in order: its last one, the completed record, comes after the rest.
    await expect
      .poll(() =>
        events.some((e) => e.type === 'run-changed' && (e as { run?: { status?: string } }).run?.status === 'completed'),
      )
      .toBe(true);
    socket.close();
    expect(events.some((e) => e.type === 'progress')).toBe(true);
    expect(events.some((e) => e.type === 'epoch')).toBe(true);
    const runs = JSON.parse((await api('listRuns', [])).body).value.runs;
    expect(runs.map((r: { name: string; status: string }) => [r.name, r.status])).toEqual([['via bridge', 'completed']]);
  });

  it('refuses WebSocket connections without the cookie or from another origin', async () => {
    const attempt = (headers: Record<string, string>) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(`ws://127.0.0.1:${bridge.port}/events`, { headers });
        socket.on('open', () => resolve('open'));
        socket.on('error', () => resolve('refused'));
      });
    expect(await attempt({})).toBe('refused');
    expect(await attempt({ Cookie: cookie(), Origin: 'http://evil.example' })).toBe('refused');
  });
});

describe('a call that fails after its arguments were valid', () => {
  /** The status and message of a call's answer. */
  const failure = async (method: string, args: unknown[]) => {
    const answer = await api(method, args);
    return { status: answer.status, error: (JSON.parse(answer.body) as { ok: false; error: string }).error };
  };
  const unknown = '20990101-000000-abcdef';

  it('is answered by its kind, 400 only for a request that cannot be valid, with the message in the body', async () => {
    // A configuration that does not fit its dataset: the request itself is wrong.
    expect(await failure('startRun', [{ ...BOOK_DEFAULTS, layers: [100, 10] }])).toEqual({
      status: 400,
      error: expect.stringMatching(/^layers: the input layer must have 784 units/),
    });
    // A run the store does not hold, and one not in the trash.
    expect(await failure('getRun', [unknown])).toEqual({
      status: 404,
      error: `no run ${unknown} in ${join(home, 'store', 'runs')}`,
    });
    expect(await failure('restoreRun', [unknown])).toEqual({ status: 404, error: `run ${unknown} is not in the trash` });
    // What the run's state refuses.
    expect(await failure('pauseRun', [unknown])).toEqual({
      status: 409,
      error: `cannot pause run ${unknown}: it is not running`,
    });
    // The backend's own failure: a record it cannot read.
    const damaged = '20990101-000000-000bad';
    mkdirSync(join(home, 'store', 'runs', damaged), { recursive: true });
    writeFileSync(join(home, 'store', 'runs', damaged, 'run.json'), '{ not json');
    try {
      expect(await failure('getRun', [damaged])).toEqual({
        status: 500,
        error: expect.stringMatching(new RegExp(`${damaged}/run\\.json: is not valid JSON`)),
      });
    } finally {
      rmSync(join(home, 'store', 'runs', damaged), { recursive: true, force: true });
    }
  });

  it('carries a code and params beside the English message, for the page to word in its language', async () => {
    const coded = async (method: string, args: unknown[]) => {
      const answer = await api(method, args);
      return (JSON.parse(answer.body) as { failure: unknown }).failure;
    };
    expect(await coded('startRun', [{ ...BOOK_DEFAULTS, trainSize: 70000 }])).toMatchObject({
      code: 'config.doesNotFit',
      issues: [{ field: 'trainSize', code: 'custom', params: { rule: 'trainSize', max: 60000, got: 70000 } }],
    });
    expect(await coded('deleteRun', [unknown])).toMatchObject({ code: 'run.notFound', params: { id: unknown } });
    expect(await coded('pauseRun', [unknown])).toMatchObject({ code: 'run.notRunning', params: { id: unknown } });
    // Arguments the method's schema refuses: every issue with its field, value and range.
    expect(await coded('startRun', [{ ...BOOK_DEFAULTS, batchSize: 0 }])).toMatchObject({
      code: 'request.invalid',
      params: { method: 'startRun' },
      issues: [{ field: '0.batchSize', input: 0 }],
    });
    // A folder that is no dataset: its reason kept, as words the page puts in a sentence of its own.
    expect(await coded('startRun', [{ ...BOOK_DEFAULTS, dataset: join(home, 'nowhere') }])).toMatchObject({
      code: 'dataset.unusable',
      params: { dataset: join(home, 'nowhere'), reason: expect.stringMatching(/dataset folder not found/) },
    });
  });
});

describe('the bridge refuses before any call runs with a code the page words', () => {
  const failure = (answer: { body: string }) => (JSON.parse(answer.body) as { failure: unknown }).failure;
  it('401 without the session, 403 from another Origin, 400 or 405 for what it cannot read, 413 over the limit', async () => {
    const noSession = await http('/api/listRuns', { method: 'POST', body: '{"args":[]}' });
    expect(noSession.status).toBe(401);
    expect(failure(noSession)).toMatchObject({ code: 'request.unauthorised', message: expect.stringMatching(/token/) });
    const foreign = await api('listRuns', [], { Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(failure(foreign)).toMatchObject({ code: 'request.foreignOrigin' });
    const notJson = await http('/api/listRuns', { method: 'POST', headers: { Cookie: cookie() }, body: 'not json' });
    expect(notJson.status).toBe(400);
    expect(failure(notJson)).toMatchObject({
      code: 'request.malformed',
      params: { reason: expect.stringMatching(/must be JSON/) },
    });
    const get = await http('/api/listRuns', { headers: { Cookie: cookie() } });
    expect(get.status).toBe(405);
    expect(failure(get)).toMatchObject({ code: 'request.malformed', params: { reason: 'API calls are POST requests' } });
    const big = 'x'.repeat(2 * 1024 * 1024);
    const tooLarge = await http('/api/listRuns', {
      method: 'POST',
      headers: { Cookie: cookie(), 'Content-Length': String(big.length) },
      body: big,
    });
    expect(tooLarge.status).toBe(413);
    expect(failure(tooLarge)).toMatchObject({ code: 'request.tooLarge', params: { limit: 1024 * 1024 } });
    // Every refusal's answer is one the page's client reads (shared/failure.ts's schema).
    for (const answer of [noSession, foreign, notJson, get, tooLarge])
      expect(failureSchema.safeParse(failure(answer)).success).toBe(true);
  });
});

describe('the bridge bounds what it is sent', () => {
  it('a malformed % escape in the path is a 400, not a crash or a 500', async () => {
    for (const path of ['/%E0%A4%A', '/%', '/assets/%zz.js']) {
      const res = await http(path, { headers: { Cookie: cookie() } });
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body).error).toMatch(/malformed/);
    }
    expect((await http('/', { headers: { Cookie: cookie() } })).status).toBe(200);
  });

  it('a body over 1 MiB gets a 413 response, declared or chunked, and the bridge keeps serving', async () => {
    const big = 'x'.repeat(2 * 1024 * 1024);
    const declared = await http('/api/listRuns', {
      method: 'POST',
      headers: { Cookie: cookie(), 'Content-Length': String(big.length) },
      body: big,
    });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error).toMatch(/at most 1048576 bytes/);
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: bridge.port,
          path: '/api/listRuns',
          method: 'POST',
          headers: { Cookie: cookie(), 'Transfer-Encoding': 'chunked' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode!);
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 32; i++) req.write('x'.repeat(64 * 1024));
      req.end();
    });
    expect(chunked).toBe(413);
    expect((await api('listRuns', [])).status).toBe(200);
  });

  it('a WebSocket frame over the limit closes that socket with 1009 (message too big)', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${bridge.port}/events`, { headers: { Cookie: cookie() } });
    await new Promise((r) => socket.once('open', r));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send('x'.repeat(1024 * 1024));
    expect(await closed).toBe(1009);
  });
});

describe('two bridges on one machine', () => {
  let other: Bridge;
  beforeAll(async () => {
    other = await startBridge({
      backend: new WorkbenchService(manager, { version: 'test', transport: 'browser' }),
      staticDir: site,
    });
  });
  afterAll(() => other.close());

  it('name their session cookies by port, so a browser keeps a session with each', async () => {
    const first = await http(`/?token=${other.token}`, { port: other.port });
    expect(String(first.headers['set-cookie'])).toBe(
      `descent_session_${other.port}=${other.token}; HttpOnly; SameSite=Strict; Path=/`,
    );
    // A browser sends every cookie of 127.0.0.1 to both ports (cookies ignore ports): each bridge finds its own.
    const both = `${cookie()}; descent_session_${other.port}=${other.token}`;
    expect((await http('/', { headers: { Cookie: both } })).status).toBe(200);
    expect((await http('/', { headers: { Cookie: both }, port: other.port })).status).toBe(200);
    expect(
      (await http('/', { headers: { Cookie: `descent_session_${other.port}=${bridge.token}` }, port: other.port })).status,
    ).toBe(401);
  });

  it('a port that is taken is refused with an error that says so', async () => {
    const taken = startBridge({
      backend: new WorkbenchService(manager, { version: 'test', transport: 'browser' }),
      staticDir: site,
      port: bridge.port,
    });
    await expect(taken).rejects.toThrow(new RegExp(`port ${bridge.port} on 127\\.0\\.0\\.1 is in use`));
  });
});
