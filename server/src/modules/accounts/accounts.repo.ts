import { sql, type Insertable, type Updateable } from 'kysely';
import type { TStaffRole } from '@motcua/contracts';
import type { Kdb } from '../../db/client';

import type { UsersTable } from './accounts.tables';
import { PREPARED } from '../../db/prepared';

const USER_COLUMNS = [
  'id',
  'kind',
  'username',
  'email',
  'phone',
  'email_verified_at',
  'phone_verified_at',
  'password_hash',
  'full_name',
  'date_of_birth',
  'id_number',
  'address',
  'agency_id',
  'department_id',
  'status',
  'must_change_password',
  'oidc_subject',
  'preferred_locale',
  'created_at',
] as const;

export type UserRow = Awaited<ReturnType<typeof findUserById>> & object;

export function findUserById(q: Kdb, id: string) {
  return q.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** A log-in is a staff user name, an email or a phone number. */
export function findUserByLogin(q: Kdb, login: { username?: string; email?: string; phone?: string }) {
  return q
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where((eb) =>
      eb.or([
        ...(login.username ? [eb(sql<string>`lower(username)`, '=', login.username.toLowerCase())] : []),
        ...(login.email ? [eb(sql<string>`lower(email)`, '=', login.email.toLowerCase())] : []),
        ...(login.phone ? [eb('phone', '=', login.phone)] : []),
      ]),
    )
    .executeTakeFirst();
}

export function findUserByOidcSubject(q: Kdb, subject: string) {
  return q.selectFrom('users').select(USER_COLUMNS).where('oidc_subject', '=', subject).executeTakeFirst();
}

type NewUser = Omit<Insertable<UsersTable>, 'id' | 'created_at' | 'updated_at'>;

export async function insertUser(q: Kdb, u: NewUser): Promise<string> {
  const row = await q.insertInto('users').values(u).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The language a person chose for their messages, or null when they have not chosen (or do not exist). */
export async function findPreferredLocale(q: Kdb, userId: string): Promise<'vi' | 'en' | null> {
  const row = await q
    .selectFrom('users')
    .select('preferred_locale')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.preferred_locale ?? null;
}

/** The email and phone of an account that its owner proved by code; null where unverified or absent. */
export async function findVerifiedContacts(
  q: Kdb,
  userId: string,
): Promise<{ email: string | null; phone: string | null }> {
  const { email, phone } = await findMessagingProfile(q, userId);
  return { email, phone };
}

/** What a message to an account needs, in one read: its language and the contacts its owner proved by code. */
export async function findMessagingProfile(
  q: Kdb,
  userId: string,
): Promise<{ locale: 'vi' | 'en' | null; email: string | null; phone: string | null }> {
  const row = await q
    .selectFrom('users')
    .select(['preferred_locale', 'email', 'phone', 'email_verified_at', 'phone_verified_at'])
    .where('id', '=', userId)
    .modifyEnd(PREPARED)
    .executeTakeFirst();
  return {
    locale: row?.preferred_locale ?? null,
    email: row?.email && row.email_verified_at ? row.email : null,
    phone: row?.phone && row.phone_verified_at ? row.phone : null,
  };
}

export async function updateUser(q: Kdb, id: string, set: Omit<Updateable<UsersTable>, 'id' | 'created_at'>) {
  await q
    .updateTable('users')
    .set({ ...set, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

export async function rolesOf(q: Kdb, userId: string): Promise<TStaffRole[]> {
  const rows = await q
    .selectFrom('user_roles')
    .select('role')
    .where('user_id', '=', userId)
    .orderBy('role')
    .execute();
  return rows.map((r) => r.role);
}

export async function setRoles(q: Kdb, userId: string, roles: TStaffRole[]) {
  await q.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length)
    await q
      .insertInto('user_roles')
      .values([...new Set(roles)].map((role) => ({ user_id: userId, role })))
      .execute();
}

export async function organisationIdsOf(q: Kdb, userId: string): Promise<string[]> {
  const rows = await q
    .selectFrom('organisation_members')
    .select('organisation_id')
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.organisation_id);
}

export function findOrganisationsOf(q: Kdb, userId: string) {
  return q
    .selectFrom('organisation_members as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['o.id', 'o.name', 'o.tax_code', 'o.address', 'o.legal_representative', 'm.role'])
    .where('m.user_id', '=', userId)
    .orderBy('o.name')
    .execute();
}

export function findOrganisationByTaxCode(q: Kdb, taxCode: string) {
  return q.selectFrom('organisations').select(['id']).where('tax_code', '=', taxCode).executeTakeFirst();
}

export async function insertOrganisation(
  q: Kdb,
  o: { name: string; taxCode: string; address: string; legalRepresentative: string },
): Promise<string> {
  const row = await q
    .insertInto('organisations')
    .values({
      name: o.name,
      tax_code: o.taxCode,
      address: o.address,
      legal_representative: o.legalRepresentative,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findMembership(q: Kdb, organisationId: string, userId: string) {
  return q
    .selectFrom('organisation_members')
    .select(['role'])
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function insertMember(q: Kdb, organisationId: string, userId: string, role: 'owner' | 'member') {
  await q
    .insertInto('organisation_members')
    .values({ organisation_id: organisationId, user_id: userId, role })
    .onConflict((oc) => oc.columns(['organisation_id', 'user_id']).doNothing())
    .execute();
}

export async function deleteMember(q: Kdb, organisationId: string, userId: string) {
  const r = await q
    .deleteFrom('organisation_members')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export function findMembers(q: Kdb, organisationId: string) {
  return q
    .selectFrom('organisation_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.full_name', 'm.role'])
    .where('m.organisation_id', '=', organisationId)
    .orderBy('u.full_name')
    .execute();
}

export async function usernamesLike(q: Kdb, name: string, unit: string): Promise<Set<string>> {
  const rows = await q
    .selectFrom('users')
    .select('username')
    .where(sql<string>`lower(username)`, 'like', `${name}%.${unit}`)
    .execute();
  return new Set(rows.map((r) => (r.username ?? '').toLowerCase()));
}

export type StaffFilter = { agencyId?: string; q?: string; status?: string; limit: number; offset: number };

function staffQuery(q: Kdb, f: StaffFilter) {
  let sel = q
    .selectFrom('users as u')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .leftJoin('departments as d', 'd.id', 'u.department_id')
    .where('u.kind', '=', 'staff');
  if (f.agencyId) sel = sel.where('u.agency_id', '=', f.agencyId);
  if (f.status) sel = sel.where('u.status', '=', f.status as 'active');
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    sel = sel.where((eb) =>
      eb.or([
        eb(sql<string>`vn_fold(u.full_name)`, 'like', sql<string>`vn_fold(${like})`),
        eb('u.username', 'ilike', like),
      ]),
    );
  }
  return sel;
}

export async function findStaff(q: Kdb, f: StaffFilter) {
  const rows = await staffQuery(q, f)
    .select([
      'u.id',
      'u.username',
      'u.full_name',
      'u.email',
      'u.phone',
      'u.status',
      'u.must_change_password',
      'u.created_at',
      'a.id as agency_id',
      'a.short_name as agency_short_name',
      'a.name as agency_name',
      'd.id as department_id',
      'd.name as department_name',
      sql<
        TStaffRole[]
      >`coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM user_roles r WHERE r.user_id = u.id), '{}')`.as(
        'roles',
      ),
    ])
    .orderBy('a.short_name')
    .orderBy('u.username')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const total = await staffQuery(q, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

export type StaffRow = Awaited<ReturnType<typeof findStaff>>['rows'][number];

export async function roleHolderCounts(q: Kdb, agencyId?: string) {
  let sel = q
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .where('u.status', '=', 'active');
  if (agencyId) sel = sel.where('u.agency_id', '=', agencyId);
  return sel
    .select(['r.role', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('r.role')
    .execute();
}

export function findAgenciesWithDepartments(q: Kdb, agencyId?: string) {
  let sel = q
    .selectFrom('agencies as a')
    .select([
      'a.id',
      'a.short_name',
      'a.name',
      sql<
        { id: string; name: string }[]
      >`coalesce((SELECT json_agg(json_build_object('id', d.id, 'name', d.name) ORDER BY d.name) FROM departments d WHERE d.agency_id = a.id AND d.active), '[]'::json)`.as(
        'departments',
      ),
    ])
    .where('a.valid_to', 'is', null);
  if (agencyId) sel = sel.where('a.id', '=', agencyId);
  return sel.orderBy('a.short_name').execute();
}

/** Agencies located in the unit or any unit below it (units.parent_id), for leaders' read access. */
export async function agencyIdsInUnitSubtree(q: Kdb, unitId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    WITH RECURSIVE tree AS (
      SELECT id FROM units WHERE id = ${unitId}
      UNION
      SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id
    )
    SELECT a.id FROM agencies a WHERE a.unit_id IN (SELECT id FROM tree) ORDER BY a.id`.execute(q);
  return rows.map((r) => r.id);
}

/**
 * Active staff of an agency holding any of `roles`, by name (pickers such as the certifying official of a
 * conversion); with `id`, only that person.
 */
export function findActiveStaffWithRoles(
  q: Kdb,
  f: { agencyId: string; roles: readonly TStaffRole[]; id?: string },
) {
  let sel = q
    .selectFrom('users as u')
    .select(['u.id', 'u.full_name as name'])
    .where('u.kind', '=', 'staff')
    .where('u.status', '=', 'active')
    .where('u.agency_id', '=', f.agencyId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_roles as r')
          .select('r.user_id')
          .whereRef('r.user_id', '=', 'u.id')
          .where('r.role', 'in', [...f.roles]),
      ),
    );
  if (f.id) sel = sel.where('u.id', '=', f.id);
  return sel.orderBy('u.full_name').orderBy('u.id').execute();
}
