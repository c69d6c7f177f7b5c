/**
 * The student's main job in Chromium: a learning-rate sweep compared and exported for a report, and the
 * user's work kept (the form across views, the page across a lost backend). The runs are made once by
 * `descent sweep` before the server starts; each case opens what it needs, so cases run in any order.
 * Set DESCENT_SCREENSHOTS to a folder to keep screenshots of the views (light and dark).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../support/axe';
import { sweepLearningRates } from '../support/descent-cli';
import { svgTexts as readSvgTexts } from '../support/svg-texts';
import { launchChromium, servedUrl } from '../support/workbench-browser';

const BIN = join(__dirname, '..', '..', 'bin', 'descent.js');
const HOME = mkdtempSync(join(tmpdir(), 'descent-e2e-compare-'));
const DOWNLOADS = mkdtempSync(join(tmpdir(), 'descent-downloads-'));
const SHOTS = process.env.DESCENT_SCREENSHOTS;
const RATES = ['0.001', '0.01', '0.1', '0.5', '1', '3', '100'];
const SHARED = '784-50-10 sigmoid · batch 100 · 300 iterations · 1,000 images · seed 3';

let server: ChildProcess;
let port: number;
let origin: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;

/**
 * Starts `descent serve` on `port` and opens its address (with the new token) in a tab of its own, as a user
 * does: the bridge's session cookie then reaches every page of the browser context.
 */
async function startServer(): Promise<void> {
  server = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--parallel', '2'], {
    env: { ...process.env, DESCENT_HOME: HOME },
  });
  const url = await servedUrl(server);
  origin = new URL(url).origin;
  const tab = await context.newPage();
  await tab.goto(url);
  await tab.close();
}

async function stopServer(): Promise<void> {
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGINT');
  await exited;
}

beforeAll(async () => {
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  sweepLearningRates(HOME, RATES, 300);
  // A free port, kept across the restart of the server (the page's origin stays the same).
  port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as { port: number };
      probe.close(() => resolve(free));
    });
  });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  await startServer();
  page = await context.newPage();
  await page.goto(origin);
  await page.getByRole('heading', { name: 'New run' }).waitFor();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null) await stopServer();
  rmSync(HOME, { recursive: true, force: true });
  rmSync(DOWNLOADS, { recursive: true, force: true });
});

const figure = (title: string) => page.locator(`figure[data-chart="${title}"]`).first();
const ticks = (title: string, axis: 'x' | 'y' = 'x') =>
  figure(title)
    .getAttribute(`data-${axis}-ticks`)
    .then((t) => (t ?? '').split(' ').filter(Boolean));
const runItems = () => page.locator('ul[aria-label="runs"] li[data-run-id]');
/** Runs in the page: the run filter's placeholder measured in the input's font against the room inside it. */
const PLACEHOLDER_FIT = `(() => {
  const input = document.querySelector('input.filter');
  const style = getComputedStyle(input);
  const context = document.createElement('canvas').getContext('2d');
  context.font = style.font;
  const width = Math.ceil(context.measureText(input.placeholder).width);
  const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return { placeholder: input.placeholder, width, room, fits: width <= room };
})()`;

/** How many lines the compare view's heading and each of its export buttons take (text measured by a Range). */
const HEAD_LINES = `(() => {
  const lines = (element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
  };
  const head = document.querySelector('section.compare .head');
  return [head.querySelector('h2'), ...head.querySelectorAll('.exports button')].map(lines);
})()`;

/** Runs `check` with the page in each language at each width (named for its message), then back to English at 1400 px. */
async function inEveryLanguageAt(widths: number[], check: (where: string) => Promise<unknown>): Promise<void> {
  try {
    for (const locale of ['en', 'zh-CN', 'ja']) {
      await page.locator('select[name=language]').selectOption(locale);
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(locale);
      for (const width of widths) {
        await page.setViewportSize({ width, height: 1000 });
        await check(`${locale} at ${width} px`);
      }
    }
  } finally {
    await page.locator('select[name=language]').selectOption('en');
    await page.setViewportSize({ width: 1400, height: 1000 });
  }
}

