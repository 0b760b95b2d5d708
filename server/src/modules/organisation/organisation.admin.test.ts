import { beforeAll, describe, expect, it } from 'vitest';
import { actor, asActor, createTestApp, type TestApp } from '../../test/harness';
import { loadDemoOrganisation } from './organisation.demo';

type Detail = {
  id: string;
  version: number;
  hotline: string | null;
  name: string;
  validTo: string | null;
  codes: { code: string; validTo: string | null }[];
  departments: { id: string; name: string; kind: string }[];
  deskStaff: { name: string; title: string; field: string; phone: string }[];
};
type Unit = {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  validTo: string | null;
  version: number;
};

let t: TestApp;
const admin = asActor(actor({ kind: 'staff', roles: ['system_admin'] }));
const get = (url: string) => t.app.inject({ method: 'GET', url });
const send = (method: 'POST' | 'PATCH' | 'PUT', url: string, payload: object, headers = admin) =>
  t.app.inject({ method, url, headers, payload });
const agency = async (shortName: string) => {
  const all = (await get('/api/agencies?all=true')).json<{ id: string; shortName: string }[]>();
  const a = all.find((x) => x.shortName === shortName)!;
  return (await get(`/api/agencies/${a.id}`)).json<Detail>();
};
const unit = async (code: string) =>
  (await get('/api/units?all=true'))
    .json<Unit[]>()
    .filter((u) => u.code === code)
    .at(-1)!;
const audits = async (action: string) =>
  (await t.db.kysely.selectFrom('audit_log').select('action').where('action', '=', action).execute()).length;

beforeAll(async () => {
  t = await createTestApp();
  await t.db.kysely.transaction().execute(loadDemoOrganisation);
});

