import { pino } from 'pino';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { Worker } from '../server/src/jobs/queue';
import { jobRegistry } from '../server/src/modules/registry';
import type { TDossierDetail } from '@motcua/contracts';
import { clockStartingAt } from '../server/src/clock';
import { pdfBytes } from '../server/src/files/files.fixtures';
import {
  expectAccessible,
  hasBrowser,
  startE2E,
  postJson,
  staffPage,
  userIdOf,
  citizenPage,
  submitOnline,
} from './harness';
import { mailText, startSmtpCapture } from './intake.smtp';

/**
 * Issue 12, "done when" — the exceptions, with real demo log-ins (README "Demo offices", STTTT) and real Chromium:
 * a supplement asked during appraisal (the clock stops; the complete supplement restarts it from zero: the new due
 * date is shown), an apology with an extension (the new date on the public lookup and in the e-mail, caught by a real
 * SMTP server), and a refusal after appraisal (Mẫu 03, told to the applicant). Axe runs on every page.
 */
const CITIZEN = 'an.nguyen@example.vn';
const DESK = 'nguyenthutrang.stttt';
const HEAD = 'phamthidung.stttt';
const SPECIALIST = 'levancuong.stttt';
const LEADER = 'truongcongdinh.stttt';
const PROCEDURE = '1.003820'; // 7 working days

const smtp = hasBrowser ? await startSmtpCapture() : null;
const e2e = hasBrowser ? await startE2E(smtp ? { smtpUrl: smtp.url } : {}) : (undefined as never);

