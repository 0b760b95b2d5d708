import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pdfBytes } from '../server/src/files/files.fixtures';
import { pdfText } from '../server/src/modules/documents/pdf-inspect.test-helpers';
import { expectAccessible, hasBrowser, staffLogin, startE2E } from './harness';

/**
 * Issue 15 (fees): a citizen pays online at submission through the local gateway simulator (its own page, a signed
 * callback over real HTTP) and downloads the receipt; the SXD desk records a counter payment and its receipt is
 * issued. On the demo data and log-ins; the building permit 1.009972 costs 150.000 đồng at submission.
 */
const CITIZEN = { login: 'an.nguyen@example.vn', password: 'MotCua@2026' };
const PERMIT = '1.009972';

const e2e = hasBrowser ? await startE2E() : (undefined as never);

async function csrf(page: Page): Promise<string> {
  return (await page.context().cookies()).find((c) => c.name === 'mc_csrf')?.value ?? '';
}

async function citizenPage(): Promise<Page> {
  const page = await e2e.newPage();
  await page.goto('/dang-nhap');
  await page.getByLabel('Thư điện tử, số điện thoại hoặc tên đăng nhập').fill(CITIZEN.login);
  await page.getByLabel('Mật khẩu').fill(CITIZEN.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap'));
  return page;
}

/** Submits the permit through the API with the citizen's cookies (the submission page has its own journey). */
async function submit(page: Page): Promise<{ id: string }> {
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
      attachments: p.components
        .filter((c) => c.required)
        .map((c) => ({ componentCode: c.code, fileIds: [file.id] })),
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string };
}

describe.skipIf(!hasBrowser)('fees: online payment at submission, counter payment', () => {
  it('a citizen pays online at submission through the gateway simulator and downloads the receipt', async () => {
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
  });

  it('the desk records a counter payment and the receipt is issued', async () => {
    const citizen = await citizenPage();
    const { id } = await submit(citizen);
    const desk = await e2e.newPage();
    await staffLogin(desk, 'dothihoa.sxd');
    await desk.goto(`/office/ho-so/${id}`);
    await desk.getByLabel('Hình thức nộp').selectOption('desk');
    await desk.getByRole('button', { name: 'Ghi nhận đã thu và cấp biên lai' }).click();
    await desk.getByRole('link', { name: /Biên lai số BL2026-\d{7}/ }).waitFor();
    await expectAccessible(desk);
    // The applicant sees it paid.
    await citizen.goto(`/ho-so-cua-toi/${id}`);
    await citizen.getByText('Nộp tại Bộ phận Một cửa').waitFor();
  });
});
