import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { Worker } from '../server/src/jobs/queue';
import { jobRegistry } from '../server/src/modules/registry';
import { expectAccessible, expectFitsViewport, hasBrowser, startE2E } from './harness';

const mails: { to: string; raw: string }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, done) {
    let raw = '';
    stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    stream.on('end', () => {
      mails.push({ to: session.envelope.rcptTo[0]?.address ?? '', raw });
      done();
    });
  },
});

describe.skipIf(!hasBrowser)('accounts journeys', async () => {
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  const e2e = hasBrowser ? await startE2E({ smtpUrl }) : (undefined as never);
  // The outbox is delivered by the job worker, as in production.
  const worker = new Worker(e2e.deps.db, jobRegistry(), {
    pollMs: 50,
    concurrency: 2,
    log: pino({ level: 'silent' }),
    clock: e2e.deps.clock,
  });
  worker.start();
  afterAll(async () => {
    await worker.stop();
    await new Promise<void>((r) => smtp.close(() => r()));
  });

  it('a citizen registers on a phone, activates with the code from the captured email and logs in', async () => {
    const page = await e2e.newPage({ phone: true });
    await page.goto('/dang-ky');
    await expectAccessible(page);
    await page.getByLabel('Họ và tên').fill('Phan Thị Hồng');
    await page.getByLabel('Thư điện tử', { exact: true }).fill('hong.phan@example.vn');
    await page.getByLabel('Mật khẩu').fill('Hoa-phuong-do-2026');
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Kích hoạt tài khoản' }).count()).toBe(1);
    await expect
      .poll(() => mails.filter((m) => m.to === 'hong.phan@example.vn').length, { timeout: 10_000 })
      .toBe(1);
    const mail = mails.find((m) => m.to === 'hong.phan@example.vn')!;
    const code = /\b(\d{6})\b/.exec(
      mail.raw
        .split(/\r?\n\r?\n/)
        .slice(1)
        .join('\n'),
    )![1]!;
    await page.getByLabel('Mã xác thực (6 chữ số)').fill(code);
    await page.getByRole('button', { name: 'Xác thực' }).click();
    await expect.poll(() => page.getByText('Tài khoản đã được kích hoạt').count()).toBe(1);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Đăng nhập' }).last().click();
    await page.getByLabel('Thư điện tử, số điện thoại hoặc tên đăng nhập').fill('hong.phan@example.vn');
    await page.getByLabel('Mật khẩu').fill('Hoa-phuong-do-2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Thông tin tài khoản' }).count()).toBe(1);
    await expect.poll(() => page.getByLabel('Họ và tên').inputValue()).toBe('Phan Thị Hồng');
    await expectFitsViewport(page);
    await expectAccessible(page);
  });

  it('a new staff member must change the password at first log-in', async () => {
    const admin = await e2e.newPage();
    await admin.goto('/office/login');
    await admin.getByLabel('Tên đăng nhập').fill('hoangvanem.stttt');
    await admin.getByLabel('Mật khẩu').fill('MotCua@2026');
    await admin.getByRole('button', { name: 'Đăng nhập' }).click();
    await admin.waitForURL('**/office');
    await admin.goto('/admin/staff');
    await admin.getByLabel('Họ và tên').fill('Nguyễn Văn An');
    await admin.getByLabel('Chuyên viên').check();
    await admin.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const notice = await admin.getByTestId('staff-notice').textContent({ timeout: 10_000 });
    expect(notice).toContain('nguyenvanan.stttt');
    const password = /Mật khẩu dùng một lần: (\S+)\./.exec(notice ?? '')![1]!;
    await expectAccessible(admin);

    const page = await e2e.newPage({ phone: true });
    await page.goto('/office/login');
    await page.getByLabel('Tên đăng nhập').fill('nguyenvanan.stttt');
    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => page.getByText('Bạn cần đổi mật khẩu trước khi làm việc').count()).toBe(1);
    await expectAccessible(page);
    const blocked = await page.evaluate(async () => (await fetch('/api/me/profile')).status);
    expect(blocked).toBe(403);
    // The office guard sends a person with a one-time password back to change it, even after a reload.
    await page.goto('/office');
    await page.waitForURL('**/office/login?next=**');
    await page.getByLabel('Mật khẩu hiện tại').fill(password);
    await page.getByLabel('Mật khẩu mới').fill('123');
    await page.getByRole('button', { name: 'Đổi mật khẩu và tiếp tục' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('ít nhất 10 ký tự');
    await page.getByLabel('Mật khẩu mới').fill('Cong-vu-moi-2026');
    await page.getByRole('button', { name: 'Đổi mật khẩu và tiếp tục' }).click();
    await page.waitForURL('**/office');
    await expect.poll(() => page.getByRole('heading', { name: 'Bộ phận Một cửa' }).count()).toBe(1);
    expect(await page.evaluate(async () => (await fetch('/api/me/profile')).status)).toBe(200);
  });

  it('a unit administrator cannot touch another agency’s staff', async () => {
    const page = await e2e.newPage();
    await page.goto('/office/login');
    await page.getByLabel('Tên đăng nhập').fill('hoangvanem.stttt');
    await page.getByLabel('Mật khẩu').fill('MotCua@2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL('**/office');
    await page.goto('/admin/staff');
    await expect
      .poll(() => page.getByRole('cell', { name: 'levancuong.stttt', exact: true }).count())
      .toBe(1);
    expect(await page.getByRole('cell', { name: 'dothihoa.sxd', exact: true }).count()).toBe(0);
    const options = await page.locator('#staff-agency option').allTextContents();
    expect(options).toEqual([expect.stringContaining('STTTT')]);
    const other = await e2e.deps.db.kysely
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'dothihoa.sxd')
      .executeTakeFirstOrThrow();
    const status = await page.evaluate(async (id) => {
      const csrf =
        document.cookie
          .split('; ')
          .find((c) => c.startsWith('mc_csrf='))
          ?.slice(8) ?? '';
      const res = await fetch(`/api/admin/staff/${id}/suspend`, {
        method: 'POST',
        headers: { 'x-csrf-token': csrf, 'content-type': 'application/json' },
        body: '{}',
      });
      return res.status;
    }, other.id);
    expect(status).toBe(404);
  });
});
