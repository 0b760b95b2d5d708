/**
 * Editing agencies: names, type, unit, public contact data, departments (the one-stop desk and specialist
 * departments), the desk's staff list (003 Đ10.1.g) and retirement. Nothing is deleted that anything else refers to:
 * departments are retired (inactive), a retired agency keeps its rows, codes and dossiers. Every change is one
 * transaction that locks the agency row, checks the version the editor saw, bumps it and appends the audit entry.
 */
import { sql, type Transaction } from 'kysely';
import type { TAgencyUpdate, TDeskStaff } from '@motcua/contracts';
import type { Database } from '../../db/schema';
import type { Actor } from '../../http/auth';
import { AppError } from '../../http/errors';
import { appendAudit, type AuditActor } from '../audit';
import { agencyChangeOf, canEditAgency, type AgencyChange } from './organisation.policy';
import { badRequest, duplicateOnRace } from './organisation.errors';
import type { Kdb } from '../../db/client';

type Trx = Transaction<Database>;
const AGENCY = { vi: 'cơ quan', en: 'Agency' };
const DEPARTMENT = { vi: 'phòng chuyên môn của cơ quan', en: 'Specialist division' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Edit = { actor: Actor | null; audit: AuditActor };

/** Locks the agency, checks who may make this change and that the editor saw the latest version. */
async function lockAgency(
  trx: Trx,
  who: Edit,
  id: string,
  change: AgencyChange,
  expectedVersion: number | undefined,
) {
  if (!UUID.test(id)) throw new AppError('NOT_FOUND', { what: AGENCY });
  const row = await trx
    .selectFrom('agencies')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { what: AGENCY });
  if (!canEditAgency(who.actor, id, change)) throw new AppError('FORBIDDEN');
  if (expectedVersion !== undefined && row.version !== expectedVersion) throw new AppError('CONFLICT');
  if (row.valid_to)
    throw badRequest(
      `cơ quan ${row.short_name} đã ngừng hoạt động từ ${row.valid_to}`,
      `agency ${row.short_name} ended on ${row.valid_to}`,
    );
  return row;
}

async function bump(trx: Trx, id: string) {
  await trx
    .updateTable('agencies')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function updateAgency(db: Kdb, who: Edit, id: string, input: TAgencyUpdate) {
  const touched = Object.keys(input).filter((k) => input[k as keyof TAgencyUpdate] !== undefined);
  await duplicateOnRace(update(db, who, id, input, touched), {
    vi: `Cơ quan ${input.shortName ?? ''}`.trim(),
    en: `Agency ${input.shortName ?? ''}`.trim(),
  });
}

async function update(db: Kdb, who: Edit, id: string, input: TAgencyUpdate, touched: string[]) {
  await db.transaction().execute(async (trx) => {
    const row = await lockAgency(trx, who, id, agencyChangeOf(touched), input.expectedVersion);
    let unitId = row.unit_id;
    if (input.unitCode) {
      const unit = await trx
        .selectFrom('units')
        .select('id')
        .where('code', '=', input.unitCode)
        .where('valid_to', 'is', null)
        .executeTakeFirst();
      if (!unit)
        throw new AppError('NOT_FOUND', {
          what: { vi: `đơn vị hành chính ${input.unitCode}`, en: `Administrative unit ${input.unitCode}` },
        });
      unitId = unit.id;
    }
    if (input.shortName && input.shortName !== row.short_name) {
      const dup = await trx
        .selectFrom('agencies')
        .select('id')
        .where(sql<string>`upper(short_name)`, '=', input.shortName)
        .where('valid_to', 'is', null)
        .where('id', '!=', id)
        .executeTakeFirst();
      if (dup)
        throw new AppError('DUPLICATE', {
          what: { vi: `Cơ quan ${input.shortName}`, en: `Agency ${input.shortName}` },
        });
    }
    const after = {
      short_name: input.shortName ?? row.short_name,
      name: input.name ?? row.name,
      type: input.type ?? row.type,
      unit_id: unitId,
      address: input.address !== undefined ? input.address || null : row.address,
      email: input.email !== undefined ? input.email || null : row.email,
      hotline: input.hotline !== undefined ? input.hotline || null : row.hotline,
    };
    const before = Object.fromEntries(Object.keys(after).map((k) => [k, row[k as keyof typeof after]]));
    await trx
      .updateTable('agencies')
      .set({ ...after, version: row.version + 1 })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, who.audit, {
      action: 'organisation.agency_updated',
      target: { type: 'agency', id },
      details: { before, after },
    });
  });
}

/**
 * Ends an agency on `date`, optionally naming its successor. Its current identifier codes end the same day so that
 * they can be re-issued (e.g. to the successor after a merger); departments, staff list and dossiers stay attached.
 */
