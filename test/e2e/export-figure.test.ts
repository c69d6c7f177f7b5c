/**
 * `descent export --figure`: the compare view's report figure made from the command line, headless in Chromium with
 * the renderer's own code — the same file the UI's "Report figure" exports for the same runs.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jaWorkbench from '../../shared/i18n/messages/ja/workbench.json';
import { runDescent, sweepLearningRates } from '../support/descent-cli';
import { svgTexts } from '../support/svg-texts';
import { e2eSuite } from '../support/e2e-suite';
import { CHROMIUM, newHome, openWorkbench, runItems, trainWithCli } from '../support/workbench-browser';

const suite = e2eSuite();
const HOME = newHome();
const RATES = ['0.1', '1', '100'];
const TITLE = 'Training with different learning rates';
const SHARED = '784-50-10 sigmoid · batch 100 · 200 iterations · 1,000 images · seed 3';
const LABELS = RATES.map((r) => `lr ${r}`);
let ids: string[] = [];

/** The store's runs as `descent runs --json` lists them. */
function listRuns(): Array<{ id: string; colour?: number; config: { learningRate: number } }> {
  return runDescent(HOME, ['runs', '--json'])
    .stdout.trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { type: string; id: string; colour?: number; config: { learningRate: number } })
    .filter((line) => line.type === 'run');
}

beforeAll(() => {
  sweepLearningRates(HOME, RATES, 200);
  ids = listRuns().map((run) => run.id);
  expect(ids).toHaveLength(RATES.length);
}, 120_000);

afterAll(() => rmSync(HOME, { recursive: true, force: true }));

/** `descent export --figure FILE ids… flags…` into the suite's store; its output file's path. */
function figureFromCli(name: string, flags: string[] = []): string {
  const file = join(HOME, name);
  const result = runDescent(HOME, ['export', '--figure', file, ...ids, ...flags]);
  expect(result.stderr).toContain(`wrote ${file}`);
  expect(result.code).toBe(0);
  return file;
}

/** An SVG with its generated ids (svgcanvas draws them at random) numbered in the order they appear. */
function numberedIds(svg: string): string {
  const ids = new Map<string, string>();
  return svg.replace(/(id="|url\(#|href="#)(f\d+-[A-Za-z]+)/g, (_, before: string, id: string) => {
    if (!ids.has(id)) ids.set(id, `id${ids.size}`);
    return `${before}${ids.get(id)}`;
  });
}

/** How many lines an SVG draws (each series is one path per chart). */
const pathCount = (svg: string): number => svg.match(/<path /g)?.length ?? 0;

