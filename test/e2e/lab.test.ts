/**
 * The Lab view in Chromium: each page opened, an input changed from the keyboard, and the number the page shows
 * checked against the value worked out by hand (or printed in the book). Each case opens a workbench on a store
 * of its own and must log no console errors; nothing here writes into the repository.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { e2eSuite } from '../support/e2e-suite';
import { seriousAxeViolations } from '../support/axe';
import { newHome, openWorkbench, trainWithCli } from '../support/workbench-browser';

const suite = e2eSuite();
let page: Page;

/** Runs `body` on a fresh workbench showing the Lab page `name`, then checks the console stayed clean. */
async function onLabPage(name: string, body: () => Promise<void>, home = newHome()): Promise<void> {
  const wb = await openWorkbench(suite.browser(), home);
  page = wb.page;
  try {
    await page.getByRole('button', { name: 'Lab', exact: true }).click();
    await page.getByRole('navigation', { name: 'lab pages' }).getByRole('button', { name }).click();
    await body();
    expect(wb.consoleErrors).toEqual([]);
  } finally {
    await wb.close();
  }
}

/** A store with one run trained by the CLI (200 iterations on 2 000 images): the pages on stored runs use it. */
function trainedHome(): string {
  const home = newHome();
  trainWithCli(home, ['--iters', '200', '--train-size', '2000', '--seed', '1']);
  return home;
}

/** Each figure of the page laid out, and no serious or critical axe finding, in light and in dark. */
async function rendersInBothSchemes(): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const figure of await page.locator('.lab-page figure').all())
      expect((await figure.boundingBox())!.height, colorScheme).toBeGreaterThan(100);
    expect(await seriousAxeViolations(page), colorScheme).toEqual([]);
  }
}

const shown = (key: string) => page.locator(`[data-value="${key}"]`).first().textContent();

