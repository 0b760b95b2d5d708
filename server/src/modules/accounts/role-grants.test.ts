import { beforeAll, describe, expect, it } from 'vitest';
import { STAFF_ROLES, type TStaffRole } from '@motcua/contracts';
import { createDemoDb, createTestApp } from '../../test/harness';
import { Client } from './accounts.test-helpers';
import { DEMO_PASSWORD } from './accounts.demo';

/**
 * The whole grant matrix through HTTP: granter role × granted role × where the account lives (the granter's own
 * agency, an agency below the granter's administrative unit, another province-level agency) × every
 * staff-management operation. The expectations are written out here, independently of role-grants.ts.
 */
const AGENCY_ROLES: TStaffRole[] = ['reception_officer', 'specialist', 'approver', 'postal_operator'];
type Scope = 'own' | 'subtree' | 'other';
const SCOPES: Scope[] = ['own', 'subtree', 'other'];
type Outcome = 'allowed' | 'forbidden' | 'hidden';

/** May `granter` give `role` to an account at `scope`? */
function grantOutcome(granter: 'unit_admin' | 'system_admin', role: TStaffRole, scope: Scope): Outcome {
  if (granter === 'system_admin') return 'allowed';
  return scope === 'own' && AGENCY_ROLES.includes(role) ? 'allowed' : 'forbidden';
}

/** May `granter` suspend, reset, re-role… an existing account holding `role` at `scope`? */
function actOutcome(granter: 'unit_admin' | 'system_admin', role: TStaffRole, scope: Scope): Outcome {
  if (granter === 'system_admin') return role === 'system_admin' ? 'forbidden' : 'allowed';
  if (scope !== 'own') return 'hidden';
  return AGENCY_ROLES.includes(role) ? 'allowed' : 'forbidden';
}

const STATUS: Record<Outcome, number> = { allowed: 200, forbidden: 403, hidden: 404 };

