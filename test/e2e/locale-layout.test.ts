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
 * Then axe-core finds no serious or critical problem in the compare and Inside views (four runs side by side) as laid
 * out at that size. The Inside view with a test image predicted and the Lab's simpleNet page show no English words
 * in the page's language (englishLeftovers), and axe finds nothing serious there either.
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
  for (const el of document.querySelectorAll('button, label, legend, summary, th, h1, h2, h3, dt, .side-legend li, figcaption > span:first-child')) {
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

/**
 * Words a page in Chinese or Japanese still shows in English, under the element `root` selects: its shown text and
 * its aria-label, title and placeholder attributes. Kept as written in every language (docs/glossary.md): code the
 * book prints (calls like numericalGradient(loss, W), file names like gradient_check.py, np.random.choice), file
 * formats, mnist, the activations' names, mini-batch and epoch (the Chinese book's words), Ctrl/Shift, the app's
 * name, simpleNet, and "seed" in the names the CLI gives runs. Words of one or two letters (W1, lr, dW, x, t) pass.
 */
const englishLeftovers = (root: string): string => `(() => {
  const KEPT = new Set(['png', 'svg', 'csv', 'json', 'mnist', 'sigmoid', 'relu', 'softmax', 'step', 'mini', 'batch', 'epoch',
    'ctrl', 'shift', 'descent', 'simplenet', 'float', 'sgd', 'log', 'sin', 'cos', 'exp', 'seed']);
  const words = (text) => text
    .replace(/[A-Za-z_][\\w.]*\\([^()]*\\)/g, ' ')
    .replace(/[\\w-]+\\.py\\b/g, ' ')
    .replace(/\\b[A-Za-z_]\\w*(\\.[A-Za-z_]\\w*)+/g, ' ')
    .match(/[A-Za-z]{3,}/g) || [];
  const english = (text) => words(text).filter((w) => !KEPT.has(w.toLowerCase()));
  const hidden = (el) => !el.getClientRects().length || el.closest('[hidden], [aria-hidden="true"], script, style');
  const found = [];
  const top = document.querySelector(${JSON.stringify(root)});
  if (!top) return ['nothing matches ' + ${JSON.stringify(root)}];
  const walker = document.createTreeWalker(top, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || hidden(el) || english(node.textContent).length === 0) continue;
    found.push(el.tagName.toLowerCase() + ': "' + node.textContent.trim().slice(0, 80) + '"');
  }
  for (const el of [top, ...top.querySelectorAll('[aria-label], [title], [placeholder]')]) {
    for (const name of ['aria-label', 'title', 'placeholder']) {
      const value = el.getAttribute(name);
      if (value && english(value).length > 0) found.push(el.tagName.toLowerCase() + '[' + name + ']: "' + value.slice(0, 80) + '"');
    }
  }
  return found;
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

/**
 * Runs in the page: for each run card's accuracy line ("test acc 0.127 · best 0.127 · 3 s"), its first two parts
 * ("test acc 0.127", "best 0.127") that are set on more than one line (a label cut from its value), in words,
 * and how many parts were looked at.
 */
const SPLIT_CARD_PARTS = `(() => {
  const split = [];
  let checked = 0;
  for (const card of document.querySelectorAll('.run-list li[data-run-id]')) {
    const meta = card.querySelectorAll('.meta')[1];
    const nodes = [];
    const walker = document.createTreeWalker(meta, NodeFilter.SHOW_TEXT);
    let text = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push({ node, start: text.length });
      text += node.textContent;
    }
    const at = (offset) => {
      const hit = nodes.filter((n) => n.start <= offset).pop();
      return [hit.node, offset - hit.start];
    };
    let from = 0;
    for (const part of text.split(' · ').slice(0, 2)) {
      const range = document.createRange();
      range.setStart(...at(from));
      range.setEnd(...at(from + part.length));
      // One line box per line: tops further apart than a few pixels are lines apart.
      const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => r.top).sort((x, y) => x - y);
      const lines = tops.filter((top, i) => i === 0 || top - tops[i - 1] > 4).length;
      checked++;
      if (lines > 1) split.push('"' + part + '" on ' + lines + ' lines');
      from += part.length + 3;
    }
  }
  return { checked, split };
})()`;

// The run list at 800 px: "test acc 0.127 · best / 0.127" wrapped between a label and its value.
describe.each(['en', 'zh-CN', 'ja'] as const)('the run list in %s at 800 px', (locale) => {
  it('keeps each label of a card with its value', async () => {
    const { page } = workbench;
    await page.locator('select[name=language]').selectOption(locale);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(locale);
    await page.setViewportSize(SIZES[1]);
    await showView('train');
    await expect.poll(() => page.locator('.run-list li[data-run-id] .meta').count()).toBe(10);
    // Five cards, two parts each.
    await expect.poll(() => page.evaluate(SPLIT_CARD_PARTS), { message: locale }).toEqual({ checked: 10, split: [] });
  });
});

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
        // Narrow, the compare view's tables scroll sideways, and so do the Inside view's four runs: a keyboard must reach them to scroll them
        // (axe: scrollable-region-focusable).
        if (view === 'compare' || view === 'inside')
          expect(await seriousAxeViolations(page), `axe: ${locale}, ${colorScheme}, ${size.width}×${size.height}`).toEqual([]);
      }
    }
  });
});

// What a user of the page in Chinese or Japanese reads in the Inside view: four runs with a test image's prediction.
// Before the Lab's pages: each visit to the simpleNet page starts a gradient check in a trainer process, and on a
// loaded machine the backend's Inside work queued behind them.
describe.each(['zh-CN', 'ja'] as const)('the Inside view in %s', (locale) => {
  it('four runs and a test image predicted: no English left, axe finds nothing serious', async () => {
    const { page } = workbench;
    await page.locator('select[name=language]').selectOption(locale);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(locale);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize(SIZES[0]);
    await showView('inside');
    await expect.poll(() => page.locator('main .runs table.confusion').count(), { timeout: 120_000 }).toBe(4);
    // "Use test image" (the drawing pad's second button): every run predicts test image 0 (its full-size softmax
    // bars; the mistakes' bars are compact).
    await page.locator('main .draw-block button').nth(1).click();
    await expect.poll(() => page.locator('main .runs .bars:not(.compact)').count(), { timeout: 120_000 }).toBe(4);
    await expect.poll(() => page.evaluate(englishLeftovers('main')), { message: `${locale}, Inside` }).toEqual([]);
    expect(await seriousAxeViolations(page), `axe: ${locale}, Inside`).toEqual([]);
  }, 300_000);
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

// The Lab's simpleNet page (§4.4.2) in Chinese or Japanese: its words and its negative dW entries' colours.
describe.each(['zh-CN', 'ja'] as const)('the simpleNet page in %s', (locale) => {
  it('no English left, axe finds nothing serious in light and dark', async () => {
    const { page } = workbench;
    await page.locator('select[name=language]').selectOption(locale);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(locale);
    await page.setViewportSize(SIZES[0]);
    await showView('lab');
    const simpleNet = page.locator('main .lab > nav button', { hasText: '§4.4.2' });
    await simpleNet.click();
    await expect.poll(() => simpleNet.getAttribute('aria-current')).toBe('page');
    await page.locator('main .lab-page td[data-value="dw02"]').waitFor();
    await expect.poll(() => page.evaluate(englishLeftovers('main .lab-page')), { message: `${locale}, simpleNet` }).toEqual([]);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await seriousAxeViolations(page), `axe: ${locale}, ${colorScheme}, simpleNet`).toEqual([]);
    }
  });
});