describe('editing units', () => {
  it('renames a unit and refuses a stale version (409) without writing', async () => {
    const u = await unit('99001');
    const ok = await send('PATCH', '/api/admin/units/99001', {
      expectedVersion: u.version,
      name: 'Xã Tân Phú (mới)',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: 'Xã Tân Phú (mới)', version: u.version + 1 });
    const stale = await send('PATCH', '/api/admin/units/99001', { expectedVersion: u.version, name: 'Cũ' });
    expect(stale.statusCode).toBe(409);
    expect((await unit('99001')).name).toBe('Xã Tân Phú (mới)');
    expect(await audits('organisation.unit_updated')).toBe(1);
  });

  it('rejects a parent of the wrong level, naming the problem', async () => {
    const u = await unit('99001');
    const res = await send('PATCH', '/api/admin/units/99001', {
      expectedVersion: u.version,
      level: 'province',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toContain('tỉnh');
    const created = await send('POST', '/api/admin/units', {
      code: '99005',
      name: 'Xã Thử',
      level: 'commune',
    });
    expect(created.statusCode).toBe(400);
    expect(created.json<{ message: string }>().message).toContain('cần có đơn vị cấp trên');
  });

  it('retires a unit on a date: it stays in the history and out of today’s list', async () => {
    await send('POST', '/api/admin/units', {
      code: '99006',
      name: 'Xã Hòa Bình',
      level: 'commune',
      parentCode: '99',
      validFrom: '2025-07-01',
    });
    const u = await unit('99006');
    const early = await send('POST', '/api/admin/units/99006/retire', {
      expectedVersion: u.version,
      date: '2025-06-01',
    });
    expect(early.statusCode).toBe(400);
    const res = await send('POST', '/api/admin/units/99006/retire', {
      expectedVersion: u.version,
      date: '2026-01-01',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ validTo: '2026-01-01', successorCode: null });
    const inForce = (await get('/api/units?at=2026-02-01')).json<Unit[]>();
    expect(inForce.some((x) => x.code === '99006')).toBe(false);
    expect((await get('/api/units?at=2025-12-01')).json<Unit[]>().some((x) => x.code === '99006')).toBe(true);
  });

  it('refuses to retire a unit that still has units under it', async () => {
    const p = await unit('99');
    const res = await send('POST', '/api/admin/units/99/retire', {
      expectedVersion: p.version,
      date: '2027-01-01',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toContain('99001');
  });
});

describe('editing agencies', () => {
  it('updates contact data, checks the version and audits', async () => {
    const a = await agency('STTTT');
    const res = await send('PATCH', `/api/admin/agencies/${a.id}`, {
      expectedVersion: a.version,
      hotline: '0299 3999 888',
      email: 'lienhe@stttt.anhoa.gov.vn',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ hotline: '0299 3999 888', version: a.version + 1 });
    const stale = await send('PATCH', `/api/admin/agencies/${a.id}`, {
      expectedVersion: a.version,
      hotline: '0000',
    });
    expect(stale.statusCode).toBe(409);
    const bad = await send('PATCH', `/api/admin/agencies/${a.id}`, {
      expectedVersion: a.version + 1,
      email: 'không-phải-email',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toContain('email');
    expect((await agency('STTTT')).hotline).toBe('0299 3999 888');
    expect(await audits('organisation.agency_updated')).toBe(1);
  });

  it('rejects an unknown unit and a duplicate short name without writing', async () => {
    const a = await agency('STTTT');
    const unknown = await send('PATCH', `/api/admin/agencies/${a.id}`, {
      expectedVersion: a.version,
      unitCode: '12345',
      name: 'Tên mới',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<{ message: string }>().message).toContain('12345');
    const dup = await send('PATCH', `/api/admin/agencies/${a.id}`, {
      expectedVersion: a.version,
      shortName: 'SXD',
    });
    expect(dup.statusCode).toBe(409);
    expect((await agency('STTTT')).name).toBe(a.name);
  });

  it('adds, renames and retires departments; the one-stop desk is only renamed', async () => {
    const a = await agency('SXD');
    const added = await send('POST', `/api/admin/agencies/${a.id}/departments`, { name: 'Phòng Quy hoạch' });
    expect(added.statusCode).toBe(201);
    const d = added.json<Detail>().departments.find((x) => x.name === 'Phòng Quy hoạch')!;
    const again = await send('POST', `/api/admin/agencies/${a.id}/departments`, { name: 'phong quy hoach' });
    expect(again.statusCode).toBe(409);
    const renamed = await send('PATCH', `/api/admin/agencies/${a.id}/departments/${d.id}`, {
      name: 'Phòng Hạ tầng đô thị',
    });
    expect(renamed.json<Detail>().departments.map((x) => x.name)).toContain('Phòng Hạ tầng đô thị');
    const retired = await send('PATCH', `/api/admin/agencies/${a.id}/departments/${d.id}`, { active: false });
    expect(retired.json<Detail>().departments.some((x) => x.id === d.id)).toBe(false);
    const desk = a.departments.find((x) => x.kind === 'one_stop_desk')!;
    const noDesk = await send('PATCH', `/api/admin/agencies/${a.id}/departments/${desk.id}`, {
      active: false,
    });
    expect(noDesk.statusCode).toBe(400);
    expect(noDesk.json<{ message: string }>().message).toContain('Một cửa');
  });

  it('replaces the desk staff list in order and rejects a bad phone naming the field', async () => {
    const a = await agency('SXD');
    const staff = [
      { name: 'Lê Thị Hồng', title: 'Chuyên viên', field: 'Cấp phép xây dựng', phone: '0912 345 678' },
      { name: 'Phạm Văn Nam', title: 'Phó trưởng bộ phận', field: 'Quy hoạch', phone: '0299.3851.222' },
    ];
    const bad = await send('PUT', `/api/admin/agencies/${a.id}/desk-staff`, {
      expectedVersion: a.version,
      staff: [{ ...staff[0], phone: 'gọi tôi' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toContain('staff.0.phone');
    const ok = await send('PUT', `/api/admin/agencies/${a.id}/desk-staff`, {
      expectedVersion: a.version,
      staff,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<Detail>().deskStaff).toEqual(staff);
  });

  it('retires an agency on a date: codes end, it leaves the current list, its detail stays', async () => {
    const a = await agency('TTDVVL');
    const succ = await agency('SXD');
    const res = await send('POST', `/api/admin/agencies/${a.id}/retire`, {
      expectedVersion: a.version,
      date: '2026-01-01',
      successorId: succ.id,
    });
    expect(res.statusCode).toBe(200);
    const d = res.json<Detail>();
    expect(d.validTo).toBe('2026-01-01');
    expect(d.codes.every((c) => c.validTo === '2026-01-01')).toBe(true);
    expect((await get('/api/agencies')).json<{ id: string }[]>().some((x) => x.id === a.id)).toBe(false);
    const edit = await send('PATCH', `/api/admin/agencies/${a.id}`, {
      expectedVersion: d.version,
      hotline: '0299 1234',
    });
    expect(edit.statusCode).toBe(400);
    expect(edit.json<{ message: string }>().message).toContain('01/01/2026');
    const reissueEnded = await send('POST', `/api/admin/agencies/${a.id}/codes`, {
      code: 'H99.77',
      format: 'qd20',
      validFrom: '2026-02-01',
    });
    expect(reissueEnded.statusCode).toBe(400);
    // After the merger the successor is re-issued the ended legacy code; its own legacy code ends that day.
    const legacy = d.codes.find((c) => c.code.startsWith('000.'))!;
    expect(legacy.code).toBe('000.10.01.H99');
    const early = await send('POST', `/api/admin/agencies/${succ.id}/codes`, {
      code: legacy.code,
      format: 'legacy',
      validFrom: '1900-01-01',
    });
    expect(early.statusCode).toBe(400);
    const re = await send('POST', `/api/admin/agencies/${succ.id}/codes`, {
      code: legacy.code,
      format: 'legacy',
      validFrom: '2026-01-01',
    });
    expect(re.statusCode).toBe(200);
    const current = re
      .json<Detail>()
      .codes.filter((c) => c.validTo === null)
      .map((c) => c.code);
    expect(current).toContain(legacy.code);
  });

  it('lets a unit administrator edit only their own agency’s contact data and desk staff', async () => {
    const own = await agency('STTTT');
    const other = await agency('SXD');
    const ua = asActor(actor({ kind: 'staff', roles: ['unit_admin'], agencyId: own.id }));
    const mine = await send(
      'PATCH',
      `/api/admin/agencies/${own.id}`,
      { expectedVersion: own.version, hotline: '0299 1' },
      ua,
    );
    expect(mine.statusCode).toBe(200);
    const rename = await send(
      'PATCH',
      `/api/admin/agencies/${own.id}`,
      { expectedVersion: own.version + 1, name: 'Sở Khác' },
      ua,
    );
    expect(rename.statusCode).toBe(403);
    const theirs = await send(
      'PATCH',
      `/api/admin/agencies/${other.id}`,
      { expectedVersion: other.version, hotline: '0299 2' },
      ua,
    );
    expect(theirs.statusCode).toBe(403);
    const anon = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/agencies/${own.id}`,
      payload: { expectedVersion: 1 },
    });
    expect(anon.statusCode).toBe(401);
    const ed = asActor(actor({ kind: 'staff', roles: ['catalogue_editor'] }));
    expect(
      (await send('POST', '/api/admin/units/99/retire', { expectedVersion: 1, date: '2030-01-01' }, ed))
        .statusCode,
    ).toBe(403);
  });

  it('lets only one of two concurrent edits of the same version through', async () => {
    const a = await agency('SYT');
    const [r1, r2] = await Promise.all(
      ['0299 111', '0299 222'].map((hotline) =>
        send('PATCH', `/api/admin/agencies/${a.id}`, { expectedVersion: a.version, hotline }),
      ),
    );
    expect([r1!.statusCode, r2!.statusCode].sort()).toEqual([200, 409]);
    expect((await agency('SYT')).version).toBe(a.version + 1);
  });

  it('answers two simultaneous creations of the same unit code with 201 and 409', async () => {
    const body = { code: '99088', name: 'Xã Song Song', level: 'commune', parentCode: '99' };
    const [a, b] = await Promise.all([
      send('POST', '/api/admin/units', body),
      send('POST', '/api/admin/units', body),
    ]);
    expect([a!.statusCode, b!.statusCode].sort()).toEqual([201, 409]);
  });

  it('searches agencies by name without diacritics', async () => {
    const hits = (await get('/api/agencies?q=xay%20dung')).json<{ shortName: string }[]>();
    expect(hits.map((h) => h.shortName)).toContain('SXD');
  });
});
