import { sql } from 'kysely';
import { pino } from 'pino';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { Worker } from '../server/src/jobs/queue';
import { jobRegistry } from '../server/src/modules/registry';
import { fileFeedback } from '../server/src/modules/feedback/feedback.service';
import { escalateOverdueFeedback } from '../server/src/modules/feedback/feedback-escalation.job';
import { expectAccessible, hasBrowser, staffLogin, startE2E } from './harness';
import { mailText, startSmtpCapture } from './intake.smtp';

/**
 * Issue 16, "done when", with real demo log-ins and a real SMTP server: a complaint about a dossier classified and
 * answered in time (the answer by e-mail, then on the Q&A page because the sender agreed); one forwarded to another
 * agency; one answered late and escalated (on the office list); a citizen rates a returned dossier from the link in
 * the result e-mail, the agency's score for the period moves, and a rating after the period closes lands in the next.
 */
const DESK = 'nguyenthutrang.stttt';
const LEADER = 'truongcongdinh.stttt';
const SXD_DESK = 'dothihoa.sxd';
const PROVINCE_LEADER = 'buithilan.ubndt';
const CITIZEN = 'an.nguyen@example.vn';

const smtp = hasBrowser ? await startSmtpCapture() : null;
const e2e = hasBrowser ? await startE2E(smtp ? { smtpUrl: smtp.url } : {}) : (undefined as never);

