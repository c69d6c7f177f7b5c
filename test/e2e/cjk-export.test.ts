/**
 * Chinese and Japanese text in exported figures stays text: a chart's SVG names a CJK-capable font stack, and the
 * report figure's PDF embeds a CJK font (a subset) so that its text is extractable (pdftotext, from Debian's
 * poppler-utils; the PDF checks that need it are skipped, with a note, where it is missing).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eSuite } from '../support/e2e-suite';
import { svgTexts as parseSvg } from '../support/svg-texts';
import { newHome, openWorkbench, runItems, trainWithCli, type OpenWorkbench } from '../support/workbench-browser';

const suite = e2eSuite();
// Two runs of one configuration: the compare view names them by their names (nothing else differs), so the
// names are the legend's entries and the caption table's first column.
const NAMES = ['交叉熵误差 学习率 0.1', 'ミニバッチ 学習率 0.1'];
const hasPdftotext = !spawnSync('pdftotext', ['-v']).error;
let workbench: OpenWorkbench;

beforeAll(async () => {
  const home = newHome();
  for (const name of NAMES) trainWithCli(home, ['--iters', '40', '--train-size', '300', '--seed', '5', '--name', name]);
  workbench = await openWorkbench(suite.browser(), home);
  const { page } = workbench;
  await runItems(page).filter({ hasText: NAMES[0] }).locator('button.item').click();
  await runItems(page)
    .filter({ hasText: NAMES[1] })
    .locator('button.item')
    .click({ modifiers: ['Control'] });
  await page
    .locator('nav')
    .getByRole('button', { name: /^Compare/ })
    .click();
  await page.getByRole('heading', { name: 'Compare 2 runs' }).waitFor();
  // The histories load after the view opens: both runs' 40 losses, raw and smoothed, drawn.
  await page.waitForFunction(
    `Number(document.querySelector('figure[data-chart="Loss per iteration"]')?.dataset.points) >= ${4 * 40}`,
    undefined,
    { timeout: 30_000 },
  );
}, 240_000);

afterAll(async () => {
  await workbench?.close();
});

/** The texts of an SVG document and the font families its text elements name, read by the page's DOMParser. */
const svgTexts = (source: string) => parseSvg(workbench.page, source);

describe('exports with Chinese and Japanese text', () => {
  it("a chart's SVG keeps the names as text, in a CJK-capable font stack", async () => {
    const figure = workbench.page.locator('figure[data-chart="Loss per iteration"]').first();
    const file = await suite.download(workbench.page, () => figure.getByRole('button', { name: 'SVG', exact: true }).click());
    const svg = await svgTexts(readFileSync(file, 'utf8'));
    expect(svg.texts).toEqual(expect.arrayContaining(NAMES));
    const legendFont = svg.fonts[svg.texts.indexOf(NAMES[0])];
    expect(legendFont).toContain('Noto Sans CJK SC');
    expect(legendFont).toContain('Hiragino Sans');
    expect(legendFont).toMatch(/sans-serif$/);
  });

  it('the report figure: SVG with the names as text, PDF with an embedded CJK font subset and the names extractable', async () => {
    const { page } = workbench;
    await page.getByText('Report figure').click();
    const svgFile = await suite.download(page, () => page.getByRole('button', { name: 'Figure SVG' }).click());
    const svg = await svgTexts(readFileSync(svgFile, 'utf8'));
    // Each name in the caption table (the two runs are one repeat group: the charts draw its mean).
    for (const name of NAMES) expect(svg.texts.filter((t) => t === name)).toHaveLength(1);
    expect(svg.fonts.every((font) => font.includes('Noto Sans CJK SC'))).toBe(true);

    const pdfFile = await suite.download(page, () => page.getByRole('button', { name: 'Figure PDF' }).click());
    const pdf = readFileSync(pdfFile);
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    // A TrueType font program embedded, as a subset: the whole font is 10.6 MB.
    expect(raw).toContain('/FontFile2');
    expect(raw).toMatch(/\/BaseFont \/NotoSansSC/);
    // The title and the caption's header are bold, in the bold subset kept with the app: a second font program.
    expect(raw.match(/\/FontFile2/g)).toHaveLength(2);
    expect(pdf.length).toBeLessThan(1_500_000);
    if (!hasPdftotext) {
      console.warn('pdftotext (poppler-utils) is not installed: the PDF text was not extracted');
      return;
    }
    const text = spawnSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' }).stdout;
    for (const name of NAMES) expect(text).toContain(name);
  });
});
