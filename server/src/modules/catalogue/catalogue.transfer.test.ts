import { beforeAll, describe, expect, it } from 'vitest';
import { actor, asActor, createTestApp, type TestApp } from '../../test/harness';
import { sampleProcedure, withOrganisation } from './catalogue.fixtures';

let t: TestApp;
const editor = asActor(actor({ kind: 'staff', roles: ['catalogue_editor'] }));
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  t = await createTestApp();
  await withOrganisation(t.db);
});

const importJson = (payload: unknown) =>
  t.app.inject({
    method: 'POST',
    url: '/api/admin/procedures/import',
    headers: editor,
    payload: payload as object,
  });
const count = async () => (await t.db.kysely.selectFrom('procedures').select('code').execute()).length;

describe('catalogue import / export', () => {
  it('rejects a file with broken rows entirely, reporting each row', async () => {
    const rows = [
      sampleProcedure({ code: 'I.1' }),
      { ...sampleProcedure({ code: 'I.2' }), serviceLevel: 'muc4' },
      sampleProcedure({ code: 'I.1', name: 'Trùng mã thủ tục' }),
      sampleProcedure({ code: 'I.4', agencies: ['KHONGCO'] }),
    ];
    const res = await importJson(rows);
    expect(res.statusCode).toBe(422);
    const body = res.json<{
      code: string;
      message: string;
      details: { rows: { row: number; message: string }[] };
    }>();
    expect(body.code).toBe('IMPORT_REJECTED');
    expect(body.message).toContain('3 dòng có lỗi');
    expect(body.details.rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(body.details.rows[0]!.message).toContain('serviceLevel');
    expect(body.details.rows[1]!.message).toContain('dòng 1');
    expect(body.details.rows[2]!.message).toContain('KHONGCO');
    expect(await count()).toBe(0);
  });

  it('applies a valid file in one go and round-trips through JSON and Excel', async () => {
    const rows = [
      sampleProcedure({ code: 'I.1' }),
      sampleProcedure({ code: 'I.2', name: 'Thủ tục nhập thứ hai' }),
    ];
    const res = await importJson(rows);
    expect(res.json()).toEqual({ created: 2, updated: 0 });
    const exported = (
      await t.app.inject({ method: 'GET', url: '/api/admin/procedures/export', headers: editor })
    ).json<{ code: string; components: { code: string }[] }[]>();
    expect(exported.map((e) => e.code)).toEqual(['I.1', 'I.2']);
    expect(exported[0]!.components.map((c) => c.code)).toEqual(['TP1', 'TP2']);
    const again = await importJson(exported);
    expect(again.json()).toEqual({ created: 0, updated: 2 });
    const p = (await t.app.inject({ method: 'GET', url: '/api/procedures/I.1' })).json<{
      versionNo: number;
      components: unknown[];
    }>();
    expect(p.versionNo).toBe(2);
    const xlsx = await t.app.inject({
      method: 'GET',
      url: '/api/admin/procedures/export?format=xlsx',
      headers: editor,
    });
    expect(xlsx.headers['content-type']).toBe(XLSX);
    const back = await t.app.inject({
      method: 'POST',
      url: '/api/admin/procedures/import',
      headers: { ...editor, 'content-type': XLSX },
      payload: xlsx.rawPayload,
    });
    expect(back.json()).toEqual({ created: 0, updated: 2 });
    const after = (await t.app.inject({ method: 'GET', url: '/api/procedures/I.2' })).json<{
      name: string;
      versionNo: number;
      components: { code: string }[];
    }>();
    expect(after).toMatchObject({ name: 'Thủ tục nhập thứ hai', versionNo: 3 });
    expect(after.components.map((c) => c.code)).toEqual(['TP1', 'TP2']);
  });

  it('rejects a body that is not a list', async () => {
    const res = await importJson({ nope: true });
    expect(res.statusCode).toBe(400);
  });
});
