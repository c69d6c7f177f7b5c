/**
 * The desktop app and the store over time: runs the CLI trained on the same DESCENT_HOME appear in the app
 * (at launch, and on reload while it is open); quitting while runs train stops them cleanly — status
 * stopped, history and weights kept — and the next launch lists them so.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './build';
import { clickMenu, desktopSession, runItems } from './support';

const session = desktopSession();

/** `descent train`, short, in `env` (the store: DESCENT_HOME, or the default under XDG_CONFIG_HOME / APPDATA). */
function cliTrain(name: string, env: NodeJS.ProcessEnv = { ...process.env, DESCENT_HOME: session.home }): string {
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'bin', 'descent.js'), 'train', '--iters', '50', '--train-size', '500', '--seed', '7', '--name', name, '--json'],
    {
      env,
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  if (result.status !== 0) throw new Error(`descent train failed (${result.status}): ${result.stderr}`);
  const lines = result.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { id?: string; runId?: string });
  const id = lines.map((line) => line.id ?? line.runId).find((value) => typeof value === 'string');
  if (!id) throw new Error(`no run id in descent train's output:\n${result.stdout}`);
  return id;
}

const record = (id: string) =>
  JSON.parse(readFileSync(join(session.home, 'runs', id, 'run.json'), 'utf8')) as {
    status: string;
    iterationsDone: number;
    name: string;
  };

describe('the desktop app and the store', () => {
  it('lists runs the CLI trained on the same store, at launch and after a reload', async () => {
    const before = cliTrain('from the terminal');
    const { app, page } = await session.launch();
    await expect.poll(() => runItems(page).count()).toBe(1);
    expect(await page.locator(`li[data-run-id="${before}"]`).getAttribute('data-status')).toBe('completed');
    expect(await page.locator(`li[data-run-id="${before}"] .name`).textContent()).toBe('from the terminal');
    const during = cliTrain('while the app was open');
    await clickMenu(app, ['View', 'Reload']);
    await expect.poll(() => page.locator(`li[data-run-id="${during}"]`).count()).toBe(1);
    expect(await runItems(page).count()).toBe(2);
    await app.quit();
  });

  it("shares the CLI's default store when DESCENT_HOME is not set", async () => {
    // Both under the same config folder (XDG_CONFIG_HOME / APPDATA), neither told where the store is.
    const unset = { XDG_CONFIG_HOME: session.configHome, APPDATA: session.configHome };
    const id = cliTrain('default store', { ...process.env, DESCENT_HOME: undefined, ...unset });
    const { app, page } = await session.launch({ env: { DESCENT_HOME: null } });
    const info = await page.evaluate(() =>
      (globalThis as unknown as { descent: { appInfo(): Promise<{ home: string }> } }).descent.appInfo(),
    );
    expect(info.home).toBe(join(session.configHome, 'Descent'));
    await expect.poll(() => page.locator(`li[data-run-id="${id}"]`).count()).toBe(1);
    await app.quit();
  });

  // On macOS an app stays open without windows, as the platform's apps do.
  it.skipIf(process.platform === 'darwin')('closing the last window quits the app', async () => {
    const { app } = await session.launch();
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].close());
    expect(await app.exited, app.output()).toBe(0);
  });

  it('quitting while runs train stops them cleanly, keeps their history, and the next launch lists them stopped', async () => {
    const { app, page } = await session.launch();
    await page.fill('input[name=iterations]', '1000000');
    await page.fill('input[name=trainSize]', '1000');
    await page.getByRole('button', { name: 'Start training' }).click();
    await page.getByRole('button', { name: 'Start training' }).click();
    const active = page.locator(
      'ul[aria-label="runs"] li[data-status="running"], ul[aria-label="runs"] li[data-status="queued"]',
    );
    await expect.poll(() => active.count()).toBe(2);
    await expect.poll(() => page.locator('ul[aria-label="runs"] li[data-status="running"]').count()).toBeGreaterThanOrEqual(1);
    const ids = await active.evaluateAll((items) =>
      items.map((item) => (item as unknown as { dataset: { runId: string } }).dataset.runId),
    );
    expect(ids).toHaveLength(2);
    // Let the running one record some history first.
    await expect
      .poll(() =>
        ids.some(
          (id) =>
            existsSync(join(session.home, 'runs', id, 'metrics.ndjson')) &&
            readFileSync(join(session.home, 'runs', id, 'metrics.ndjson'), 'utf8').length > 0,
        ),
      )
      .toBe(true);
    expect(await app.quit()).toBe(0);
    const trained = ids.filter((id) => record(id).iterationsDone > 0);
    expect(trained.length).toBeGreaterThanOrEqual(1);
    for (const id of ids) expect(record(id).status).toBe('stopped');
    for (const id of trained) {
      expect(
        readFileSync(join(session.home, 'runs', id, 'metrics.ndjson'), 'utf8')
          .trim()
          .split('\n').length,
      ).toBeGreaterThan(0);
      expect(existsSync(join(session.home, 'runs', id, 'weights.bin'))).toBe(true);
    }
    const next = await session.launch();
    for (const id of ids)
      await expect.poll(() => next.page.locator(`li[data-run-id="${id}"]`).getAttribute('data-status')).toBe('stopped');
    await next.app.quit();
  });
});
