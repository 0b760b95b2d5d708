import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pdfBytes } from '../server/src/files/files.fixtures';
import { pdfText } from '../server/src/modules/documents/pdf-inspect.test-helpers';
import type { Actor } from '../server/src/http/auth';
import { findUserByLogin } from '../server/src/modules/accounts';
import { findStaffFacts, type IntakeCtx } from '../server/src/modules/dossiers';
import { acceptDossier } from '../server/src/modules/dossiers/dossier-reception.service';
import {
  appraiseDossier,
  assignHandler,
  forwardDossier,
  issueResult,
} from '../server/src/modules/dossiers/processing.service';
import { expectAccessible, hasBrowser, staffLogin, startE2E } from './harness';

/**
 * Issue 15 (fees): a citizen pays online at submission through the local gateway simulator (its own page, a signed
 * callback over real HTTP) and downloads the receipt; the SXD desk records a counter payment and its receipt is
 * issued. The paid dossier is processed to a signed result, which the citizen downloads and verifies on /xac-thuc
 * (valid; one byte changed: not valid). On the demo data and log-ins; the building permit 1.009972 costs 150.000
 * đồng at submission.
 */
const CITIZEN = { login: 'an.nguyen@example.vn', password: 'MotCua@2026' };
const PERMIT = '1.009972';

const e2e = hasBrowser ? await startE2E() : (undefined as never);

async function csrf(page: Page): Promise<string> {
  return (await page.context().cookies()).find((c) => c.name === 'mc_csrf')?.value ?? '';
}

let citizen: Page | undefined;
let desk: Page | undefined;
/** One log-in each for the citizen and the SXD desk, shared by the journeys (CI runs browser journeys in turn). */
async function deskPage(): Promise<Page> {
  if (!desk) {
    desk = await e2e.newPage();
    await staffLogin(desk, 'dothihoa.sxd');
  }
  return desk;
}

