import { beforeAll, describe, expect, it } from 'vitest';
import { actor, asActor, createTestApp, type TestApp } from '../../test/harness';
import { loadDemoCatalogue } from './catalogue.demo';
import { sampleProcedure, withOrganisation } from './catalogue.fixtures';

let t: TestApp;
const editor = asActor(actor({ kind: 'staff', roles: ['catalogue_editor'] }));
const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

beforeAll(async () => {
  t = await createTestApp();
  await withOrganisation(t.db);
  await loadDemoCatalogue(t.db, t.clock.now());
}, 120_000);

describe('GET /api/procedures (search)', () => {
  it('ignores diacritics and case', async () => {
    const res = await get('/api/procedures?q=giay%20phep%20xay%20dung');
    expect(res.statusCode).toBe(200);
    const body = res.json<{ items: { code: string; name: string }[]; total: number }>();
    expect(body.total).toBeGreaterThanOrEqual(3);
    expect(body.items.map((i) => i.name)).toContain('Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ');
  });

  it('tolerates a typo', async () => {
    const body = (await get('/api/procedures?q=giay%20pep%20xay%20dung')).json<{
      items: { name: string }[];
    }>();
    expect(body.items.some((i) => i.name.includes('giấy phép xây dựng'))).toBe(true);
  });

  it('ranks the closest match first', async () => {
    const body = (await get(`/api/procedures?q=${encodeURIComponent('đăng ký khai sinh')}`)).json<{
      items: { code: string }[];
    }>();
    expect(body.items[0]?.code).toBe('1.001193');
  });

  it('filters by field, agency, level, service level and pages', async () => {
    const f = encodeURIComponent('Hộ tịch');
    const all = (await get(`/api/procedures?field=${f}&pageSize=100`)).json<{
      items: { field: string }[];
      total: number;
    }>();
    expect(all.total).toBe(8);
    expect(all.items.every((i) => i.field === 'Hộ tịch')).toBe(true);
    const p1 = (await get(`/api/procedures?field=${f}&pageSize=3&page=1`)).json<{
      items: { code: string }[];
      total: number;
    }>();
    const p3 = (await get(`/api/procedures?field=${f}&pageSize=3&page=3`)).json<{
      items: { code: string }[];
    }>();
    expect(p1.items).toHaveLength(3);
    expect(p3.items).toHaveLength(2);
    expect(p1.total).toBe(8);
    // The count rides on the page's rows; a page past the end still tells how many there are.
    const past = (await get(`/api/procedures?field=${f}&pageSize=3&page=4`)).json<{
      items: unknown[];
      total: number;
    }>();
    expect(past).toEqual({ items: [], total: 8 });
    const sxd = (await get('/api/procedures?agency=SXD&pageSize=100')).json<{
      items: { agency: string }[];
    }>();
    expect(sxd.items.length).toBe(5);
    expect(sxd.items.every((i) => i.agency === 'Sở Xây dựng tỉnh An Hòa')).toBe(true);
    const full = (await get('/api/procedures?serviceLevel=information_only')).json<{
      items: { serviceLevel: string }[];
    }>();
    expect(full.items.length).toBeGreaterThan(0);
    expect(full.items.every((i) => i.serviceLevel === 'information_only')).toBe(true);
    const commune = (await get('/api/procedures?level=commune&pageSize=100')).json<{
      items: { levels: string[] }[];
    }>();
    expect(commune.items.every((i) => i.levels.includes('commune'))).toBe(true);
  });

  it('rejects malformed filters and oversized pages with a message', async () => {
    const big = await get('/api/procedures?pageSize=1000');
    expect(big.statusCode).toBe(400);
    expect(big.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(big.json<{ message: string }>().message).toContain('pageSize');
    expect((await get('/api/procedures?serviceLevel=muc4')).statusCode).toBe(400);
    expect((await get('/api/procedures?page=0')).statusCode).toBe(400);
  });

  it('returns facet counts', async () => {
    const body = (await get('/api/procedures/facets')).json<{ fields: { value: string; count: number }[] }>();
    expect(body.fields.length).toBeGreaterThanOrEqual(10);
    expect(body.fields.find((f) => f.value === 'Hộ tịch')?.count).toBe(8);
  });
});

describe('GET /api/procedures/:code', () => {
  it('returns the whole procedure and its forms download', async () => {
    const p = (await get('/api/procedures/1.001193')).json<{
      components: { form: { url: string } | null }[];
      interAgencies: { shortName: string }[];
      eform: object | null;
      onlineSubmission: boolean;
    }>();
    expect(p.eform).not.toBeNull();
    expect(p.onlineSubmission).toBe(true);
    expect(p.interAgencies.map((a) => a.shortName)).toEqual(['CAT', 'BHXH']);
    const url = p.components[0]!.form!.url;
    const file = await get(url);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('application/rtf');
    expect(file.body.startsWith('{\\rtf1')).toBe(true);
  });

  it('404s in the error shape for an unknown code', async () => {
    const res = await get('/api/procedures/9.999999');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', message: 'Không tìm thấy thủ tục hành chính.' });
  });
});

describe('editor routes', () => {
  it('are refused to anonymous (401), citizens and other staff (403)', async () => {
    expect((await get('/api/admin/procedures')).statusCode).toBe(401);
    expect((await get('/api/admin/procedures', asActor(actor({ kind: 'citizen' })))).statusCode).toBe(403);
    const reception = asActor(actor({ kind: 'staff', roles: ['reception_officer'] }));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/procedures',
      headers: reception,
      payload: sampleProcedure({ code: 'T.1' }),
    });
    expect(res.statusCode).toBe(403);
    expect((await get('/api/procedures/T.1')).statusCode).toBe(404);
  });

  it('create → publish → edit → publish keeps versions with a diff', async () => {
    const body = sampleProcedure({ code: 'T.2', name: 'Thủ tục thử nghiệm phiên bản' });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/procedures',
      headers: editor,
      payload: body,
    });
    expect(created.statusCode).toBe(201);
    expect((await get('/api/procedures/T.2')).statusCode).toBe(404);
    const found = async () =>
      (await get('/api/procedures?q=thu%20nghiem%20phien%20ban')).json<{ total: number }>().total;
    expect(await found()).toBe(0);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/admin/procedures/T.2/publish', headers: editor }))
        .statusCode,
    ).toBe(200);
    expect(await found()).toBe(1); // the cached empty answer is not served after publication
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/admin/procedures',
      headers: editor,
      payload: body,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'DUPLICATE' });
    const edit = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/procedures/T.2',
      headers: editor,
      payload: { ...body, processingTime: { unit: 'working_hours', value: 8 } },
    });
    expect(edit.json()).toMatchObject({ versionNo: 2, versionStatus: 'draft' });
    const row = async (status = '') =>
      (await get(`/api/admin/procedures${status}`, editor))
        .json<{ code: string; status: string; hasDraft: boolean }[]>()
        .find((r) => r.code === 'T.2');
    expect(await row()).toMatchObject({ status: 'published', hasDraft: true });
    expect(await row('?status=draft')).toBeUndefined();
    const v1 = (await get('/api/procedures/T.2')).json<{ versionNo: number; versionId: string }>();
    expect(v1.versionNo).toBe(1);
    const draftId = edit.json<{ versionId: string }>().versionId;
    expect((await get(`/api/procedures/T.2?version=${draftId}`)).statusCode).toBe(404); // drafts are not public
    await t.app.inject({ method: 'POST', url: '/api/admin/procedures/T.2/publish', headers: editor });
    // A dossier keeps its version: the superseded one is still served by id, for this procedure only.
    expect((await get(`/api/procedures/T.2?version=${v1.versionId}`)).json()).toMatchObject({
      versionNo: 1,
      versionStatus: 'superseded',
      processingTime: body.processingTime,
    });
    expect((await get(`/api/procedures/1.001193?version=${v1.versionId}`)).statusCode).toBe(404);
    expect((await get('/api/procedures/T.2?version=abc')).statusCode).toBe(400);
    expect((await get('/api/procedures/T.2')).json()).toMatchObject({
      versionNo: 2,
      processingTime: { unit: 'working_hours', value: 8 },
    });
    const versions = (await get('/api/admin/procedures/T.2/versions', editor)).json<{ status: string }[]>();
    expect(versions.map((v) => v.status)).toEqual(['published', 'superseded']);
    expect(await row('?status=published')).toMatchObject({ hasDraft: false });
    const diff = (await get('/api/admin/procedures/T.2/diff?from=1&to=2', editor)).json<{
      changes: { field: string }[];
    }>();
    expect(diff.changes.map((c) => c.field)).toEqual(['processingTime']);
    const retired = await t.app.inject({
      method: 'POST',
      url: '/api/admin/procedures/T.2/retire',
      headers: editor,
    });
    expect(retired.statusCode).toBe(200);
    expect((await get('/api/procedures/T.2')).statusCode).toBe(404);
    expect(await found()).toBe(0);
  });

  it('rejects an unknown agency with a named message and writes nothing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/procedures',
      headers: editor,
      payload: sampleProcedure({ code: 'T.3', agencies: ['KHONGCO'] }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toContain('KHONGCO');
    expect(res.json<{ details: unknown }>().details).toEqual([{ field: 'agencies' }]);
    expect((await get('/api/admin/procedures/T.3', editor)).statusCode).toBe(404);
  });

  it('lists late publications (5 working days of the province calendar after the decision)', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/admin/procedures',
      headers: editor,
      payload: sampleProcedure({ code: 'T.4', decisionDate: '2026-03-06' }),
    });
    const onTime = (await get('/api/admin/procedures/late?today=2026-03-13', editor)).json<
      { code: string }[]
    >();
    expect(onTime.map((l) => l.code)).not.toContain('T.4');
    const late = (await get('/api/admin/procedures/late?today=2026-03-17', editor)).json<
      { code: string; daysLate: number; publicationDeadline: string }[]
    >();
    expect(late.find((l) => l.code === 'T.4')).toMatchObject({
      daysLate: 2,
      publicationDeadline: '2026-03-13',
    });
  });
});