describe.skipIf(!hasBrowser)('feedback, Q&A and satisfaction', () => {
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
  const db = () => e2e.deps.db.kysely;
  const agency = async (short: string) =>
    (await db().selectFrom('agencies').select('id').where('short_name', '=', short).executeTakeFirstOrThrow())
      .id;
  const mailTo = async (to: string, pattern: RegExp) => {
    await expect
      .poll(() => smtp!.mails.filter((m) => m.to === to && pattern.test(mailText(m.raw))).length, {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);
    return mailText(smtp!.mails.filter((m) => m.to === to && pattern.test(mailText(m.raw))).at(-1)!.raw);
  };
  /** Feedback filed earlier (the steps not under test), through the module's service. */
  const fileAt = async (now: Date, content: string, agencyId: string, email: string) =>
    db()
      .transaction()
      .execute((trx) =>
        fileFeedback(
          trx,
          { actor: null, audit: { type: 'anonymous', at: now }, now, config: e2e.deps.config },
          { kind: 'complaint', content, agencyId, contact: { name: 'Lê Thị Hà', email } },
        ),
      );
  /** One logged-in page per staff member for the whole file: a log-in is what a journey costs most. */
  const logged = new Map<string, Promise<Page>>();
  const as = (username: string) => {
    let page = logged.get(username);
    if (!page) {
      page = e2e.newPage().then(async (p) => {
        await staffLogin(p, username);
        return p;
      });
      logged.set(username, page);
    }
    return page;
  };
  const card = (page: Page, reference: string) =>
    page.locator('section.card').filter({ has: page.getByRole('heading', { name: new RegExp(reference) }) });

  it('a complaint about a dossier: classified and answered in time, e-mailed, published on the Q&A page', async () => {
    // The staff log in while the citizen writes (each journey's staff page is ready when its turn comes).
    for (const u of [SXD_DESK, DESK, LEADER, PROVINCE_LEADER]) void as(u).catch(() => undefined);
    const sxd = await agency('SXD');
    const dossier = await db()
      .selectFrom('dossiers')
      .select('code')
      .where(sql<string>`coalesce(holding_agency_id, authority_agency_id)`, '=', sxd)
      .where('code', 'is not', null)
      .orderBy('code')
      .executeTakeFirstOrThrow();
    const citizen = await e2e.newPage();
    await citizen.goto('/phan-anh');
    await citizen.getByLabel('Phản ánh, kiến nghị').check();
    await citizen
      .getByLabel('Nội dung')
      .fill('Hồ sơ đã quá lâu chưa được thẩm định, đề nghị cho biết tiến độ.');
    await citizen.getByLabel('Mã hồ sơ (nếu phản ánh về một hồ sơ)').fill(dossier.code!);
    await citizen.getByLabel('Họ và tên').fill('Nguyễn Văn An');
    await citizen.getByLabel('Thư điện tử').fill('an.phananh@example.vn');
    await citizen.getByLabel(/đồng ý công khai/).check();
    await expectAccessible(citizen);
    await citizen.getByRole('button', { name: 'Gửi' }).click();
    const done = await citizen.getByText(/Số tiếp nhận: PAKN-2026-\d+/).textContent();
    const reference = /PAKN-2026-\d+/.exec(done!)![0];

    const desk = await as(SXD_DESK);
    await desk.goto('/office/phan-anh');
    const item = card(desk, reference);
    await expect.poll(() => item.getByText(dossier.code!).count()).toBe(1);
    await expectAccessible(desk);
    await item.getByLabel('Kết quả phân loại').selectOption('within_competence');
    await item.getByRole('button', { name: 'Lưu phân loại' }).click();
    await expect.poll(() => card(desk, reference).getByText('Thuộc thẩm quyền').count()).toBeGreaterThan(0);
    await card(desk, reference)
      .getByLabel('Nội dung trả lời')
      .fill('Hồ sơ đang được thẩm định tại Phòng chuyên môn và sẽ trả kết quả đúng hẹn.');
    await card(desk, reference).getByRole('button', { name: 'Gửi trả lời' }).click();
    await expect.poll(() => card(desk, reference).count()).toBe(0); // no longer open

    expect(await mailTo('an.phananh@example.vn', /Phòng chuyên môn/)).toContain(reference);
    await citizen.goto('/hoi-dap');
    await citizen.getByLabel('Tìm câu hỏi').fill('tham dinh tien do');
    await citizen.getByRole('button', { name: 'Tìm câu hỏi' }).click();
    await expect.poll(() => citizen.getByText(/Phòng chuyên môn và sẽ trả kết quả đúng hẹn/).count()).toBe(1);
    await expectAccessible(citizen);
  });

  it('one forwarded to the competent agency; one answered late and escalated to the head', async () => {
    const sttt = await agency('STTTT');
    const sxdName = (
      await db()
        .selectFrom('agencies')
        .select('name')
        .where('short_name', '=', 'SXD')
        .executeTakeFirstOrThrow()
    ).name;
    const now = e2e.deps.clock.now();
    const fwd = await fileAt(
      now,
      'Công trình xây dựng lấn chiếm vỉa hè trên đường Lê Lợi.',
      sttt,
      'ha.le@example.vn',
    );
    const late = await fileAt(
      new Date(now.getTime() - 10 * 86_400_000),
      'Cán bộ hẹn trả lời qua điện thoại nhưng không liên hệ lại.',
      sttt,
      'ha.le2@example.vn',
    );
    expect(await escalateOverdueFeedback(e2e.deps.db, now)).toBeGreaterThanOrEqual(1);

    const desk = await as(DESK);
    await desk.goto('/office/phan-anh');
    // A letter came by post: the desk enters it with its scan.
    const entry = desk.locator('details');
    await entry.getByText('Nhập phản ánh, kiến nghị nhận qua thư').click();
    await entry.getByLabel('Nhận qua').selectOption('letter');
    await entry.getByLabel('Bản quét thư (PDF, JPEG, PNG)').setInputFiles({
      name: 'thu-ong-tam.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    });
    await entry.getByLabel('Phản ánh, kiến nghị').check();
    await entry
      .getByLabel('Nội dung', { exact: true })
      .fill('Thư phản ánh việc niêm yết thủ tục chưa đầy đủ.');
    await entry.getByLabel('Họ và tên').fill('Phan Văn Tâm');
    await entry.getByLabel('Số điện thoại').fill('0912 000 111');
    await entry.getByRole('button', { name: 'Gửi' }).click();
    const letter = /PAKN-2026-\d+/.exec(
      (await entry.getByText(/Số tiếp nhận: PAKN-2026-\d+/).textContent())!,
    )![0];
    await expect
      .poll(() =>
        card(desk, letter).getByRole('link', { name: 'Xem bản quét thư (thu-ong-tam.pdf)' }).count(),
      )
      .toBe(1);
    await expect.poll(() => card(desk, letter).getByText('Thư gửi qua bưu chính').count()).toBe(1);

    const f = card(desk, fwd.reference);
    await f.getByLabel('Kết quả phân loại').selectOption('outside_competence');
    await f.getByLabel('Chuyển đến cơ quan').selectOption({ label: sxdName });
    await f.getByLabel('Lý do').fill('thuộc lĩnh vực trật tự xây dựng');
    await f.getByRole('button', { name: 'Lưu phân loại' }).click();
    await expect.poll(() => card(desk, fwd.reference).count()).toBe(0);
    expect(await mailTo('ha.le@example.vn', /đã được chuyển/)).toContain(fwd.reference);
    const sxd = await as(SXD_DESK);
    await sxd.goto('/office/phan-anh');
    await expect
      .poll(() =>
        card(sxd, fwd.reference)
          .getByText(/Chuyển từ /)
          .count(),
      )
      .toBe(1);
    await expect
      .poll(() => card(sxd, fwd.reference).getByRole('link', { name: 'Phiếu chuyển (PDF)' }).count())
      .toBe(1);

    // The late one is on the leader's dashboard, marked as escalated, and in the handler's list.
    const leader = await as(LEADER);
    await leader.goto('/office/bao-cao');
    const onDashboard = leader
      .getByTestId('overdue-feedback')
      .getByRole('row', { name: new RegExp(late.reference) });
    await expect.poll(() => onDashboard.count()).toBe(1);
    expect(await onDashboard.textContent()).not.toContain('Chưa báo');
    await leader.goto('/office/phan-anh');
    const l = card(leader, late.reference);
    await expect.poll(() => l.getByText('Quá hạn').count()).toBe(1);
    await expect.poll(() => l.getByText(/Đã báo lãnh đạo/).count()).toBe(1);
    await expectAccessible(leader);
    expect(await mailTo('truongcongdinh@anhoa.gov.vn', /quá hạn trả lời/)).toContain(late.reference);
    await l.getByLabel('Nội dung trả lời').fill('Đã chấn chỉnh cán bộ và liên hệ lại với bà.');
    await l.getByRole('button', { name: 'Gửi trả lời' }).click();
    await expect.poll(() => card(leader, late.reference).count()).toBe(0);
  });

  it('a question about a procedure, asked from its page: the agency of that procedure holds it', async () => {
    const page = await e2e.newPage();
    await page.goto('/thu-tuc/1.009994');
    await page.getByRole('link', { name: 'Phản ánh, kiến nghị về thủ tục này' }).click();
    const code = page.getByLabel('Mã thủ tục (nếu phản ánh về một thủ tục hành chính)');
    await expect.poll(() => code.inputValue()).toBe('1.009994');
    await page
      .getByLabel('Nội dung')
      .fill('Xin hỏi cấp giấy phép xây dựng nhà ở riêng lẻ mất bao nhiêu ngày làm việc?');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Gửi' }).click();
    const done = await page.getByText(/Số tiếp nhận: PAKN-2026-\d+/).textContent();
    const row = await db()
      .selectFrom('feedback_items')
      .select(['agency_id', 'procedure_code'])
      .where('reference', '=', /PAKN-2026-\d+/.exec(done!)![0])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ agency_id: await agency('UBNDXTP'), procedure_code: '1.009994' });
  });

  it('a citizen rates a returned dossier from the e-mail link; the period moves; after closing, the next period', async () => {
    const sxdId = await agency('SXD');
    const sxdName = (
      await db().selectFrom('agencies').select('name').where('id', '=', sxdId).executeTakeFirstOrThrow()
    ).name;
    const ratings = async (period: string) => {
      const res = await fetch(`${e2e.baseUrl}/api/satisfaction/public?period=${period}`);
      const body = (await res.json()) as { rows: { key: string; ratings: number }[] };
      return body.rows.find((r) => r.key === sxdId)?.ratings ?? 0;
    };
    expect(await ratings('2026-11')).toBe(0);
    const mail = await mailTo(CITIZEN, /danh-gia\?token=/);
    const link = /https?:\/\/\S+\/danh-gia\?token=[^\s]+/.exec(mail)![0];
    const citizen = await e2e.newPage();
    await citizen.goto(new URL(link).pathname + new URL(link).search);
    await expect.poll(() => citizen.getByText('Hệ thống đã ghi nhận').count()).toBe(1);
    await expectAccessible(citizen);
    await citizen
      .getByRole('group', { name: 'Thái độ của cán bộ, công chức' })
      .getByLabel('Trung bình (1 điểm)')
      .check();
    await citizen.getByLabel('Rất hài lòng').check();
    await citizen.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expect.poll(() => citizen.getByText(/Kỳ đánh giá: 2026-11/).count()).toBe(1);
    expect(await ratings('2026-11')).toBe(1);
    await citizen.goto('/hai-long');
    await expect.poll(() => citizen.getByRole('row', { name: new RegExp(sxdName) }).count()).toBe(1);

    // The province's leader closes November; a rating that comes later goes to December.
    const leader = await as(PROVINCE_LEADER);
    await leader.goto('/office/danh-gia');
    await leader.getByRole('button', { name: 'Khóa sổ kỳ 2026-11' }).click();
    await expect.poll(() => leader.getByText(/2026-11 — Đã khóa sổ/).count()).toBeGreaterThan(0);

    // The SXD desk returns the counter dossier waiting there and hands the tablet to the applicant.
    const counter = await db()
      .selectFrom('dossiers')
      .select(['id', 'code', 'version'])
      .where('status', '=', 'result_ready')
      .where('channel', '=', 'counter')
      .where('authority_agency_id', '=', sxdId)
      .executeTakeFirstOrThrow();
    const desk = await as(SXD_DESK);
    const csrf = (await desk.context().cookies()).find((c) => c.name === 'mc_csrf')?.value ?? '';
    const post = (path: string, data: unknown) =>
      desk.request.post(path, {
        headers: { 'x-csrf-token': csrf, 'idempotency-key': crypto.randomUUID() },
        data,
      });
    const back = await post(`/api/processing/dossiers/${counter.id}/return`, {
      expectedVersion: counter.version,
      collectedBy: 'Phan Văn Tâm',
      originalsReturned: true,
    });
    expect(back.status(), await back.text()).toBe(200);
    const started = await post('/api/satisfaction/desk-links', { dossierCode: counter.code });
    const { path } = (await started.json()) as { path: string };
    await desk.goto(path);
    await desk.getByLabel('Hài lòng', { exact: true }).check();
    await desk.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expect.poll(() => desk.getByText(/Kỳ đánh giá: 2026-12/).count()).toBe(1);
    expect(await ratings('2026-11')).toBe(1);
    expect(await ratings('2026-12')).toBe(1);
  });
});
