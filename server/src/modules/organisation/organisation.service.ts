/**
 * Units and agencies: dated data. Mergers end a unit on a date and record its successor; agency identifier codes
 * keep their validity history (a re-issued code closes the previous one of the same format).
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import type { ZAgencyInput, ZCodeInput, ZUnitInput } from '@motcua/contracts';

import { AppError } from '../../http/errors';
import { appendAudit, type AuditActor } from '../audit';
import { localDateOf } from '../calendar';
import { isValidIdentifierCode } from './identifier-codes';
import { checkParent } from './organisation.units';
import { badRequest, duplicateOnRace } from './organisation.errors';
import type { Kdb } from '../../db/client';

/** The calendar date in Việt Nam at `now` (not the UTC date, which lags until 07:00). */
const today = (now: Date) => localDateOf(now);
const UNIT = { vi: 'đơn vị hành chính', en: 'Administrative unit' };
const AGENCY = { vi: 'cơ quan', en: 'Agency' };

/** Units in force on `q.at` (default: today at `now`), or every version with `all`. */
export async function listUnits(db: Kdb, q: { level?: string; at?: string; all?: string }, now: Date | null) {
  const at = q.at ?? (now ? today(now) : null);
  let qb = db
    .selectFrom('units as u')
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .leftJoin('units as s', 's.id', 'u.successor_id')
    .select([
      'u.id',
      'u.code',
      'u.name',
      'u.level',
      'p.code as parentCode',
      'u.valid_from as validFrom',
      'u.valid_to as validTo',
      's.code as successorCode',
      'u.version',
    ])
    .orderBy('u.code')
    .orderBy('u.valid_from');
  if (q.level) qb = qb.where('u.level', '=', q.level as 'province');
  if (q.all !== 'true' && at)
    qb = qb
      .where('u.valid_from', '<=', at)
      .where((eb) => eb.or([eb('u.valid_to', 'is', null), eb('u.valid_to', '>', at)]));
  return qb.execute();
}

async function agencyCodes(db: Kdb, ids: string[]) {
  if (!ids.length)
    return new Map<
      string,
      { code: string; format: 'qd20' | 'legacy'; validFrom: string; validTo: string | null }[]
    >();
  const rows = await db
    .selectFrom('agency_codes')
    .select(['agency_id', 'code', 'format', 'valid_from', 'valid_to'])
    .where('agency_id', 'in', ids)
    .orderBy('valid_from')
    .execute();
  const map = new Map<
    string,
    { code: string; format: 'qd20' | 'legacy'; validFrom: string; validTo: string | null }[]
  >();
  for (const r of rows)
    map.set(r.agency_id, [
      ...(map.get(r.agency_id) ?? []),
      { code: r.code, format: r.format, validFrom: r.valid_from, validTo: r.valid_to },
    ]);
  return map;
}

export async function listAgencies(
  db: Kdb,
  q: { unit?: string; type?: string; q?: string; all?: string; id?: string },
  /** Only agencies in force on this day, unless `all` or `id` is asked for. */
  now: Date | null,
) {
  let qb = db
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select([
      'a.id',
      'a.short_name',
      'a.name',
      'a.type',
      'u.code as unit_code',
      'u.name as unit_name',
      'a.address',
      'a.email',
      'a.hotline',
      'a.valid_from',
      'a.valid_to',
      'a.successor_id',
      'a.version',
    ])
    .orderBy('a.type')
    .orderBy('a.name');
  if (q.id) qb = qb.where('a.id', '=', q.id);
  if (q.unit) qb = qb.where('u.code', '=', q.unit);
  if (q.type) qb = qb.where('a.type', '=', q.type);
  if (q.q) {
    const pattern = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    qb = qb.where((eb) =>
      eb.or([
        eb(sql<string>`vn_fold(a.name)`, 'like', sql<string>`vn_fold(${pattern})`),
        eb(sql<string>`vn_fold(a.short_name)`, 'like', sql<string>`vn_fold(${pattern})`),
      ]),
    );
  }
  if (q.all !== 'true' && !q.id && now)
    qb = qb.where((eb) => eb.or([eb('a.valid_to', 'is', null), eb('a.valid_to', '>', today(now))]));
  const rows = await qb.execute();
  const codes = await agencyCodes(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    shortName: r.short_name,
    name: r.name,
    type: r.type,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    address: r.address,
    email: r.email,
    hotline: r.hotline,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    successorId: r.successor_id,
    version: r.version,
    codes: codes.get(r.id) ?? [],
  }));
}

