/**
 * A run the backend named (stored in English, shared/run-names.ts) is titled in the page's language wherever the
 * page names it — here the watched run's heading on the Train view, which showed the stored English name.
 */
import { describe, expect, it } from 'vitest';
import { e2eSuite } from '../support/e2e-suite';
import { newHome, openWorkbench, trainWithCli } from '../support/workbench-browser';

const suite = e2eSuite();

describe('automatic run names in the page language, in Chromium', () => {
  it("the watched run's heading says the automatic name in Chinese, then in Japanese; a typed name as typed", async () => {
    const home = newHome();
    trainWithCli(home, ['--iters', '20', '--train-size', '300', '--seed', '7']);
    trainWithCli(home, ['--iters', '20', '--train-size', '300', '--seed', '8', '--name', 'lr 0.1 mine']);
    const wb = await openWorkbench(suite.browser(), home);
    const { page } = wb;
    try {
      await page.locator('select[name=language]').selectOption('zh-CN');
      await page.getByRole('button', { name: '训练', exact: true }).click();
      const heading = page.locator('main section.watch h2');
      // The run list's label is translated too: its cards by their attribute.
      const card = (text: string) => page.locator('li[data-run-id]').filter({ hasText: text });
      await card('随机种子 7').click();
      await heading.filter({ hasText: '784-50-10 sigmoid · 学习率 0.1 · 随机种子 7' }).waitFor();
      expect(await heading.textContent()).not.toContain('lr 0.1');
      await page.locator('select[name=language]').selectOption('ja');
      await heading.filter({ hasText: '784-50-10 sigmoid · 学習率 0.1 · 乱数シード 7' }).waitFor();
      // A name the user typed is shown as typed, in any language.
      await card('lr 0.1 mine').click();
      await heading.filter({ hasText: 'lr 0.1 mine' }).waitFor();
      expect(wb.consoleErrors).toEqual([]);
    } finally {
      await wb.close();
    }
  });
});
