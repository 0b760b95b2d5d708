import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, hasBrowser, startE2E } from './harness';

/** The demo system administrator logs in through the real staff log-in page. */
async function start() {
  const e2e = await startE2E();
  return {
    async adminPage(): Promise<Page> {
      const page = await e2e.newPage();
      await page.goto('/office/login');
      await page.getByLabel('Tên đăng nhập').fill('dangvanhung.ubndt');
      await page.getByLabel('Mật khẩu').fill('MotCua@2026');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL('**/office');
      return page;
    },
  };
}

describe.skipIf(!hasBrowser)('working calendar administration', async () => {
  const e2e = hasBrowser ? await start() : (undefined as never);

  it('an admin imports a year’s official schedule and sees the day turn non-working', async () => {
    const page = await e2e.adminPage();
    await page.goto('/admin/calendar');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Lịch làm việc và ngày nghỉ');
    await page.getByLabel('Năm', { exact: true }).fill('2027');
    await page.getByRole('button', { name: 'Xem' }).click();
    const cell = page.locator('td[data-date="2027-03-10"]');
    await expect.poll(() => cell.getAttribute('data-kind')).toBe('working');
    // Generated holidays are there before any import (Tết Đinh Mùi 2027 begins on 6/2).
    await expect
      .poll(() => page.locator('td[data-date="2027-02-08"]').getAttribute('data-kind'))
      .toBe('non_working');

    // A broken file is rejected with the parser's errors, and nothing changes.
    await page
      .getByLabel('Nội dung JSON')
      .fill(JSON.stringify({ year: 2027, daysOff: [{ date: '2027-02-30', reason: '' }] }));
    await page.getByRole('button', { name: 'Nhập lịch' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Ngày không hợp lệ');
    expect(await page.getByRole('alert').textContent()).toContain('daysOff[0].reason');

    const schedule = {
      year: 2027,
      source: 'Thông báo thử nghiệm',
      daysOff: [
        { date: '2027-01-01', reason: 'Tết Dương lịch' },
        { date: '2027-03-10', reason: 'Ngày nghỉ theo thông báo thử nghiệm' },
      ],
      workingDays: [],
    };
    await page.getByLabel('Nội dung JSON').fill(JSON.stringify(schedule, null, 2));
    await page.getByRole('button', { name: 'Nhập lịch' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Đã nhập' }).count()).toBe(1);
    await expect.poll(() => cell.getAttribute('data-kind')).toBe('non_working');
    expect(await cell.textContent()).toContain('Nghỉ lễ');
    expect(await page.locator('li[data-date="2027-03-10"]').textContent()).toContain(
      'Ngày nghỉ theo thông báo thử nghiệm',
    );
    // The official schedule replaces the generated holidays of that year.
    await expect
      .poll(() => page.locator('td[data-date="2027-02-08"]').getAttribute('data-kind'))
      .toBe('working');
    await expectAccessible(page);
  });

  it('an admin adds a unit closure and edits working hours', async () => {
    const page = await e2e.adminPage();
    await page.goto('/admin/calendar');
    await page.getByLabel('Năm', { exact: true }).fill('2027');
    await page.getByRole('button', { name: 'Xem' }).click();
    const cell = page.locator('td[data-date="2027-04-13"]');
    await expect.poll(() => cell.getAttribute('data-kind')).toBe('working');
    await page.getByLabel('Ngày', { exact: true }).fill('13/04/2027');
    await page.getByLabel('Loại', { exact: true }).selectOption('closed');
    await page.getByLabel('Lý do', { exact: true }).fill('Tạm ngừng làm việc do mất điện');
    await page.getByRole('button', { name: 'Thêm thông báo' }).click();
    await expect.poll(() => cell.getAttribute('data-kind')).toBe('non_working');
    expect(await cell.textContent()).toContain('Đơn vị nghỉ');

    await page.getByLabel('Giờ làm việc — Thứ Bảy').fill('07:30-11:30');
    await page.getByRole('button', { name: 'Lưu giờ làm việc' }).click();
    await expect.poll(() => page.getByText('Đã lưu giờ làm việc.').count()).toBe(1);
    await expect
      .poll(() => page.locator('td[data-date="2027-04-17"]').getAttribute('data-kind'))
      .toBe('working');
    await expectAccessible(page);
  });
});
