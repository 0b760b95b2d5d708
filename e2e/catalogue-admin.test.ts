import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectFitsViewport, hasBrowser, startE2E } from './harness';

const CODE = '9.000123.000.00.00.H99';
const NAME = 'Cấp giấy phép tổ chức lễ hội thử nghiệm';

/** The demo catalogue editor logs in through the real staff log-in page. */
async function start() {
  const e2e = await startE2E();
  return {
    e2e,
    async editorPage(opts: { phone?: boolean } = {}): Promise<Page> {
      const page = await e2e.newPage(opts);
      await page.goto('/office/login?next=/admin/thu-tuc');
      await page.getByLabel('Tên đăng nhập').fill('vuthigiang.ubndt');
      await page.getByLabel('Mật khẩu').fill('MotCua@2026');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL((u) => u.pathname === '/admin/thu-tuc');
      return page;
    },
  };
}

const notice = (page: Page, text: string) =>
  expect.poll(() => page.getByRole('status').filter({ hasText: text }).count()).toBeGreaterThan(0);

async function publish(page: Page, number: string, date: string) {
  await page.getByRole('button', { name: 'Công bố…' }).click();
  await page.getByLabel('Số quyết định công bố', { exact: true }).fill(number);
  await page.getByLabel('Ngày quyết định công bố', { exact: true }).fill(date);
  await page.getByRole('button', { name: 'Xác nhận công bố' }).click();
}

