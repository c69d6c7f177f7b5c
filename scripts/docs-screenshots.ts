/**
 * `npm run docs:screenshots`: the README's screenshots (docs/screenshot-*.png), taken on a fresh store with the
 * e2e tests' browser flow: the book's network trained from the form, then a learning-rate sweep compared.
 * The only script that writes them; tests never do. `-- --out DIR` writes them to DIR instead (to look first).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
    console.log(`screenshots written to ${DOCS}`);
  } finally {
    await wb.close();
  }
} finally {
  await browser.close();
}
