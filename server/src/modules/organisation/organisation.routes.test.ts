import { beforeAll, describe, expect, it } from 'vitest';
import { actor, asActor, createTestApp, type TestApp } from '../../test/harness';
import { loadDemoOrganisation } from './organisation.demo';
import { isValidIdentifierCode } from './identifier-codes';

let t: TestApp;
const admin = asActor(actor({ kind: 'staff', roles: ['system_admin'] }));
const get = (url: string) => t.app.inject({ method: 'GET', url });

beforeAll(async () => {
  t = await createTestApp();
  await t.db.kysely.transaction().execute(loadDemoOrganisation);
});

describe('identifier code shapes', () => {
  it('accepts both formats and rejects wrong shapes', () => {
    expect(isValidIdentifierCode('H99.15', 'qd20')).toBe(true);
    expect(isValidIdentifierCode('H99.31.01.01', 'qd20')).toBe(true);
    expect(isValidIdentifierCode('Z99.15', 'qd20')).toBe(false);
    expect(isValidIdentifierCode('h99.15', 'qd20')).toBe(false);
    expect(isValidIdentifierCode(`H99.${'1'.repeat(32)}`, 'qd20')).toBe(false);
    expect(isValidIdentifierCode('000.00.15.H99', 'legacy')).toBe(true);
    expect(isValidIdentifierCode('000.00.15.99', 'legacy')).toBe(false);
  });
});

describe('public organisation API', () => {
  it('lists ≥ 25 current agencies with their codes, filterable by unit and type', async () => {
    const all = (await get('/api/agencies')).json<{ shortName: string; codes: { code: string }[] }[]>();
    expect(all.length).toBeGreaterThanOrEqual(25);
    expect(all.find((a) => a.shortName === 'STTTT')?.codes.map((c) => c.code)).toEqual([
      '000.00.15.H99',
      'H99.15',
    ]);
    expect(all.some((a) => a.shortName === 'UBNDHBS')).toBe(false);
    const commune = (await get('/api/agencies?unit=99001')).json<{ shortName: string }[]>();
    expect(commune.map((a) => a.shortName).sort()).toEqual(['TTPVHCCXTP', 'UBNDXTP']);
    const depts = (await get('/api/agencies?type=department')).json<{ type: string }[]>();
    expect(depts.every((a) => a.type === 'department')).toBe(true);
    expect((await get('/api/agencies?type=bogus')).statusCode).toBe(400);
  });

  it('shows units in force on a date: three levels before 2025-07-01, two after', async () => {
    const old = (await get('/api/units?at=2025-01-01')).json<{ level: string }[]>();
    expect(new Set(old.map((u) => u.level))).toEqual(new Set(['province', 'district', 'commune']));
    const now = (await get('/api/units?at=2025-08-01')).json<{ level: string }[]>();
    expect(new Set(now.map((u) => u.level))).toEqual(new Set(['province', 'commune']));
    const hist = (await get('/api/units?all=true')).json<{ code: string; successorCode: string | null }[]>();
    expect(hist.find((u) => u.code === '99102')?.successorCode).toBe('99001');
  });

  it('returns an agency with desk staff; unknown id is 404', async () => {
    const [ttp] = (await get('/api/agencies?type=public_service_centre')).json<{ id: string }[]>();
    const d = (await get(`/api/agencies/${ttp!.id}`)).json<{ deskStaff: { name: string }[] }>();
    expect(d.deskStaff.length).toBe(3);
    expect((await get('/api/agencies/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('admin organisation API', () => {
  it('creates an agency, rejects a wrong-shaped code naming it, re-issues a code keeping history', async () => {
    const body = {
      shortName: 'SNGV',
      name: 'Sở Ngoại vụ tỉnh An Hòa',
      type: 'department',
      unitCode: '99',
      codes: [{ code: 'H99-30', format: 'qd20' }],
    };
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/admin/agencies',
      headers: admin,
      payload: body,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'INVALID_IDENTIFIER_CODE' });
    expect(bad.json<{ message: string }>().message).toContain('H99-30');
    expect(
      (await get('/api/agencies')).json<{ shortName: string }[]>().some((a) => a.shortName === 'SNGV'),
    ).toBe(false);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/admin/agencies',
      headers: admin,
      payload: { ...body, codes: [{ code: 'H99.30', format: 'qd20', validFrom: '2025-01-01' }] },
    });
    expect(ok.statusCode).toBe(201);
    const id = ok.json<{ id: string }>().id;
    const re = await t.app.inject({
      method: 'POST',
      url: `/api/admin/agencies/${id}/codes`,
      headers: admin,
      payload: { code: 'H99.30.01', format: 'qd20', validFrom: '2025-07-01' },
    });
    expect(re.json<{ codes: unknown[] }>().codes).toEqual([
      { code: 'H99.30', format: 'qd20', validFrom: '2025-01-01', validTo: '2025-07-01' },
      { code: 'H99.30.01', format: 'qd20', validFrom: '2025-07-01', validTo: null },
    ]);
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/admin/agencies',
      headers: admin,
      payload: { ...body, codes: [] },
    });
    expect(dup.statusCode).toBe(409);
  });

  it('merges a unit into its successor', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/admin/units',
      headers: admin,
      payload: {
        code: '99003',
        name: 'Xã Tân Hòa',
        level: 'commune',
        parentCode: '99',
        validFrom: '2025-07-01',
      },
    });
    const m = await t.app.inject({
      method: 'POST',
      url: '/api/admin/units/99003/merge',
      headers: admin,
      payload: { into: '99001', date: '2026-01-01' },
    });
    expect(m.statusCode).toBe(200);
    const u = (await get('/api/units?all=true')).json<
      { code: string; validTo: string | null; successorCode: string | null }[]
    >();
    expect(u.find((x) => x.code === '99003')).toMatchObject({
      validTo: '2026-01-01',
      successorCode: '99001',
    });
  });

  it('is refused to anonymous (401) and to catalogue editors (403)', async () => {
    const payload = { code: '99004', name: 'Xã thử', level: 'commune', parentCode: '99' };
    expect((await t.app.inject({ method: 'POST', url: '/api/admin/units', payload })).statusCode).toBe(401);
    const ed = asActor(actor({ kind: 'staff', roles: ['catalogue_editor'] }));
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/admin/units', headers: ed, payload })).statusCode,
    ).toBe(403);
  });
});
