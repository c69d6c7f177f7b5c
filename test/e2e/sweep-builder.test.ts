/** The sweep builder keeps what was typed while the user looks at another view (USER-TRIAL: a half-filled form). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../support/axe';
import { e2eSuite } from '../support/e2e-suite';
import { newHome, openWorkbench, runsWithStatus } from '../support/workbench-browser';

const suite = e2eSuite();

/** The builder's fields: parameter, values, iterations, seeds, at once, group name. */
const BUILDER_FIELDS = ['parameter', 'values', 'sweepIterations', 'sweepRepeat', 'sweepParallel', 'group'];
/** The builder's fields as shown, in BUILDER_FIELDS' order. */
const builderFields = (page: Page) => Promise.all(BUILDER_FIELDS.map((n) => page.inputValue(`[name=${n}]`)));
/** Types `typed` into the builder's fields, in BUILDER_FIELDS' order (the parameter chosen from its menu). */
async function fillBuilder(page: Page, typed: string[]): Promise<void> {
  await page.selectOption('select[name=parameter]', typed[0]);
  for (const [i, name] of BUILDER_FIELDS.entries()) if (i > 0) await page.fill(`input[name=${name}]`, typed[i]);
}

describe('sweep builder, in Chromium', () => {
  it("keeps its fields across a change of view; a launched sweep's group name is not offered again; its header shows focus; runs selected from the keyboard", async () => {
    const wb = await openWorkbench(suite.browser(), newHome());
    const { page } = wb;
    const sweepTab = page.getByRole('button', { name: 'Sweep', exact: true });
    const fields = () => builderFields(page);
    try {
      await sweepTab.click();
      const typed = ['batchSize', '50, 100', '30', '2', '1', 'batch for the report'];
      await fillBuilder(page, typed);
      expect(await fields()).toEqual(typed);

      await page.getByRole('button', { name: 'Train', exact: true }).click();
      await page.locator('main form input[name=iterations]').waitFor();
      await sweepTab.click();
      expect(await fields()).toEqual(typed);

      // Launched (2 values × 2 seeds), the next sweep gets a name of its own; the values stay for another try.
      await page.fill('input[name=sweepRepeat]', '1');
      await page.getByRole('button', { name: 'Launch 2 runs' }).click();
      await page.getByRole('heading', { name: 'Compare 2 runs' }).waitFor();
      await runsWithStatus(page, 'completed', 2);
      await sweepTab.click();
      const [, values, iterations, , , group] = await fields();
      expect([values, iterations]).toEqual(['50, 100', '30']);
      expect(group).toMatch(/^sweep \d\d:\d\d$/);

      // The run list's header of the sweep, reached from the keyboard, shows that it has the focus.
      const header = page.locator('ul[aria-label="runs"] button.group', { hasText: 'batch for the report' });
      await page.locator('ul[aria-label="runs"] li[data-run-id] button.item').first().focus();
      await page.keyboard.press('Shift+Tab');
      expect(
        await header.evaluate(
          (e) => e.ownerDocument.activeElement === e && e.ownerDocument.defaultView?.getComputedStyle(e).outlineStyle,
        ),
      ).toBe('solid');

      // Several runs selected from the keyboard, as the list's hint says: Enter on one, Shift+Enter on another.
      expect(await page.locator('p.hint', { hasText: 'Click to watch a run' }).textContent()).toContain(
        'from the keyboard: Shift+Enter',
      );
      const items = page.locator('ul[aria-label="runs"] li[data-run-id] button.item');
      await items.nth(0).focus();
      await page.keyboard.press('Enter');
      await items.nth(1).focus();
      await page.keyboard.press('Shift+Enter');
      await expect.poll(() => page.locator('ul[aria-label="runs"] button.item[aria-pressed=true]').count()).toBe(2);

      // A sweep the backend refuses (the run form's dataset is no folder) keeps everything typed, its name too.
      await page.getByRole('button', { name: 'Train', exact: true }).click();
      await page.fill('main form input[name=dataset]', 'no-such-folder');
      await sweepTab.click();
      await page.fill('input[name=group]', 'to be corrected');
      await page.getByRole('button', { name: 'Launch 2 runs' }).click();
      await page.getByText('dataset folder not found: no-such-folder').waitFor();
      expect(await fields()).toEqual(['batchSize', '50, 100', '30', '1', '1', 'to be corrected']);
      expect(
        wb.consoleErrors.filter((e) => !e.startsWith('Failed to load resource: the server responded with a status of')),
      ).toEqual([]);
    } finally {
      await wb.close();
    }
  }, 180_000);

  it('keeps its fields across a reload of the page and a restart of descent serve on the same home', async () => {
    const home = newHome();
    const typed = ['hidden', '20, 40', '25', '3', '2', 'width for the report'];
    const first = await openWorkbench(suite.browser(), home);
    try {
      const { page } = first;
      await page.getByRole('button', { name: 'Sweep', exact: true }).click();
      await fillBuilder(page, typed);
      // Looked at elsewhere, then reloaded: the page opens on the Train view with the builder's fields kept.
      await page.getByRole('button', { name: 'Train', exact: true }).click();
      await page.reload();
      await page.locator('header .info').filter({ hasText: ' at a time · ' }).waitFor();
      await page.getByRole('button', { name: 'Sweep', exact: true }).click();
      expect(await builderFields(page)).toEqual(typed);
      // Saved in the store's home once the changes settle (what a restarted server serves).
      await expect
        .poll(() => {
          const file = join(home, 'ui-state.json');
          return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { sweep?: unknown }).sweep : null;
        })
        .toMatchObject({ parameter: 'hidden', valuesText: '20, 40', name: 'width for the report' });
      expect(first.consoleErrors).toEqual([]);
    } finally {
      await first.close({ keepHome: true });
    }
    // A new server on the same home, a new browser context (nothing kept in the browser): the home's copy.
    const again = await openWorkbench(suite.browser(), home);
    try {
      await again.page.getByRole('button', { name: 'Sweep', exact: true }).click();
      expect(await builderFields(again.page)).toEqual(typed);
      // Values it refuses are listed (and kept like the rest): a list axe-core finds nothing serious in.
      await again.page.fill('input[name=values]', '20, x, 20');
      await expect.poll(() => again.page.locator('ul[aria-label="problems with the values"] li').count()).toBe(2);
      expect(await seriousAxeViolations(again.page)).toEqual([]);
      expect(again.consoleErrors).toEqual([]);
    } finally {
      await again.close();
    }
  }, 180_000);
});