export async function retireAgency(
  db: Kdb,
  who: Edit,
  id: string,
  input: { date: string; expectedVersion: number; successorId: string | null },
) {
  await db.transaction().execute(async (trx) => {
    const row = await lockAgency(trx, who, id, 'structure', input.expectedVersion);
    if (input.date <= row.valid_from)
      throw badRequest(
        `ngày ngừng hoạt động phải sau ngày bắt đầu ${row.valid_from}`,
        `the end date must be after the start date ${row.valid_from}`,
      );
    if (input.successorId) {
      const s = await trx
        .selectFrom('agencies')
        .select(['id', 'valid_to'])
        .where('id', '=', input.successorId)
        .executeTakeFirst();
      if (!s || s.valid_to || s.id === id)
        throw badRequest(
          'cơ quan kế thừa phải là một cơ quan khác đang hoạt động',
          'the successor must be another agency in operation',
        );
    }
    const late = await trx
      .selectFrom('agency_codes')
      .select('code')
      .where('agency_id', '=', id)
      .where('valid_to', 'is', null)
      .where('valid_from', '>=', input.date)
      .execute();
    if (late.length)
      throw badRequest(
        `mã định danh ${late.map((c) => c.code).join(', ')} bắt đầu hiệu lực không sớm hơn ngày ${input.date}`,
        `identifier code ${late.map((c) => c.code).join(', ')} starts on or after ${input.date}`,
      );
    await trx
      .updateTable('agency_codes')
      .set({ valid_to: input.date })
      .where('agency_id', '=', id)
      .where('valid_to', 'is', null)
      .execute();
    await trx
      .updateTable('agencies')
      .set({ valid_to: input.date, successor_id: input.successorId, version: row.version + 1 })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, who.audit, {
      action: 'organisation.agency_retired',
      target: { type: 'agency', id },
      details: { date: input.date, successorId: input.successorId },
    });
  });
}

async function checkDepartmentName(trx: Trx, agencyId: string, name: string, except?: string) {
  let qb = trx
    .selectFrom('departments')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('active', '=', true)
    .where(sql<string>`vn_fold(name)`, '=', sql<string>`vn_fold(${name})`);
  if (except) qb = qb.where('id', '!=', except);
  if (await qb.executeTakeFirst())
    throw new AppError('DUPLICATE', {
      what: { vi: `Phòng chuyên môn “${name}”`, en: `Specialist division “${name}”` },
    });
}

export async function addDepartment(
  db: Kdb,
  who: Edit,
  agencyId: string,
  input: { name: string; expectedVersion?: number },
) {
  await db.transaction().execute(async (trx) => {
    await lockAgency(trx, who, agencyId, 'contact', input.expectedVersion);
    await checkDepartmentName(trx, agencyId, input.name);
    const { id } = await trx
      .insertInto('departments')
      .values({ agency_id: agencyId, name: input.name, kind: 'specialist' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await bump(trx, agencyId);
    await appendAudit(trx, who.audit, {
      action: 'organisation.department_added',
      target: { type: 'agency', id: agencyId },
      details: { departmentId: id, name: input.name },
    });
  });
}

/** Renames a department or retires it (inactive: staff accounts and dossiers that refer to it keep the row). */
export async function updateDepartment(
  db: Kdb,
  who: Edit,
  agencyId: string,
  departmentId: string,
  input: { name?: string; active?: false; expectedVersion?: number },
) {
  await db.transaction().execute(async (trx) => {
    await lockAgency(trx, who, agencyId, 'contact', input.expectedVersion);
    const dept = UUID.test(departmentId)
      ? await trx
          .selectFrom('departments')
          .selectAll()
          .where('id', '=', departmentId)
          .where('agency_id', '=', agencyId)
          .where('active', '=', true)
          .executeTakeFirst()
      : undefined;
    if (!dept) throw new AppError('NOT_FOUND', { what: DEPARTMENT });
    if (input.active === false && dept.kind === 'one_stop_desk')
      throw badRequest(
        'không thể bỏ Bộ phận Một cửa của cơ quan; chỉ có thể đổi tên',
        "an agency's one-stop desk cannot be retired, only renamed",
      );
    if (input.name) await checkDepartmentName(trx, agencyId, input.name, departmentId);
    await trx
      .updateTable('departments')
      .set({ name: input.name ?? dept.name, active: input.active ?? true })
      .where('id', '=', departmentId)
      .execute();
    await bump(trx, agencyId);
    await appendAudit(trx, who.audit, {
      action: input.active === false ? 'organisation.department_retired' : 'organisation.department_renamed',
      target: { type: 'agency', id: agencyId },
      details: { departmentId, before: dept.name, after: input.name ?? dept.name },
    });
  });
}

/** Replaces the desk's public staff list as a whole, in the order given. */
export async function replaceDeskStaff(
  db: Kdb,
  who: Edit,
  agencyId: string,
  input: { staff: TDeskStaff[]; expectedVersion: number },
) {
  await db.transaction().execute(async (trx) => {
    await lockAgency(trx, who, agencyId, 'contact', input.expectedVersion);
    const before = await trx
      .selectFrom('desk_staff_contacts')
      .select(['name', 'title', 'field', 'phone'])
      .where('agency_id', '=', agencyId)
      .orderBy('position')
      .execute();
    await trx.deleteFrom('desk_staff_contacts').where('agency_id', '=', agencyId).execute();
    if (input.staff.length)
      await trx
        .insertInto('desk_staff_contacts')
        .values(input.staff.map((s, position) => ({ agency_id: agencyId, ...s, position })))
        .execute();
    await bump(trx, agencyId);
    await appendAudit(trx, who.audit, {
      action: 'organisation.desk_staff_replaced',
      target: { type: 'agency', id: agencyId },
      details: { before, after: input.staff },
    });
  });
}
