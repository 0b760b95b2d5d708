import { describe, expect, it } from 'vitest';
import { expectAccessible, expectFitsViewport, hasBrowser, startE2E } from './harness';

/**
 * The intake pages that stand on their own: public lookup (portal and kiosk) and the guards in front of the
 * applicant's and the office's pages. The end-to-end journeys are in intake.test.ts.
 */
describe.skipIf(!hasBrowser)('intake pages', async () => {
  const e2e = hasBrowser ? await startE2E() : (undefined as never);

  it('lookup page: phone-sized, accessible, says plainly when a code is malformed or unknown', async () => {
    const page = await e2e.newPage({ phone: true });
    await page.goto('/tra-cuu');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Tra cứu hồ sơ');
    await expectFitsViewport(page);
    await expectAccessible(page);

    await page.getByLabel('Mã hồ sơ').fill('abc');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.waitForURL('**/tra-cuu/ABC');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('không đúng định dạng');

    // The receipt's QR code lands directly on /tra-cuu/<code>.
    await page.goto('/tra-cuu/000.99.01.H99-260101-0001');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Không có hồ sơ nào mang mã 000.99.01.H99-260101-0001.');
    await expectFitsViewport(page);
    await expectAccessible(page);
  });

  it('kiosk: its own layout, large touch targets, keypad entry, and it clears itself after inactivity', async () => {
    const page = await e2e.newPage();
    await page.goto('/kiosk?idle=1500');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Tra cứu tình trạng hồ sơ');
    expect(await page.locator('.site-header').count()).toBe(0);
    await expectAccessible(page);
    for (const key of ['1', '2', '.', '0'])
      await page.getByRole('button', { name: key, exact: true }).click();
    await page.getByRole('button', { name: 'Xóa một ký tự' }).click();
    await expect.poll(() => page.getByLabel('Mã hồ sơ').inputValue()).toBe('12.');
    const box = await page.getByRole('button', { name: '7', exact: true }).boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(64);
    expect(box!.width).toBeGreaterThanOrEqual(64);

    await page.getByLabel('Mã hồ sơ').fill('sai-ma');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('không đúng định dạng');
    await expectAccessible(page);
    // Nobody touches the screen: it goes back to an empty start screen for the next person.
    await expect.poll(() => page.getByLabel('Mã hồ sơ').count(), { timeout: 5000 }).toBe(1);
    expect(await page.getByLabel('Mã hồ sơ').inputValue()).toBe('');
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('kiosk: every touch restarts the inactivity timer', async () => {
    const page = await e2e.newPage();
    await page.goto('/kiosk?idle=1500');
    await page.getByRole('button', { name: '5', exact: true }).click();
    for (let i = 0; i < 4; i++) {
      await page.waitForTimeout(700);
      await page.getByLabel('Mã hồ sơ').click();
    }
    expect(await page.getByLabel('Mã hồ sơ').inputValue()).toBe('5');
    await expect.poll(() => page.getByLabel('Mã hồ sơ').inputValue(), { timeout: 5000 }).toBe('');
  });

  it('applicant pages ask for a log-in, office pages for a staff log-in, all accessible', async () => {
    const page = await e2e.newPage({ phone: true });
    for (const path of ['/ho-so-cua-toi', '/thu-tuc/1.000001/nop-ho-so']) {
      await page.goto(path);
      await expect
        .poll(() => page.getByRole('link', { name: 'Đăng nhập', exact: true }).getAttribute('href'))
        .toBe(`/dang-nhap?next=${encodeURIComponent(path)}`);
      await expectFitsViewport(page);
      await expectAccessible(page);
    }
    const office = await e2e.newPage();
    for (const path of ['/office/tiep-nhan', '/office/tiep-nhan/them-moi']) {
      await office.goto(path);
      await expect.poll(() => office.getByRole('link', { name: 'Đến trang đăng nhập' }).count()).toBe(1);
      await expectAccessible(office);
    }
  });

  it('the lookup page works in English too', async () => {
    const page = await e2e.newPage();
    await page.goto('/tra-cuu/000.99.01.H99-260101-0001');
    await page.getByRole('button', { name: /English/ }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Dossier lookup');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('No dossier has the code 000.99.01.H99-260101-0001.');
  });
});
