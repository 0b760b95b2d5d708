import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { TDossierList } from '@motcua/contracts';
import { DEMO_PASSWORD } from '../server/src/modules/accounts/accounts.demo';
import { expectAccessible, hasBrowser, staffLogin, startE2E } from './harness';

/**
 * Issue 15: the demo's returned dossier carries a result signed in the approver's name when the desk issued it. The
 * citizen (real demo log-in) downloads the signed PDF from "Hồ sơ của tôi", verifies it on /xac-thuc (valid, signer,
 * time, dossier code), edits one byte and verifies again (not valid); the result's QR page (/xac-thuc?ma=) shows the
 * facts of the current result. Axe runs on the page.
 */
const CITIZEN = 'an.nguyen@example.vn';

const e2e = hasBrowser ? await startE2E() : (undefined as never);

describe.skipIf(!hasBrowser)('signed result journey (issue 15)', () => {
  it('download the signed result, verify it (valid), change one byte (not valid), open the QR page', async () => {
    const page = await e2e.newPage();
    await page.goto('/dang-nhap');
    await page.getByLabel('Thư điện tử, số điện thoại hoặc tên đăng nhập').fill(CITIZEN);
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap'));
    const mine = (await (await page.request.get('/api/dossiers?status=returned')).json()) as TDossierList;
    const d = mine.items[0]!;
    expect(d.code).toBeTruthy();

    // The store of results on "Hồ sơ của tôi" lists it with its own download link (001 Đ22.2).
    await page.goto('/ho-so-cua-toi');
    const store = page
      .locator('.card')
      .filter({ has: page.getByRole('heading', { name: 'Kho kết quả của tôi' }) });
    await store.waitFor();
    expect(await store.textContent()).toContain(d.code!);
    expect(await store.getByRole('link', { name: /^Tải kết quả .* \(PDF\)$/ }).count()).toBeGreaterThan(0);
    await expectAccessible(page);

    await page.goto(`/ho-so-cua-toi/${d.id}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải kết quả đã ký số (PDF)' }).click(),
    ]);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    await page.getByRole('link', { name: 'Xác thực văn bản kết quả' }).click();
    await page.waitForURL('**/xac-thuc');
    await expect
      .poll(() => page.getByRole('heading', { name: 'Xác thực kết quả giải quyết' }).count())
      .toBe(1);
    await page.getByLabel('Chọn tệp PDF kết quả cần xác thực').setInputFiles({
      name: 'ket-qua.pdf',
      mimeType: 'application/pdf',
      buffer: pdf,
    });
    const valid = page.getByRole('status').filter({ hasText: 'Văn bản hợp lệ' });
    await valid.waitFor();
    await expect.poll(() => valid.textContent()).toContain(d.code!);
    expect(await valid.textContent()).toContain('Người ký');
    expect(await valid.textContent()).toContain('Sở Xây dựng');
    await expectAccessible(page);

    // One byte changed after signing.
    const edited = Buffer.from(pdf);
    const i = edited.indexOf('stream') + 20;
    edited[i] = edited[i]! ^ 0x01;
    await page.getByLabel('Chọn tệp PDF kết quả cần xác thực').setInputFiles({
      name: 'ket-qua-sua.pdf',
      mimeType: 'application/pdf',
      buffer: edited,
    });
    const invalid = page.getByRole('alert').filter({ hasText: 'Văn bản không hợp lệ' });
    await invalid.waitFor();
    expect(await invalid.textContent()).toContain('Nội dung tệp đã bị thay đổi sau khi ký.');
    await expectAccessible(page);

    // The QR on the result leads here with the dossier code.
    await page.goto(`/xac-thuc?ma=${encodeURIComponent(d.code!)}`);
    const facts = page.getByRole('region', { name: `Kết quả giải quyết của hồ sơ ${d.code!}` });
    await facts.waitFor();
    expect(await facts.textContent()).toContain('(hiện hành)');
    await expectAccessible(page);
  });

  it('the leader corrects the result (the old one superseded); the desk records a certified printout, certified by the leader it picks', async () => {
    // The demo's counter dossier at Sở Xây dựng: granted, signed, waiting at the desk.
    const db = e2e.deps.db.kysely;
    const d = await db
      .selectFrom('dossiers')
      .select(['id', 'code'])
      .where('status', '=', 'result_ready')
      .where('channel', '=', 'counter')
      .where('code', 'is not', null)
      .orderBy('submitted_at')
      .executeTakeFirstOrThrow();
    const leader = await e2e.newPage();
    await staffLogin(leader, 'hoducthanh.sxd');
    await leader.goto(`/office/xu-ly/${d.id}`);
    const card = leader
      .locator('.card')
      .filter({ has: leader.getByRole('heading', { name: 'Kết quả đã ký số' }) });
    await card.waitFor();
    expect(await card.textContent()).toContain('Hiện hành');
    await card.getByLabel('Lý do đính chính').fill('Sai thời hạn giấy phép.');
    await card
      .getByLabel('Nội dung kết quả sau đính chính')
      .fill('Gia hạn giấy phép xây dựng số 45/GPXD đến ngày 24/11/2028');
    await card.getByRole('button', { name: 'Ban hành kết quả đính chính' }).click();
    await card.getByText('Đã ban hành kết quả đính chính; kết quả cũ đã bị thay thế.').waitFor();
    await card.getByText('Đã bị thay thế', { exact: true }).waitFor();
    expect(await card.getByText('Đã bị thay thế', { exact: true }).count()).toBe(1);
    expect(await card.textContent()).toContain('Lý do đính chính: Sai thời hạn giấy phép.');
    await expectAccessible(leader);

    const desk = await e2e.newPage();
    await staffLogin(desk, 'dothihoa.sxd');
    await desk.goto(`/office/xu-ly/${d.id}`);
    const deskCard = desk
      .locator('.card')
      .filter({ has: desk.getByRole('heading', { name: 'Kết quả đã ký số' }) });
    await deskCard.waitFor();
    await deskCard.getByLabel('Số bản in').fill('2');
    await deskCard.getByLabel('Người nhận bản giấy').fill('Trần Văn Bình');
    // The certifying official defaults to the officer at the desk; the agency's leader is one of the choices.
    const certifier = deskCard.getByLabel('Người chứng thực');
    await expect.poll(() => certifier.locator('option').count()).toBeGreaterThan(1);
    expect(await certifier.locator('option:checked').textContent()).toBe('Đỗ Thị Hoa');
    expect(await certifier.locator('option').allTextContents()).not.toContain('Mai Thị Hương');
    await certifier.selectOption({ label: 'Hồ Đức Thành' });
    await deskCard.getByRole('button', { name: 'Ghi vào sổ chuyển đổi' }).click();
    await deskCard.getByText(/Đã ghi vào sổ chuyển đổi, số 001\/\d{4}\./).waitFor();
    const register = deskCard.getByRole('list', { name: 'Sổ chuyển đổi của hồ sơ' });
    await register.getByText(/In ra giấy 2 bản, giao cho Trần Văn Bình · chứng thực: Hồ Đức Thành/).waitFor();
    await expectAccessible(desk);
  });
});
