/**
 * `npm run docs:screenshots`: the README's screenshots (docs/screenshot-*.png), taken on a fresh store with the
 * e2e tests' browser flow: the book's network trained from the form, then a learning-rate sweep compared; then the
 * Runs view of a learning-rate × batch sweep trained with the command line.
 * The only script that writes them; tests never do. `-- --out DIR` writes them to DIR instead (to look first).
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import {
  launchChromium,
  launchLearningRateSweep,
  newHome,
  openWorkbench,
  runsWithStatus,
  trainFromForm,
} from '../test/support/workbench-browser';

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

const browser = await launchChromium();
try {
  const wb = await openWorkbench(browser, newHome(), { rebuild: true });
  try {
    const { page } = wb;
    await trainFromForm(page, 1500, 10_000);
    await runsWithStatus(page, 'completed', 1);
    await page.screenshot({ path: join(DOCS, 'screenshot-train.png') });
    await launchLearningRateSweep(page, '0.01, 0.1, 1', 300);
    await runsWithStatus(page, 'completed', 4);
    await page.screenshot({ path: join(DOCS, 'screenshot-compare.png'), fullPage: true });
    if (wb.consoleErrors.length) throw new Error(`the page logged errors:\n${wb.consoleErrors.join('\n')}`);
  } finally {
    await wb.close();
  }
  await runsScreenshot(browser);
  console.log(`screenshots written to ${DOCS}`);
} finally {
  await browser.close();
}
