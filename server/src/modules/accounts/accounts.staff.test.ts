import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoDb, createTestApp } from '../../test/harness';
import { auditActions, Client, latestCode } from './accounts.test-helpers';
import { DEMO_PASSWORD } from './accounts.demo';
import { createAdminCommand } from './accounts.cli';

describe('staff accounts, roles, forced password change, organisations', async () => {
  const { app, db, deps } = await createTestApp({}, await createDemoDb());
  const agency = async (short: string) =>
    (
      await db.kysely
        .selectFrom('agencies')
        .select('id')
        .where('short_name', '=', short)
        .executeTakeFirstOrThrow()
    ).id;
  let stttt = '';
  let sxd = '';
  beforeAll(async () => {
    stttt = await agency('STTTT');
    sxd = await agency('SXD');
  });
  const unitAdmin = async () => {
    const c = new Client(app);
    await c.login('hoangvanem.stttt', DEMO_PASSWORD);
    return c;
  };

  it('seeds one pre-activated demo account per role, without a forced password change', async () => {
    const sys = new Client(app);
    const me = (await sys.login('dangvanhung.ubndt', DEMO_PASSWORD)).json();
    expect(me).toMatchObject({
      kind: 'staff',
      username: 'dangvanhung.ubndt',
      roles: ['system_admin'],
      mustChangePassword: false,
    });
    expect(me.agency).toMatchObject({ code: 'H99', name: 'Ủy ban nhân dân tỉnh An Hòa' });
    const roles = (await sys.get('/api/admin/roles')).json().items as { role: string; holders: number }[];
    expect(roles.every((r) => r.holders >= 1)).toBe(true);
    expect(roles).toHaveLength(8);
  });

  it('a unit administrator creates an account hovaten.tendonvi with a one-time password, numbered on collision', async () => {
    const c = await unitAdmin();
    const r = await c.post('/api/admin/staff', {
      fullName: 'Nguyễn Văn An',
      agencyId: stttt,
      roles: ['specialist'],
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().account).toMatchObject({
      username: 'nguyenvanan.stttt',
      roles: ['specialist'],
      status: 'active',
      mustChangePassword: true,
    });
    expect(r.json().temporaryPassword).toMatch(/^[A-Za-z2-9]{14}$/);
    const again = await c.post('/api/admin/staff', {
      fullName: 'Nguyễn Văn Ân',
      agencyId: stttt,
      roles: ['reception_officer'],
    });
    expect(again.json().account.username).toBe('nguyenvanan2.stttt');
    expect(await auditActions(db, r.json().account.id)).toContain('account.created');
  });

  it('forces a new staff member to change the password at first log-in (001 Đ25.1)', async () => {
    const admin = await unitAdmin();
    const created = (
      await admin.post('/api/admin/staff', {
        fullName: 'Lò Thị Nga',
        agencyId: stttt,
        roles: ['reception_officer'],
      })
    ).json();
    const c = new Client(app);
    const login = await c.login(created.account.username, created.temporaryPassword);
    expect(login.json().mustChangePassword).toBe(true);
    expect((await c.get('/api/me')).statusCode).toBe(200);
    const blocked = await c.get('/api/me/profile');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({
      code: 'PASSWORD_CHANGE_REQUIRED',
      message: 'Bạn cần đổi mật khẩu trước khi tiếp tục.',
    });
    expect((await c.get('/api/admin/roles')).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(
      (
        await c.post('/api/auth/password', {
          currentPassword: created.temporaryPassword,
          newPassword: 'Cong-vu-moi-2026',
        })
      ).statusCode,
    ).toBe(200);
    expect((await c.get('/api/me')).json().mustChangePassword).toBe(false);
    expect((await c.get('/api/me/profile')).statusCode).toBe(200);
  });

  it('a unit administrator cannot see or touch another agency’s staff (001 Đ4.3)', async () => {
    const c = await unitAdmin();
    const other = await db.kysely
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'dothihoa.sxd')
      .executeTakeFirstOrThrow();
    expect(
      (await c.post('/api/admin/staff', { fullName: 'Người Lạ', agencyId: sxd, roles: ['specialist'] }))
        .statusCode,
    ).toBe(403);
    for (const action of ['suspend', 'revoke', 'reactivate', 'reset-password']) {
      const r = await c.post(`/api/admin/staff/${other.id}/${action}`);
      expect(r.statusCode, action).toBe(404);
    }
    expect(
      (await c.req('PUT', `/api/admin/staff/${other.id}/roles`, { roles: ['approver'] })).statusCode,
    ).toBe(404);
    expect((await c.get(`/api/admin/staff/${other.id}`)).statusCode).toBe(404);
    expect((await c.get(`/api/admin/staff?agencyId=${sxd}`)).statusCode).toBe(403);
    const list = (await c.get('/api/admin/staff')).json();
    expect(list.items.every((s: { agency: { shortName: string } }) => s.agency.shortName === 'STTTT')).toBe(
      true,
    );
    const status = await db.kysely
      .selectFrom('users')
      .select('status')
      .where('id', '=', other.id)
      .executeTakeFirstOrThrow();
    expect(status.status).toBe('active');
  });

  it('a unit administrator cannot grant system administration; staff without admin roles are refused', async () => {
    const c = await unitAdmin();
    expect(
      (
        await c.post('/api/admin/staff', {
          fullName: 'Quản Trị Viên',
          agencyId: stttt,
          roles: ['system_admin'],
        })
      ).statusCode,
    ).toBe(403);
    const specialist = new Client(app);
    await specialist.login('levancuong.stttt', DEMO_PASSWORD);
    for (const url of [
      '/api/admin/staff',
      '/api/admin/roles',
      '/api/admin/agencies',
      '/api/admin/local-outbox',
      '/api/admin/messages',
    ])
      expect((await specialist.get(url)).statusCode, url).toBe(403);
    expect((await c.get('/api/admin/local-outbox')).statusCode).toBe(403);
    const citizen = new Client(app);
    await citizen.login('mai.tran@example.vn', DEMO_PASSWORD);
    expect((await citizen.get('/api/admin/staff')).statusCode).toBe(403);
  });

  it('suspends, reactivates and revokes; a suspended account’s sessions end and log-in is refused', async () => {
    const admin = await unitAdmin();
    const created = (
      await admin.post('/api/admin/staff', {
        fullName: 'Mạc Văn Tùng',
        agencyId: stttt,
        roles: ['specialist'],
        email: 'tung@anhoa.gov.vn',
      })
    ).json();
    const id = created.account.id as string;
    const person = new Client(app);
    await person.login('tung@anhoa.gov.vn', created.temporaryPassword);
    expect((await admin.post(`/api/admin/staff/${id}/suspend`)).json().status).toBe('suspended');
    expect((await person.get('/api/me')).statusCode).toBe(401);
    expect(
      (
        await new Client(app).post('/api/auth/login', {
          login: 'tung@anhoa.gov.vn',
          password: created.temporaryPassword,
        })
      ).json().code,
    ).toBe('ACCOUNT_DISABLED');
    expect((await admin.post(`/api/admin/staff/${id}/reactivate`)).json().status).toBe('active');
    const reset = (await admin.post(`/api/admin/staff/${id}/reset-password`)).json();
    expect(reset.account.mustChangePassword).toBe(true);
    expect(
      (
        await new Client(app).post('/api/auth/login', {
          login: 'tung@anhoa.gov.vn',
          password: reset.temporaryPassword,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await admin.req('PUT', `/api/admin/staff/${id}/roles`, { roles: ['specialist', 'approver'] })).json()
        .roles,
    ).toEqual(['approver', 'specialist']);
    expect((await admin.post(`/api/admin/staff/${id}/revoke`)).json().status).toBe('revoked');
    expect((await admin.post(`/api/admin/staff/${id}/reactivate`)).statusCode).toBe(409);
    expect(await auditActions(db, id)).toEqual(
      expect.arrayContaining([
        'account.created',
        'account.suspended',
        'account.reactivated',
        'account.password_reset_by_admin',
        'account.roles_changed',
        'account.revoked',
      ]),
    );
  });

  it('a system administrator manages every agency', async () => {
    const sys = new Client(app);
    await sys.login('dangvanhung.ubndt', DEMO_PASSWORD);
    const r = await sys.post('/api/admin/staff', {
      fullName: 'Đào Thị Yến',
      agencyId: sxd,
      roles: ['unit_admin'],
    });
    expect(r.json().account.username).toBe('daothiyen.sxd');
    const other = await db.kysely
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'dothihoa.sxd')
      .executeTakeFirstOrThrow();
    expect((await sys.post(`/api/admin/staff/${other.id}/suspend`)).statusCode).toBe(200);
    expect((await sys.post(`/api/admin/staff/${other.id}/reactivate`)).statusCode).toBe(200);
    expect((await sys.get('/api/admin/agencies')).json().items.length).toBeGreaterThan(3);
    const outbox = await sys.get('/api/admin/local-outbox');
    expect(outbox.statusCode).toBe(200);
  });

  it('organisations: several people act for one; only the owner adds members; others get 404', async () => {
    const owner = new Client(app);
    await owner.login('phong.le@example.vn', DEMO_PASSWORD);
    const org = (await owner.get('/api/me/profile')).json().organisations[0];
    expect(org).toMatchObject({
      name: 'Công ty TNHH Xây dựng An Phát',
      taxCode: '9900123456',
      memberRole: 'owner',
    });
    const members = (await owner.get(`/api/organisations/${org.id}/members`)).json().items;
    expect(members).toHaveLength(2);
    const member = new Client(app);
    await member.login('mai.tran@example.vn', DEMO_PASSWORD);
    expect((await member.get('/api/me')).statusCode).toBe(200);
    expect(
      (await member.post(`/api/organisations/${org.id}/members`, { login: 'an.nguyen@example.vn' }))
        .statusCode,
    ).toBe(403);
    const stranger = new Client(app);
    await stranger.login('an.nguyen@example.vn', DEMO_PASSWORD);
    expect((await stranger.get(`/api/organisations/${org.id}/members`)).statusCode).toBe(404);
    expect(
      (await stranger.post(`/api/organisations/${org.id}/members`, { login: 'an.nguyen@example.vn' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await owner.post(`/api/organisations/${org.id}/members`, { login: 'an.nguyen@example.vn' }))
        .statusCode,
    ).toBe(200);
    expect((await stranger.get(`/api/organisations/${org.id}/members`)).statusCode).toBe(200);
    const created = await stranger.post('/api/me/organisations', {
      name: 'Hộ kinh doanh Bình An',
      taxCode: '9900999888',
      address: 'Phường An Hòa, tỉnh An Hòa',
      legalRepresentative: 'Nguyễn Văn An',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().organisations).toHaveLength(2);
    const dupe = await stranger.post('/api/me/organisations', {
      name: 'Trùng',
      taxCode: '9900999888',
      address: 'Phường An Hòa',
      legalRepresentative: 'Ai đó',
    });
    expect(dupe.statusCode).toBe(409);
  });

  it('registers a business with its first representative', async () => {
    const c = new Client(app);
    const r = await c.post('/api/auth/register', {
      fullName: 'Võ Thị Hạnh',
      email: 'hanh@anphu.vn',
      password: 'Cong-ty-An-Phu-1',
      organisation: {
        name: 'Công ty Cổ phần An Phú',
        taxCode: '9900555444',
        address: 'Xã Tân Phú, tỉnh An Hòa',
        legalRepresentative: 'Võ Thị Hạnh',
      },
    });
    expect(r.statusCode).toBe(201);
    await c.post('/api/auth/verify', {
      login: 'hanh@anphu.vn',
      code: await latestCode(deps, 'hanh@anphu.vn'),
    });
    const me = await c.login('hanh@anphu.vn', 'Cong-ty-An-Phu-1');
    expect(me.statusCode).toBe(200);
    expect((await c.get('/api/me/profile')).json().organisations[0]).toMatchObject({
      taxCode: '9900555444',
      memberRole: 'owner',
    });
  });

  it('`motcua user create-admin` prints a user name and a one-time password that must be changed', async () => {
    const out: string[] = [];
    const orig = console.log;
    console.log = (s: string) => out.push(s);
    try {
      expect(await createAdminCommand.run(deps, ['--name', 'Nguyễn Văn An', '--agency', 'UBNDT'])).toBe(0);
    } finally {
      console.log = orig;
    }
    const username = /username: (\S+)/.exec(out.join('\n'))?.[1];
    const password = /one-time password: (\S+)/.exec(out.join('\n'))?.[1];
    expect(username).toBe('nguyenvanan.ubndt');
    const c = new Client(app);
    const me = await c.login(username!, password!);
    expect(me.json()).toMatchObject({ roles: ['system_admin'], mustChangePassword: true });
    expect((await c.get('/api/admin/staff')).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(await createAdminCommand.run(deps, ['--name', 'X Y', '--agency', 'KHONGCO'])).toBe(2);
  });
});
