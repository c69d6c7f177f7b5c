/**
 * A refusal by the desktop app's backend, through the real IPC path (main → preload → page), shown in the page's
 * language: IPC keeps only an error's message, so main puts the failure's code and params there and the page reads
 * them back (shared/failure.ts).
 */
import { describe, expect, it } from 'vitest';
import { desktopSession } from './support';

const session = desktopSession();

describe('backend errors in the desktop app', () => {
  it('a run the dataset refuses is explained in Chinese, with the field, range and value, none of the English', async () => {
    const { page } = await session.launch();
    await page.locator('select[name=language]').selectOption('zh-CN');
    await page.getByRole('heading', { name: '新建训练', exact: true }).waitFor();
    await page.fill('main form input[name=trainSize]', '70000');
    await page.locator('main form button[type=submit]').click();
    const banner = page.locator('div.banner[role=alert]');
    await banner.filter({ hasText: '设置与数据集不符' }).waitFor();
    const text = await banner.textContent();
    expect(text).toContain(
      '无法开始训练：设置与数据集不符：训练图像数：必须在 1 到 60,000 之间（数据集中的训练图像数），当前为 70000',
    );
    expect(text).not.toMatch(/Error invoking remote method|descent-failure|training images in the dataset/);
  });
});