describe('who may grant what: the whole grant matrix', async () => {
  const { app, db } = await createTestApp({}, await createDemoDb());
  const agencies: Record<string, string> = {};
  let sys: Client;
  let serial = 0;
  const uniqueName = () => `Cán Bộ Thử ${String.fromCharCode(65 + (serial % 26))} ${++serial}`;

  beforeAll(async () => {
    for (const short of ['STTTT', 'UBNDT', 'UBNDPAH', 'SXD'])
      agencies[short] = (
        await db.kysely
          .selectFrom('agencies')
          .select('id')
          .where('short_name', '=', short)
          .executeTakeFirstOrThrow()
      ).id;
    sys = new Client(app);
    await sys.login('dangvanhung.ubndt', DEMO_PASSWORD);
  });

  const granters = {
    unit_admin: { login: 'hoangvanem.stttt', own: 'STTTT', subtree: 'UBNDPAH', other: 'SXD' },
    system_admin: { login: 'dangvanhung.ubndt', own: 'UBNDT', subtree: 'UBNDPAH', other: 'STTTT' },
  } as const;

  /** A fresh account made by the system administrator, who may make any. */
  async function target(role: TStaffRole, agencyShort: string): Promise<string> {
    const r = await sys.post('/api/admin/staff', {
      fullName: uniqueName(),
      agencyId: agencies[agencyShort],
      roles: [role],
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().account.id as string;
  }

  const expectOutcome = (
    res: { statusCode: number; json: () => unknown },
    outcome: Outcome,
    what: string,
  ) => {
    const expected = outcome === 'allowed' && what.startsWith('create') ? 201 : STATUS[outcome];
    expect(res.statusCode, what).toBe(expected);
    if (outcome === 'forbidden')
      expect(res.json(), what).toMatchObject({
        code: 'STAFF_ACTION_FORBIDDEN',
        message: expect.stringMatching(/^Bạn không được thực hiện thao tác này: .+\.$/),
      });
  };

  for (const [granterRole, g] of Object.entries(granters) as [
    keyof typeof granters,
    (typeof granters)[keyof typeof granters],
  ][])
    for (const scope of SCOPES)
      it(`${granterRole} → accounts at ${scope} agency (${g[scope]}): create, re-role, suspend, reactivate, reset, revoke`, async () => {
        const c = new Client(app);
        await c.login(g.login, DEMO_PASSWORD);
        const agencyId = agencies[g[scope]]!;
        for (const role of STAFF_ROLES) {
          const grant = grantOutcome(granterRole, role, scope);
          const fullName = uniqueName();
          const created = await c.post('/api/admin/staff', { fullName, agencyId, roles: [role] });
          expectOutcome(created, grant, `create ${role}`);
          const made = await db.kysely
            .selectFrom('users')
            .select('id')
            .where('full_name', '=', fullName)
            .execute();
          expect(made, `accounts created for ${role}`).toHaveLength(grant === 'allowed' ? 1 : 0);

          // Granting `role` to an existing specialist of that agency.
          const specialist = await target('specialist', g[scope]);
          const reRole = await c.req('PUT', `/api/admin/staff/${specialist}/roles`, { roles: [role] });
          const reRoleOutcome = actOutcome(granterRole, 'specialist', scope) === 'hidden' ? 'hidden' : grant;
          expectOutcome(reRole, reRoleOutcome, `grant ${role} by role change`);

          // Acting on an account that holds `role`.
          const holder = await target(role, g[scope]);
          const act = actOutcome(granterRole, role, scope);
          for (const op of ['suspend', 'reactivate', 'reset-password'] as const)
            expectOutcome(await c.post(`/api/admin/staff/${holder}/${op}`), act, `${op} a ${role}`);
          expectOutcome(
            await c.req('PUT', `/api/admin/staff/${holder}/roles`, { roles: ['specialist'] }),
            act,
            `take ${role} away`,
          );
          expectOutcome(await c.post(`/api/admin/staff/${holder}/revoke`), act, `revoke a ${role}`);
          const after = await db.kysely
            .selectFrom('users')
            .select('status')
            .where('id', '=', holder)
            .executeTakeFirstOrThrow();
          expect(after.status, `${role} status`).toBe(act === 'allowed' ? 'revoked' : 'active');
          const roles = await db.kysely
            .selectFrom('user_roles')
            .select('role')
            .where('user_id', '=', holder)
            .execute();
          expect(roles.map((r) => r.role)).toEqual(act === 'allowed' ? ['specialist'] : [role]);
        }
      });

  it('GET /admin/roles tells each administrator which roles they may grant, from the same rules', async () => {
    for (const [granterRole, g] of Object.entries(granters)) {
      const c = new Client(app);
      await c.login(g.login, DEMO_PASSWORD);
      const items = (await c.get('/api/admin/roles')).json().items as {
        role: TStaffRole;
        grantable: boolean;
      }[];
      for (const role of STAFF_ROLES)
        expect(items.find((i) => i.role === role)?.grantable, `${granterRole} ${role}`).toBe(
          grantOutcome(granterRole as keyof typeof granters, role, 'own') === 'allowed',
        );
    }
  });

  it('staff without an administrator role reach no staff-management operation', async () => {
    const holder = await target('specialist', 'STTTT');
    for (const login of [
      'tranthibinh.ttpvhcc',
      'levancuong.stttt',
      'phamthidung.stttt',
      'vuthigiang.ubndt',
      'buithilan.ubndt',
      'ngovanminh.ttpvhcc',
    ]) {
      const c = new Client(app);
      await c.login(login, DEMO_PASSWORD);
      const tries = [
        await c.post('/api/admin/staff', {
          fullName: uniqueName(),
          agencyId: agencies.STTTT,
          roles: ['specialist'],
        }),
        await c.req('PUT', `/api/admin/staff/${holder}/roles`, { roles: ['leader'] }),
        ...(await Promise.all(
          ['suspend', 'reactivate', 'reset-password', 'revoke'].map((op) =>
            c.post(`/api/admin/staff/${holder}/${op}`),
          ),
        )),
      ];
      for (const r of tries) expect(r.statusCode, login).toBe(403);
    }
  });

  it('nobody acts on their own account: roles, password, status', async () => {
    for (const login of ['hoangvanem.stttt', 'dangvanhung.ubndt']) {
      const c = new Client(app);
      const me = (await c.login(login, DEMO_PASSWORD)).json();
      for (const r of [
        await c.req('PUT', `/api/admin/staff/${me.id}/roles`, { roles: ['system_admin', 'leader'] }),
        await c.post(`/api/admin/staff/${me.id}/reset-password`),
        await c.post(`/api/admin/staff/${me.id}/suspend`),
      ]) {
        expect(r.statusCode, login).toBe(403);
        expect(r.json().message).toMatch(/chính mình/);
      }
    }
  });

  it('the reported escalation: a unit administrator cannot mint a catalogue editor and leader that takes over', async () => {
    const admin = new Client(app);
    await admin.login('hoangvanem.stttt', DEMO_PASSWORD);
    const minted = await admin.post('/api/admin/staff', {
      fullName: 'Tài Khoản Leo Quyền',
      agencyId: agencies.STTTT,
      roles: ['unit_admin', 'catalogue_editor', 'leader'],
    });
    expect(minted.statusCode).toBe(403);
    expect(minted.json().message).toMatch(/không có quyền cấp vai trò/);
    const exists = await db.kysely
      .selectFrom('users')
      .select('id')
      .where('full_name', '=', 'Tài Khoản Leo Quyền')
      .execute();
    expect(exists).toHaveLength(0);

    // A second unit administrator of the same agency (made by the system administrator) is a peer: it cannot
    // reset the first one's password, nor suspend them.
    const peer = await sys.post('/api/admin/staff', {
      fullName: 'Quản Trị Thứ Hai',
      agencyId: agencies.STTTT,
      roles: ['unit_admin'],
    });
    const c = new Client(app);
    await c.login(peer.json().account.username, peer.json().temporaryPassword);
    const changed = await c.post('/api/auth/password', {
      currentPassword: peer.json().temporaryPassword,
      newPassword: 'Song-Hong-chay-2026',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const creator = (await admin.get('/api/me')).json().id as string;
    for (const op of ['reset-password', 'suspend']) {
      const r = await c.post(`/api/admin/staff/${creator}/${op}`);
      expect(r.statusCode, op).toBe(403);
      expect(r.json().message).toMatch(/quản trị viên cùng cấp hoặc cấp cao hơn/);
    }
    expect((await admin.get('/api/me')).statusCode).toBe(200);
  });
});