describe('descent export --figure, in Chromium', () => {
  it('writes the SVG the compare view exports for the same runs, and PNG (300 dpi) and PDF in the other sizes', async () => {
    const svgFile = figureFromCli('figure.svg');
    const cliSvg = readFileSync(svgFile, 'utf8');
    const png = PNG.sync.read(readFileSync(figureFromCli('figure.png', ['--size', 'single'])));
    expect(png.width).toBe(3.5 * 300);
    const pdf = readFileSync(figureFromCli('figure.pdf', ['--size', 'slide', '--panels'])).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toMatch(/\/MediaBox \[0 0 960[. ]/); // 13.33 in × 72 points
    for (const text of [TITLE, 'Loss per iteration', ...LABELS]) expect(pdf).toContain(`(${text})`);
    expect(pdf).not.toContain('/Subtype /Image');

    // In the language asked for (the UI's choice or $LANG's otherwise): the chart titles are the UI's Japanese.
    const japanese = readFileSync(figureFromCli('figure-ja.svg', ['--locale', 'ja']), 'utf8');
    expect(japanese).toContain(`>${jaWorkbench.charts.lossPerIteration}<`);
    expect(japanese).not.toContain('>Loss per iteration<');

    const wb = await openWorkbench(suite.browser(), HOME, {});
    const { page } = wb;
    try {
      const parsed = await svgTexts(page, cliSvg);
      expect(parsed.error).toBeNull();
      expect(parsed.texts).toEqual(
        expect.arrayContaining([TITLE, SHARED, 'Loss per iteration', 'Final accuracy against learning rate', ...LABELS]),
      );
      // The legend once, and the caption table's row of each run.
      for (const label of LABELS) expect(parsed.texts.filter((t) => t === label)).toHaveLength(2);

      await page.getByRole('button', { name: '▸ lrs' }).click();
      await page.getByRole('heading', { name: `Compare ${RATES.length} runs` }).waitFor();
      await page.getByText('Report figure').click();
      // The UI draws each run once its history has arrived: the figure is complete when it draws as many lines.
      let uiSvg = '';
      await expect
        .poll(
          async () => {
            uiSvg = readFileSync(
              await suite.download(page, () => page.getByRole('button', { name: 'Figure SVG' }).click()),
              'utf8',
            );
            return pathCount(uiSvg);
          },
          { timeout: 60_000 },
        )
        .toBe(pathCount(cliSvg));
      expect(pathCount(cliSvg)).toBeGreaterThan(3 * RATES.length);
      expect((await svgTexts(page, uiSvg)).texts).toEqual(parsed.texts);
      // The same code on the same histories, colours and chart settings: the same file (but for its random ids).
      expect(numberedIds(uiSvg)).toBe(numberedIds(cliSvg));
      expect(wb.consoleErrors).toEqual([]);
    } finally {
      await wb.close({ keepHome: true });
    }
  }, 240_000);

  it('says which browser it needs and how to name one; refuses bad files and flags (exit 2), never overwrites without --force', () => {
    const missing = join(HOME, 'no-such-chromium');
    const noBrowser = runDescent(HOME, ['export', '--figure', join(HOME, 'x.svg'), ids[0]], [], { CHROMIUM_PATH: missing });
    expect(noBrowser.code).toBe(2);
    expect(noBrowser.stderr).toContain(`CHROMIUM_PATH: no browser at "${missing}"`);
    const flagged = runDescent(HOME, ['export', '--figure', join(HOME, 'x.svg'), ids[0], '--chromium', missing]);
    expect(flagged.stderr).toContain(`--chromium: no browser at "${missing}"`);
    const jpeg = runDescent(HOME, ['export', '--figure', join(HOME, 'x.jpg'), ids[0]]);
    expect(jpeg.code).toBe(2);
    expect(jpeg.stderr).toContain('must end in .svg, .png, .pdf');
    const both = runDescent(HOME, ['export', '--figure', join(HOME, 'x.svg'), '--format', 'csv', ids[0]]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give --figure without --format and --out');
    const size = runDescent(HOME, ['export', '--figure', join(HOME, 'x.svg'), '--size', 'poster', ids[0]]);
    expect(size.code).toBe(2);
    expect(size.stderr).toContain('Allowed choices are single, double, slide');
    const file = figureFromCli('once.svg', ['--chromium', CHROMIUM]);
    const again = runDescent(HOME, ['export', '--figure', file, ids[0]]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('exists; add --force to replace it');
    expect(readFileSync(file, 'utf8')).toContain(TITLE);
  }, 120_000);

  it("each run keeps its colour when another is deleted and across a reload; a new run takes the deleted one's", async () => {
    const wb = await openWorkbench(suite.browser(), HOME);
    const { page } = wb;
    const colours = () =>
      runItems(page).evaluateAll((items) =>
        items.map((li) => {
          const dot = li.querySelector('.dot');
          return `${li.getAttribute('data-run-id')} ${dot?.getAttribute('style') ?? ''}`;
        }),
      );
    try {
      await expect.poll(() => runItems(page).count()).toBe(RATES.length);
      const before = await colours();
      expect(new Set(before.map((c) => c.split(' ').slice(1).join(' '))).size).toBe(RATES.length);
      const victim = listRuns().find((run) => run.config.learningRate === 1)!;
      const item = page.locator(`li[data-run-id="${victim.id}"]`);
      await item.locator('button.item').click();
      await item.getByRole('button', { name: 'Delete' }).click();
      const kept = before.filter((c) => !c.startsWith(victim.id));
      await expect.poll(colours).toEqual(kept);
      await page.reload();
      await expect.poll(colours).toEqual(kept);
      trainWithCli(HOME, ['--iters', '10', '--train-size', '100', '--seed', '1']);
      const added = listRuns().find((run) => !ids.includes(run.id))!;
      expect(added.colour).toBe(victim.colour);
      await page.reload(); // a run another process made shows after a reload
      await expect.poll(() => runItems(page).count()).toBe(RATES.length);
      expect(await colours()).toEqual(expect.arrayContaining(kept));
      expect(wb.consoleErrors).toEqual([]);
    } finally {
      await wb.close({ keepHome: true });
    }
  }, 180_000);
});
