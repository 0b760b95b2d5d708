import { describe, expect, it } from 'vitest';
import { expectAccessible, expectFitsViewport, hasBrowser, startE2E } from './harness';

describe.skipIf(!hasBrowser)('catalogue journeys (phone)', async () => {
  const e2e = hasBrowser ? await startE2E() : (undefined as never);

  it('search → procedure page → form download', async () => {
    const page = await e2e.newPage({ phone: true });
    await page.goto('/thu-tuc');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Danh mục thủ tục hành chính');
    await page.getByLabel('Tìm thủ tục').fill('dang ky khai sinh');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    const link = page.getByRole('link', { name: 'Đăng ký khai sinh', exact: true });
    await link.waitFor();
    await expectFitsViewport(page);
    await expectAccessible(page);
    await link.click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Đăng ký khai sinh');
    for (const h of ['Trình tự thực hiện', 'Thành phần hồ sơ', 'Phí, lệ phí', 'Căn cứ pháp lý'])
      await expect.poll(() => page.getByRole('heading', { name: h }).count()).toBe(1);
    const cta = page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' });
    expect(await cta.getAttribute('href')).toBe('/thu-tuc/1.001193/nop-ho-so');
    await expectFitsViewport(page);
    await expectAccessible(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('link', { name: /^Tải mẫu/ })
        .first()
        .click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.rtf$/);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString('latin1').startsWith('{\\rtf1')).toBe(true);
  });

  it('filters by field and pages through results', async () => {
    const page = await e2e.newPage({ phone: true });
    await page.goto('/thu-tuc');
    await page.getByLabel('Lĩnh vực').selectOption('Đất đai');
    await expect.poll(() => page.getByText('7 thủ tục').count()).toBe(1);
    await page.goto('/thu-tuc');
    await page.getByRole('button', { name: 'Trang sau' }).click();
    await expect.poll(() => page.url()).toContain('page=2');
  });
});
