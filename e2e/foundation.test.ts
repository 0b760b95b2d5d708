import { describe, expect, it } from 'vitest';
import { expectAccessible, expectFitsViewport, hasBrowser, startE2E } from './harness';

describe.skipIf(!hasBrowser)('foundation journeys', async () => {
  const e2e = hasBrowser ? await startE2E() : (undefined as never);

  it('serves the portal home page in Vietnamese, accessible and phone-sized', async () => {
    const page = await e2e.newPage({ phone: true });
    await page.goto('/');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Dịch vụ công trực tuyến');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await expect.poll(() => page.locator('main').count()).toBe(1);
    await expectFitsViewport(page);
    await expectAccessible(page);
    // The check is not vacuous: an image without a text alternative, added to the same document, fails it.
    await page.evaluate(() => document.querySelector('main')!.append(document.createElement('img')));
    await expect(expectAccessible(page)).rejects.toThrow(/image-alt/);
  });

  it('switches to English and remembers it', async () => {
    const page = await e2e.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: /English/ }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Online public services');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Online public services');
  });

  it('guards the office and admin areas', async () => {
    const page = await e2e.newPage();
    for (const area of ['/office', '/admin']) {
      await page.goto(area);
      await expect.poll(() => page.getByRole('link', { name: 'Đến trang đăng nhập' }).count()).toBe(1);
    }
    await expectAccessible(page);
  });

  it('shows a not-found page for unknown portal addresses, and JSON 404 for unknown API routes', async () => {
    const page = await e2e.newPage();
    await page.goto('/khong-ton-tai');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Không tìm thấy trang');
    const res = await fetch(`${e2e.baseUrl}/api/khong-ton-tai`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { code: string }).code).toBe('ROUTE_NOT_FOUND');
  });
});
