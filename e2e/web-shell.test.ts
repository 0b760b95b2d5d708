import { describe, expect, it } from 'vitest';
import { hasBrowser, staffLogin, startE2E } from './harness';

// The frame every page shares: its own document title (WCAG 2.4.2) in both languages, and assets that reach a phone
// compressed and cached (issue 13).
describe.skipIf(!hasBrowser)('web shell journeys', async () => {
  const e2e = hasBrowser ? await startE2E() : (undefined as never);
  const procedure = hasBrowser
    ? await e2e.deps.db.kysely
        .selectFrom('procedures')
        .select(['code', 'name'])
        .where('status', '=', 'published')
        .orderBy('code')
        .executeTakeFirstOrThrow()
    : (undefined as never);

  it('gives each page its own title, in Vietnamese and in English', async () => {
    const page = await e2e.newPage({ phone: true });
    const titleOf = async (path: string, title: string) => {
      await page.goto(path);
      await expect.poll(() => page.title()).toBe(title);
    };
    await titleOf('/', 'Một Cửa — Cổng Dịch vụ công trực tuyến');
    await titleOf('/thu-tuc', 'Danh mục thủ tục hành chính — Một Cửa');
    await titleOf(`/thu-tuc/${procedure.code}`, `${procedure.name} — Một Cửa`);
    await titleOf('/tra-cuu', 'Tra cứu hồ sơ — Một Cửa');
    await titleOf('/co-quan', 'Cơ quan, đơn vị giải quyết thủ tục hành chính — Một Cửa');
    await titleOf('/dang-nhap', 'Đăng nhập — Một Cửa');
    await titleOf('/ho-so-cua-toi', 'Đăng nhập — Một Cửa'); // the log-in prompt stands in for the page
    await titleOf('/khong-ton-tai', 'Không tìm thấy trang — Một Cửa');
    await titleOf('/office', 'Đăng nhập cán bộ — Một Cửa');

    await page.getByRole('button', { name: /English/ }).click();
    await expect.poll(() => page.title()).toBe('Staff log-in — Một Cửa');
    await titleOf('/tra-cuu', 'Dossier lookup — Một Cửa');
    await titleOf('/', 'Một Cửa — Online public service portal');

    const staff = await e2e.newPage();
    await staffLogin(staff, 'dothihoa.sxd');
    await staff.goto('/office/tiep-nhan');
    await expect.poll(() => staff.title()).toBe('Hồ sơ chờ tiếp nhận — Một Cửa');
  });

  it('loads the home page with brotli-compressed, immutably cached scripts and no request about a session', async () => {
    const page = await e2e.newPage({ phone: true });
    const scripts: { url: string; encoding?: string; cache?: string; bytes: number }[] = [];
    const api: string[] = [];
    page.on('response', (res) => {
      const url = new URL(res.url());
      if (url.pathname.startsWith('/api/')) api.push(url.pathname);
      if (url.pathname.endsWith('.js'))
        scripts.push({
          url: url.pathname,
          encoding: res.headers()['content-encoding'],
          cache: res.headers()['cache-control'],
          bytes: Number(res.headers()['content-length'] ?? Infinity),
        });
    });
    const doc = await page.goto('/');
    expect(doc?.headers()['cache-control']).toBe('no-cache');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Dịch vụ công trực tuyến');
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) {
      // Below 1 kB a compressed copy saves less than its headers (web/precompress.ts).
      if (s.bytes >= 1024) expect(s.encoding, s.url).toBe('br');
      expect(s.cache, s.url).toBe('public, max-age=31536000, immutable');
    }
    // An anonymous first visit asks nothing of the API (no /api/me answered 401 into the console).
    expect(api).toEqual([]);
  });

  it("paints the portal from the HTML before any script runs, and fetches a procedure page's chunk at once", async () => {
    const page = await e2e.newPage({ phone: true });
    await page.route('**/*.js', (route) => route.abort());
    await page.goto('/');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Dịch vụ công trực tuyến');
    await expect.poll(() => page.locator('nav a[href="/tra-cuu"]').count()).toBe(1);
    await page.goto(`/thu-tuc/${encodeURIComponent(procedure.code)}`);
    await expect.poll(() => page.getByText('Đang tải…').count()).toBe(1);
    expect(await page.locator('link[rel="modulepreload"][href*="ProcedurePage-"]').count()).toBe(1);
    // The office is not the portal: its HTML carries no prerendered portal frame.
    await page.goto('/office');
    expect(await page.locator('#root').innerHTML()).toBe('');
  });
});
