import { describe, expect, it } from 'vitest';
import { expectAccessible, hasBrowser, staffLogin, startE2E } from './harness';

/** A client walking dossier codes shows up in the administration area (ADR 0011). */
describe.skipIf(!hasBrowser)('lookup probing alerts', async () => {
  const e2e = hasBrowser ? await startE2E() : (undefined as never);

  it('a system administrator sees a run of probed codes and acknowledges it; a unit administrator cannot', async () => {
    const walker = await e2e.newPage();
    for (let n = 1; n <= 6; n++) {
      const res = await walker.request.get(`/api/lookup/000.00.15.H99-260101-${String(n).padStart(4, '0')}`);
      expect(res.status()).toBe(404);
    }

    const admin = await e2e.newPage();
    await staffLogin(admin, 'dangvanhung.ubndt');
    await admin.goto('/admin/canh-bao-tra-cuu');
    await expect.poll(() => admin.locator('h1').textContent()).toBe('Cảnh báo dò mã hồ sơ');
    const row = admin.getByRole('row', { name: /Dãy mã liên tiếp/ });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('000.00.15.H99-260101-0001');
    await expectAccessible(admin);
    await row.getByRole('button', { name: 'Đã xem' }).click();
    await expect.poll(() => admin.getByText('Không có cảnh báo.').count()).toBe(1);

    const unitAdmin = await e2e.newPage();
    await staffLogin(unitAdmin, 'hoangvanem.stttt');
    await unitAdmin.goto('/admin/canh-bao-tra-cuu');
    await expect
      .poll(() => unitAdmin.getByRole('alert').textContent())
      .toBe('Tài khoản của bạn không có quyền vào khu vực này.');
    expect(await unitAdmin.getByText('Cảnh báo dò mã hồ sơ').count()).toBe(0);
  });
});
