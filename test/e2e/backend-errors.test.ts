/**
 * A refusal by the real backend (`descent serve`), shown in the page's language: the bridge carries its code and
 * params, the page words them, and the error line follows a language switch made after it appeared.
 */
import { describe, expect, it } from 'vitest';
import { e2eSuite } from '../support/e2e-suite';
import { newHome, openWorkbench } from '../support/workbench-browser';

const suite = e2eSuite();

describe('backend errors in the page language, in Chromium', () => {
  it('a run the dataset refuses (more training images than MNIST has) is explained in Chinese, then in Japanese', async () => {
    const wb = await openWorkbench(suite.browser(), newHome());
    const { page } = wb;
    try {
      await page.locator('select[name=language]').selectOption('zh-CN');
      await page.getByRole('button', { name: '训练', exact: true }).click();
      // 70 000 passes the form (any subset size up to the schema's limit); MNIST's 60 000 images are the backend's check.
      await page.fill('main form input[name=trainSize]', '70000');
      await page.locator('main form button[type=submit]').click();
      const banner = page.locator('div.banner[role=alert]');
      await banner.filter({ hasText: '设置与数据集不符' }).waitFor();
      expect(await banner.textContent()).toContain(
        '无法开始训练：设置与数据集不符：训练图像数：必须在 1 到 60,000 之间（数据集中的训练图像数），当前为 70000',
      );
      // Nothing of the backend's English message.
      expect(await banner.textContent()).not.toContain('training images in the dataset');
      // The line stays and speaks the language chosen after it appeared.
      await page.locator('select[name=language]').selectOption('ja');
      await banner.filter({ hasText: '設定がデータセットに合いません' }).waitFor();
      expect(await banner.textContent()).toContain(
        '1 から 60,000（データセットの訓練画像の数）までにしてください（入力値：70000）',
      );
      expect(await page.locator('ul[aria-label] li[data-run-id]').count()).toBe(0);
      expect(wb.consoleErrors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    } finally {
      await wb.close();
    }
  });

  it("a gradient check that cannot reach the backend says so as the error line does, not the browser's 'Failed to fetch'", async () => {
    const wb = await openWorkbench(suite.browser(), newHome());
    const { page } = wb;
    try {
      // The request never arrives (fetch rejects with its TypeError), while the page's event socket stays up.
      await page.route('**/api/gradientCheck', (route) => route.abort());
      await page.locator('select[name=language]').selectOption('zh-CN');
      await page.getByRole('button', { name: '梯度确认', exact: true }).click();
      await page.locator('form.gradcheck button[type=submit]').click();
      const problem = page.locator('form.gradcheck p.error[role=alert]');
      await problem.filter({ hasText: '无法进行梯度确认：无法访问 Descent 后端' }).waitFor();
      expect(await problem.textContent()).not.toMatch(/fetch/i);
      // Worded where it is shown: it follows a switch made after it appeared.
      await page.locator('select[name=language]').selectOption('ja');
      await problem.filter({ hasText: '勾配確認を行うことができません：Descent のバックエンドに接続できません' }).waitFor();
    } finally {
      await wb.close();
    }
  });
});
