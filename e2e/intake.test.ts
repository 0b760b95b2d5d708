import type { Page } from 'playwright-core';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { Worker } from '../server/src/jobs/queue';
import { jobRegistry } from '../server/src/modules/registry';
import { pdfBytes } from '../server/src/files/files.fixtures';
import { pdfText } from '../server/src/modules/documents/pdf-inspect.test-helpers';
import { toIntakeProcedure, type IntakeProcedure } from '../web/src/features/dossiers/api';
import { expectAccessible, expectFitsViewport, hasBrowser, startE2E } from './harness';
import { mailText, startSmtpCapture } from './intake.smtp';

/**
 * Issue 6 "Done when": a citizen finds a procedure, submits with attachments and sees it in "Hồ sơ của tôi"; a clerk
 * receives it and prints the receipt; the QR/lookup page shows the status; a second clerk's stale accept gets the
 * conflict message; a supplement request reaches the captured email and the citizen completes it. Also counter intake.
 *
 * They run on the catalogue's demo procedures, the accounts module's demo log-ins and a real SMTP capture.
 */
const CITIZEN = { login: 'an.nguyen@example.vn', password: 'MotCua@2026' };
const CLERK = { login: 'dothihoa.sxd', password: 'MotCua@2026' };
/** Fallback when a journey runs alone: the building permit received at the SXD desk (its first component). */
const API_PROCEDURE = { code: '1.009994', components: ['TP1'] };

const smtp = hasBrowser ? await startSmtpCapture() : null;
const e2e = hasBrowser ? await startE2E(smtp ? { smtpUrl: smtp.url } : {}) : (undefined as never);

