import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TDossierDetail, TLookupResponse } from '@motcua/contracts';
import { clockStartingAt } from '../server/src/clock';
import { pdfBytes } from '../server/src/files/files.fixtures';
import { flagOverdueInteragency } from '../server/src/modules/dossiers/interagency-warnings';
import {
  expectAccessible,
  hasBrowser,
  startE2E,
  postJson,
  staffPage,
  userIdOf,
  citizenPage,
  submitOnline,
  uploadPdf,
} from './harness';

/**
 * Issue 14, "done when", with real demo log-ins (README "Demo offices") and real Chromium:
 * (a) an electronic feasibility-study dossier of Sở Xây dựng (1.009788, the demo's inter-agency plan) goes to Sở
 *     Nông nghiệp và Môi trường and Sở Tài chính at once; Sở Tài chính is late — the lead sees it warned and named —
 *     then the lead consolidates, the leader approves and the receiving desk returns the one result; the applicant's
 *     lookup shows one code and one status throughout;
 * (b) a dossier received at the commune desk of Xã Tân Phú is forwarded to the province (Sở Nông nghiệp và Môi
 *     trường) with its appointment, decided there, and comes back to the commune desk to be returned.
 */
const SXD = {
  desk: 'dothihoa.sxd',
  head: 'lyvanthang.sxd',
  specialist: 'maithihuong.sxd',
  leader: 'hoducthanh.sxd',
};
const SNNMT = { head: 'phovandung.snnmt', specialist: 'cuthimen.snnmt', leader: 'chuvanthuy.snnmt' };
const STC_SPECIALIST = 'vuongthihang.stc';
const COMMUNE_DESK = 'phungthingoc.ubndxtp';
const STC = 'Sở Tài chính tỉnh An Hòa';
const SNNMT_NAME = 'Sở Nông nghiệp và Môi trường tỉnh An Hòa';

const e2e = hasBrowser ? await startE2E() : (undefined as never);

