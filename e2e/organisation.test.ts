import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectFitsViewport, hasBrowser, staffLogin, startE2E } from './harness';

async function start() {
  const e2e = await startE2E();
  return {
    e2e,
    /** The demo system administrator logs in through the real staff log-in page. */
    async adminPage(): Promise<Page> {
      const page = await e2e.newPage();
      await staffLogin(page, 'dangvanhung.ubndt');
      return page;
    },
  };
}

describe.skipIf(!hasBrowser)('organisation: admin edits an agency, the public page shows it', async () => {
  const s = hasBrowser ? await start() : (undefined as never);

  it('hotline and desk staff edited in /admin/co-quan appear on /co-quan/:id on a phone', async () => {
    const admin = await s.adminPage();
    await admin.goto('/admin/co-quan?type=department');
    await expect.poll(() => admin.locator('h1').textContent()).toBe('Quản lý cơ quan, đơn vị');
    await admin.getByRole('link', { name: 'Sở Xây dựng', exact: false }).first().click();
    await admin.waitForURL('**/admin/co-quan/*');
    const id = admin.url().split('/').pop()!;
    await expect.poll(() => admin.locator('h1').textContent()).toContain('Sở Xây dựng');
    await expectAccessible(admin);

    // A malformed hotline is refused with a message naming the field; nothing changes.
    await admin.getByLabel('Đường dây nóng').fill('gọi tổng đài');
    await admin.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => admin.getByRole('alert').first().textContent()).toContain('hotline');

    await admin.getByLabel('Đường dây nóng').fill('0299 3868 686');
    await admin.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => admin.getByRole('status').filter({ hasText: 'Đã lưu thay đổi' }).count()).toBe(1);

    await admin.getByRole('button', { name: 'Thêm cán bộ' }).click();
    const n = await admin.locator('.org-staff-edit fieldset').count();
    await admin.getByLabel(`Họ và tên ${n}`, { exact: true }).fill('Vũ Thị Thu Trang');
    await admin.getByLabel(`Chức danh ${n}`, { exact: true }).fill('Chuyên viên tiếp nhận');
    await admin.getByLabel(`Lĩnh vực ${n}`, { exact: true }).fill('Cấp phép xây dựng');
    await admin.getByLabel(`Số điện thoại ${n}`, { exact: true }).fill('0912 888 777');
    await admin.getByRole('button', { name: 'Lưu danh sách cán bộ' }).click();
    await expect
      .poll(() => admin.getByRole('status').filter({ hasText: 'Đã lưu danh sách cán bộ' }).count())
      .toBe(1);

    const phone = await s.e2e.newPage({ phone: true });
    await phone.goto('/co-quan');
    await expect.poll(() => phone.locator('h1').textContent()).toContain('Cơ quan, đơn vị');
    await phone.getByLabel('Tìm theo tên cơ quan').fill('xay dung');
    await phone.getByRole('button', { name: 'Tìm kiếm' }).click();
    await phone.getByRole('link', { name: 'Sở Xây dựng' }).click();
    await phone.waitForURL(`**/co-quan/${id}`);
    await expect.poll(() => phone.getByTestId('agency-hotline').textContent()).toBe('0299 3868 686');
    const staff = phone.locator('.org-staff li').filter({ hasText: 'Vũ Thị Thu Trang' });
    await expect.poll(() => staff.textContent()).toContain('0912 888 777');
    expect(await staff.textContent()).toContain('Cấp phép xây dựng');
    expect(await phone.locator('.org-contact').textContent()).toMatch(/H99\.\d+/);
    await expectFitsViewport(phone);
    await expectAccessible(phone);

    await phone.getByRole('link', { name: 'Xem thủ tục do cơ quan thực hiện' }).click();
    await phone.waitForURL('**/thu-tuc?agency=SXD');
    await expect.poll(() => phone.locator('#f-agency').inputValue()).toBe('SXD');
  });

  it('an admin creates a commune, renames it and ends it; the tree shows its dates', async () => {
    const page = await s.adminPage();
    await page.goto('/admin/don-vi');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Đơn vị hành chính');
    await page.getByText('Thêm đơn vị hành chính').click();
    await page.getByLabel('Mã đơn vị', { exact: true }).fill('99077');
    await page.getByLabel('Tên', { exact: true }).fill('Xã Thử Nghiệm');
    await page.getByLabel('Mã đơn vị cấp trên').fill('99');
    await page.getByLabel('Hiệu lực từ').fill('01/07/2025');
    await page.getByRole('button', { name: 'Tạo đơn vị' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Đã tạo đơn vị' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Sửa Xã Thử Nghiệm' }).click();
    const editor = page.locator('section[aria-labelledby="unit-edit-title"]');
    await editor.getByLabel('Tên', { exact: true }).fill('Xã Thử Nghiệm Mới');
    await editor.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.locator('.org-tree').textContent()).toContain('Xã Thử Nghiệm Mới');
    // Ending it before it began is refused with a message naming the start date.
    await editor.getByLabel('Ngày kết thúc').fill('01/01/2025');
    await editor.getByRole('button', { name: 'Kết thúc' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('01/07/2025');
    await editor.getByLabel('Ngày kết thúc').fill('01/01/2026');
    await editor.getByRole('button', { name: 'Kết thúc' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Đã kết thúc' }).count()).toBe(1);
    await page.getByLabel('Hiện cả đơn vị đã hết hiệu lực').check();
    await expect.poll(() => page.locator('.org-tree').textContent()).toContain('01/07/2025 – 01/01/2026');
    await expectAccessible(page);
  });
});