describe.skipIf(!hasBrowser)('catalogue administration', async () => {
  const ctx = hasBrowser ? await start() : (undefined as never);

  it('an editor creates, publishes, revises, compares and retires a procedure', async () => {
    const page = await ctx.editorPage();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Quản lý thủ tục hành chính');
    await expect.poll(() => page.locator('tbody tr[data-code]').count()).toBeGreaterThan(50);
    await page.getByLabel('Tìm theo mã, tên, lĩnh vực').fill('giay phep xay dung');
    await expect.poll(() => page.locator('tbody tr[data-code]').count()).toBeGreaterThan(0);
    expect(await page.locator('tbody tr[data-code]').first().textContent()).toMatch(/[Gg]iấy phép xây dựng/);
    await expect
      .poll(() => page.locator('table[aria-labelledby="ce-late-title"] tbody tr').count())
      .toBeGreaterThan(0);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Thêm thủ tục' }).click();
    await page.getByLabel('Mã thủ tục').fill(CODE);
    await page.getByLabel('Tên thủ tục').fill(NAME);
    await page.getByLabel('Lĩnh vực').fill('Văn hóa cơ sở');
    await page.getByText(/^Danh sách \d+ cơ quan/).click();
    await expect.poll(() => page.locator('.ce-agencies li').filter({ hasText: 'UBNDT' }).count()).toBe(1);
    await page.getByLabel('Cơ quan thực hiện').fill('UBNDT, KHONGCO');
    await page.getByLabel('Cấp tỉnh').check();
    await page.getByLabel('Số ngày/giờ').fill('5');
    await page
      .getByLabel('Trình tự thực hiện 1')
      .fill('Nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh.');
    await page.getByLabel('Đối tượng thực hiện 1').fill('Tổ chức');
    await page.getByLabel('Kết quả thực hiện 1').fill('Văn bản chấp thuận');
    await page.getByLabel('Số hiệu văn bản 1').fill('110/2018/NĐ-CP');
    await page.getByLabel('Trích yếu').fill('Quy định về quản lý và tổ chức lễ hội');
    await page.getByRole('button', { name: 'Thêm dòng — Thành phần hồ sơ' }).click();
    await page.getByLabel('Tên thành phần hồ sơ 1').fill('Văn bản đề nghị');
    await page.getByLabel('Mẫu đơn, tờ khai (tệp)').setInputFiles({
      name: 'mau-van-ban-de-nghi.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
    });
    await expect.poll(() => page.getByText('Mẫu hiện tại: mau-van-ban-de-nghi.pdf').count()).toBe(1);
    // The e-form is checked before anything is sent.
    await page.getByLabel('Định nghĩa biểu mẫu (JSON Schema)').fill('{"type": "object", ');
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    const eform = page.getByLabel('Định nghĩa biểu mẫu (JSON Schema)');
    await expect
      .poll(async () =>
        page.locator(`#${(await eform.getAttribute('aria-describedby'))?.split(' ')[1]}`).textContent(),
      )
      .toBe('Biểu mẫu điện tử không phải JSON hợp lệ.');
    await page.getByLabel('Định nghĩa biểu mẫu (JSON Schema)').fill('');
    // The server's error lands at the section it names (the legal document date is missing).
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await expect.poll(() => page.locator('#ce-legal-error').textContent()).toContain('legalBasis.0.date');
    expect(await page.locator('#ce-legal').getAttribute('aria-describedby')).toBe('ce-legal-error');
    expect(await page.evaluate(() => document.activeElement?.closest('fieldset')?.id)).toBe('ce-legal');
    await expectAccessible(page);
    await page.getByLabel('Ngày ban hành', { exact: true }).fill('29/08/2018');
    await page
      .getByLabel('Định nghĩa biểu mẫu (JSON Schema)')
      .fill(
        JSON.stringify({ type: 'object', properties: { tenLeHoi: { type: 'string', title: 'Tên lễ hội' } } }),
      );
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    // An unknown agency is named at the agencies field.
    await expect.poll(() => page.locator('#ce-agencies-error').textContent()).toContain('KHONGCO');
    expect(await page.getByLabel('Cơ quan thực hiện').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Cơ quan thực hiện').fill('UBNDT');
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await page.waitForURL((u) => u.pathname === `/admin/thu-tuc/${CODE}`);
    await notice(page, 'Đã lưu bản nháp phiên bản 1.');

    await publish(page, '1234/QĐ-UBND', '02/11/2026');
    await notice(page, 'Đã công bố phiên bản 1. Hạn công khai: 09/11/2026.');
    await expect.poll(() => page.getByTestId('ce-status').textContent()).toContain('Đã công bố');

    const portal = await ctx.e2e.newPage();
    await portal.goto(`/thu-tuc/${CODE}`);
    await expect.poll(() => portal.locator('h1').textContent()).toBe(NAME);
    const [form] = await Promise.all([
      portal.waitForEvent('download'),
      portal.getByRole('link', { name: 'Tải mẫu: mau-van-ban-de-nghi.pdf' }).click(),
    ]);
    expect((await streamBuffer(await form.createReadStream())).toString()).toBe('%PDF-1.4\n%%EOF\n');

    // Revise: version 2 with a fee, published with its own decision.
    await page.getByLabel('Tên thủ tục').fill(`${NAME} (sửa đổi)`);
    await page.getByRole('button', { name: 'Thêm dòng — Phí, lệ phí' }).click();
    await page.getByLabel('Tên khoản phí, lệ phí 1').fill('Lệ phí thẩm định');
    await page.getByLabel('Mức thu (đồng)').fill('150000');
    // A second step, moved to the front.
    await page.getByRole('button', { name: 'Thêm dòng — Trình tự thực hiện' }).click();
    await page.getByLabel('Trình tự thực hiện 2').fill('Tra cứu thông tin lễ hội trên Cổng Dịch vụ công.');
    await page.getByRole('button', { name: 'Chuyển lên — Trình tự thực hiện, dòng 2' }).click();
    expect(await page.getByLabel('Trình tự thực hiện 1').inputValue()).toBe(
      'Tra cứu thông tin lễ hội trên Cổng Dịch vụ công.',
    );
    await page.getByLabel('Ghi chú thay đổi').fill('Bổ sung lệ phí thẩm định');
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await notice(page, 'Đã lưu bản nháp phiên bản 2.');
    await page.goto('/admin/thu-tuc');
    await page.getByLabel('Tìm theo mã, tên, lĩnh vực').fill(CODE);
    await expect
      .poll(() => page.locator(`tr[data-code="${CODE}"]`).textContent())
      .toContain('Đã công bố · có bản nháp chưa công bố');
    await page.getByRole('link', { name: NAME }).click();
    await publish(page, '1300/QĐ-UBND', '16/11/2026');
    await notice(page, 'Đã công bố phiên bản 2.');
    await expect
      .poll(() => portal.reload().then(() => portal.locator('h1').textContent()))
      .toBe(`${NAME} (sửa đổi)`);

    await expect.poll(() => page.locator('tr[data-version]').count()).toBe(2);
    const nameRow = page.locator('tr[data-field="name"]');
    await expect.poll(() => nameRow.textContent()).toContain(`${NAME} (sửa đổi)`);
    expect(await page.locator('tr[data-field="fees"]').textContent()).toContain('Lệ phí thẩm định — 150000');
    expect(await page.locator('tr[data-field="decisionNumber"]').textContent()).toContain('1300/QĐ-UBND');
    expect(await page.locator('tr[data-field="steps"] td').nth(1).locator('li').first().textContent()).toBe(
      'Tra cứu thông tin lễ hội trên Cổng Dịch vụ công.',
    );
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Bãi bỏ…' }).click();
    await page.getByRole('button', { name: 'Xác nhận bãi bỏ' }).click();
    await notice(page, `Đã bãi bỏ thủ tục ${CODE}.`);
    await expect.poll(() => page.getByTestId('ce-status').textContent()).toContain('Đã bãi bỏ');
    expect(await page.locator('tr[data-version]').count()).toBe(2);
  });

  it('an import with a broken row is refused with a row report; export downloads both formats', async () => {
    const page = await ctx.editorPage();
    await page.goto('/admin/thu-tuc/nhap-xuat');
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải tệp JSON' }).click(),
    ]);
    expect(json.suggestedFilename()).toBe('danh-muc-thu-tuc.json');
    const exported = JSON.parse(await streamText(await json.createReadStream())) as { code: string }[];
    expect(exported.length).toBeGreaterThan(50);
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải tệp Excel (.xlsx)' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe('danh-muc-thu-tuc.xlsx');

    const good = { ...exported[0], code: 'NEW.IMPORT.1', name: 'Thủ tục nhập thử nghiệm' };
    const broken = { ...exported[1], code: 'NEW.IMPORT.2', legalBasis: [] };
    await page.getByLabel('Tệp danh mục').setInputFiles({
      name: 'danh-muc.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify([good, broken])),
    });
    await page.getByRole('button', { name: 'Nhập danh mục' }).click();
    const report = page.locator('table.ce-import-errors');
    await expect.poll(() => report.locator('tbody tr').count()).toBe(1);
    expect(await report.locator('tbody tr td').first().textContent()).toBe('2');
    expect(await report.textContent()).toContain('legalBasis');
    expect(await page.getByRole('alert').textContent()).toContain('Không có thay đổi nào được áp dụng.');
    const applied = await ctx.e2e.deps.db.kysely
      .selectFrom('procedures')
      .select('code')
      .where('code', 'in', ['NEW.IMPORT.1', 'NEW.IMPORT.2'])
      .execute();
    expect(applied).toEqual([]);
    await expectAccessible(page);

    await page.getByLabel('Tệp danh mục').setInputFiles({
      name: 'danh-muc.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify([good])),
    });
    await page.getByRole('button', { name: 'Nhập danh mục' }).click();
    await notice(page, 'Đã nhập: 1 thủ tục mới, 0 thủ tục cập nhật.');

    // The exported workbook imports again as it is (round trip).
    const workbook = await streamBuffer(await xlsx.createReadStream());
    await page.getByLabel('Tệp danh mục').setInputFiles({
      name: 'danh-muc-thu-tuc.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: workbook,
    });
    await page.getByRole('button', { name: 'Nhập danh mục' }).click();
    await notice(page, `Đã nhập: 0 thủ tục mới, ${exported.length} thủ tục cập nhật.`);
  });

  it('the editor works on a phone', async () => {
    const page = await ctx.editorPage({ phone: true });
    await expectFitsViewport(page);
    await page.goto('/admin/thu-tuc/moi');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Thêm thủ tục hành chính');
    await page.getByRole('button', { name: 'Thêm dòng — Thành phần hồ sơ' }).click();
    await page.getByRole('button', { name: 'Thêm dòng — Phí, lệ phí' }).click();
    await expectFitsViewport(page);
    await expectAccessible(page);
    // Errors come in the person's language, next to the field they name.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('Number of days/hours').fill('5');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => page.locator('#ce-name-error').textContent()).toMatch(/^name: Too small/);
    expect(await page.getByRole('alert').first().textContent()).toBe(
      'Not saved: please correct the marked sections.',
    );
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.goto('/admin/thu-tuc/1.001193');
    await expect.poll(() => page.locator('tr[data-version]').count()).toBeGreaterThan(0);
    await expectFitsViewport(page);
  });
});

async function streamBuffer(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
}
const streamText = async (stream: NodeJS.ReadableStream) => (await streamBuffer(stream)).toString('utf8');