describe.skipIf(!hasBrowser)('inter-agency and cross-level processing in the office', () => {
  const call = (page: Page, path: string, data: unknown) => postJson<TDossierDetail>(page, path, data);
  const as = (username: string) => staffPage(e2e, username);
  const userId = (username: string) => userIdOf(e2e, username);
  const fresh = async (page: Page, id: string) =>
    (await (await page.request.get(`/api/dossiers/${id}`)).json()) as TDossierDetail;

  /** Submitted online by Nguyễn Văn An and accepted at `desk`, whose page stays logged in (steps not under test). */
  async function received(procedure: string, desk: string): Promise<[TDossierDetail, Page]> {
    const an = await citizenPage(e2e);
    const d = await submitOnline(an, procedure, { fileName: 'to-trinh.pdf' });
    await an.close();
    const page = await as(desk);
    return [await call(page, `/api/reception/dossiers/${d.id}/accept`, { expectedVersion: d.version }), page];
  }
  const workspace = async (page: Page, id: string) => {
    await page.goto(`/office/xu-ly/${id}`);
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/^Xử lý hồ sơ /);
  };
  const recorded = (page: Page, title: string) =>
    expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: `Đã ghi nhận: ${title}` })
          .count(),
      )
      .toBe(1);
  const lookup = async (page: Page, code: string) =>
    (await (await page.request.get(`/api/lookup/${code}`)).json()) as TLookupResponse;

  /** A partner returns its part from "Hồ sơ liên thông cần phối hợp", with a PDF attached when `file` is named. */
  async function partnerReturns(
    username: string,
    code: string,
    outcome: string,
    late: boolean,
    file?: string,
  ) {
    const page = await as(username);
    await page.getByRole('link', { name: 'Hồ sơ liên thông cần phối hợp' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Hồ sơ liên thông cần phối hợp');
    const card = page.locator('.card', { hasText: `Hồ sơ ${code}` });
    // Its part only: the task and the dossier's files opened through it, never the dossier.
    await expect.poll(() => card.getByRole('link', { name: 'to-trinh.pdf' }).count()).toBeGreaterThan(0);
    await expect.poll(() => card.getByText('Quá hạn').count()).toBe(late ? 1 : 0);
    await expectAccessible(page);
    await card.getByLabel('Kết quả, ý kiến của cơ quan').fill(outcome);
    if (file) {
      await card
        .getByLabel('Chọn tệp cho “Tệp kèm theo kết quả (văn bản, ảnh chụp)”')
        .setInputFiles({ name: file, mimeType: 'application/pdf', buffer: await pdfBytes(1) });
      await expect.poll(() => card.locator('.file-list').getByText(file).count()).toBe(1);
    }
    await card.getByRole('button', { name: 'Trả kết quả cho cơ quan chủ trì' }).click();
    await expect.poll(() => page.getByText('Đã trả kết quả phần việc.').count()).toBe(1);
    await page.close();
  }

  it('(a) electronic dossier to two partners at once; one late is warned and named; one consolidated result returned at the desk', async () => {
    const [accepted, desk] = await received('1.009788', SXD.desk);
    let d = accepted;
    const code = d.code!;
    const head = await as(SXD.head);
    d = await call(head, `/api/processing/dossiers/${d.id}/assign`, {
      expectedVersion: (await fresh(head, d.id)).version,
      handlerId: await userId(SXD.specialist),
    });
    await head.close();

    // The receiving desk sends it to both partners at once from the workspace.
    await workspace(desk, d.id);
    const card = desk.locator('section', { has: desk.getByRole('heading', { name: 'Liên thông' }) });
    await expect.poll(() => card.getByText(/chuyển đồng thời đến tất cả/).count()).toBe(1);
    await expectAccessible(desk);
    await card.getByRole('button', { name: 'Chuyển đến cơ quan phối hợp' }).click();
    await recorded(desk, 'Chuyển liên thông');
    await expect.poll(() => card.getByText('Đang xử lý').count()).toBe(2);
    await expectAccessible(desk);
    await desk.close();

    const anon = await e2e.newPage();
    const first = await lookup(anon, code);
    expect(first.status).toBe('in_processing');
    expect(first.workingAgencies).toEqual([SNNMT_NAME, STC]);

    // Sở Nông nghiệp và Môi trường answers on time.
    await partnerReturns(
      SNNMT.specialist,
      code,
      'Dự án phù hợp quy hoạch sử dụng đất; đề nghị lập hồ sơ môi trường.',
      false,
      'y-kien-snnmt.pdf',
    );
    expect((await lookup(anon, code)).workingAgencies).toEqual([STC]);

    // Past Sở Tài chính's due time the warnings pass flags it; the lead's workspace names the late agency.
    const { due_at: due } = await e2e.deps.db.kysely
      .selectFrom('dossier_interagency_tasks')
      .select('due_at')
      .where('dossier_id', '=', d.id)
      .where('agency_name', '=', STC)
      .executeTakeFirstOrThrow();
    e2e.deps.clock = clockStartingAt(new Date(due!.getTime() + 2 * 3_600_000).toISOString());
    expect(await flagOverdueInteragency(e2e.deps.db, e2e.deps.clock.now())).toBeGreaterThanOrEqual(1);
    const leadAgain = await as(SXD.specialist);
    await workspace(leadAgain, d.id);
    await expect
      .poll(() => leadAgain.getByText(`Quá hạn liên thông: ${STC} chưa trả phần việc`).count())
      .toBe(1);
    await expectAccessible(leadAgain);

    // Sở Tài chính returns late; the lead sees it graded late, appraises and consolidates.
    await partnerReturns(
      STC_SPECIALIST,
      code,
      'Nguồn vốn ngân sách tỉnh đã được bố trí trong kế hoạch đầu tư công.',
      true,
    );
    await workspace(leadAgain, d.id);
    await expect.poll(() => leadAgain.getByText(/\(quá hạn\): Nguồn vốn ngân sách tỉnh/).count()).toBe(1);
    await expect.poll(() => leadAgain.getByText(/Tất cả cơ quan phối hợp đã trả/).count()).toBe(1);
    // The lead opens the file Sở Nông nghiệp và Môi trường attached to its answer.
    const attached = leadAgain.getByRole('link', { name: 'y-kien-snnmt.pdf' });
    await expect.poll(() => attached.count()).toBe(1);
    const got = await leadAgain.request.get((await attached.getAttribute('href'))!);
    expect([got.status(), got.headers()['content-type']]).toEqual([200, 'application/pdf']);
    await call(leadAgain, `/api/processing/dossiers/${d.id}/appraise`, {
      expectedVersion: (await fresh(leadAgain, d.id)).version,
      opinion:
        'Tổng hợp ý kiến Sở Nông nghiệp và Môi trường, Sở Tài chính: đủ điều kiện thông báo kết quả thẩm định.',
      proposal: 'approve',
    });
    await leadAgain.reload();
    await leadAgain.getByRole('button', { name: 'Chuyển phê duyệt' }).click();
    await recorded(leadAgain, 'Chuyển bước tiếp theo');
    await leadAgain.close();

    // The applicant's lookup: the same code, one status, no partner left working on it.
    const last = await lookup(anon, code);
    expect([last.code, last.status, last.workingAgencies]).toEqual([code, 'in_processing', undefined]);
    await anon.goto(`/tra-cuu/${code}`);
    await expect
      .poll(() => anon.locator('.lookup-result .badge').allTextContents())
      .toEqual(['Đang giải quyết']);
    await expectAccessible(anon);

    // The leader approves; the receiving desk issues the one consolidated result and returns it to the applicant.
    const leader = await as(SXD.leader);
    await call(leader, `/api/processing/dossiers/${d.id}/forward`, {
      expectedVersion: (await fresh(leader, d.id)).version,
    });
    await leader.close();
    const deskAgain = await as(SXD.desk);
    const resultFile = await uploadPdf(deskAgain, 'thong-bao-ket-qua-tham-dinh.pdf');
    await call(deskAgain, `/api/processing/dossiers/${d.id}/result`, {
      expectedVersion: (await fresh(deskAgain, d.id)).version,
      kind: 'granted',
      summary:
        'Thông báo kết quả thẩm định báo cáo nghiên cứu khả thi (tổng hợp ý kiến Sở NN&MT, Sở Tài chính)',
      fileIds: [resultFile],
    });
    const returned = await call(deskAgain, `/api/processing/dossiers/${d.id}/return`, {
      expectedVersion: (await fresh(deskAgain, d.id)).version,
      collectedBy: 'Nguyễn Văn An',
      originalsReturned: true,
    });
    expect([returned.status, returned.code]).toEqual(['returned', code]);
    await deskAgain.close();
    expect((await lookup(anon, code)).status).toBe('returned');
    await anon.close();
  });

  it('(b) commune desk → province → commune desk, the appointment carried', async () => {
    const [accepted, desk] = await received('1.010733', COMMUNE_DESK);
    let d = accepted;
    const appointment = d.appointmentAt;
    await workspace(desk, d.id);
    const form = desk.locator('form', { hasText: 'Chuyển lên cấp tỉnh' });
    await expect.poll(() => form.getByLabel('Cơ quan cấp tỉnh').locator('option').count()).toBeGreaterThan(1);
    await form.getByLabel('Cơ quan cấp tỉnh').selectOption({ label: SNNMT_NAME });
    await form.getByLabel('Ghi chú khi chuyển (không bắt buộc)').fill('Dự án thuộc thẩm quyền cấp tỉnh.');
    await expectAccessible(desk);
    await form.getByRole('button', { name: 'Chuyển hồ sơ lên cấp tỉnh' }).click();
    await recorded(desk, 'Chuyển lên cấp tỉnh');
    await expect
      .poll(() => desk.locator('dt:has-text("Cơ quan giải quyết") + dd').textContent())
      .toBe(SNNMT_NAME);
    await expect
      .poll(() => desk.getByText(`Hồ sơ đã chuyển lên ${SNNMT_NAME}; kết quả sẽ được chuyển về`).count())
      .toBe(1);
    await expect.poll(() => desk.getByRole('button', { name: 'Chuyển hồ sơ lên cấp tỉnh' }).count()).toBe(0);
    await expectAccessible(desk);

    // The province decides with its own steps (not under test here).
    const head = await as(SNNMT.head);
    d = await call(head, `/api/processing/dossiers/${d.id}/assign`, {
      expectedVersion: (await fresh(head, d.id)).version,
      handlerId: await userId(SNNMT.specialist),
    });
    const specialist = await as(SNNMT.specialist);
    d = await call(specialist, `/api/processing/dossiers/${d.id}/appraise`, {
      expectedVersion: d.version,
      opinion: 'Đủ điều kiện xác nhận đăng ký môi trường.',
      proposal: 'approve',
    });
    d = await call(specialist, `/api/processing/dossiers/${d.id}/forward`, { expectedVersion: d.version });
    const leader = await as(SNNMT.leader);
    d = await call(leader, `/api/processing/dossiers/${d.id}/forward`, { expectedVersion: d.version });
    await Promise.all([head.close(), specialist.close(), leader.close()]);
    expect(d.appointmentAt).toBe(appointment);

    // The result comes back to the commune desk that received it.
    await workspace(desk, d.id);
    await expect
      .poll(() => desk.locator('dt:has-text("Nơi trả kết quả") + dd').textContent())
      .toBe('Ủy ban nhân dân xã Tân Phú');
    await expect.poll(() => desk.getByRole('button', { name: 'Ghi nhận kết quả' }).count()).toBe(1);
    await expectAccessible(desk);
    await desk.close();
  });
});
