/**
 * The workbench in Chinese and Japanese, light and dark, at 1280×800 and 800×600: each view (train, compare,
 * inside, lab) lays out without sideways overflow and without cut labels. Translations are longer or shorter
 * than English and set in other fonts, so what fits in English may not fit in them.
 *
 * What "fits" means here, checked in the page (LAYOUT_PROBLEMS below):
 * - the page itself does not scroll sideways;
 * - no key container (header, nav, main, the run list, forms, fieldsets, sections, figures, readouts) is wider
 *   inside than out, unless it is a scroll container by design (overflow-x auto/scroll, e.g. the wide tables);
 * - no block-level labelled control — a button, a label, a legend, a summary, a table header, a heading, a
 *   description term, an entry of a chart's side legend — has text wider than its box (cut off, or sticking out);
 * - every select shows its chosen option whole (the option's text, measured in the select's font, fits inside
 *   the select less its padding and arrow).
 * Each check waits (expect.poll) for the layout to settle: charts and lists fill in after the view opens.
 * Then axe-core finds no serious or critical problem in the compare view as laid out at that size.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../support/axe';
import { e2eSuite } from '../support/e2e-suite';
import { newHome, openWorkbench, runItems, trainWithCli, type OpenWorkbench } from '../support/workbench-browser';

const suite = e2eSuite();
let workbench: OpenWorkbench;

/** The header's view buttons, in App.svelte's order (their names change with the language). */
const VIEW_TABS = { train: 0, compare: 2, lab: 5, inside: 6 } as const;
/** What each view shows once it is there (language-independent selectors). */
const VIEW_READY: Record<keyof typeof VIEW_TABS, string> = {
  train: 'main form',
  compare: 'main figure[data-chart]',
  lab: 'main .lab-page',
  inside: 'main section, main article, main figure',
};
const SIZES = [
  { width: 1280, height: 800 },
  { width: 800, height: 600 },
] as const;

/** Runs in the page: the layout problems of what is on screen, each said in words (empty: none). */
const LAYOUT_PROBLEMS = `(() => {
  const problems = [];
  const root = document.documentElement;
  const shown = (el) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && !el.closest('.visually-hidden, [hidden], [aria-hidden="true"]');
  };
  const name = (el) => {
    const label = el.getAttribute('aria-label');
    const text = (el.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 50);
    return el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '') + (label ? '[' + label + ']' : '') + ' "' + text + '"';
  };
  if (root.scrollWidth > root.clientWidth + 1) problems.push('the page scrolls sideways: ' + root.scrollWidth + ' > ' + root.clientWidth);
  for (const el of document.querySelectorAll('header, nav, main, aside, form, fieldset, section, figure, dl, .body, .controls')) {
    if (!shown(el)) continue;
    const style = getComputedStyle(el);
    if (style.overflowX === 'auto' || style.overflowX === 'scroll') continue;
    if (el.closest('[style*="overflow"], .table-scroll')) continue;
    if (el.scrollWidth > el.clientWidth + 1) problems.push(name(el) + ' overflows sideways: ' + el.scrollWidth + ' > ' + el.clientWidth);
  }
  for (const el of document.querySelectorAll('button, label, legend, summary, th, h1, h2, h3, dt, .side-legend li')) {
    if (!shown(el)) continue;
    const style = getComputedStyle(el);
    if (style.display === 'inline' || el.clientWidth === 0) continue;
    if (el.scrollWidth > el.clientWidth + 1) problems.push('the text of ' + name(el) + ' does not fit: ' + el.scrollWidth + ' > ' + el.clientWidth);
  }
  const context = document.createElement('canvas').getContext('2d');
  for (const el of document.querySelectorAll('select')) {
    if (!shown(el) || el.multiple || el.selectedIndex < 0) continue;
    const style = getComputedStyle(el);
    context.font = style.font;
    const text = el.options[el.selectedIndex].text;
    const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 16;
    const width = Math.ceil(context.measureText(text).width);
    if (width > room) problems.push('select[' + (el.name || el.getAttribute('aria-label') || '') + '] cuts "' + text + '": ' + width + ' > ' + room);
  }
  return problems;
})()`;

beforeAll(async () => {
  const home = newHome();
  // Five runs: with the accuracy chart's two line-style keys its legend has 7 entries and moves beside the plot,
  // where at 800 px Japanese keys were cut ("破線 = 訓練データ" in 115 px).
  const rates = ['0.01', '0.1', '0.5', '1', '10'];
  for (const lr of rates) trainWithCli(home, ['--iters', '60', '--train-size', '300', '--seed', '2', '--lr', lr]);
  workbench = await openWorkbench(suite.browser(), home);
  const { page } = workbench;
  // All selected: the compare view compares them, Inside shows them side by side.
  await runItems(page).nth(0).locator('button.item').click();
  for (let i = 1; i < rates.length; i++) {
    await runItems(page)
      .nth(i)
      .locator('button.item')
      .click({ modifiers: ['Control'] });
  }
}, 240_000);

afterAll(async () => {
  await workbench?.close();
});

async function showView(view: keyof typeof VIEW_TABS): Promise<void> {
  const { page } = workbench;
  const tab = page.locator('header nav button').nth(VIEW_TABS[view]);
  await tab.click();
  await expect.poll(() => tab.getAttribute('aria-current')).toBe('page');
  await page.locator(VIEW_READY[view]).first().waitFor();
}

describe.each(['zh-CN', 'ja'] as const)('the workbench in %s', (locale) => {
  it.each(['light', 'dark'] as const)('%s: every view fits at 1280×800 and 800×600, labels whole', async (colorScheme) => {
    const { page } = workbench;
    await page.locator('select[name=language]').selectOption(locale);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(locale);
    await page.emulateMedia({ colorScheme });
    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const view of Object.keys(VIEW_TABS) as Array<keyof typeof VIEW_TABS>) {
        await showView(view);
        await expect
          .poll(() => page.evaluate(LAYOUT_PROBLEMS), {
            timeout: 10_000,
            message: `${locale}, ${colorScheme}, ${size.width}×${size.height}, ${view}`,
          })
          .toEqual([]);
        // Narrow, the compare view's tables scroll sideways: a keyboard must reach them to scroll them
        // (axe: scrollable-region-focusable).
        if (view === 'compare')
          expect(await seriousAxeViolations(page), `axe: ${locale}, ${colorScheme}, ${size.width}×${size.height}`).toEqual([]);
      }
    }
  });
});

// The Lab's pages are views of their own: each in turn (by position: their names are translated), narrow and wide.
describe.each(['zh-CN', 'ja'] as const)('the Lab in %s', (locale) => {
  it('every page fits at 1280×800 and 800×600, labels whole', async () => {
    const { page } = workbench;
    await page.locator('select[name=language]').selectOption(locale);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(locale);
    await showView('lab');
    const pages = page.locator('main .lab > nav button');
    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (let i = 0; i < (await pages.count()); i++) {
        await pages.nth(i).click();
        await expect.poll(() => pages.nth(i).getAttribute('aria-current')).toBe('page');
        await expect
          .poll(() => page.evaluate(LAYOUT_PROBLEMS), {
            timeout: 10_000,
            message: `${locale}, ${size.width}×${size.height}, Lab page ${i + 1}`,
          })
          .toEqual([]);
      }
    }
  });
});
