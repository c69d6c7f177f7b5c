/**
 * The Lab's screenshots for docs/guide/lab.md (docs/screenshot-lab-*.png), taken by `npm run docs:screenshots`
 * on a fresh store with one run of the book's network trained by the command line (the pages on stored runs
 * need one): the mini-batch estimates (§4.2.3), one weight of the trained network (§4.2.5) and the gradient
 * check drawn (§4.4.2).
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { newHome, openWorkbench } from '../test/support/workbench-browser';

/** Opens Lab page `name` and waits for the backend's answer, shown at `ready`. */
async function openLabPage(page: Page, name: string, ready: string): Promise<void> {
  await page.getByRole('navigation', { name: 'lab pages' }).getByRole('button', { name }).click();
  await page.locator(ready).first().waitFor({ timeout: 120_000 });
}

/** Screenshot of the Lab page from `from` (an element of it) to the page's end, at the viewport's width. */
async function shoot(page: Page, from: string, path: string): Promise<void> {
  // A tall viewport: every chart on the page is drawn (charts out of view skip drawing).
  await page.setViewportSize({ width: 1400, height: 2400 });
  const top = (await page.locator(from).first().boundingBox())!.y;
  const bottom = await page
    .locator('.lab-page')
    .first()
    .evaluate((e) => e.getBoundingClientRect().bottom);
  await page.screenshot({ path, clip: { x: 0, y: Math.max(0, top - 8), width: 1400, height: bottom - top + 24 } });
  await page.setViewportSize({ width: 1400, height: 1000 });
}

export async function labScreenshots(browser: Browser, docs: string): Promise<void> {
  const home = newHome();
  const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'descent.js');
  const trained = spawnSync(process.execPath, [bin, 'train', '--iters', '1200', '--seed', '1', '--name', "the book's network"], {
    env: { ...process.env, DESCENT_HOME: home },
    encoding: 'utf8',
  });
  if (trained.status !== 0) throw new Error(`descent train failed: ${trained.stderr}`);
  const wb = await openWorkbench(browser, home);
  try {
    const { page } = wb;
    await page.getByRole('button', { name: 'Lab', exact: true }).click();
    await openLabPage(page, 'Mini-batches', '[data-value="full-loss-trained"]');
    await shoot(page, '.lab-page h2', join(docs, 'screenshot-lab-mini-batches.png'));
    await openLabPage(page, 'Why not accuracy', '[data-value="accuracy-changes"]');
    await shoot(page, '#lab-smooth-mnist', join(docs, 'screenshot-lab-trained-weight.png'));
    await openLabPage(page, 'Gradient of a network', '[data-value="gradcheck-W1"]');
    await shoot(page, '#lab-gradcheck', join(docs, 'screenshot-lab-gradient-check.png'));
    if (wb.consoleErrors.length) throw new Error(`the page logged errors:\n${wb.consoleErrors.join('\n')}`);
  } finally {
    await wb.close();
  }
}

// Run alone (`npx tsx scripts/docs-screenshots-lab.ts [--out DIR]`) it takes the Lab's screenshots only.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { launchChromium } = await import('../test/support/workbench-browser');
  const outFlag = process.argv.indexOf('--out');
  const docs = outFlag >= 0 ? process.argv[outFlag + 1] : join(dirname(fileURLToPath(import.meta.url)), '..', 'docs');
  const browser = await launchChromium();
  try {
    await labScreenshots(browser, docs);
    console.log(`Lab screenshots written to ${docs}`);
  } finally {
    await browser.close();
  }
}