describe.skipIf(!hasBrowser)('intake journeys', () => {
  const worker = new Worker(e2e.deps.db, jobRegistry(), {
    pollMs: 50,
    concurrency: 2,
    log: pino({ level: 'silent' }),
    clock: e2e.deps.clock,
  });
  worker.start();
  afterAll(async () => {
    await worker.stop();
    await smtp?.close();
  });

  let procedure: IntakeProcedure;
  let citizen: Page;
  let dossierId = '';
  let submissionRef = '';
  let dossierCode = '';

  async function citizenLogin(page: Page) {
    await page.goto('/dang-nhap');
    await page.getByLabel('Thư điện tử, số điện thoại hoặc tên đăng nhập').fill(CITIZEN.login);
    await page.getByLabel('Mật khẩu').fill(CITIZEN.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap'));
  }
  async function clerkLogin(): Promise<Page> {
    const page = await e2e.newPage();
    await page.goto('/office/login');
    await page.getByLabel('Tên đăng nhập').fill(CLERK.login);
    await page.getByLabel('Mật khẩu').fill(CLERK.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL('**/office');
    return page;
  }
  /** Valid values for whatever e-form the procedure defines, typed through the labels a person reads. */
  async function fillEForm(page: Page, p: IntakeProcedure) {
    const schema = p.formSchema;
    if (!schema) return;
    for (const [name, f] of Object.entries(schema.properties)) {
      const field = page.locator(`#ef-${name}`);
      if (f.type === 'boolean') await field.check();
      else if (f.enum) await field.selectOption(String(f.enum[0]));
      else if (f.format === 'date') await field.fill('1990-05-17');
      else if (f.format === 'email') await field.fill('an.nguyen@example.vn');
      else if (f.type === 'number' || f.type === 'integer') await field.fill(String(f.minimum ?? 1));
      else if (f.pattern) await field.fill('001090012345'.slice(0, Math.max(f.minLength ?? 12, 12)));
      else await field.fill('Nội dung kê khai thử nghiệm');
    }
  }

  /** Submits through the API as the logged-in citizen (same cookies), for journeys that start after submission. */
  async function submitByApi(page: Page): Promise<{ id: string; submissionRef: string }> {
    const upload = await page.request.post('/api/dossier-files', {
      headers: {
        'x-file-name': encodeURIComponent('don.pdf'),
        'content-type': 'application/octet-stream',
        'x-csrf-token': await csrf(page),
      },
      data: await pdfBytes(1),
    });
    expect(upload.status()).toBe(201);
    const file = (await upload.json()) as { id: string };
    const res = await page.request.post('/api/dossiers', {
      headers: { 'idempotency-key': crypto.randomUUID(), 'x-csrf-token': await csrf(page) },
      data: {
        procedureCode: procedure?.code ?? API_PROCEDURE.code,
        applicant: {
          kind: 'citizen',
          name: 'Nguyễn Văn An',
          idNumber: '001090012345',
          address: 'Số 12 đường Lê Lợi, phường Hòa Bình',
          phone: null,
          email: CITIZEN.login,
        },
        formData: {},
        attachments: (procedure
          ? procedure.components.filter((c) => c.required).map((c) => c.code)
          : API_PROCEDURE.components
        ).map((componentCode) => ({ componentCode, fileIds: [file.id] })),
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()) as { id: string; submissionRef: string };
  }
  async function csrf(page: Page): Promise<string> {
    return (await page.context().cookies()).find((c) => c.name === 'mc_csrf')?.value ?? '';
  }
  async function citizenPage(): Promise<Page> {
    if (!citizen) {
      citizen = await e2e.newPage({ phone: true });
      await citizenLogin(citizen);
    }
    return citizen;
  }

  it('a citizen finds a procedure, submits with attachments on a phone, and sees it in "Hồ sơ của tôi"', async () => {
    const list = (await (await fetch(`${e2e.baseUrl}/api/procedures?pageSize=100`)).json()) as {
      items: { code: string; name: string }[];
    };
    for (const item of list.items) {
      // The catalogue's shape, read the way the submission page reads it; the clerk works at the SXD desk.
      const raw = (await (
        await fetch(`${e2e.baseUrl}/api/procedures/${encodeURIComponent(item.code)}`)
      ).json()) as { agencies: { shortName: string }[]; onlineSubmission: boolean };
      const p = toIntakeProcedure(raw as never);
      const atSxd = raw.agencies[0]?.shortName === 'SXD' && raw.onlineSubmission;
      if (atSxd && p.components?.some((c) => c.required)) {
        procedure = p;
        break;
      }
    }
    expect(procedure, 'a demo procedure with required components').toBeDefined();

    await citizenPage();
    await citizen.goto(`/thu-tuc?q=${encodeURIComponent(procedure.name)}`);
    await citizen.getByRole('link', { name: procedure.name }).first().click();
    await citizen.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
    await citizen.waitForURL(`**/thu-tuc/${encodeURIComponent(procedure.code)}/nop-ho-so`);
    await expect.poll(() => citizen.locator('h1').textContent()).toBe('Nộp hồ sơ trực tuyến');
    await expectFitsViewport(citizen);
    await expectAccessible(citizen);

    // Errors are announced and tied to their fields before anything is sent.
    await citizen.getByLabel(/Số định danh cá nhân/).fill('');
    await citizen.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect.poll(() => citizen.getByRole('alert').first().textContent()).toMatch(/Vui lòng sửa \d+ lỗi/);
    expect(await citizen.getByLabel(/Số định danh cá nhân/).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(citizen);

    await citizen.getByLabel(/Số định danh cá nhân/).fill('001090012345');
    await fillEForm(citizen, procedure);
    await citizen.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect
      .poll(() => citizen.getByRole('heading', { level: 2 }).first().textContent())
      .toContain('Thành phần hồ sơ');
    const pdf = await pdfBytes(2);
    const [first, ...rest] = procedure.components.filter((x) => x.required);
    // The first one from the citizen's store of results (001 Đ22.2): the signed result of an earlier dossier.
    const reuse = citizen.locator(`#file-${first!.code}-reuse`);
    await reuse.selectOption({ index: 1 });
    await citizen.locator(`#file-${first!.code}-reuse ~ button`).click();
    await expect.poll(() => citizen.getByText(/^ket-qua_.*\.pdf/).count()).toBe(1);
    for (const c of rest) {
      await citizen
        .locator(`#file-${c.code}`)
        .setInputFiles({ name: `${c.code}.pdf`, mimeType: 'application/pdf', buffer: pdf });
      // Attached (in the list), not only "uploading …", which names the file too.
      await expect.poll(() => citizen.locator('.file-list li', { hasText: `${c.code}.pdf` }).count()).toBe(1);
    }
    // The draft was saved on the server: it resumes on another device.
    await expect.poll(() => citizen.getByText(/Đã lưu bản nháp/).count(), { timeout: 10_000 }).toBe(1);
    await expectAccessible(citizen);
    await citizen.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect.poll(() => citizen.getByRole('button', { name: 'Nộp hồ sơ' }).count()).toBe(1);
    await expectFitsViewport(citizen);
    await expectAccessible(citizen);
    await citizen.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await citizen.waitForURL('**/ho-so-cua-toi/*?moi=1');
    await expect.poll(() => citizen.getByRole('status').filter({ hasText: 'Đã nộp hồ sơ' }).count()).toBe(1);
    dossierId = new URL(citizen.url()).pathname.split('/').pop()!;
    submissionRef = (await citizen.locator('dt:has-text("Số tham chiếu") + dd').textContent())!;
    await expectFitsViewport(citizen);
    await expectAccessible(citizen);

    await citizen.getByRole('link', { name: 'Hồ sơ của tôi' }).first().click();
    await expect
      .poll(() => citizen.getByRole('link', { name: procedure.name }).count())
      .toBeGreaterThanOrEqual(1);
    await expect.poll(() => citizen.getByText('Chờ tiếp nhận').count()).toBeGreaterThanOrEqual(1);
    await expectFitsViewport(citizen);
    await expectAccessible(citizen);
  });

  it('before reception the citizen amends the e-form; the timeline keeps the earlier value', async () => {
    if (!dossierId) ({ id: dossierId, submissionRef } = await submitByApi(await citizenPage()));
    const page = await citizenPage();
    await page.goto(`/ho-so-cua-toi/${dossierId}`);
    await expect.poll(() => page.getByRole('heading', { name: 'Sửa hồ sơ' }).count()).toBe(1);
    const text = Object.entries(procedure?.formSchema?.properties ?? {}).find(
      ([, f]) => f.type === 'string' && !f.enum && !f.format && !f.pattern,
    );
    if (text) await page.locator(`#am-${text[0]}`).fill('Nội dung đã sửa đổi');
    await page.getByLabel('Nội dung sửa đổi').fill('Sửa tờ khai trước khi tiếp nhận');
    await page.getByRole('button', { name: 'Lưu sửa đổi' }).click();
    await expect.poll(() => page.getByText('Đã lưu sửa đổi.').count()).toBe(1);
    await expect.poll(() => page.locator('.timeline').textContent()).toContain('Sửa đổi hồ sơ');
    if (text) {
      await page.getByText('Sửa tờ khai', { exact: true }).click();
      await expect
        .poll(() => page.locator('.timeline ins').first().textContent())
        .toBe('Nội dung đã sửa đổi');
    }
    await expectAccessible(page);
  });

  it('a clerk receives it and prints the receipt; a second clerk deciding on the stale version is told so', async () => {
    if (!dossierId) ({ id: dossierId, submissionRef } = await submitByApi(await citizenPage()));
    const first = await clerkLogin();
    const second = await clerkLogin();
    for (const page of [first, second]) {
      await page.goto('/office/tiep-nhan');
      await page.getByRole('link', { name: submissionRef }).click();
      await expect
        .poll(() => page.getByRole('heading', { name: 'Kiểm tra, tiếp nhận hồ sơ' }).count())
        .toBe(1);
    }
    await expectAccessible(first);
    await first.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).last().click();
    await expect.poll(() => first.getByText(/Đã tiếp nhận hồ sơ/).count()).toBe(1);
    dossierCode = /Đã tiếp nhận hồ sơ (\S+)\./.exec(
      (await first.getByText(/Đã tiếp nhận hồ sơ/).textContent())!,
    )![1]!;
    expect(dossierCode).toMatch(/^[0-9A-Z.]+-\d{6}-\d{4,}$/);

    await second.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).last().click();
    await expect.poll(() => second.getByRole('alert').textContent()).toContain('người khác xử lý trước bạn');
    await expectAccessible(second);
    await second.getByRole('button', { name: 'Tải lại hồ sơ' }).click();
    await expect.poll(() => second.getByText('Hồ sơ này không còn chờ kiểm tra, tiếp nhận.').count()).toBe(1);

    const href = await first
      .getByRole('link', { name: 'Mở và in giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu số 01)' })
      .getAttribute('href');
    const res = await first.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/pdf');
    const text = await pdfText(Buffer.from(await res.body()));
    expect(text).toContain(dossierCode);
    const yymmdd = dossierCode.split('-')[1]!;
    // Receipt time printed in words, e.g. "ngày 23 tháng 11 năm 2026", the same day as the code's YYMMDD.
    const [yy, mm, dd] = [yymmdd.slice(0, 2), yymmdd.slice(2, 4), yymmdd.slice(4, 6)];
    expect(text).toMatch(new RegExp(`ngày 0?${Number(dd)} tháng 0?${Number(mm)} năm 20${yy}`));
    await expectAccessible(first);
  });

  it('the lookup page the receipt QR leads to shows the same status as the office', async () => {
    const office = (await (await citizen.request.get(`/api/dossiers/${dossierId}`)).json()) as {
      status: string;
    };
    const page = await e2e.newPage({ phone: true });
    await page.goto(`/tra-cuu/${dossierCode}`);
    const label = office.status === 'received' ? 'Đã tiếp nhận' : 'Đang giải quyết';
    await expect.poll(() => page.locator('.lookup-result .badge').textContent()).toBe(label);
    await expect.poll(() => page.locator('.lookup-result dd').nth(1).textContent()).toBeTruthy();
    expect(await page.content()).not.toContain('001090012345');
    await expectFitsViewport(page);
    await expectAccessible(page);
    await citizen.goto(`/ho-so-cua-toi/${dossierId}`);
    await expect.poll(() => citizen.getByRole('link', { name: /Giấy tiếp nhận hồ sơ/ }).count()).toBe(1);
    await expectAccessible(citizen);
  });

  it('the lookup page shows the masked name only with the PIN: from the QR link, or typed in', async () => {
    const { lookup_pin: pin } = await e2e.deps.db.kysely
      .selectFrom('dossiers')
      .select('lookup_pin')
      .where('id', '=', dossierId)
      .executeTakeFirstOrThrow();
    const applicant = (page: Awaited<ReturnType<typeof e2e.newPage>>) =>
      page.locator('.lookup-result dd').nth(2).textContent();
    const page = await e2e.newPage({ phone: true });
    await page.goto(`/tra-cuu/${dossierCode}`);
    await expect.poll(() => applicant(page)).toBe('Ẩn (cần mã PIN tra cứu)');
    await page.getByLabel('Mã PIN tra cứu').fill(pin === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Xem tên người nộp' }).click();
    await expect.poll(() => page.getByText('Mã PIN không đúng.', { exact: false }).count()).toBe(1);
    await page.getByLabel('Mã PIN tra cứu').fill(pin!);
    await page.getByRole('button', { name: 'Xem tên người nộp' }).click();
    await expect.poll(() => applicant(page)).toContain('*');
    await expectAccessible(page);
    // The receipt's QR link carries the PIN.
    const qr = await e2e.newPage({ phone: true });
    await qr.goto(`/tra-cuu/${dossierCode}?pin=${pin}`);
    await expect.poll(() => applicant(qr)).toContain('*');
    expect(await qr.getByLabel('Mã PIN tra cứu').count()).toBe(0);
  });

  it('a supplement request reaches the captured email and the citizen completes it', async () => {
    const pdf = await pdfBytes(1);
    const second = await submitByApi(await citizenPage());
    // A component the procedure really has, as the clerk names it.
    const component = procedure.components.find((c) => c.required)!;

    const clerk = await clerkLogin();
    await clerk.goto(`/office/ho-so/${second.id}`);
    await clerk.getByLabel('Thành phần hồ sơ', { exact: true }).fill(component.name);
    await clerk.getByLabel('Vấn đề', { exact: true }).selectOption('defective');
    await clerk.getByLabel('Lý do', { exact: true }).fill('Bản chụp bị mờ, không đọc được số định danh.');
    await clerk
      .getByLabel('Hướng dẫn', { exact: true })
      .fill('Chụp lại rõ nét cả hai mặt và tải lên bản PDF.');
    await clerk
      .getByRole('button', { name: 'Gửi phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu số 02)' })
      .click();
    await expect.poll(() => clerk.getByText('Đã gửi yêu cầu bổ sung đến người nộp.').count()).toBe(1);
    await expectAccessible(clerk);

    await expect
      .poll(
        () => smtp!.mails.filter((m) => m.to === CITIZEN.login && /bổ sung/i.test(mailText(m.raw))).length,
        {
          timeout: 15_000,
        },
      )
      .toBeGreaterThanOrEqual(1);

    await citizen.goto(`/ho-so-cua-toi/${second.id}`);
    await expect
      .poll(() => citizen.getByText('Bản chụp bị mờ, không đọc được số định danh.', { exact: false }).count())
      .toBe(1);
    await expectFitsViewport(citizen);
    await expectAccessible(citizen);
    await citizen
      .locator('#sup-0')
      .setInputFiles({ name: 'ban-chup-moi.pdf', mimeType: 'application/pdf', buffer: pdf });
    await expect
      .poll(() => citizen.locator('.file-list li', { hasText: 'ban-chup-moi.pdf' }).count())
      .toBe(1);
    await citizen.getByRole('button', { name: 'Gửi hồ sơ bổ sung' }).click();
    // The first journey of a CI run meets the unit tests at their busiest: the supplement's answer (a new revision,
    // the e-mails) has been seen to take longer than the default 15 s there.
    await expect.poll(() => citizen.getByText(/Đã gửi hồ sơ bổ sung/).count(), { timeout: 45_000 }).toBe(1);
    const after = (await (await citizen.request.get(`/api/dossiers/${second.id}`)).json()) as {
      status: string;
    };
    expect(after.status).toBe('submitted');
  });

  it('counter intake: "Tiếp nhận → Thêm mới" registers a paper dossier and goes straight to the decision', async () => {
    const clerk = await clerkLogin();
    await clerk.goto('/office/tiep-nhan');
    await clerk.getByRole('link', { name: 'Thêm mới' }).click();
    await expectAccessible(clerk);
    // Checked with the request's own contract schema before anything is sent: each problem on its field.
    await clerk.getByRole('button', { name: 'Ghi nhận và chuyển sang kiểm tra, tiếp nhận' }).click();
    await expect.poll(() => clerk.getByLabel('Họ và tên').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => clerk.getByText('Vui lòng chọn thủ tục.').count()).toBe(1);
    await expectAccessible(clerk);
    await clerk.getByLabel('Họ và tên').fill('Lê Thị Cúc');
    await clerk.getByLabel('Số định danh cá nhân').fill('038185004321');
    await clerk.getByLabel('Địa chỉ').fill('Số 5 đường Trần Phú, phường Hòa Bình');
    await clerk.getByLabel('Thủ tục', { exact: true }).fill(procedure.code);
    await expect.poll(() => clerk.getByText(procedure.name).count()).toBeGreaterThanOrEqual(1);
    const c = procedure.components[0]!;
    await clerk.getByLabel(`Đã nhận “${c.name}”`).check();
    await clerk.locator(`#rc-${c.code}-kind`).selectOption('certified_copy');
    await clerk.locator(`#rc-${c.code}-shown`).check();
    await clerk
      .locator(`#rc-${c.code}-files`)
      .setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: await pdfBytes(3) });
    await expect.poll(() => clerk.locator(`#rc-${c.code}-pages`).inputValue()).toBe('3');
    await expectAccessible(clerk);
    await clerk.getByRole('button', { name: 'Ghi nhận và chuyển sang kiểm tra, tiếp nhận' }).click();
    await clerk.waitForURL('**/office/ho-so/*');
    await expect
      .poll(() => clerk.getByRole('heading', { name: 'Kiểm tra, tiếp nhận hồ sơ' }).count())
      .toBe(1);
    await expect
      .poll(() => clerk.getByText('Bản sao chứng thực', { exact: false }).count())
      .toBeGreaterThanOrEqual(1);
    // The scan made at the counter is recorded as converted from paper, certified by the officer (ND 45/2020 Đ18).
    await expect
      .poll(() =>
        clerk
          .getByText(/Bản quét từ hồ sơ giấy tại Bộ phận Một cửa, chứng thực: .+, \d{2}\/\d{2}\/\d{4}/)
          .count(),
      )
      .toBe(1);
    await expectAccessible(clerk);
  });
});
