import { describe, expect, it } from 'vitest';
import { expectAccessible, hasBrowser, staffLogin, startE2E } from './harness';

/** Issue 12: the desk downloads its dossier register (Sổ theo dõi hồ sơ) for a period from /office/so-theo-doi. */
describe.skipIf(!hasBrowser)('dossier register page', async () => {
  const e2e = hasBrowser ? await startE2E() : (undefined as never);

  it('a reception officer picks a period and downloads the register as PDF and xlsx; a wrong period is explained', async () => {
    const page = await e2e.newPage();
    await staffLogin(page, 'dothihoa.sxd');
    await page.goto('/office');
    await page.getByRole('link', { name: 'Sổ theo dõi hồ sơ' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Sổ theo dõi hồ sơ');
    await page.getByLabel('Từ ngày').fill('01/02/2026');
    await page.getByLabel('Đến ngày').fill('28/02/2026');
    await expect.poll(() => page.getByText('01/02/2026 – 28/02/2026').count()).toBe(1);
    await expectAccessible(page);

    const pdfLink = page.getByRole('link', { name: 'Tải sổ (PDF)' });
    const pdf = await page.request.get((await pdfLink.getAttribute('href'))!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const xlsxLink = page.getByRole('link', { name: 'Tải sổ (Excel)' });
    const xlsx = await page.request.get((await xlsxLink.getAttribute('href'))!);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');

    await page.getByLabel('Đến ngày').fill('01/03/2027');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Kỳ theo dõi không quá 01 năm.');
    expect(await page.getByRole('link', { name: 'Tải sổ (PDF)' }).count()).toBe(0);
  });
});