/** Focuses `locator` and replaces its text by typing (select all, then the keys). */
async function typeInto(selector: string, text: string): Promise<void> {
  const field = page.locator(selector);
  await field.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

describe('the Lab in Chromium', () => {
  it("losses: the book's presets, an arrow key and a drag on the bars change both losses as computed by hand", () =>
    onLabPage('Losses', async () => {
      expect(await shown('mse')).toBe('0.0975');
      expect(await shown('ce')).toBe('0.5108');
      const label = page.getByRole('slider', { name: 'output for class 2 (true label)' });
      await label.focus();
      await page.keyboard.press('ArrowUp');
      // y[2] = 0.61, the rest × 0.39/0.4: MSE = ½(0.39² + 0.035 · 0.950625) = 0.0926859…, CE = −log 0.6100001 = 0.49429…
      await expect.poll(() => shown('mse')).toBe('0.0927');
      expect(await shown('ce')).toBe('0.4943');
      await page.getByRole('button', { name: 'Book: 0.6 on class 7' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => shown('mse')).toBe('0.5975');
      expect(await shown('ce')).toBe('2.3026');
      await page.getByRole('button', { name: 'Nothing on the label (why δ)' }).click();
      await expect.poll(() => shown('ce')).toBe('16.1181');
      expect(await shown('ce-no-delta')).toBe('Infinity');
      // Drag the label's bar to three quarters of its height from the book's output: the rest share 1 − v in the
      // proportions 0.1 : 0.05 : … of their 0.4.
      await page.getByRole('button', { name: 'Book: 0.6 on the label (2)' }).click();
      const box = (await label.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.25, { steps: 4 });
      await page.mouse.up();
      const v = Number(await label.getAttribute('aria-valuenow'));
      expect(v).toBeGreaterThan(0.73);
      expect(v).toBeLessThan(0.77);
      const mse = 0.5 * ((1 - v) ** 2 + 0.035 * ((1 - v) / 0.4) ** 2);
      expect(await shown('mse')).toBe(mse.toFixed(4));
      expect(await shown('ce')).toBe((-Math.log(v + 1e-7)).toFixed(4));
      // Saved as PNG: 640 × 360 CSS px at 300 dpi.
      const path = await suite.download(page, () => page.getByRole('button', { name: 'PNG' }).click());
      const image = PNG.sync.read(readFileSync(path));
      expect([image.width, image.height]).toEqual([2000, 1125]);
    }));

  it('why not accuracy: W[0][0] moved by keys past the jump — accuracy 1 → 0 with slope 0, the loss smooth', () =>
    onLabPage('Why not accuracy', async () => {
      expect(await shown('accuracy')).toBe('1');
      expect(await shown('accuracy-slope')).toBe('0');
      await page.locator('input[name=smoothWeight]').focus();
      for (let i = 0; i < 14; i++) await page.keyboard.press('ArrowRight');
      // W[0][0] = 0.61 > 0.6047: z = [1.1360167, 0.6307165, 1.1328074], class 0 wins; −log(softmax(z)[2] + 1e-7) = 0.958767,
      // and the loss's slope is 0.6 · softmax(z)[0] = 0.2308.
      await expect.poll(() => shown('accuracy')).toBe('0');
      expect(await shown('accuracy-slope')).toBe('0');
      expect(await shown('smooth-loss')).toBe('0.9588');
      expect(await shown('loss-slope')).toBe('0.2308');
    }));

  it("numerical derivative: x moved by keys to 10 gives the book's 0.2999999999986347; h = 1e-50 gives 0", () =>
    onLabPage('Numerical derivative', async () => {
      expect(await shown('diff')).toBe('0.1999999999990898');
      await page.locator('input[name=diffX]').focus();
      for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
      await expect.poll(() => shown('diff')).toBe('0.2999999999986347');
      await page.locator('input[name=hExponent]').focus();
      await page.keyboard.press('Home');
      await expect.poll(() => shown('central-h')).toBe('0');
      expect(await shown('forward-h')).toBe('0');
      // h = 1e-1 at x = 10: the forward difference is 0.3 + 0.01·h = 0.301 (the central one exact up to rounding).
      await page.keyboard.press('End');
      await expect.poll(() => shown('forward-h').then(Number)).toBeCloseTo(0.301, 12);
      expect(Number(await shown('central-h'))).toBeCloseTo(0.3, 12);
      expect(Number(await page.locator('figure[data-chart^="Error against h"]').getAttribute('data-points'))).toBeGreaterThan(
        100,
      );
    }));

  it("gradient: the book's three points, and x1 stepped down by a key", () =>
    onLabPage('Gradient §4.4', async () => {
      expect(await shown('gradient')).toBe('(6.0000, 8.0000)');
      await page.getByRole('button', { name: '(0, 2)' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => shown('gradient')).toBe('(0, 4.0000)');
      await page.getByRole('button', { name: '(3, 0)' }).click();
      await expect.poll(() => shown('gradient')).toBe('(6.0000, 0)');
      await page.locator('input[name=gradX1]').focus();
      await page.keyboard.press('ArrowDown');
      // (3, −0.5): the gradient (2·3, 2·(−0.5)).
      await expect.poll(() => shown('gradient')).toBe('(6.0000, -1.0000)');
    }));

  it("gradient descent: the book's three end points; lr 10 typed in diverges; the figure saves as SVG", () =>
    onLabPage('Gradient descent', async () => {
      expect(await page.locator('[data-value="book-end"]').allTextContents()).toEqual([
        '(-6.11110793e-10, 8.14814391e-10)',
        '(-2.58983747e+13, -1.29524862e+12)',
        '(-2.999999940, 3.999999920)',
      ]);
      expect(await shown('descent-end')).toBe('(-6.11110793e-10, 8.14814391e-10)');
      await typeInto('input[name=descentLr]', '10');
      await expect.poll(() => shown('descent-end')).toBe('(-2.58983747e+13, -1.29524862e+12)');
      // One step of lr 0.1 from (−3, 4): x ← x − 0.1 · 2x = 0.8x → (−2.4, 3.2).
      await typeInto('input[name=descentLr]', '0.1');
      await typeInto('input[name=descentSteps]', '1');
      await expect.poll(() => shown('descent-end')).toBe('(-2.400000000, 3.200000000)');
      await typeInto('input[name=descentSteps]', '0');
      await expect.poll(() => page.getByRole('alert').first().textContent()).toBe('steps: 0 is outside 1 … 10000');
      // A saddle typed in: one step of lr 0.1 from (−3, 4) on x0² − x1² is (0.8·(−3), 1.2·4) = (−2.4, 4.8).
      await typeInto('input[name=descentSteps]', '1');
      await typeInto('input[name=descentFunction]', 'x0^2 - x1^2');
      await expect.poll(() => shown('descent-end')).toBe('(-2.400000000, 4.800000000)');
      await typeInto('input[name=descentFunction]', 'alert(1)');
      await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('function: unknown function "alert"');
      await page.getByRole('button', { name: 'a saddle' }).click();
      const path = await suite.download(page, () =>
        page.locator('figure[data-chart^="Descent path"] button', { hasText: 'SVG' }).click(),
      );
      const svg = readFileSync(path, 'utf8');
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toContain('<circle');
    }));

  it('simpleNet: W[0][0] stepped up by a key changes the loss and dW to the values worked out by hand', () =>
    onLabPage('Gradient of a network', async () => {
      expect(await shown('simple-net-loss')).toBe('0.928068');
      expect(await shown('dw02')).toBe('-0.36281000');
      await page.locator('input[name=w00]').focus();
      await page.keyboard.press('ArrowUp');
      // The field steps by 0.01 onto the 0.01 grid: W[0][0] = 0.48. Then z = x·W = [1.0580167, 0.6307165, 1.1328074],
      // −log(softmax(z)[2] + 1e-7) = 0.929484, dW[0][0] = 0.6 · softmax(z)[0] = 0.219786 (the central difference, with δ, agrees to 1e-7).
      await expect.poll(() => shown('simple-net-loss')).toBe('0.929484');
      expect(Number(await shown('dw00'))).toBeCloseTo(0.21978615, 6);
    }));

  it('training: a preset starts its run in the normal run list, watched in the Train view', () =>
    onLabPage('Training', async () => {
      await page
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: 'Overfitting', exact: true }) })
        .getByRole('button', { name: 'Start this run' })
        .focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'New run' }).waitFor();
      const run = page.locator('ul[aria-label="runs"] li[data-run-id]');
      await expect.poll(() => run.count()).toBe(1);
      expect(await run.first().textContent()).toContain('overfitting: 300 images');
      await page.getByRole('button', { name: 'Stop' }).first().click();
    }));

  it("mini-batches: a stored run's estimates centre on its full loss and spread less with larger batches; drawn again from the keyboard", () =>
    onLabPage(
      'Mini-batches',
      async () => {
        await page.locator('[data-value="full-loss-trained"]').waitFor({ timeout: 60_000 });
        // Untrained (weights of std 0.01), every image costs about ln 10; trained, less.
        expect(Math.abs(Number(await shown('full-loss-untrained')) - Math.LN10)).toBeLessThan(0.01);
        expect(Number(await shown('full-loss-trained'))).toBeLessThan(Number(await shown('full-loss-untrained')));
        // σ/√batch: 100 images spread about a tenth as much as one (200 draws: within a factor of two).
        const ratio = Number(await shown('spread-trained-1')) / Number(await shown('spread-trained-100'));
        expect(ratio).toBeGreaterThan(5);
        expect(ratio).toBeLessThan(20);
        await typeInto('input[name=miniBatchDraws]', '50');
        await page.keyboard.press('Tab');
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        await expect
          .poll(() => page.locator('table caption').first().textContent(), { timeout: 60_000 })
          .toContain('(50 draws each)');
        const path = await suite.download(page, () =>
          page.locator('figure', { hasText: 'Spread of the estimates' }).getByRole('button', { name: 'SVG' }).click(),
        );
        expect(readFileSync(path, 'utf8')).toContain('σ/√batch');
        await rendersInBothSchemes();
      },
      trainedHome(),
    ));

  it("gradient of a network, part 2: the whole network's gradient check drawn — scatter on the diagonal, W1's differences as 50 tiles", () =>
    onLabPage('Gradient of a network', async () => {
      // The book's check (3 images) runs once the page opens, in a trainer process.
      await page.locator('[data-value="gradcheck-W1"]').waitFor({ timeout: 60_000 });
      for (const name of ['W1', 'b1', 'W2', 'b2']) expect(Number(await shown(`gradcheck-${name}`))).toBeLessThan(1e-6);
      await page.getByRole('img', { name: /one tile per hidden unit/ }).waitFor();
      // The tiles: 10 × 5 of 28 px with 1 px between, drawn 3 times as large.
      const tiles = (await page.locator('.tiles canvas').boundingBox())!;
      expect([Math.round(tiles.width), Math.round(tiles.height)]).toEqual([(10 * 29 - 1) * 3, (5 * 29 - 1) * 3]);
      // Another check from the keyboard: 1 image, which leaves more of W1 blank (exactly 0).
      const zeros = async () => Number((await page.locator('.tiles .note').textContent())!.match(/\((\d+) of/)![1]);
      const before = await zeros();
      await typeInto('input[name=gradcheckImages]', '1');
      await page.keyboard.press('Enter');
      await expect.poll(zeros, { timeout: 60_000 }).toBeGreaterThan(before);
      const path = await suite.download(page, () => page.locator('.tiles').getByRole('button', { name: 'PNG' }).click());
      const image = PNG.sync.read(readFileSync(path));
      expect(image.width).toBeGreaterThan(800);
      await rendersInBothSchemes();
    }));

  it('mini-batches without a finished run says so and leads to the Training page', () =>
    onLabPage('Mini-batches', async () => {
      await page.getByRole('status').filter({ hasText: 'there is no finished run yet' }).waitFor();
      await page.getByRole('button', { name: 'Training', exact: true }).click();
      await page.getByRole('heading', { name: 'Training and overfitting' }).waitFor();
    }));

  it('why not accuracy on a trained MNIST network: the loss changes at every step, the accuracy at few; a blank pixel’s weight changes neither', () =>
    onLabPage(
      'Why not accuracy',
      async () => {
        await page.locator('[data-value="accuracy-changes"]').waitFor({ timeout: 60_000 });
        expect(await shown('loss-changes')).toBe('200 of 200');
        const steps = Number((await shown('accuracy-changes'))!.split(' ')[0]);
        expect(steps).toBeLessThan(20);
        // W1[0][0] comes from pixel (0, 0), blank in every MNIST image: moving it changes nothing at all.
        await typeInto('input[name=weightRow]', '0');
        await page.keyboard.press('Enter');
        await expect.poll(() => shown('loss-changes'), { timeout: 60_000 }).toBe('0 of 200');
        expect(await shown('accuracy-changes')).toBe('0 of 200');
        await rendersInBothSchemes();
      },
      trainedHome(),
    ));

  it('every page renders in light and dark', () =>
    onLabPage('Losses', async () => {
      const backgrounds: string[] = [];
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        const pages = [
          ['Losses', 'Losses'],
          ['Why not accuracy', 'Why not accuracy, why not a step function'],
          ['Numerical derivative', 'Numerical derivative'],
          ['Gradient §4.4', 'Partial derivatives and the gradient'],
          ['Gradient descent', 'Gradient descent and the learning rate'],
          ['Gradient of a network', 'The gradient of a network'],
          ['Training', 'Training and overfitting'],
        ];
        for (const [button, heading] of pages) {
          await page.getByRole('navigation', { name: 'lab pages' }).getByRole('button', { name: button }).click();
          await page.getByRole('heading', { name: heading }).waitFor();
          // Each figure, bar chart or matrix is laid out: a box of some height.
          const figure = page.locator('.lab-page figure, .lab-page .bars, .lab-page table, .lab-page .presets').first();
          expect((await figure.boundingBox())!.height).toBeGreaterThan(50);
        }
        // Evaluated in the page (this file is typed without the DOM library).
        backgrounds.push(
          String(
            await page.evaluate(
              '`${getComputedStyle(document.documentElement).backgroundColor} ${getComputedStyle(document.querySelector(".lab-page")).color}`',
            ),
          ),
        );
      }
      expect(backgrounds[0]).not.toBe(backgrounds[1]);
    }));
});
