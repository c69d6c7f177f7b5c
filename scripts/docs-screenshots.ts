/**
 * `npm run docs:screenshots`: the README's screenshots (docs/screenshot-*.png), taken on a fresh store with the
 * e2e tests' browser flow: the book's network trained from the form, then a learning-rate sweep compared; then the
 * Runs view of a learning-rate × batch sweep trained with the command line; then the Inside view of three learning
 * rates trained with the command line, one digit drawn with the mouse.
 * The Train, Compare and Inside side-by-side screenshots are also taken in Chinese and Japanese (`*.zh-CN.png`,
 * `*.ja.png`, for README.zh-CN.md and README.ja.md).
 * The only script that writes them; tests never do. `-- --out DIR` writes them to DIR instead (to look first);
 * `-- --only compare|runs|inside` takes one page's alone.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import {
  launchChromium,
  launchLearningRateSweep,
  newHome,
  openWorkbench,
  runsWithStatus,
  trainFromForm,
} from '../test/support/workbench-browser';
import { labScreenshots } from './docs-screenshots-lab';

const outFlag = process.argv.indexOf('--out');
const DOCS = outFlag >= 0 ? process.argv[outFlag + 1] : join(dirname(fileURLToPath(import.meta.url)), '..', 'docs');
if (!DOCS) throw new Error('--out: give the folder to write the screenshots to');

/** `descent …args` on `home`, as a user types it; throws with its error output if it fails. */
function descent(home: string, args: string[]): void {
  const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'descent.js');
  const result = spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, DESCENT_HOME: home }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`descent ${args.join(' ')} failed: ${result.stderr}`);
}

/** The Runs view of a 3 × 3 sweep (learning rate × batch size) and one configuration over 3 seeds (docs/guide/runs.md). */
async function runsScreenshot(browser: Browser): Promise<void> {
  const home = newHome();
  const small = ['--iters', '200', '--train-size', '1000'];
  descent(home, ['sweep', ...small, '--lr', '0.01,0.1,1', '--batch', '50,100,200', '--seed', '3']);
  descent(home, ['train', ...small, '--lr', '0.5', '--repeat', '3', '--seed', '3']);
  const wb = await openWorkbench(browser, home);
  try {
    const { page } = wb;
    await page.getByRole('button', { name: 'Runs', exact: true }).click();
    await page.locator('figure[data-chart="parallel coordinates"] path[data-run]').first().waitFor();
    await page.screenshot({ path: join(DOCS, 'screenshot-runs.png') });
    if (wb.consoleErrors.length) throw new Error(`the page logged errors:\n${wb.consoleErrors.join('\n')}`);
  } finally {
    await wb.close();
  }
}

/** Switches the page to `locale` and waits for the charts to redraw their titles and legends in it (two frames). */
async function showLanguage(page: Page, locale: string): Promise<void> {
  await page.locator('select[name=language]').selectOption(locale);
  await page.waitForFunction(`document.documentElement.lang === ${JSON.stringify(locale)}`);
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
}

/**
 * The page as it is now, in English (`name`.png) and, for the translated READMEs, in Chinese and Japanese
 * (`name`.zh-CN.png, `name`.ja.png); back in English after.
 */
async function screenshotEachLanguage(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: join(DOCS, `${name}.png`), fullPage });
  for (const locale of ['zh-CN', 'ja']) {
    await showLanguage(page, locale);
    await page.screenshot({ path: join(DOCS, `${name}.${locale}.png`), fullPage });
  }
  await showLanguage(page, 'en');
}

/** Draws a 7 with the mouse on the page's drawing canvas (coordinates in the canvas's 280 × 280). */
async function drawSeven(page: Page): Promise<void> {
  const canvas = page.getByLabel('drawing area: draw a digit');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const at = (x: number, y: number): [number, number] => [box.x + (x / 280) * box.width, box.y + (y / 280) * box.height];
  await page.mouse.move(...at(80, 60));
  await page.mouse.down();
  for (const [x, y] of [
    [200, 60],
    [175, 120],
    [145, 185],
    [125, 240],
  ])
    await page.mouse.move(...at(x, y), { steps: 8 });
  await page.mouse.up();
}

/**
 * The Inside view (docs/guide/inside.md): one run with a drawn 7 — its prediction, hidden activations and weight
 * tiles — and three learning rates side by side, each predicting the same drawing.
 */
async function insideScreenshots(browser: Browser): Promise<void> {
  const home = newHome();
  for (const lr of ['0.1', '1', '3'])
    descent(home, ['train', '--iters', '600', '--train-size', '6000', '--seed', '4', '--lr', lr, '--name', `lr ${lr}`]);
  const wb = await openWorkbench(browser, home);
  try {
    const { page } = wb;
    await page.getByRole('button', { name: 'Inside', exact: true }).click();
    await page.locator('table.confusion').first().waitFor({ timeout: 120_000 });
    await drawSeven(page);
    await page.locator('rect[data-unit]').first().waitFor();
    await page.screenshot({ path: join(DOCS, 'screenshot-inside.png') });
    for (const i of [1, 2])
      await page
        .locator('ul[aria-label="runs"] li[data-run-id]')
        .nth(i)
        .locator('button.item')
        .click({ modifiers: ['Control'] });
    await page.locator('table.confusion').nth(2).waitFor({ timeout: 120_000 });
    await page.locator('.block').filter({ hasText: 'Prediction for the drawing' }).nth(2).locator('.row').first().waitFor();
    await screenshotEachLanguage(page, 'screenshot-inside-side-by-side');
    if (wb.consoleErrors.length) throw new Error(`the page logged errors:\n${wb.consoleErrors.join('\n')}`);
  } finally {
    await wb.close();
  }
}

/** The Train and Compare views' screenshots: the book's network trained from the form, then a sweep. */
async function trainAndCompareScreenshots(browser: Browser): Promise<void> {
  const wb = await openWorkbench(browser, newHome(), { rebuild: true });
  try {
    const { page } = wb;
    await trainFromForm(page, 1500, 10_000);
    await runsWithStatus(page, 'completed', 1);
    await screenshotEachLanguage(page, 'screenshot-train');
    await launchLearningRateSweep(page, '0.01, 0.1, 1', 300);
    await runsWithStatus(page, 'completed', 4);
    await screenshotEachLanguage(page, 'screenshot-compare', true);
    if (wb.consoleErrors.length) throw new Error(`the page logged errors:\n${wb.consoleErrors.join('\n')}`);
  } finally {
    await wb.close();
  }
}

/** Every page's screenshots, in order; `-- --only NAME` takes one page's alone (to retake them after a change there). */
const PAGES: Record<string, (browser: Browser) => Promise<void>> = {
  compare: trainAndCompareScreenshots,
  runs: runsScreenshot,
  inside: insideScreenshots,
  // The Lab's pages on a trained run (docs-screenshots-lab.ts).
  lab: (browser) => labScreenshots(browser, DOCS),
};
const onlyFlag = process.argv.indexOf('--only');
const only = onlyFlag >= 0 ? process.argv[onlyFlag + 1] : undefined;
if (only !== undefined && !(only in PAGES)) throw new Error(`--only: one of ${Object.keys(PAGES).join(', ')}, got ${only}`);

const browser = await launchChromium();
try {
  for (const [name, take] of Object.entries(PAGES)) if (only === undefined || name === only) await take(browser);
  console.log(`screenshots written to ${DOCS}`);
} finally {
  await browser.close();
}