async function citizenPage(): Promise<Page> {
  if (citizen) return citizen;
  const page = (citizen = await e2e.newPage());
  await page.goto('/dang-nhap');
  await page.getByLabel('Thư điện tử, số điện thoại hoặc tên đăng nhập').fill(CITIZEN.login);
  await page.getByLabel('Mật khẩu').fill(CITIZEN.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap'));
  return page;
}

/** Submits the permit through the API with the citizen's cookies (the submission page has its own journey). */
async function submit(page: Page, resultChannel: 'online' | 'post' = 'online'): Promise<{ id: string }> {
  const p = (await (await fetch(`${e2e.baseUrl}/api/procedures/${PERMIT}`)).json()) as {
    components: { code: string; required: boolean }[];
  };
  const upload = await page.request.post('/api/dossier-files', {
    headers: {
      'x-file-name': encodeURIComponent('don.pdf'),
      'content-type': 'application/octet-stream',
      'x-csrf-token': await csrf(page),
    },
    data: await pdfBytes(1),
  });
  const file = (await upload.json()) as { id: string };
  const res = await page.request.post('/api/dossiers', {
    headers: { 'idempotency-key': crypto.randomUUID(), 'x-csrf-token': await csrf(page) },
    data: {
      procedureCode: PERMIT,
      applicant: {
        kind: 'citizen',
        name: 'Nguyễn Văn An',
        idNumber: '001090012345',
        address: 'Số 12 đường Lê Lợi, phường Hòa Bình',
        phone: null,
        email: CITIZEN.login,
      },
      formData: {},
      resultChannel,
      attachments: p.components
        .filter((c) => c.required)
        .map((c) => ({ componentCode: c.code, fileIds: [file.id] })),
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string };
}

/** The SXD office takes a dossier through processing to a result at the desk, through the real services. */
async function processToResult(id: string) {
  const db = e2e.deps.db.kysely;
  const staff = async (email: string): Promise<Actor> => {
    const u = (await findUserByLogin(db, { email }))!;
    const facts = (await findStaffFacts(db, u.id))!;
    return {
      userId: u.id,
      kind: 'staff',
      name: u.full_name,
      roles: facts.roles,
      agencyId: u.agency_id,
      organisationIds: [],
      mustChangePassword: false,
      sessionId: null,
    };
  };
  const desk = await staff('dothihoa@anhoa.gov.vn');
  const head = await staff('lyvanthang@anhoa.gov.vn');
  const specialist = await staff('maithihuong@anhoa.gov.vn');
  const leader = await staff('hoducthanh@anhoa.gov.vn');
  type Step = (trx: never, ctx: IntakeCtx, id: string, input: never) => Promise<unknown>;
  const act = async (who: Actor, fn: Step, input: object) =>
    db.transaction().execute(async (trx) => {
      const now = e2e.deps.clock.now();
      const { version } = await trx
        .selectFrom('dossiers')
        .select('version')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const ctx: IntakeCtx = {
        actor: who,
        audit: { type: 'staff', id: who.userId, name: who.name, at: now },
        now,
        config: e2e.deps.config,
        locale: 'vi',
      };
      await (fn as (t: typeof trx, c: IntakeCtx, i: string, b: object) => Promise<unknown>)(trx, ctx, id, {
        ...input,
        expectedVersion: version,
      });
    });
  await act(desk, acceptDossier as Step, {});
  await act(head, assignHandler as Step, { handlerId: specialist.userId });
  await act(specialist, appraiseDossier as Step, {
    opinion: 'Hồ sơ đầy đủ, đúng quy định.',
    proposal: 'approve',
    verification: {
      at: e2e.deps.clock.now().toISOString(),
      place: 'Khu đất xây dựng',
      participants: ['Mai Thị Hương'],
      content: 'Kiểm tra hiện trạng.',
    },
  });
  await act(specialist, forwardDossier as Step, {});
  await act(leader, forwardDossier as Step, {});
  await act(desk, issueResult as Step, { kind: 'granted', summary: 'Giấy phép xây dựng số 99/GPXD' });
}

describe.skipIf(!hasBrowser)('fees: online payment at submission, counter payment; result by post', () => {
  it('a citizen pays online at submission through the gateway simulator, gets the receipt, then verifies the signed result', async () => {
    const page = await citizenPage();
    const { id } = await submit(page);
    await page.goto(`/ho-so-cua-toi/${id}?moi=1`);
    await page.getByText('150.000 đồng').first().waitFor();
    await page.getByRole('button', { name: 'Thanh toán' }).click();
    await page.waitForURL('**/gateway-sim/pay/**');
    await page.getByText('150.000 VND').waitFor();
    await page.getByRole('button', { name: 'Xác nhận thanh toán' }).click();
    await page.waitForURL((u) => u.pathname === `/ho-so-cua-toi/${id}`);
    await page.getByText('Thanh toán thành công').waitFor();
    const link = page.getByRole('link', { name: /Biên lai số BL2026-\d{7}/ });
    await link.waitFor();
    await expectAccessible(page);
    const pdf = await page.request.get((await link.getAttribute('href'))!);
    expect(pdf.status()).toBe(200);
    const text = await pdfText(Buffer.from(await pdf.body()));
    expect(text).toContain('BIÊN LAI THU PHÍ, LỆ PHÍ');
    expect(text).toContain('Thanh toán trực tuyến qua cổng thanh toán');
    expect(await page.getByRole('button', { name: 'Thanh toán' }).count()).toBe(0);

    // The same dossier is processed; the approver's decision is signed when the result is issued. The citizen
    // downloads the signed PDF and verifies it on /xac-thuc (valid), then one byte changed (not valid).
    await processToResult(id);
    await page.goto(`/ho-so-cua-toi/${id}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải kết quả đã ký số (PDF)' }).click(),
    ]);
    const signed = await readFile((await download.path())!);
    await page.getByRole('link', { name: 'Xác thực văn bản kết quả' }).click();
    await page.waitForURL('**/xac-thuc');
    const input = page.getByLabel('Chọn tệp PDF kết quả cần xác thực');
    await input.setInputFiles({ name: 'ket-qua.pdf', mimeType: 'application/pdf', buffer: signed });
    const valid = page.getByRole('status').filter({ hasText: 'Văn bản hợp lệ' });
    await valid.waitFor();
    expect(await valid.textContent()).toContain('Sở Xây dựng');
    const edited = Buffer.from(signed);
    const i = edited.indexOf('stream') + 20;
    edited[i] = edited[i]! ^ 0x01;
    await input.setInputFiles({ name: 'ket-qua-sua.pdf', mimeType: 'application/pdf', buffer: edited });
    await page.getByRole('alert').filter({ hasText: 'Văn bản không hợp lệ' }).waitFor();
  });

  it('the desk records a counter payment and the receipt is issued', async () => {
    const citizen = await citizenPage();
    const { id } = await submit(citizen);
    const desk = await deskPage();
    await desk.goto(`/office/ho-so/${id}`);
    await desk.getByLabel('Hình thức nộp').selectOption('desk');
    await desk.getByRole('button', { name: 'Ghi nhận đã thu và cấp biên lai' }).click();
    await desk.getByRole('link', { name: /Biên lai số BL2026-\d{7}/ }).waitFor();
    // The applicant sees it paid.
    await citizen.goto(`/ho-so-cua-toi/${id}`);
    await citizen.getByText('Nộp tại Bộ phận Một cửa').waitFor();
  });

  it('a result sent by post: the desk books the pickup, the postal service’s delivery webhook closes the dossier', async () => {
    const citizen = await citizenPage();
    const { id } = await submit(citizen, 'post');
    await processToResult(id);
    const desk = await deskPage();
    await desk.goto('/office/buu-chinh');
    const row = desk
      .getByRole('row')
      .filter({ hasText: 'Nguyễn Văn An' })
      .filter({ hasText: 'Cấp giấy phép' });
    await row.getByRole('button', { name: 'Yêu cầu bưu điện đến nhận' }).first().click();
    await desk.getByRole('cell', { name: 'Đã yêu cầu nhận' }).first().waitFor();
    await expectAccessible(desk);
    const shipments = (await (await desk.request.get(`/api/dossiers/${id}/shipments`)).json()) as {
      items: { trackingNo: string; postalFee: number }[];
    };
    const { trackingNo, postalFee } = shipments.items[0]!;
    expect(trackingNo).toMatch(/^EB\d{9}VN$/);
    expect(postalFee).toBeGreaterThan(0);
    // The postal service's own parcel page: "delivered" posts the signed webhook to the server.
    const post = await e2e.newPage();
    await post.goto(`/postal-sim/parcels/${trackingNo}`);
    await post.getByRole('button', { name: 'Phát thành công' }).click();
    await post.getByText('✓ Phát thành công').waitFor();
    await citizen.goto(`/ho-so-cua-toi/${id}`);
    await citizen.getByText('Đã trả kết quả').first().waitFor();
  });
});
