import { describe, expect, it } from 'vitest';
import { collectEvents } from '../server/src/modules/integration/portal-outbox';
import { expectAccessible, hasBrowser, staffLogin, startE2E } from './harness';

/** The administration of outside systems (issue 18, ADR 0027): portal sync, webhooks, API clients. */
describe.skipIf(!hasBrowser)('admin: national-portal sync, webhooks and API clients', async () => {
  const e2e = hasBrowser ? await startE2E() : (undefined as never);
  const db = () => e2e.deps.db.kysely;
  const now = () => e2e.deps.clock.now();

  it('a system administrator works the three pages; a unit administrator is kept out', async () => {
    const page = await e2e.newPage();
    await staffLogin(page, 'dangvanhung.ubndt');

    // Webhooks: a subscriber with two events; the secret is shown once, never in the list.
    await page.goto('/admin/webhook');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Webhook');
    await page.getByLabel('Tên', { exact: true }).fill('Hệ thống một cửa của Bộ Xây dựng');
    await page.getByLabel('Địa chỉ nhận (URL)').fill('http://127.0.0.1:9/nhan-su-kien');
    await page.getByRole('button', { name: 'Tạo' }).click();
    await expect.poll(() => page.getByText('Chọn ít nhất một sự kiện.').count()).toBe(1);
    await page.getByLabel('Hồ sơ được tiếp nhận').check();
    await page.getByLabel('Có kết quả').check();
    await page.getByRole('button', { name: 'Tạo' }).click();
    const secret = page.getByTestId('webhook-secret');
    await expect.poll(() => secret.count()).toBe(1);
    const secretText = (await secret.textContent())!;
    expect(secretText.length).toBeGreaterThan(20);
    const subscriber = page.getByRole('row', { name: /Bộ Xây dựng/ });
    await expect.poll(() => subscriber.count()).toBe(1);
    expect(await subscriber.textContent()).toContain('Hồ sơ được tiếp nhận, Có kết quả');
    await expectAccessible(page);

    // The demo dossiers' events go out: a portal message each, and deliveries to the new subscriber.
    expect(await collectEvents(e2e.deps.db, now())).toBeGreaterThan(0);
    const delivery = await db()
      .selectFrom('webhook_deliveries')
      .select('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    await db()
      .updateTable('webhook_deliveries')
      .set({ status: 'dead', attempts: 8, last_error: 'connect ECONNREFUSED' })
      .where('id', '=', delivery.id)
      .execute();
    await page.reload();
    await subscriber.getByRole('button', { name: 'Nhật ký gửi' }).click();
    const failed = page.getByRole('row', { name: /Không gửi được/ });
    await expect.poll(() => failed.count()).toBe(1);
    await failed.getByRole('button', { name: 'Gửi lại' }).click();
    await expect.poll(() => page.getByText('Đã đưa lần gửi vào hàng đợi gửi lại.').count()).toBe(1);
    await expect.poll(() => failed.count()).toBe(0);
    const replayed = await db()
      .selectFrom('webhook_deliveries')
      .select('status')
      .where('id', '=', delivery.id)
      .executeTakeFirstOrThrow();
    expect(replayed.status).toBe('pending');
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Webhook');
    expect(await page.getByText(secretText).count()).toBe(0);

    // National-portal sync: one message the portal kept refusing is a dead letter; resend it from the page.
    const dead = await db().selectFrom('portal_messages').select('id').limit(1).executeTakeFirstOrThrow();
    await db()
      .updateTable('portal_messages')
      .set({ status: 'dead', attempts: 12, last_error: 'HTTP 503 from the national portal' })
      .where('id', '=', dead.id)
      .execute();
    await page.goto('/admin/dong-bo');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Đồng bộ với Cổng Dịch vụ công quốc gia');
    await expect.poll(() => page.getByTestId('sync-dead').textContent()).toBe('1');
    const letter = page.getByRole('row', { name: /HTTP 503/ });
    await expect.poll(() => letter.count()).toBe(1);
    await expectAccessible(page);
    await letter.getByRole('button', { name: 'Gửi lại' }).click();
    await expect.poll(() => page.getByText('Không có thư nào bị dừng gửi.').count()).toBe(1);
    await expect.poll(() => page.getByTestId('sync-dead').textContent()).toBe('0');

    // A consistency check with repair over November: the simulator had received nothing, so every dossier
    // differed, and every one was repaired by re-sending.
    await page.getByLabel('Từ ngày').fill('01/11/2026');
    await page.getByLabel('Đến hết ngày').fill('30/11/2026');
    await page.getByLabel('Gửi bù để khắc phục các hồ sơ sai lệch').check();
    await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    const report = page.locator('.sync-report').first();
    await expect.poll(() => report.count(), { timeout: 30_000 }).toBe(1);
    const facts = (await report.locator('dd').allTextContents()).map(Number);
    expect(facts[0]).toBeGreaterThan(0);
    expect(facts[1]).toBe(facts[0]);
    expect(facts[2]).toBe(facts[0]);
    expect(facts[3]).toBe(0);
    await report.getByText(/Hồ sơ sai lệch/).click();
    expect(await report.getByRole('cell', { name: 'Đã khắc phục' }).count()).toBe(facts[0]);
    await expectAccessible(page);

    // API clients: scopes and a rate limit; the key is shown once and works until it is revoked.
    await page.goto('/admin/ung-dung-ket-noi');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Ứng dụng kết nối');
    await page.getByLabel('Tên', { exact: true }).fill('Phần mềm chuyên ngành xây dựng');
    await page.getByLabel('Tra cứu hồ sơ').check();
    await page.getByLabel('Giới hạn số lần gọi mỗi phút').fill('30');
    await expect.poll(() => page.locator('#ac-acts option').count()).toBeGreaterThan(1);
    await page.getByLabel('Thực hiện thay cho cán bộ').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Tạo' }).click();
    const key = page.getByTestId('api-key');
    await expect.poll(() => key.count()).toBe(1);
    const keyText = (await key.textContent())!;
    expect(keyText).toMatch(/^mck_/);
    const client = page.getByRole('row', { name: /Phần mềm chuyên ngành xây dựng/ });
    await expect.poll(() => client.count()).toBe(1);
    expect(await client.textContent()).toContain('Tra cứu hồ sơ');
    expect(await client.textContent()).toContain('30');
    await expectAccessible(page);
    const code = (
      await db()
        .selectFrom('dossiers')
        .select('code')
        .where('code', 'is not', null)
        .limit(1)
        .executeTakeFirstOrThrow()
    ).code!;
    const lookup = () =>
      page.request.get(`/api/lookup/${encodeURIComponent(code)}`, {
        headers: { authorization: `Bearer ${keyText}` },
      });
    expect((await lookup()).status()).toBe(200);
    await client.getByRole('button', { name: /Thu hồi/ }).click();
    // The app's own confirmation (not the browser's): cancelling keeps the key, confirming revokes it.
    const confirm = page.getByRole('dialog', { name: /Thu hồi khóa của Phần mềm chuyên ngành xây dựng/ });
    await confirm.getByRole('button', { name: 'Hủy' }).click();
    await expect.poll(() => confirm.isVisible()).toBe(false);
    expect((await lookup()).status()).toBe(200);
    await client.getByRole('button', { name: /Thu hồi/ }).click();
    await expectAccessible(page);
    await confirm.getByRole('button', { name: 'Thu hồi', exact: true }).click();
    await expect.poll(() => client.textContent()).toContain('Đã thu hồi');
    expect((await lookup()).status()).toBe(401);

    // A unit administrator sees none of it.
    const unitAdmin = await e2e.newPage();
    await staffLogin(unitAdmin, 'hoangvanem.stttt');
    for (const path of ['/admin/dong-bo', '/admin/webhook', '/admin/ung-dung-ket-noi']) {
      await unitAdmin.goto(path);
      await expect
        .poll(() => unitAdmin.getByRole('alert').textContent())
        .toBe('Tài khoản của bạn không có quyền vào khu vực này.');
    }
  });
});