export async function getAgency(db: Kdb, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('NOT_FOUND', { what: AGENCY });
  const [a] = await listAgencies(db, { id }, null);
  if (!a) throw new AppError('NOT_FOUND', { what: AGENCY });
  const departments = await db
    .selectFrom('departments')
    .select(['id', 'name', 'kind'])
    .where('agency_id', '=', id)
    .where('active', '=', true)
    .orderBy('kind')
    .orderBy('name')
    .execute();
  const deskStaff = await db
    .selectFrom('desk_staff_contacts')
    .select(['name', 'title', 'field', 'phone'])
    .where('agency_id', '=', id)
    .orderBy('position')
    .execute();
  return { ...a, departments, deskStaff };
}

function checkCode(c: z.infer<typeof ZCodeInput>) {
  if (!isValidIdentifierCode(c.code, c.format))
    throw new AppError('INVALID_IDENTIFIER_CODE', {
      code: c.code,
      format:
        c.format === 'qd20'
          ? { vi: 'QĐ 20/2020/QĐ-TTg (ví dụ H99.15)', en: 'QĐ 20/2020/QĐ-TTg (e.g. H99.15)' }
          : { vi: '000.00.NN.Hxx (ví dụ 000.00.15.H99)', en: '000.00.NN.Hxx (e.g. 000.00.15.H99)' },
    });
}

async function unitId(db: Kdb, code: string): Promise<string> {
  const u = await db
    .selectFrom('units')
    .select('id')
    .where('code', '=', code)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
  if (!u) throw new AppError('NOT_FOUND', { what: UNIT });
  return u.id;
}

export async function createUnit(db: Kdb, actor: AuditActor, input: z.infer<typeof ZUnitInput>) {
  return duplicateOnRace(insertUnit(db, actor, input), {
    vi: `Mã đơn vị ${input.code}`,
    en: `Unit code ${input.code}`,
  });
}

