/**
 * The packaged layout (electron-builder's Linux `dir` output): app.asar's contents — main, preload, renderer,
 * the trainer bundle, package.json and no node_modules — run with MNIST from resources/mnist. The stand-in
 * runs Node, which cannot load modules from inside an asar archive, so the archive is extracted beside it as
 * resources/app (the folder Electron itself falls back to): what runs is byte for byte what was packed.
 * Stand-in only: where the real binary is installed, CI packages and runs it on each platform instead.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractAll } from '@electron/asar';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLinuxDir } from '../support/package-dir';
import { electronBinary, launchDesktop, type DesktopApp } from './launch';
import { removeWorkFolder } from './remove-work';
import { menuOutline, recordUtilityProcesses, runItems, utilityProcesses } from './support';

let work = '';
let resources = '';
let app: DesktopApp;
let page: Page;

describe.skipIf(process.platform !== 'linux' || electronBinary() !== null)('the packaged app', () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'descent-desktop-packaged-'));
    resources = join(buildLinuxDir(work), 'resources');
    extractAll(join(resources, 'app.asar'), join(resources, 'app'));
    app = await launchDesktop({
      appDir: join(resources, 'app'),
      configHome: join(work, 'config'),
      resourcesPath: resources,
      env: { DESCENT_HOME: join(work, 'home') },
    });
    page = await app.firstWindow();
    await page.getByRole('heading', { name: 'New run' }).waitFor({ timeout: 60_000 });
  }, 400_000);

  afterAll(async () => {
    await app?.quit();
    if (work) await removeWorkFolder(work);
  }, 120_000);

  it('runs packaged: no developer tools in the View menu', async () => {
    expect(await app.evaluate(({ app: electronApp }) => electronApp.isPackaged)).toBe(true);
    const view = (await menuOutline(app)).find((menu) => menu.label === 'View')!;
    expect(view.items.map((item) => item.role)).not.toContain('toggleDevTools');
  });

  it('trains in a utility process forked from the packed trainer bundle, reading MNIST from resources/mnist', async () => {
    await recordUtilityProcesses(app);
    await page.getByRole('button', { name: 'Book defaults' }).click();
    await page.fill('input[name=iterations]', '200');
    await page.fill('input[name=trainSize]', '2000');
    await page.getByRole('button', { name: 'Start training' }).click();
    // The packed app has no node_modules: MNIST can only have come from resources/mnist.
    await expect
      .poll(
        () =>
          runItems(page)
            .first()
            .getAttribute('data-status')
            .catch(() => null),
        { timeout: 60_000 },
      )
      .toBe('completed');
    const id = await runItems(page).first().getAttribute('data-run-id');
    expect(await utilityProcesses(app)).toEqual([`descent-trainer-${id} main/trainer.js`]);
  });
});
