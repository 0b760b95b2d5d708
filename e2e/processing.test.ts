import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TDossierDetail } from '@motcua/contracts';
import { pdfBytes } from '../server/src/files/files.fixtures';
import { DEMO_PASSWORD } from '../server/src/modules/accounts/accounts.demo';
import { expectAccessible, expectFitsViewport, hasBrowser, staffLogin, startE2E } from './harness';

/**
 * Issue 12, the office side: one online dossier for a STTTT procedure walks desk accepts → the head of the department
 * assigns → the specialist appraises with a verification record and forwards → the leader approves → the desk
 * records the result (PDF) and returns it → the applicant downloads it from "Hồ sơ của tôi", each with a real demo
 * log-in (README "Demo offices") on the processing workspace /office/xu-ly/<id>; a stale action gets the "someone
 * else changed it" message. Axe runs on the workspace at every step.
 */
const CITIZEN = 'an.nguyen@example.vn';
const DESK = 'nguyenthutrang.stttt';
const HEAD = 'phamthidung.stttt';
const SPECIALIST = 'levancuong.stttt';
const LEADER = 'truongcongdinh.stttt';
const PROCEDURE = '1.003820';

const e2e = hasBrowser ? await startE2E() : (undefined as never);

describe.skipIf(!hasBrowser)('processing journey (office workspace)', () => {
  const desk = DESK;
  let dossierId = '';

  const csrf = async (page: Page) =>
    (await page.context().cookies()).find((c) => c.name === 'mc_csrf')?.value ?? '';

  /** The citizen submits online through the API (the submission pages have their own journey). */
  async function submit(): Promise<TDossierDetail> {
    const page = await e2e.newPage();
    await page.goto('/dang-nhap');
    await page.getByLabel('Thư điện tử, số điện thoại hoặc tên đăng nhập').fill(CITIZEN);
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap'));
    const p = (await (await page.request.get(`/api/procedures/${PROCEDURE}`)).json()) as {
      components: { code: string; required: boolean }[];
    };
    const upload = await page.request.post('/api/dossier-files', {
      headers: {
        'x-file-name': encodeURIComponent('don-de-nghi.pdf'),
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
        procedureCode: PROCEDURE,
        applicant: {
          kind: 'citizen',
          name: 'Nguyễn Văn An',
          idNumber: '099088000123',
          address: 'Số 5 đường Lê Lợi, phường An Hòa',
          phone: null,
          email: CITIZEN,
        },
        formData: {},
        attachments: p.components
          .filter((c) => c.required)
          .map((c) => ({ componentCode: c.code, fileIds: [file.id] })),
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    await page.close();
    return (await res.json()) as TDossierDetail;
  }

  async function as(username: string, opts: { phone?: boolean } = {}): Promise<Page> {
    const page = await e2e.newPage(opts);
    await staffLogin(page, username);
    return page;
  }

  async function workspace(page: Page) {
    await page.goto(`/office/xu-ly/${dossierId}`);
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/^Xử lý hồ sơ /);
  }

  const currentStep = (page: Page) => page.locator('dt:has-text("Bước đang xử lý") + dd').textContent();
  const done = (page: Page, title: string) =>
    expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: `Đã ghi nhận: ${title}` })
          .count(),
      )
      .toBe(1);

  it('the desk officer of STTTT (a demo log-in) accepts the online dossier', async () => {
    const d = await submit();
    dossierId = d.id;
    const page = await as(desk);
    await page.goto(`/office/ho-so/${dossierId}`);
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
    await expect
      .poll(async () =>
        (await page.getByRole('alert').count())
          ? await page.getByRole('alert').first().textContent()
          : await page
              .getByRole('status')
              .filter({ hasText: /Đã tiếp nhận/ })
              .count(),
      )
      .toBe(1);
    // Handed over at once (online): at the assignment step the desk may only record a stop at the applicant's request.
    // The reception page now shows the e-form answers and leads to the workspace.
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: 'Nội dung tờ khai (e-form)' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Mở trang xử lý hồ sơ' }).click();
    await workspace(page);
    await expect.poll(() => currentStep(page)).toBe('Phân công xử lý');
    await expect
      .poll(() => page.locator('.proc-action h3').allTextContents())
      .toEqual(['Dừng giải quyết theo đề nghị của người nộp (Mẫu 05)']);
    await expectAccessible(page);
  });

  it('the head of the department sees the workspace and assigns the specialist', async () => {
    const page = await as(HEAD);
    await page.getByRole('link', { name: 'Hồ sơ cần xử lý' }).click();
    await page.waitForURL('**/office/xu-ly');
    // The head's own inbox lists the unassigned dossier of the department, with its step.
    const row = page.locator('.proc-inbox li', { has: page.locator(`a[href="/office/xu-ly/${dossierId}"]`) });
    await expect.poll(() => row.textContent()).toContain('Phân công xử lý');
    await expect.poll(() => row.textContent()).toContain('Chưa phân công');
    await expectAccessible(page);
    await workspace(page);
    // The e-form answers, the attachments with an inline preview, the plan with its due time.
    await expect.poll(() => page.getByRole('heading', { name: 'Quy trình xử lý' }).count()).toBe(1);
    await expect.poll(() => page.locator('[aria-current="step"]').textContent()).toContain('Phân công xử lý');
    await page.getByRole('button', { name: 'Xem don-de-nghi.pdf' }).first().click();
    await expect.poll(() => page.locator('iframe[title="Xem trước don-de-nghi.pdf"]').count()).toBe(1);
    await expectAccessible(page);

    const specialist = await e2e.deps.db.kysely
      .selectFrom('users')
      .select('id')
      .where('username', '=', SPECIALIST)
      .executeTakeFirstOrThrow();
    // The assign form offers the department's specialists (GET …/assignees), not a typed ID.
    await expect.poll(() => page.locator('#assign-handler option').count()).toBeGreaterThan(1);
    await page.getByLabel('Người được giao', { exact: true }).selectOption(specialist.id);
    await page.getByRole('button', { name: 'Phân công', exact: true }).click();
    await done(page, 'Phân công xử lý');
    await expect.poll(() => currentStep(page)).toBe('Thẩm định hồ sơ');
    await expect
      .poll(() => page.locator('dt:has-text("Người được giao") + dd').textContent())
      .toBe('Lê Văn Cường');
    // The head may reassign, but not appraise.
    await expect.poll(() => page.getByRole('heading', { name: 'Phân công lại' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('heading', { name: 'Thẩm định hồ sơ' }).count()).toBe(0);
    await expectAccessible(page);
  });

  it('the specialist appraises with a verification record (on a phone) and forwards; a stale forward is told to reload', async () => {
    const page = await as(SPECIALIST, { phone: true });
    await workspace(page);
    await page
      .getByLabel('Ý kiến thẩm định')
      .fill('Hồ sơ đầy đủ, đúng quy định; đề nghị cấp văn bản xác nhận.');
    await page.getByLabel('Đề nghị giải quyết (cấp kết quả)').check();
    await page.getByLabel('Có biên bản thẩm tra, xác minh').check();
    await page.getByLabel('Thời gian').fill('25/11/2026 08:30');
    await page.getByLabel('Địa điểm').fill('Trụ sở doanh nghiệp, số 12 Lê Lợi');
    await page
      .getByLabel('Thành phần tham gia (mỗi người một dòng)')
      .fill('Lê Văn Cường, chuyên viên\nĐại diện doanh nghiệp');
    await page.getByLabel('Nội dung', { exact: true }).fill('Kiểm tra địa điểm và hồ sơ nhân sự.');
    await expectAccessible(page);
    await expectFitsViewport(page);
    await page.getByRole('button', { name: 'Ghi ý kiến thẩm định' }).click();
    await done(page, 'Thẩm định hồ sơ');
    await expect.poll(() => page.getByText(/Biên bản xác minh: .*Trụ sở doanh nghiệp/).count()).toBe(1);

    // A second tab of the same person, left open on the old version.
    const stale = await page.context().newPage();
    await stale.goto(`/office/xu-ly/${dossierId}`);
    await expect.poll(() => stale.getByRole('button', { name: 'Chuyển phê duyệt' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Chuyển phê duyệt' }).click();
    await done(page, 'Chuyển bước tiếp theo');
    await expect.poll(() => currentStep(page)).toBe('Phê duyệt kết quả');
    await stale.getByRole('button', { name: 'Chuyển phê duyệt' }).click();
    await expect
      .poll(() =>
        stale.getByRole('alert').filter({ hasText: 'Hồ sơ vừa được người khác xử lý trước bạn' }).count(),
      )
      .toBe(1);
    await expectAccessible(stale);
    await expectFitsViewport(page);
    await expectAccessible(page);
  });

  it('the leader approves; the desk records the result with its PDF and returns it', async () => {
    const leader = await as(LEADER);
    await workspace(leader);
    await leader.getByRole('button', { name: 'Phê duyệt' }).click();
    await done(leader, 'Phê duyệt');
    await expect.poll(() => currentStep(leader)).toBe('Chuyển kết quả về Bộ phận Một cửa');
    await expectAccessible(leader);

    const page = await as(desk);
    await workspace(page);
    await page.getByLabel('Cấp kết quả (chấp thuận)').check();
    await page
      .getByLabel('Trích yếu kết quả')
      .fill('Văn bản xác nhận thông báo hoạt động bưu chính số 12/XN-STTTT');
    await page
      .locator('#result-file')
      .setInputFiles({ name: 'ket-qua.pdf', mimeType: 'application/pdf', buffer: await pdfBytes(1) });
    await expect.poll(() => page.getByText('ket-qua.pdf').count()).toBe(1);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Ghi nhận kết quả' }).click();
    await done(page, 'Kết quả giải quyết');
    await expect.poll(() => currentStep(page)).toBe('Trả kết quả');

    // The desk finds it again among the results waiting to be collected.
    await page.getByRole('link', { name: 'Hồ sơ cần xử lý' }).click();
    const uncollected = page.locator('section', { hasText: 'Kết quả chờ trả' });
    await expect.poll(() => uncollected.getByRole('link').count()).toBe(1);
    await expectAccessible(page);
    await uncollected.getByRole('link').click();
    await expect.poll(() => currentStep(page)).toBe('Trả kết quả');

    await expect.poll(() => page.getByLabel('Người nhận kết quả').inputValue()).toBe('Nguyễn Văn An');
    await page.getByLabel('Đã trả lại bản chính giấy tờ').check();
    await page.getByRole('button', { name: 'Xác nhận đã trả kết quả' }).click();
    await done(page, 'Trả kết quả');
    await expect.poll(() => currentStep(page)).toBe('Đã kết thúc xử lý.');
    await expect.poll(() => page.locator('.badge').first().textContent()).toBe('Đã trả kết quả');
    await expect.poll(() => page.getByText('Người nhận: Nguyễn Văn An').count()).toBe(1);
    await expectAccessible(page);
  });

  it('the applicant sees the result in "Hồ sơ của tôi" and downloads the result document', async () => {
    const page = await e2e.newPage();
    await page.goto('/dang-nhap');
    await page.getByLabel('Thư điện tử, số điện thoại hoặc tên đăng nhập').fill(CITIZEN);
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap'));
    await page.goto(`/ho-so-cua-toi/${dossierId}`);
    const fact = (label: string) => page.locator(`dt:has-text("${label}") + dd`).first().textContent();
    await expect
      .poll(() => fact('Kết quả giải quyết'))
      .toMatch(/^Được giải quyết — đã trả kết quả lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải ket-qua.pdf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('ket-qua.pdf');
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    await expectAccessible(page);
  });
});
