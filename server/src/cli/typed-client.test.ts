import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { createDemoDb, createTestApp } from '../test/harness';
import { pngBytes } from '../files/files.fixtures';
import { DEMO_PASSWORD } from '../modules/accounts';
import { OPENAPI_FILE } from './openapi';

/**
 * The OpenAPI document is usable by outside developers: types generated from it with openapi-typescript, a client
 * with openapi-fetch, a program written against those types that type-checks, and that program submitting a
 * dossier and looking one up against a listening app.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');

const DRIVER = `
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

export async function drive(base: string, login: string, password: string, png: Blob) {
  const jar = new Map<string, string>();
  const cookies: Middleware = {
    onRequest({ request }) {
      if (jar.size) request.headers.set('cookie', [...jar].map(([k, v]) => k + '=' + v).join('; '));
      const csrf = jar.get('mc_csrf');
      if (csrf && request.method !== 'GET') request.headers.set('x-csrf-token', csrf);
      return request;
    },
    onResponse({ response }) {
      for (const c of response.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const i = pair!.indexOf('=');
        jar.set(pair!.slice(0, i), pair!.slice(i + 1));
      }
      return response;
    },
  };
  const api = createClient<paths>({ baseUrl: base });
  api.use(cookies);

  const me = await api.POST('/api/auth/login', { body: { login, password } });
  if (!me.response.ok) throw new Error('login ' + me.response.status);
  const procedure = await api.GET('/api/procedures/{code}', { params: { path: { code: '1.009994' } } });
  if (!procedure.data) throw new Error('procedure ' + procedure.response.status);
  const attachments: { componentCode: string; fileIds: string[] }[] = [];
  for (const c of procedure.data.components.filter((x) => x.required)) {
    // Files go up as raw bytes, outside the JSON client.
    const up = await fetch(base + '/api/dossier-files', {
      method: 'POST',
      headers: {
        cookie: [...jar].map(([k, v]) => k + '=' + v).join('; '),
        'x-csrf-token': jar.get('mc_csrf') ?? '',
        'content-type': 'application/octet-stream',
        'x-file-name': c.code + '.png',
      },
      body: png,
    });
    attachments.push({ componentCode: c.code, fileIds: [((await up.json()) as { id: string }).id] });
  }
  const submitted = await api.POST('/api/dossiers', {
    headers: { 'idempotency-key': crypto.randomUUID() },
    body: {
      procedureCode: '1.009994',
      applicant: {
        kind: 'citizen',
        name: 'Nguyễn Văn An',
        idNumber: '099088000123',
        address: 'Số 5 đường Lê Lợi, phường An Hòa, tỉnh An Hòa',
        phone: '0912345678',
        email: login,
      },
      formData: {
        hoTenNguoiYeuCau: 'Nguyễn Văn An',
        soDinhDanh: '099088000123',
        noiCuTru: 'Số 5 đường Lê Lợi, phường An Hòa, tỉnh An Hòa',
        soDienThoai: '0912345678',
        diaDiem: 'Thửa đất số 120, tờ bản đồ số 8, thôn Đông, xã Tân Phú',
        dienTichXayDung: 80,
        tongDienTichSan: 240,
        soTang: 3,
        chieuCao: 12,
      },
      attachments,
    },
  });
  if (!submitted.data) throw new Error('submit ' + submitted.response.status + ' ' + JSON.stringify(submitted.error));
  const status: string = submitted.data.status;
  return { id: submitted.data.id, status };
}

export async function lookup(base: string, code: string) {
  const api = createClient<paths>({ baseUrl: base });
  const found = await api.GET('/api/lookup/{code}', { params: { path: { code } } });
  const missing = await api.GET('/api/lookup/{code}', { params: { path: { code: code.slice(0, -4) + '9999' } } });
  return { status: found.data?.status, procedure: found.data?.procedureName, missing: missing.error?.code };
}
`;

describe('a typed client generated from the OpenAPI document', async () => {
  const t = await createTestApp({}, await createDemoDb());
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  mkdirSync(path.join(ROOT, 'node_modules/.cache'), { recursive: true });
  const dir = mkdtempSync(path.join(ROOT, 'node_modules/.cache/typed-client-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('generates types that a client program type-checks against', async () => {
    const doc = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as Parameters<typeof openapiTS>[0];
    writeFileSync(path.join(dir, 'schema.d.ts'), astToString(await openapiTS(doc)));
    writeFileSync(path.join(dir, 'driver.ts'), DRIVER);
    const program = ts.createProgram([path.join(dir, 'driver.ts')], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      skipLibCheck: true,
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);
    // And it refuses a wrong request: the types carry the contract.
    writeFileSync(
      path.join(dir, 'wrong.ts'),
      DRIVER.replace("procedureCode: '1.009994',", 'procedureCode: 1009994,'),
    );
    const wrong = ts.createProgram(
      [path.join(dir, 'wrong.ts')],
      program.getCompilerOptions(),
      undefined,
      program,
    );
    expect(ts.getPreEmitDiagnostics(wrong).length).toBeGreaterThan(0);
  }, 180_000);

  it('submits a dossier and looks one up through that client', async () => {
    const driver = (await import(path.join(dir, 'driver.ts'))) as {
      drive: (b: string, l: string, p: string, png: Blob) => Promise<{ id: string; status: string }>;
      lookup: (b: string, c: string) => Promise<{ status?: string; procedure?: string; missing?: string }>;
    };
    const submitted = await driver.drive(base, 'an.nguyen@example.vn', DEMO_PASSWORD, new Blob([pngBytes()]));
    expect(submitted.status).toBe('submitted');
    const row = await t.db.kysely
      .selectFrom('dossiers')
      .select('procedure_code')
      .where('id', '=', submitted.id)
      .executeTakeFirstOrThrow();
    expect(row.procedure_code).toBe('1.009994');

    const known = await t.db.kysely
      .selectFrom('dossiers')
      .select(['code', 'status', 'procedure_name'])
      .where('code', 'is not', null)
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(await driver.lookup(base, known.code!)).toEqual({
      status: known.status,
      procedure: known.procedure_name,
      missing: 'NOT_FOUND',
    });
  });
});