describe.skipIf(!hasBrowser)('processing exceptions (supplement, apology, refusal)', () => {
  // Messages go out through the job queue; the worker reads the server's clock, which a step below moves on.
  const worker = new Worker(e2e.deps.db, jobRegistry(), {
    pollMs: 50,
    concurrency: 2,
    log: pino({ level: 'silent' }),
    clock: { now: () => e2e.deps.clock.now() },
  });
  worker.start();
  afterAll(async () => {
    await worker.stop();
    await smtp?.close();
  });
  /** A JSON call with the page's session (steps that are not under test here go through the API). */
  const call = (page: Page, path: string, data: unknown) => postJson<TDossierDetail>(page, path, data);
  const citizen = () => citizenPage(e2e);
  const as = (username: string) => staffPage(e2e, username);
  const userId = (username: string) => userIdOf(e2e, username);
  async function detail(page: Page, id: string): Promise<TDossierDetail> {
    return (await (await page.request.get(`/api/dossiers/${id}`)).json()) as TDossierDetail;
  }
  /** Submitted online by Nguyễn Văn An, accepted by the desk, assigned by the head to the specialist. */
  async function assigned(): Promise<TDossierDetail> {
    const an = await citizen();
    let d = await submitOnline(an, PROCEDURE, { fileName: 'don-de-nghi.pdf', requiredOnly: true });
    await an.close();
    const desk = await as(DESK);
    d = await call(desk, `/api/reception/dossiers/${d.id}/accept`, { expectedVersion: d.version });
    d = await detail(desk, d.id);
    await desk.close();
    const head = await as(HEAD);
    d = await call(head, `/api/processing/dossiers/${d.id}/assign`, {
      expectedVersion: d.version,
      handlerId: await userId(SPECIALIST),
    });
    await head.close();
    return d;
  }
  const workspace = async (page: Page, id: string) => {
    await page.goto(`/office/xu-ly/${id}`);
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/^Xử lý hồ sơ /);
  };
  const done = (page: Page, title: string) =>
    expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: `Đã ghi nhận: ${title}` })
          .count(),
      )
      .toBe(1);
  const fact = (page: Page, label: string) =>
    page.locator(`dt:has-text("${label}") + dd`).first().textContent();
  /** "dd/mm/yyyy HH:MM" of an instant, Vietnam time (docs/glossary.md). */
  const shown = (iso: string) => {
    const t = new Date(new Date(iso).getTime() + 7 * 3_600_000);
    const two = (n: number) => String(n).padStart(2, '0');
    return `${two(t.getUTCDate())}/${two(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${two(t.getUTCHours())}:${two(t.getUTCMinutes())}`;
  };
  const mailsTo = (to: string, pattern: RegExp) =>
    (smtp?.mails ?? [])
      .filter((m) => m.to === to)
      .map((m) => mailText(m.raw))
      .filter((t) => pattern.test(t));

  let dossier: TDossierDetail;

  it('the specialist asks for a supplement during appraisal: the clock stops', async () => {
    dossier = await assigned();
    const page = await as(SPECIALIST);
    await workspace(page, dossier.id);
    const form = page.locator('form', { hasText: 'Yêu cầu bổ sung hồ sơ (trong quá trình thẩm định)' });
    await form.getByLabel('Thành phần hồ sơ').selectOption({ index: 1 });
    await form.getByLabel('Vấn đề').selectOption('defective');
    await form.getByLabel('Lý do').fill('Đơn đề nghị chưa có chữ ký của người đại diện theo pháp luật');
    await form.getByLabel('Hướng dẫn').fill('Nộp lại đơn có chữ ký và đóng dấu của doanh nghiệp');
    await expectAccessible(page);
    await form.getByRole('button', { name: 'Gửi yêu cầu bổ sung' }).click();
    await done(page, 'Yêu cầu bổ sung hồ sơ (trong quá trình thẩm định)');
    await expect
      .poll(() => page.locator('.badge').first().textContent())
      .toBe('Chờ bổ sung (đang giải quyết)');
    await expectAccessible(page);
  });

  it('two days later the applicant completes it in "Hồ sơ của tôi": the processing time restarts from zero', async () => {
    // Friday 27/11/2026, 09:00: two working days after the request (the server's clock moves on).
    e2e.deps.clock = clockStartingAt('2026-11-27T09:00:00+07:00');
    const an = await citizen();
    await an.goto(`/ho-so-cua-toi/${dossier.id}`);
    await expect.poll(() => fact(an, 'Tiến độ giải quyết')).toBe('Tạm dừng, chờ bổ sung hồ sơ');
    await expect
      .poll(() => an.getByRole('heading', { name: 'Cơ quan yêu cầu bổ sung, hoàn thiện hồ sơ' }).count())
      .toBe(1);
    await expect.poll(() => an.getByText(/chưa có chữ ký của người đại diện/).count()).toBe(1);
    await expectAccessible(an);
    await an
      .locator('#sup-0')
      .setInputFiles({ name: 'don-da-ky.pdf', mimeType: 'application/pdf', buffer: await pdfBytes(1) });
    // Listed as attached (not only "uploading …", which names the file too) before it is sent.
    await expect.poll(() => an.locator('.file-list li', { hasText: 'don-da-ky.pdf' }).count()).toBe(1);
    const sent = an.waitForResponse(
      (r) => r.url().endsWith(`/api/dossiers/${dossier.id}/supplement`) && r.request().method() === 'POST',
      { timeout: 45_000 },
    );
    await an.getByRole('button', { name: 'Gửi hồ sơ bổ sung' }).click();
    const res = await sent;
    expect(res.status(), await res.text()).toBe(200);
    await expect
      .poll(() => an.getByText('Đã gửi hồ sơ bổ sung. Thời gian giải quyết được tính lại từ đầu.').count(), {
        timeout: 45_000, // as in intake.test.ts: slow under the CI run's peak load
      })
      .toBe(1);
    // The new appointment: 7 working days counted by the calendar from the complete supplement, not from receipt.
    const d = await detail(an, dossier.id);
    const restart = d.events.findLast((e) => e.type === 'supplement_submitted')!.at;
    const cal = await an.request.get(
      `/api/calendar/99/deadline?from=${encodeURIComponent(restart)}&workingDays=7`,
    );
    const expected = ((await cal.json()) as { deadline: string }).deadline;
    expect(new Date(d.appointmentAt!).getTime()).toBe(new Date(expected).getTime());
    expect(new Date(d.appointmentAt!).getTime()).toBeGreaterThan(new Date(dossier.appointmentAt!).getTime());
    await an.reload();
    await expect.poll(() => fact(an, 'Thời gian hẹn trả kết quả')).toBe(shown(d.appointmentAt!));
    await expect.poll(() => fact(an, 'Tiến độ giải quyết')).toBe('Trong hạn');
    await expectAccessible(an);
    dossier = d;
  });

  it('an apology with an extension: the new date on the public lookup and in the e-mail', async () => {
    const page = await as(SPECIALIST);
    await workspace(page, dossier.id);
    const form = page.locator('form', { hasText: 'Xin lỗi và gia hạn (Mẫu 04)' });
    await form.getByLabel('Số ngày làm việc gia hạn').fill('3');
    await form.getByLabel('Lý do').fill('Cần xác minh thêm địa điểm đặt trụ sở của doanh nghiệp.');
    await form.getByRole('button', { name: 'Gửi văn bản xin lỗi và gia hạn' }).click();
    await done(page, 'Xin lỗi và gia hạn (Mẫu 04)');
    await expectAccessible(page);
    const d = await detail(page, dossier.id);
    expect(d.extendedFrom).toBe(dossier.appointmentAt);
    const newDate = shown(d.appointmentAt!);

    const pub = await e2e.newPage();
    await pub.goto(`/tra-cuu/${encodeURIComponent(d.code!)}`);
    await expect
      .poll(() => fact(pub, 'Thời gian hẹn trả kết quả'))
      .toBe(`${newDate} (gia hạn, hẹn cũ: ${shown(dossier.appointmentAt!)})`);
    await expect.poll(() => fact(pub, 'Bước đang xử lý')).toBe('Thẩm định hồ sơ');
    // The unit that holds it, never a person.
    await expect.poll(() => fact(pub, 'Cơ quan đang giải quyết')).toMatch(/— Phòng Bưu chính, Viễn thông$/);
    expect(await pub.locator('.lookup-result').textContent()).not.toContain('Lê Văn Cường');
    await expectAccessible(pub);

    await expect.poll(() => mailsTo(CITIZEN, /xin lỗi/i).length, { timeout: 30_000 }).toBeGreaterThan(0);
    const mail = mailsTo(CITIZEN, /xin lỗi/i).at(-1)!;
    expect(mail).toContain(`Thời gian hẹn trả kết quả mới: ${newDate}.`);
    expect(mail).toContain('Cần xác minh thêm địa điểm đặt trụ sở của doanh nghiệp.');
  });

  it('a refusal after appraisal: Mẫu 03 through the desk, told to the applicant', async () => {
    const d = await assigned();
    const spec = await as(SPECIALIST);
    await workspace(spec, d.id);
    await spec
      .getByLabel('Ý kiến thẩm định')
      .fill('Doanh nghiệp chưa đáp ứng điều kiện về địa điểm khai thác.');
    await spec.getByLabel('Đề nghị từ chối giải quyết').check();
    await spec.getByRole('button', { name: 'Ghi ý kiến thẩm định' }).click();
    await done(spec, 'Thẩm định hồ sơ');
    await spec.getByRole('button', { name: 'Chuyển phê duyệt' }).click();
    await done(spec, 'Chuyển bước tiếp theo');
    const leader = await as(LEADER);
    await workspace(leader, d.id);
    await leader.getByRole('button', { name: 'Phê duyệt' }).click();
    await done(leader, 'Phê duyệt');
    const desk = await as(DESK);
    await workspace(desk, d.id);
    await desk.getByLabel('Từ chối giải quyết').check();
    await desk
      .getByLabel('Trích yếu kết quả')
      .fill('Không đủ điều kiện về địa điểm khai thác dịch vụ bưu chính');
    await desk.getByRole('button', { name: 'Ghi nhận kết quả' }).click();
    await done(desk, 'Kết quả giải quyết');
    await expectAccessible(desk);

    const pub = await e2e.newPage();
    await pub.goto(`/tra-cuu/${encodeURIComponent(d.code!)}`);
    await expect
      .poll(() => fact(pub, 'Kết quả giải quyết'))
      .toMatch(/^Từ chối giải quyết — chờ trả tại Bộ phận Một cửa từ /);
    await expectAccessible(pub);

    const an = await citizen();
    await an.goto(`/ho-so-cua-toi/${d.id}`);
    await expect.poll(() => an.getByRole('heading', { name: 'Kết quả giải quyết hồ sơ' }).count()).toBe(1);
    await expect
      .poll(() => an.locator('.documents a').allTextContents())
      .toContain('Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu số 03)');
    await expectAccessible(an);
    await expect
      .poll(() => mailsTo(CITIZEN, /không được giải quyết/).length, { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect(mailsTo(CITIZEN, /không được giải quyết/).at(-1)).toContain(
      'Lý do: Không đủ điều kiện về địa điểm khai thác dịch vụ bưu chính',
    );
  });

  it('the applicant asks to stop from "Hồ sơ của tôi": a reason, a confirmation, and the notice (Mẫu 05)', async () => {
    const d = await assigned();
    const an = await citizen();
    await an.goto(`/ho-so-cua-toi/${d.id}`);
    await expect.poll(() => fact(an, 'Bước đang xử lý')).toBe('Thẩm định hồ sơ');
    const card = an.locator('.card', { hasText: 'Đề nghị dừng giải quyết hồ sơ' });
    await expect
      .poll(() => card.getByRole('button', { name: 'Đề nghị dừng giải quyết' }).isDisabled())
      .toBe(true);
    await card.getByLabel('Lý do đề nghị dừng').fill('Doanh nghiệp thay đổi kế hoạch kinh doanh.');
    await card.getByRole('button', { name: 'Đề nghị dừng giải quyết' }).click();
    // Nothing happens before the confirmation; "Không dừng" goes back.
    await card.getByRole('button', { name: 'Không dừng' }).click();
    expect((await detail(an, d.id)).status).toBe('in_processing');
    await card.getByRole('button', { name: 'Đề nghị dừng giải quyết' }).click();
    await expect.poll(() => an.getByText('Ông/Bà chắc chắn muốn dừng giải quyết hồ sơ này?').count()).toBe(1);
    await expectAccessible(an);
    await card.getByRole('button', { name: 'Xác nhận dừng giải quyết' }).click();
    await expect
      .poll(() => an.getByText('Hồ sơ đã dừng giải quyết theo đề nghị của Ông/Bà.').count())
      .toBe(1);
    await expect.poll(() => an.locator('.badge').first().textContent()).toBe('Dừng giải quyết');
    await expectAccessible(an);
    await expect
      .poll(() => mailsTo(CITIZEN, /đã dừng giải quyết/).length, { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect(mailsTo(CITIZEN, /đã dừng giải quyết/).at(-1)).toContain(
      'Doanh nghiệp thay đổi kế hoạch kinh doanh.',
    );
  });
});
