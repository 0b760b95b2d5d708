import { describe, expect, it } from 'vitest';
import { expectAccessible, expectFitsViewport, hasBrowser, staffLogin, startE2E } from './harness';

// 1.009994 (Cấp giấy phép xây dựng nhà ở riêng lẻ): 15 working days at the commune of Tân Phú, province 99.
const CODE = '1.009994';

describe.skipIf(!hasBrowser)(
  'the simulator in the catalogue editor and on the public procedure page',
  async () => {
    const e2e = hasBrowser ? await startE2E() : (undefined as never);

    it('an editor tries the workflow: step due dates past Tết, a late supplement request refused with the message', async () => {
      const page = await e2e.newPage();
      await staffLogin(page, 'vuthigiang.ubndt');
      await page.goto(`/admin/thu-tuc/${CODE}`);
      await expect.poll(() => page.getByRole('heading', { name: 'Thử quy trình' }).count()).toBe(1);
      await page.getByLabel('Thời điểm tiếp nhận hồ sơ').fill('12/02/2026 09:00');
      await page.getByRole('button', { name: 'Tính thời hạn' }).click();
      const result = page.getByTestId('sim-result');
      // Thu 12/2/2026 09:00 + 15 working days, Tết 16–20/2 skipped.
      await expect.poll(() => result.textContent()).toContain('Thời gian hẹn trả kết quả: 12/03/2026 09:00');
      await expect.poll(() => result.locator('table').first().locator('tbody tr').count()).toBe(6);
      expect(await result.textContent()).toContain('Thẩm định hồ sơ');

      await page.getByRole('button', { name: 'Thêm sự kiện' }).click();
      await page.getByLabel('Thời điểm', { exact: true }).fill('24/02/2026 10:00');
      await page.getByRole('button', { name: 'Tính thời hạn' }).click();
      await expect
        .poll(() => page.getByRole('alert').filter({ hasText: 'quá 3 ngày làm việc' }).count())
        .toBeGreaterThan(0);

      await page.getByLabel('Thời điểm', { exact: true }).fill('23/02/2026 10:00');
      await page.getByRole('button', { name: 'Tính thời hạn' }).click();
      await expect.poll(() => result.textContent()).toContain('Đang chờ người nộp bổ sung hồ sơ');
      expect(await result.textContent()).toContain('Chờ bổ sung (đang giải quyết)');
      await expectAccessible(page);

      // Published with a later effective date: the version waits for its day (the portal keeps the one in force).
      await page.getByRole('button', { name: 'Công bố…' }).click();
      await page.getByLabel('Số quyết định công bố', { exact: true }).fill('1500/QĐ-UBND');
      await page.getByLabel('Ngày quyết định công bố', { exact: true }).fill('20/11/2026');
      await page.getByLabel('Ngày có hiệu lực', { exact: true }).fill('01/12/2026');
      await page.getByRole('button', { name: 'Xác nhận công bố' }).click();
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: 'có hiệu lực từ ngày 01/12/2026' }).count())
        .toBeGreaterThan(0);
      await expect.poll(() => page.getByTestId('ce-status').textContent()).toContain('(chờ có hiệu lực)');
    });

    it('the public page tells when the result is expected if one submits now', async () => {
      const page = await e2e.newPage({ phone: true });
      await page.goto(`/thu-tuc/${CODE}`);
      const expected = page.getByTestId('expected-result');
      await expect
        .poll(() => expected.textContent())
        .toMatch(/^Nếu nộp bây giờ, ngày dự kiến có kết quả là \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\./);
      await expectAccessible(page);
      await expectFitsViewport(page);
    });
  },
);