async function openSweep(): Promise<void> {
  await page.getByRole('button', { name: '▸ lrs' }).click();
  await page.getByRole('heading', { name: `Compare ${RATES.length} runs` }).waitFor();
  await expect.poll(() => ticks('Sweep result')).toEqual(RATES);
}

async function download(action: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }).catch(async (error: unknown) => {
      // Say what the page said instead (an export that failed shows its reason in an alert).
      const alerts = await page.getByRole('alert').allTextContents();
      throw new Error(`no download: ${String(error).split('\n')[0]}; the page's alerts: ${JSON.stringify(alerts)}`);
    }),
    action(),
  ]);
  const path = join(DOWNLOADS, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

async function shoot(name: string): Promise<void> {
  if (!SHOTS) return;
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, `${name}-${colorScheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** The texts of an exported SVG as the page's parser reads them. */
const svgTexts = (text: string) => readSvgTexts(page, text);

describe('comparing learning rates for a report, in Chromium', () => {
  it('the Train form keeps its edits across views and reloads', async () => {
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByLabel('hidden layer 1 size').fill('100');
    await page.fill('input[name=learningRate]', '0.5');
    await page.fill('input[name=iterations]', '777');
    await page.getByRole('button', { name: /^Gradient check$/ }).click();
    await expect
      .poll(() => page.locator('form[aria-label="Gradient check"] .note').first().textContent())
      .toContain('784-100-10');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    expect(await page.getByLabel('hidden layer 1 size').inputValue()).toBe('100');
    expect(await page.inputValue('input[name=learningRate]')).toBe('0.5');
    expect(await page.inputValue('input[name=iterations]')).toBe('777');
    // …and across a reload of the page (kept with the page's state).
    await page.reload();
    await page.getByRole('heading', { name: 'New run' }).waitFor();
    expect(await page.getByLabel('hidden layer 1 size').inputValue()).toBe('100');
    expect(await page.inputValue('input[name=learningRate]')).toBe('0.5');
    expect(await page.inputValue('input[name=iterations]')).toBe('777');
  });

  it('names runs by what differs, one legend entry per run plus the line key in a side list, badges runs that did not learn', async () => {
    await openSweep();
    const names = RATES.map((r) => `lr ${r}`);
    // The histories load after the view opens: the legends fill as they arrive.
    await expect
      .poll(() => page.locator('ul[aria-label="legend of Accuracy per iteration"] li').allTextContents(), { timeout: 30_000 })
      .toEqual([...names, 'solid = test', 'dashed = train']);
    await expect
      .poll(() => page.locator('ul[aria-label="legend of Loss per iteration"] li').allTextContents(), { timeout: 30_000 })
      .toEqual(names);
    expect(await page.locator('p.shared').textContent()).toBe(`All runs: ${SHARED}`);
    // lr 0.001 and 0.01 barely move from ln 10 in 300 iterations; lr 100 jumps about far above it.
    const badged = page.locator('table.summary tbody tr', { has: page.locator('.badge') }).locator('th');
    expect(await badged.allTextContents()).toEqual(['lr 0.001', 'lr 0.01', 'lr 100']);
    expect(await page.locator('ul[aria-label="runs"] .badge', { hasText: 'did not learn' }).count()).toBe(3);
    // Each badge stands apart from the duration before it on its line (Svelte trimmed the space: they touched).
    const gaps = await page.locator('ul[aria-label="runs"] .meta:has(.badge)').evaluateAll((metas) =>
      metas.map((meta) => {
        type Box = { left: number; right: number; top: number };
        const box = (selector: string) =>
          (meta as unknown as { querySelector(s: string): { getBoundingClientRect(): Box } })
            .querySelector(selector)
            .getBoundingClientRect();
        const [duration, badge] = [box('.duration'), box('.badge')];
        return Math.abs(badge.top - duration.top) < 4 ? badge.left - duration.right : 'wrapped';
      }),
    );
    expect(gaps).toHaveLength(3);
    expect(gaps.filter((gap) => gap !== 'wrapped').length).toBeGreaterThan(0);
    for (const gap of gaps) if (gap !== 'wrapped') expect(gap).toBeGreaterThanOrEqual(3);
    await expect.poll(() => page.getByText('Best: lr 1, test accuracy 0.870.').isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Final accuracy against learning rate' }).isVisible()).toBe(true);
    await shoot('compare-7-runs');
  });

  it('keeps the config table readable with many runs: it scrolls sideways, the field names stay in view', async () => {
    await openSweep();
    await page.setViewportSize({ width: 800, height: 600 });
    try {
      const scroller = page.locator('.table-scroll').first();
      const firstColumn = page.locator('table.diff tbody th').first();
      await scroller.scrollIntoViewIfNeeded();
      expect(
        await scroller.evaluate(
          (e) =>
            (e as unknown as { scrollWidth: number; clientWidth: number }).scrollWidth >
            (e as unknown as { clientWidth: number }).clientWidth,
        ),
      ).toBe(true);
      const before = (await firstColumn.boundingBox())!.x;
      await scroller.evaluate((e) => void ((e as unknown as { scrollLeft: number }).scrollLeft = 400));
      await expect.poll(async () => (await firstColumn.boundingBox())!.x).toBe(before);
      await shoot('compare-800x600');
    } finally {
      await page.setViewportSize({ width: 1400, height: 1000 });
    }
  });

  it('zoomed axes have round tick labels; the zoom resets when the compared runs change', async () => {
    await openSweep();
    const canvas = figure('Loss per iteration').locator('canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.33, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.61, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await figure('Loss per iteration').getByRole('button', { name: 'Reset zoom' }).waitFor();
    const zoomed = (await ticks('Loss per iteration')).map(Number);
    expect(Math.max(...zoomed)).toBeLessThan(250);
    expect(Math.min(...zoomed)).toBeGreaterThan(50);
    // Round: multiples of the (round) step, no stray ends such as 484.147.
    const step = zoomed[1] - zoomed[0];
    expect([1, 2, 2.5, 5, 10, 20, 25, 50]).toContain(step);
    for (const t of zoomed) expect(Math.abs(t / step - Math.round(t / step))).toBeLessThan(1e-9);
    // One run fewer: the whole range again, no reset button.
    await runItems()
      .filter({ hasText: 'lr 100' })
      .locator('button.item')
      .click({ modifiers: ['Control'] });
    await page.getByRole('heading', { name: `Compare ${RATES.length - 1} runs` }).waitFor();
    await expect.poll(() => ticks('Loss per iteration').then((t) => t[t.length - 1])).toBe('300');
    expect(await figure('Loss per iteration').getByRole('button', { name: 'Reset zoom' }).count()).toBe(0);
  });

  it('side-by-side panels follow log loss and the x axis; titles follow the x axis; log ticks below 1 are labelled', async () => {
    await openSweep();
    try {
      await page.getByLabel('x axis').selectOption('epoch');
      await page.getByLabel('log loss').check();
      await figure('Loss per epoch').waitFor();
      await figure('Accuracy per epoch').waitFor();
      // 300 iterations of 1000 images in batches of 100: 30 epochs.
      const panel = page.locator('.multiples figure[data-chart="lr 1"]');
      await expect.poll(() => panel.getAttribute('data-x-ticks').then((t) => t!.split(' ').pop())).toBe('30');
      await expect
        .poll(() => panel.getAttribute('data-y-ticks').then((t) => t!.split(' ')))
        .toEqual(expect.arrayContaining(['0.1', '1', '10']));
      expect(await ticks('Loss per epoch', 'y')).toEqual(
        expect.arrayContaining(['0.05', '0.1', '0.2', '0.5', '1', '2', '5', '10']),
      );
    } finally {
      await page.getByLabel('x axis').selectOption('iteration');
      await page.getByLabel('log loss').uncheck();
    }
  });

  it('every chart exports PNG, SVG, CSV and JSON; figures carry a title, what the runs share, axis words and the legend once', async () => {
    await openSweep();
    const charts = [
      { title: 'Loss per iteration', figureTitle: 'Loss per iteration', axes: ['iteration', 'loss'], rows: RATES.length * 301 },
      {
        title: 'Accuracy per iteration',
        figureTitle: 'Accuracy per iteration',
        axes: ['iteration', 'accuracy'],
        rows: RATES.length * 301,
      },
      { title: 'lr 1', figureTitle: 'Loss per iteration: lr 1', axes: ['iteration', 'loss'], rows: 301 },
      {
        title: 'Sweep result',
        figureTitle: 'Final accuracy against learning rate',
        axes: ['learning rate', 'final accuracy'],
        rows: RATES.length,
      },
    ];
    for (const [index, chart] of charts.entries()) {
      if (index > 0) {
        // Each chart's four downloads from a page of its own: Chromium lets a page download several files only
        // while each click's user activation lasts, and a long render on a busy machine outlasts it (after
        // which every later download of that page is refused silently). A user exports one file at a time.
        await page.close();
        page = await context.newPage();
        await page.goto(origin);
        await openSweep();
      }
      const button = (format: string) => figure(chart.title).getByRole('button', { name: format, exact: true });
      const png = PNG.sync.read(readFileSync(await download(() => button('PNG').click())));
      expect([png.width, png.height]).toEqual([2400, 1400]);
      const svgText = readFileSync(await download(() => button('SVG').click()), 'utf8');
      // Lean: curves reduced per pixel column as plotted (7 runs' raw and smoothed loss: ~160 kB).
      expect(svgText.length).toBeLessThan(300_000);
      const svg = await svgTexts(svgText);
      expect(svg.error).toBeNull();
      expect(svg.texts).toEqual(expect.arrayContaining([chart.figureTitle, ...chart.axes]));
      // The subtitle says what the runs share (a panel: everything about its one run).
      expect(
        svg.texts.some(
          (t) => t.startsWith('784-50-10 sigmoid · ') && t.includes('batch 100 · 300 iterations · 1,000 images · seed 3'),
        ),
      ).toBe(true);
      if (chart.title !== 'lr 1' && chart.title !== 'Sweep result') {
        for (const name of RATES.map((r) => `lr ${r}`)) expect(svg.texts.filter((t) => t === name)).toHaveLength(1);
      }
      const csv = readFileSync(await download(() => button('CSV').click()), 'utf8')
        .trim()
        .split('\n');
      expect(csv[0]).toMatch(/^run,name,dataset,layers,activation,.*learning_rate,batch_size,.*seed,/);
      expect(csv).toHaveLength(1 + chart.rows);
      const json = JSON.parse(readFileSync(await download(() => button('JSON').click()), 'utf8'));
      expect(json.title).toBe(chart.figureTitle.startsWith('Loss per iteration: ') ? chart.figureTitle : json.title);
      expect(json.points).toMatch(/^as plotted/);
    }
    const sweepCsv = readFileSync(
      await download(() => figure('Sweep result').getByRole('button', { name: 'CSV', exact: true }).click()),
      'utf8',
    );
    expect(sweepCsv.split('\n')[0]).toMatch(/,status,verdict,final_loss,mean_loss_last100,train_acc,test_acc$/);
    expect(sweepCsv.split('\n').filter((l) => l.includes(',did not learn,'))).toHaveLength(3);
    const lossCsv = readFileSync(
      await download(() => figure('Loss per iteration').getByRole('button', { name: 'CSV', exact: true }).click()),
      'utf8',
    ).split('\n');
    expect(lossCsv[0]).toContain(',iteration,epoch,loss,loss_smoothed,smoothing,train_acc,test_acc');
  });

  it('an export dialog edits title, legend labels, size and font size, previews, then saves', async () => {
    await openSweep();
    await figure('Loss per iteration').getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export figure' });
    await dialog.waitFor();
    await dialog.locator('input[name=figureTitle]').fill('Learning rates compared');
    await dialog.getByLabel('legend label for lr 1', { exact: true }).fill('η = 1');
    await dialog.locator('input[name=figureWidth]').fill('900');
    await dialog.locator('input[name=figureHeight]').fill('500');
    await dialog.locator('input[name=figureFontSize]').fill('16');
    await expect
      .poll(() =>
        dialog
          .getByRole('img', { name: 'Preview of the exported figure' })
          .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
      )
      .toBe(900);
    await shoot('export-dialog');
    // As code: a matplotlib script and its CSV (run here when Debian's python3-matplotlib is installed), and pgfplots.
    const [first, second] = await Promise.all([
      page.waitForEvent('download', { predicate: (d) => d.suggestedFilename().endsWith('.csv') }),
      page.waitForEvent('download', { predicate: (d) => d.suggestedFilename().endsWith('.py') }),
      dialog.getByRole('button', { name: 'Python (matplotlib) + CSV' }).click(),
    ]);
    const codeDir = mkdtempSync(join(tmpdir(), 'descent-code-'));
    await first.saveAs(join(codeDir, first.suggestedFilename()));
    await second.saveAs(join(codeDir, second.suggestedFilename()));
    expect(readFileSync(join(codeDir, second.suggestedFilename()), 'utf8')).toContain(first.suggestedFilename());
    if (spawnSync('/usr/bin/python3', ['-c', 'import matplotlib']).status === 0) {
      const run = spawnSync('/usr/bin/python3', [join(codeDir, second.suggestedFilename())], {
        env: { ...process.env, MPLCONFIGDIR: codeDir },
      });
      expect(run.status).toBe(0);
      expect(existsSync(join(codeDir, second.suggestedFilename().replace(/\.py$/, '.pdf')))).toBe(true);
    }
    rmSync(codeDir, { recursive: true, force: true });
    const texText = readFileSync(await download(() => dialog.getByRole('button', { name: 'LaTeX (pgfplots)' }).click()), 'utf8');
    expect(texText.match(/\\addlegendentry\{/g)).toHaveLength(RATES.length);
    expect(texText).toContain('\\addlegendentry{η = 1}');
    const text = readFileSync(await download(() => dialog.getByRole('button', { name: 'Save SVG' }).click()), 'utf8');
    expect(text).toMatch(/^(<\?xml[^>]*>\s*)?<svg[^>]* width="900" height="500"/);
    const svg = await svgTexts(text);
    expect(svg.texts).toEqual(expect.arrayContaining(['Learning rates compared', SHARED, 'η = 1', 'lr 0.1']));
    expect(svg.texts).not.toContain('lr 1');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('exports the report figure as PNG at 300 dpi, SVG and PDF in each size, text kept as text', async () => {
    // The PDF writer loads on demand: a fresh page has the chunk names of the UI as served now (others
    // editing the UI's sources make `descent serve` rebuild it).
    await page.reload();
    await page.locator('nav[aria-label="views"]').waitFor();
    await openSweep();
    await page.getByText('Report figure').click();
    const title = 'Training with different learning rates';
    for (const [preset, widthIn] of [
      ['single', 3.5],
      ['double', 7],
      ['slide', 40 / 3],
    ] as const) {
      await page.getByLabel('figure size').selectOption(preset);
      const png = PNG.sync.read(readFileSync(await download(() => page.getByRole('button', { name: 'Figure PNG' }).click())));
      expect(png.width).toBe(Math.round(widthIn * 300));
      if (preset === 'slide') expect(png.height).toBe(2250);
      const svgFile = await download(() => page.getByRole('button', { name: 'Figure SVG' }).click());
      const svg = await svgTexts(readFileSync(svgFile, 'utf8'));
      expect(svg.error).toBeNull();
      expect(svg.texts).toEqual(
        expect.arrayContaining([
          title,
          SHARED,
          'Loss per iteration',
          'Accuracy per iteration',
          'Final accuracy against learning rate',
          'learning rate',
        ]),
      );
      // The legend once (each run named by the loss chart only), and the caption table's row of each run.
      expect(svg.texts.filter((t) => t === 'lr 1')).toHaveLength(2);
      expect(svg.texts).toEqual(expect.arrayContaining(['loss (mean of last 100)', 'test accuracy', 'did not learn']));
      // A Debian SVG renderer reads it (as LaTeX's \includesvg path through Inkscape or rsvg would).
      const rsvg = spawnSync('rsvg-convert', ['-o', join(DOWNLOADS, 'check.png'), svgFile]);
      if (!rsvg.error) expect(rsvg.status).toBe(0);
      const pdf = readFileSync(await download(() => page.getByRole('button', { name: 'Figure PDF' }).click())).toString('latin1');
      expect(pdf.startsWith('%PDF-')).toBe(true);
      // A page of the figure's width (in points), the title as text, no bitmap.
      expect(pdf).toMatch(new RegExp(`/MediaBox \\[0 0 ${Math.round(widthIn * 72)}[. ]`));
      expect(pdf).toContain(`(${title})`);
      expect(pdf).not.toContain('/Subtype /Image');
    }
  });

  it("keeps the compare view's heading and each export button on one line at 800 and 1400 px in every language", async () => {
    await openSweep();
    await inEveryLanguageAt([800, 1400], (where) =>
      expect.poll(() => page.evaluate(HEAD_LINES), { message: where }).toEqual([1, 1, 1, 1]),
    );
  });

  it('filters the run list by any card text, words ANDed, and by lr:… field filters', async () => {
    const filter = page.getByLabel('filter runs');
    try {
      expect(await filter.getAttribute('placeholder')).toContain('lr:0.1');
      expect(await filter.getAttribute('title')).toContain('status:completed');
      // The placeholder is whole at 800 and 1400 px in every language (it was cut at every width; the field
      // filters' syntax is in the title).
      await inEveryLanguageAt([800, 1400], (where) =>
        expect.poll(() => page.evaluate(PLACEHOLDER_FIT), { message: where }).toMatchObject({ fits: true }),
      );
      await filter.fill('lr:1');
      await expect.poll(() => runItems().locator('.name').allTextContents()).toEqual(['lr 1']);
      await filter.fill('did not learn lr:100');
      await expect.poll(() => runItems().locator('.name').allTextContents()).toEqual(['lr 100']);
      await filter.fill('sigmoid nothing-like-this');
      await expect.poll(() => runItems().count()).toBe(0);
    } finally {
      await filter.fill('');
    }
  });

  it('the sweep form lists every bad value and refuses duplicates; nothing starts', async () => {
    await page.getByRole('button', { name: 'Sweep', exact: true }).click();
    await page.fill('input[name=values]', '0.1, x, -1, 0.1');
    const problems = page.locator('ul[aria-label="problems with the values"] li');
    await expect
      .poll(() => problems.allTextContents())
      .toEqual([
        '"x" is not a number',
        'learning rate: must be a number greater than 0 and at most 1000, got -1',
        '0.1 is listed twice (each value makes one run)',
      ]);
    expect(await page.getByRole('button', { name: /^Launch/ }).isDisabled()).toBe(true);
  });

  it('keyboard: a skip link reaches the run form; Ctrl+Enter starts a run', async () => {
    // A fresh page on another view: the first Tab reaches the skip link.
    await page.getByRole('button', { name: 'Sweep', exact: true }).click();
    await page.reload();
    await page.getByRole('heading', { name: 'Sweep' }).waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to the run form' });
    expect(
      await skip.evaluate(
        (e) => e === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
      ),
    ).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'New run' }).waitFor();
    expect(
      await page.evaluate(
        () =>
          (
            globalThis as unknown as { document: { activeElement: { closest(s: string): unknown } } }
          ).document.activeElement.closest('#run-form') !== null,
      ),
    ).toBe(true);
    const before = await runItems().count();
    await page.getByRole('button', { name: 'Book defaults' }).click();
    await page.fill('input[name=iterations]', '20');
    await page.fill('input[name=trainSize]', '500');
    await page.fill('input[name=name]', 'started by keyboard');
    await page.keyboard.press('Control+Enter');
    const added = runItems().filter({ hasText: 'started by keyboard' });
    try {
      await expect.poll(() => runItems().count(), { timeout: 30_000 }).toBe(before + 1);
      await expect.poll(() => added.getAttribute('data-status'), { timeout: 60_000 }).toBe('completed');
    } finally {
      // Leave the store as the other cases expect it: the seven runs of the sweep.
      if (await added.count()) {
        await expect.poll(() => added.getAttribute('data-status'), { timeout: 60_000 }).not.toMatch(/^(queued|running|paused)$/);
        await added.locator('button.item').click();
        await added.getByRole('button', { name: 'Delete' }).click();
        await expect.poll(() => runItems().count(), { timeout: 30_000 }).toBe(before);
      }
    }
  });

  it('numerical gradient: the estimated time of the whole run is shown, and a long one asks before it starts', async () => {
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByRole('button', { name: 'Book defaults' }).click();
    await page.getByLabel(/numerical/).check();
    try {
      // The book's network, 10 000 iterations of the numerical gradient: well over the 3 minutes that ask first.
      await expect
        .poll(() => page.locator('.run-form .note').filter({ hasText: 'per iteration' }).textContent())
        .toMatch(/for 10,000 iterations \(you will be asked to confirm\)/);
      const before = await runItems().count();
      const asked: string[] = [];
      page.once('dialog', (dialog) => void (asked.push(dialog.message()), dialog.dismiss()));
      await page.getByRole('button', { name: 'Start training' }).click();
      await expect
        .poll(() => asked)
        .toEqual([
          expect.stringMatching(
            /^The numerical gradient for 10,000 iterations takes about \d+ (h \d+ min|min \d+ s) here\. Start anyway\?$/,
          ),
        ]);
      await page.waitForTimeout(300);
      expect(await runItems().count()).toBe(before);
    } finally {
      await page.getByLabel(/analytic/).check();
    }
  });

  it('axe-core finds no serious or critical problem on any view, light or dark, with seven runs compared', async () => {
    const findings: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      // Every view the navigation offers (the compare view with the seven runs of the sweep).
      const tabs = page.locator('nav[aria-label="views"] button');
      for (let t = 0; t < (await tabs.count()); t++) {
        const view = (await tabs.nth(t).textContent())!.trim();
        if (view.startsWith('Compare')) await openSweep();
        else await tabs.nth(t).click();
        await page.waitForTimeout(300);
        const violations = await seriousAxeViolations(page);
        findings.push(...violations.map((v) => `${colorScheme} ${view}: ${v}`));
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
    expect(
      findings,
      await page
        .locator('.banner')
        .allTextContents()
        .then((t) => t.join(' / ')),
    ).toEqual([]);
  });

  it('says at once when the backend goes away, explains a Start meanwhile, and reconnects by itself', async () => {
    const watcher = await context.newPage();
    try {
      await watcher.goto(origin, { timeout: 60_000 });
      // `descent serve` rebuilds the UI when its sources changed (others may be editing them): a page that
      // loaded mid-build is loaded again.
      const views = watcher.locator('nav[aria-label="views"]');
      await views.waitFor({ timeout: 20_000 }).catch(async () => {
        await watcher.reload();
        await views.waitFor();
      });
      // The runs listed: the page has loaded its saved state too (the view the last case left, e.g. Inside), which
      // would undo a click on Train made before it.
      await expect
        .poll(() => watcher.locator('ul[aria-label="runs"] li[data-run-id]').count(), { timeout: 30_000 })
        .toBe(RATES.length);
      await watcher.getByRole('button', { name: 'Train', exact: true }).click();
      await watcher.getByRole('button', { name: 'Start training' }).waitFor();
      await stopServer();
      const offline = watcher.locator('.banner.offline');
      await offline.waitFor({ timeout: 5000 });
      expect(await offline.textContent()).toMatch(/Lost the connection to the Descent backend/);
      await watcher.getByRole('button', { name: 'Start training' }).click();
      await expect
        .poll(() => watcher.locator('.banner[role=alert]').allTextContents())
        .toEqual(
          expect.arrayContaining([
            expect.stringMatching(/^Cannot start the run: the Descent backend is not reachable .*Nothing was done/),
          ]),
        );
      expect(await watcher.getByText('Failed to fetch').count()).toBe(0);
      await startServer();
      // The page finds the backend again by itself (no reload): the banner goes, the runs are listed.
      await offline.waitFor({ state: 'detached', timeout: 15_000 });
      await expect
        .poll(() => watcher.locator('ul[aria-label="runs"] li[data-run-id]').count(), { timeout: 30_000 })
        .toBe(RATES.length);
    } finally {
      if (server.exitCode !== null) await startServer();
      await watcher.close();
    }
  });
});
