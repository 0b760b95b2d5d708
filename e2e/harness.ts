import fs from 'node:fs';
import { createRequire } from 'node:module';
import type * as AxeCore from 'axe-core';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, expect } from 'vitest';
import { buildApp } from '../server/src/http/app';
import type { AppDeps } from '../server/src/http/context';
import { clockStartingAt } from '../server/src/clock';
import { createDemoDb, TEST_NOW, testConfig } from '../server/src/test/harness';
import type { Config } from '../server/src/config';
import { pdfBytes } from '../server/src/files/files.fixtures';
import { DEMO_PASSWORD } from '../server/src/modules/accounts/accounts.demo';
import type { TDossierDetail } from '@motcua/contracts';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasBrowser = fs.existsSync(CHROMIUM);

if (!hasBrowser) {
  if (process.env.REQUIRE_E2E === '1')
    throw new Error(`REQUIRE_E2E=1 but no browser at ${CHROMIUM} (apt-get install chromium)`);
  console.warn(
    `\n⚠ Browser journeys SKIPPED: no Chromium at ${CHROMIUM}. Install it with: apt-get install -y chromium\n`,
  );
}

export type E2E = {
  baseUrl: string;
  deps: AppDeps;
  browser: Browser;
  newPage(opts?: { phone?: boolean }): Promise<Page>;
};

/** Starts the real server (fresh database, demo data, built web app) and a headless Chromium. */
export async function startE2E(overrides: Partial<Config> = {}): Promise<E2E> {
  const db = await createDemoDb();
  const config = testConfig(overrides);
  // A working morning in Việt Nam whatever the hour of the run, ticking from there so sessions and timers behave.
  const deps: AppDeps = { db, config, log: pino({ level: 'silent' }), clock: clockStartingAt(TEST_NOW) };
  const app = await buildApp(deps, { logger: false, strictResponses: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  deps.config = { ...deps.config, publicUrl: baseUrl };
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    // CI runs the suite under libfaketime to prove it passes at any hour; the browser keeps the real clock.
    env: Object.fromEntries(
      Object.entries(process.env).filter(([k]) => k !== 'LD_PRELOAD' && !k.startsWith('FAKETIME')),
    ) as Record<string, string>,
  });
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    await browser.close();
    await app.close();
  });
  return {
    baseUrl,
    deps,
    browser,
    async newPage(opts = {}) {
      const context = await browser.newContext({
        baseURL: baseUrl,
        locale: 'vi-VN',
        ...(opts.phone ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } : {}),
      });
      contexts.push(context);
      return context.newPage();
    },
  };
}

/** Logs a staff member in through the real staff log-in page (demo accounts: password MotCua@2026). */
export async function staffLogin(page: Page, username: string, password = 'MotCua@2026') {
  await page.goto('/office/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL('**/office');
}

/** The page's CSRF token (the `mc_csrf` cookie the server set at log-in). */
export async function csrfOf(page: Page): Promise<string> {
  return (await page.context().cookies()).find((c) => c.name === 'mc_csrf')?.value ?? '';
}

/**
 * A JSON POST with the page's session, failing the test on anything but 2xx: for the steps a journey does not test
 * in the browser. Each call is a new Idempotency-Key.
 */
export async function postJson<T>(page: Page, path: string, data: unknown): Promise<T> {
  const res = await page.request.post(path, {
    headers: { 'x-csrf-token': await csrfOf(page), 'idempotency-key': crypto.randomUUID() },
    data,
  });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return (await res.json()) as T;
}

/** A new page logged in as a demo staff member. */
export async function staffPage(e2e: E2E, username: string): Promise<Page> {
  const page = await e2e.newPage();
  await staffLogin(page, username);
  return page;
}

/** A new page logged in as a demo citizen through the portal's log-in page (Nguyễn Văn An by default). */
export async function citizenPage(e2e: E2E, login = 'an.nguyen@example.vn'): Promise<Page> {
  const page = await e2e.newPage();
  await page.goto('/dang-nhap');
  await page.getByLabel('Thư điện tử, số điện thoại hoặc tên đăng nhập').fill(login);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap'));
  return page;
}

/** Uploads a one-page PDF with the page's session; the stored file's id. */
export async function uploadPdf(page: Page, fileName: string): Promise<string> {
  const res = await page.request.post('/api/dossier-files', {
    headers: {
      'x-file-name': encodeURIComponent(fileName),
      'content-type': 'application/octet-stream',
      'x-csrf-token': await csrfOf(page),
    },
    data: await pdfBytes(1),
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/**
 * Nguyễn Văn An (logged in on `page`) submits a dossier of `procedure` online through the API, one uploaded PDF for
 * every component (or every required one): the submission a journey does not test in the browser.
 */
export async function submitOnline(
  page: Page,
  procedure: string,
  opts: { fileName: string; requiredOnly?: boolean },
): Promise<TDossierDetail> {
  const p = (await (await page.request.get(`/api/procedures/${procedure}`)).json()) as {
    components: { code: string; required: boolean }[];
  };
  const file = await uploadPdf(page, opts.fileName);
  return postJson<TDossierDetail>(page, '/api/dossiers', {
    procedureCode: procedure,
    applicant: {
      kind: 'citizen',
      name: 'Nguyễn Văn An',
      idNumber: '099088000123',
      address: 'Số 5 đường Lê Lợi, phường An Hòa',
      phone: null,
      email: 'an.nguyen@example.vn',
    },
    formData: {},
    attachments: p.components
      .filter((c) => c.required || !opts.requiredOnly)
      .map((c) => ({ componentCode: c.code, fileIds: [file] })),
  });
}

/** The id of a demo account, by user name. */
export async function userIdOf(e2e: E2E, username: string): Promise<string> {
  const row = await e2e.deps.db.kysely
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Fails on any WCAG 2.1 A/AA violation axe-core finds on the page. */
/**
 * axe-core's WCAG 2.1 A and AA rules on the page as it is now. axe is injected once per document (an app page keeps
 * its document across in-app navigation) and run in it directly: @axe-core/playwright injected it afresh on every
 * check and opened a blank page for its report, about 60 % of a journey's time. The PDF preview's frame holds the
 * browser's PDF viewer, not our markup, so frames are not entered (the frame element itself is checked).
 */
export async function expectAccessible(page: Page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof AxeCore }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
      iframes: false,
    });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  const summary = violations.map((v) => `${v.id}: ${v.help} (${v.targets.join(', ')})`);
  expect(summary, summary.join('\n')).toEqual([]);
}

/** No horizontal scrolling on a phone. */
export async function expectFitsViewport(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}
