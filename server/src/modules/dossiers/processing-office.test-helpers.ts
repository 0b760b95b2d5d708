import type { TDossierDetail } from '@motcua/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/auth';
import { actor } from '../../test/harness';
import { loadDemoCalendar } from '../calendar/calendar.demo';
import { detail, intakeFixture } from './dossiers.test-helpers';

/** A literal Việt Nam time, `2026-02-12T09:00` → ISO with +07:00. */
export const at = (local: string) => `${local}:00.000+07:00`;

/**
 * Staff accounts of any agency, with an e-mail address (the requests' notices go there): ids
 * `00000000-0000-4000-<block>-…`, user names `<username>.<n>`.
 */
export function staffMaker(f: { db: Db }, block: string, username: string) {
  let n = 0;
  return async (
    name: string,
    roles: Actor['roles'],
    agencyId: string,
    departmentId: string | null = null,
  ) => {
    const userId = `00000000-0000-4000-${block}-${String(++n).padStart(12, '0')}`;
    await f.db.kysely
      .insertInto('users')
      .values({
        id: userId,
        kind: 'staff',
        username: `${username}.${n}`,
        full_name: name,
        email: `${username.replace(/\W/g, '')}${n}@anhoa.gov.vn`,
        agency_id: agencyId,
        department_id: departmentId,
        status: 'active',
      })
      .execute();
    await f.db.kysely
      .insertInto('user_roles')
      .values(roles.map((role) => ({ user_id: userId, role })))
      .execute();
    return actor({ kind: 'staff', userId, name, roles, agencyId });
  };
}

/**
 * The office of Sở TT&TT with real accounts for the processing tests: a head of department (approver), two
 * specialists, the desk clerk; `received` submits and accepts a dossier for 1.004227 at a local time.
 * `n0` keeps the user ids of several fixtures apart.
 */
export async function officeFixture(n0 = 10) {
  const f = await intakeFixture();
  await f.db.kysely.transaction().execute((trx) => loadDemoCalendar(trx, f.clock.now()));
  const sttt = f.agency('STTTT');
  const dept = (
    await f.db.kysely
      .selectFrom('departments')
      .select('id')
      .where('agency_id', '=', sttt)
      .where('name', '=', 'Phòng Bưu chính, Viễn thông')
      .executeTakeFirstOrThrow()
  ).id;
  const staff = async (n: number, name: string, roles: Actor['roles'], departmentId: string | null) => {
    const userId = `00000000-0000-4000-a000-${String(n0 + n).padStart(12, '0')}`;
    await f.db.kysely
      .insertInto('users')
      .values({
        id: userId,
        kind: 'staff',
        username: `office.${n0 + n}`,
        full_name: name,
        agency_id: sttt,
        department_id: departmentId,
        status: 'active',
      })
      .execute();
    await f.db.kysely
      .insertInto('user_roles')
      .values(roles.map((role) => ({ user_id: userId, role })))
      .execute();
    return actor({ kind: 'staff', userId, name, roles, agencyId: sttt });
  };
  const head = await staff(1, 'Lê Văn Trưởng', ['approver'], dept);
  const specialist = await staff(2, 'Trần Thị Thẩm', ['specialist'], dept);
  const desk = f.clerk('STTTT');
  const act = (who: Actor, d: Pick<TDossierDetail, 'id' | 'version'>, path: string, body: object = {}) =>
    f.inject(who, 'POST', `/api/processing/dossiers/${d.id}/${path}`, {
      expectedVersion: d.version,
      ...body,
    });
  /** An online dossier for 1.004227 (10 working days) received at `local`. */
  const received = async (local: string) => {
    f.clock.set(at(local));
    const d = detail(await f.submit(f.citizenA), 201);
    return detail(
      await f.inject(desk, 'POST', `/api/reception/dossiers/${d.id}/accept`, { expectedVersion: d.version }),
    );
  };
  return { f, sttt, dept, head, specialist, desk, act, received, staff };
}
