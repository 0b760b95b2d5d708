// The organisation module's read API for other modules: units, agencies, their codes and departments. Other modules
// look these up here instead of querying the organisation's tables; a list query that only joins an agency's name
// for display may still join `agencies` (see docs/architecture.md, "Boundaries").
import { sql } from 'kysely';
import type { Kdb } from '../../db/client';
import { PREPARED } from '../../db/prepared';

export type AgencyFacts = {
  id: string;
  short_name: string;
  name: string;
  address: string | null;
  unit_id: string;
  parent_agency_id: string | null;
  valid_to: string | null;
  province_code: string;
};

/** An agency (current or ended) with the province of its unit. */
export async function findAgency(q: Kdb, id: string): Promise<AgencyFacts | undefined> {
  return q
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select([
      'a.id',
      'a.short_name',
      'a.name',
      'a.address',
      'a.unit_id',
      'a.parent_agency_id',
      'a.valid_to',
      'u.province_code',
    ])
    .where('a.id', '=', id)
    .modifyEnd(PREPARED)
    .executeTakeFirst();
}

/** The current agencies with these short names (case-insensitive), keyed by the upper-cased short name. */
export async function currentAgenciesByShortName(
  q: Kdb,
  shortNames: readonly string[],
): Promise<Map<string, { id: string; short_name: string; name: string }>> {
  const wanted = [...new Set(shortNames.map((s) => s.toUpperCase()))];
  if (wanted.length === 0) return new Map();
  const rows = await q
    .selectFrom('agencies')
    .select(['id', 'short_name', 'name'])
    .where(sql<string>`upper(short_name)`, 'in', wanted)
    .where('valid_to', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.short_name.toUpperCase(), r]));
}

/** The current agency with this short name (case-insensitive). */
export async function currentAgencyByShortName(q: Kdb, shortName: string) {
  return (await currentAgenciesByShortName(q, [shortName])).get(shortName.toUpperCase());
}

/** The short names of every current agency, upper-cased. */
export async function currentAgencyShortNames(q: Kdb): Promise<Set<string>> {
  const rows = await q
    .selectFrom('agencies')
    .select(sql<string>`upper(short_name)`.as('s'))
    .where('valid_to', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.s));
}

/** An agency by id or short name (the newest one holding it); undefined when none. */
export async function agencyIdOf(q: Kdb, idOrShortName: string): Promise<string | undefined> {
  const row = await q
    .selectFrom('agencies')
    .select('id')
    .where((eb) =>
      /^[0-9a-f-]{36}$/i.test(idOrShortName)
        ? eb('id', '=', idOrShortName)
        : eb(sql<string>`upper(short_name)`, '=', idOrShortName.toUpperCase()),
    )
    .orderBy('valid_to', 'desc')
    .executeTakeFirst();
  return row?.id;
}

/** Every agency, current and ended, by name. */
export async function allAgencies(q: Kdb): Promise<{ id: string; name: string }[]> {
  return q.selectFrom('agencies').select(['id', 'name']).orderBy('name').execute();
}

/**
 * The current agencies by name, only those of one province when `provinceCode` is given (a deployment hosting several
 * provinces: the public statistics of one province must not count another's agencies).
 */
export async function currentAgencies(
  q: Kdb,
  provinceCode?: string,
): Promise<{ id: string; name: string }[]> {
  let query = q
    .selectFrom('agencies')
    .innerJoin('units', 'units.id', 'agencies.unit_id')
    .select(['agencies.id', 'agencies.name'])
    .where('agencies.valid_to', 'is', null);
  if (provinceCode) query = query.where('units.province_code', '=', provinceCode);
  return query.orderBy('agencies.name').orderBy('agencies.id').execute();
}

/** The ids of every agency, current and ended (jobs that visit each agency's work). */
export async function allAgencyIds(q: Kdb): Promise<string[]> {
  return (await q.selectFrom('agencies').select('id').execute()).map((r) => r.id);
}

export async function agencyNames(q: Kdb, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await q.selectFrom('agencies').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Identifier codes of an agency valid on a date (YYYY-MM-DD). */
export async function agencyCodesOn(q: Kdb, agencyId: string, date: string) {
  return q
    .selectFrom('agency_codes')
    .select(['code', 'format'])
    .where('agency_id', '=', agencyId)
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
    .execute();
}

/** The agency's official code for display: the QĐ 20 code when there is one, else the legacy code. */
export async function agencyDisplayCode(q: Kdb, agencyId: string): Promise<string> {
  const rows = await q
    .selectFrom('agency_codes')
    .select(['code', 'format'])
    .where('agency_id', '=', agencyId)
    .where('valid_to', 'is', null)
    .execute();
  return (rows.find((r) => r.format === 'qd20') ?? rows[0])?.code ?? '';
}

export async function findDepartment(q: Kdb, id: string) {
  return q
    .selectFrom('departments')
    .select(['id', 'agency_id', 'name', 'kind'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The active specialist departments of these agencies, by name (the first is the default responsible one). */
export async function specialistDepartments(q: Kdb, agencyIds: readonly string[]) {
  if (agencyIds.length === 0) return [];
  return q
    .selectFrom('departments')
    .select(['id', 'agency_id', 'name'])
    .where('agency_id', 'in', agencyIds)
    .where('kind', '=', 'specialist')
    .where('active', '=', true)
    .orderBy('name')
    .modifyEnd(PREPARED)
    .execute();
}

/**
 * The issuing block of an agency's forms: its name and short name (the symbol in a document number), its parent's,
 * its one-stop desk's and its province's.
 */
export async function agencyHeading(q: Kdb, agencyId: string) {
  const a = await q
    .selectFrom('agencies as a')
    .leftJoin('agencies as p', 'p.id', 'a.parent_agency_id')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .leftJoin('units as prov', (j) =>
      j.onRef('prov.code', '=', 'u.province_code').on('prov.level', '=', 'province'),
    )
    .select((eb) => [
      'a.name',
      'a.short_name',
      'p.name as parent_name',
      'prov.name as province_name',
      eb
        .selectFrom('departments as d')
        .select('d.name')
        .whereRef('d.agency_id', '=', 'a.id')
        .where('d.kind', '=', 'one_stop_desk')
        .limit(1)
        .as('desk_name'),
    ])
    .where('a.id', '=', agencyId)
    .executeTakeFirstOrThrow();
  return a;
}

export type UnitRow = { id: string; code: string; name: string; parent_id: string | null };

/** A unit by code: a code is reused only after its unit ended, so the current unit, else the latest ended one. */
export async function findUnitByCode(q: Kdb, code: string): Promise<UnitRow | undefined> {
  return q
    .selectFrom('units')
    .select(['id', 'code', 'name', 'parent_id'])
    .where('code', '=', code)
    .orderBy((eb) => eb.case().when('valid_to', 'is', null).then(0).else(1).end())
    .orderBy('valid_to', 'desc')
    .executeTakeFirst();
}

export async function findUnitById(q: Kdb, id: string): Promise<UnitRow | undefined> {
  return q
    .selectFrom('units')
    .select(['id', 'code', 'name', 'parent_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}