async function insertUnit(db: Kdb, actor: AuditActor, input: z.infer<typeof ZUnitInput>) {
  return db.transaction().execute(async (trx) => {
    const parentId = await checkParent(trx, input.level, input.parentCode);
    const dup = await trx
      .selectFrom('units')
      .select('id')
      .where('code', '=', input.code)
      .where('valid_to', 'is', null)
      .executeTakeFirst();
    if (dup)
      throw new AppError('DUPLICATE', {
        what: { vi: `Mã đơn vị ${input.code}`, en: `Unit code ${input.code}` },
      });
    const { id } = await trx
      .insertInto('units')
      .values({
        code: input.code,
        name: input.name,
        level: input.level,
        parent_id: parentId,
        province_code: input.code.slice(0, 2),
        valid_from: input.validFrom ?? today(actor.at),
        valid_to: null,
        successor_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, actor, {
      action: 'organisation.unit_created',
      target: { type: 'unit', id },
      details: { code: input.code },
    });
    return id;
  });
}

/** Ends a unit on `date` and records the successor; its agencies and history stay attached to it. */
export async function mergeUnit(db: Kdb, actor: AuditActor, code: string, into: string, date: string) {
  await db.transaction().execute(async (trx) => {
    const from = await unitId(trx, code);
    const to = await unitId(trx, into);
    if (from === to)
      throw new AppError('BAD_REQUEST', {
        details: { vi: 'không thể sáp nhập vào chính nó', en: 'cannot merge a unit into itself' },
      });
    const row = await trx
      .selectFrom('units')
      .select(['valid_from', 'valid_to'])
      .where('id', '=', from)
      .forUpdate()
      .executeTakeFirstOrThrow();
    // A concurrent merge or retirement may have ended it between the lookup and the lock.
    if (row.valid_to) throw new AppError('CONFLICT');
    if (date <= row.valid_from)
      throw new AppError('BAD_REQUEST', {
        details: {
          vi: 'ngày sáp nhập phải sau ngày hiệu lực',
          en: 'merger date must be after the unit began',
        },
      });
    await trx
      .updateTable('units')
      .set((eb) => ({ valid_to: date, successor_id: to, version: eb('version', '+', 1) }))
      .where('id', '=', from)
      .execute();
    await appendAudit(trx, actor, {
      action: 'organisation.unit_merged',
      target: { type: 'unit', id: from },
      details: { code, into, date },
    });
  });
}

export async function createAgency(db: Kdb, actor: AuditActor, input: z.infer<typeof ZAgencyInput>) {
  input.codes.forEach(checkCode);
  return duplicateOnRace(insertAgency(db, actor, input), {
    vi: `Cơ quan ${input.shortName}`,
    en: `Agency ${input.shortName}`,
  });
}

async function insertAgency(db: Kdb, actor: AuditActor, input: z.infer<typeof ZAgencyInput>) {
  return db.transaction().execute(async (trx) => {
    const unit = await unitId(trx, input.unitCode);
    const dup = await trx
      .selectFrom('agencies')
      .select('id')
      .where(sql<string>`upper(short_name)`, '=', input.shortName)
      .where('valid_to', 'is', null)
      .executeTakeFirst();
    if (dup)
      throw new AppError('DUPLICATE', {
        what: { vi: `Cơ quan ${input.shortName}`, en: `Agency ${input.shortName}` },
      });
    const { id } = await trx
      .insertInto('agencies')
      .values({
        short_name: input.shortName,
        name: input.name,
        type: input.type,
        unit_id: unit,
        parent_agency_id: null,
        address: input.address,
        email: input.email,
        hotline: input.hotline,
        valid_to: null,
        successor_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const c of input.codes) await issueCode(trx, id, c, actor.at);
    await trx
      .insertInto('departments')
      .values({ agency_id: id, name: 'Bộ phận Một cửa', kind: 'one_stop_desk' })
      .execute();
    await appendAudit(trx, actor, {
      action: 'organisation.agency_created',
      target: { type: 'agency', id },
      details: { shortName: input.shortName },
    });
    return id;
  });
}

async function issueCode(trx: Kdb, agencyId: string, c: z.infer<typeof ZCodeInput>, now: Date) {
  const from = c.validFrom ?? today(now);
  const taken = await trx
    .selectFrom('agency_codes')
    .select('agency_id')
    .where('code', '=', c.code)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
  if (taken)
    throw new AppError('DUPLICATE', {
      what: { vi: `Mã định danh ${c.code}`, en: `Identifier code ${c.code}` },
    });
  const previous = await trx
    .selectFrom('agency_codes')
    .select(['code', 'valid_from'])
    .where('agency_id', '=', agencyId)
    .where('format', '=', c.format)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
  if (previous && previous.valid_from >= from)
    throw badRequest(
      `mã mới phải có hiệu lực sau ngày ${previous.valid_from} của mã ${previous.code}`,
      `the new code must start after ${previous.valid_from}, when ${previous.code} began`,
    );
  await trx
    .updateTable('agency_codes')
    .set({ valid_to: from })
    .where('agency_id', '=', agencyId)
    .where('format', '=', c.format)
    .where('valid_to', 'is', null)
    .execute();
  await trx
    .insertInto('agency_codes')
    .values({ agency_id: agencyId, code: c.code, format: c.format, valid_from: from, valid_to: null })
    .execute();
}

/** Re-issues an identifier code (e.g. after a merger): the previous code of that format ends on `validFrom`. */
export async function reissueCode(
  db: Kdb,
  actor: AuditActor,
  agencyId: string,
  c: z.infer<typeof ZCodeInput>,
) {
  checkCode(c);
  await getAgency(db, agencyId);
  const work = db.transaction().execute(async (trx) => {
    const agency = await trx
      .selectFrom('agencies')
      .select(['short_name', 'valid_to'])
      .where('id', '=', agencyId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (agency.valid_to)
      throw badRequest(
        `cơ quan ${agency.short_name} đã ngừng hoạt động từ ${agency.valid_to}`,
        `agency ${agency.short_name} ended on ${agency.valid_to}`,
      );
    await issueCode(trx, agencyId, c, actor.at);
    await trx
      .updateTable('agencies')
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('id', '=', agencyId)
      .execute();
    await appendAudit(trx, actor, {
      action: 'organisation.code_issued',
      target: { type: 'agency', id: agencyId },
      details: { ...c },
    });
  });
  await duplicateOnRace(work, { vi: `Mã định danh ${c.code}`, en: `Identifier code ${c.code}` });
}
