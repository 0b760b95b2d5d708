/**
 * Editing and retiring administrative units. A unit is never deleted: retiring ends it on a date, and its history,
 * agencies and dossiers stay attached, so reports of old periods still show the old structure.
 */

import type { TUnitUpdate, UNIT_LEVELS } from '@motcua/contracts';

import { AppError } from '../../http/errors';
import { appendAudit, type AuditActor } from '../audit';
import { badRequest } from './organisation.errors';
import type { Kdb } from '../../db/client';

type Level = (typeof UNIT_LEVELS)[number];
const RANK: Record<Level, number> = { province: 0, district: 1, commune: 2 };
const LEVEL_VI: Record<Level, string> = { province: 'tỉnh', district: 'huyện', commune: 'xã' };
export const UNIT_WHAT = { vi: 'đơn vị hành chính', en: 'Administrative unit' };

/** The unit carrying `code`: the one in force, else the one that ended last (codes are reused only after an end). */
async function lockUnit(trx: Kdb, code: string, expectedVersion: number) {
  const row = await trx
    .selectFrom('units')
    .selectAll()
    .where('code', '=', code)
    .orderBy((eb) => eb.case().when('valid_to', 'is', null).then(0).else(1).end())
    .orderBy('valid_to', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { what: UNIT_WHAT });
  if (row.version !== expectedVersion) throw new AppError('CONFLICT');
  return row;
}

async function currentUnit(trx: Kdb, code: string) {
  const u = await trx
    .selectFrom('units')
    .select(['id', 'code', 'level'])
    .where('code', '=', code)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
  if (!u)
    throw new AppError('NOT_FOUND', {
      what: { vi: `đơn vị hành chính ${code}`, en: `Administrative unit ${code}` },
    });
  return u;
}

/** A province has no parent; a district hangs under a province; a commune under a province or a district. */
export async function checkParent(trx: Kdb, level: Level, parentCode: string | null, selfCode?: string) {
  if (level === 'province') {
    if (parentCode)
      throw badRequest('đơn vị cấp tỉnh không có đơn vị cấp trên', 'a province has no parent unit');
    return null;
  }
  if (!parentCode)
    throw badRequest(
      `đơn vị cấp ${LEVEL_VI[level]} cần có đơn vị cấp trên`,
      `a ${level} needs a parent unit`,
    );
  if (parentCode === selfCode)
    throw badRequest('đơn vị không thể là cấp trên của chính nó', 'a unit cannot be its own parent');
  const parent = await currentUnit(trx, parentCode);
  if (RANK[parent.level] >= RANK[level])
    throw badRequest(
      `đơn vị cấp ${LEVEL_VI[level]} không thể trực thuộc đơn vị cấp ${LEVEL_VI[parent.level]} ${parentCode}`,
      `a ${level} cannot belong to the ${parent.level} ${parentCode}`,
    );
  return parent.id;
}

export async function updateUnit(db: Kdb, actor: AuditActor, code: string, input: TUnitUpdate) {
  await db.transaction().execute(async (trx) => {
    const row = await lockUnit(trx, code, input.expectedVersion);
    const level = input.level ?? row.level;
    let parentId = row.parent_id;
    if (input.parentCode !== undefined || input.level !== undefined) {
      const parentCode =
        input.parentCode !== undefined
          ? input.parentCode
          : row.parent_id
            ? ((
                await trx
                  .selectFrom('units')
                  .select('code')
                  .where('id', '=', row.parent_id)
                  .executeTakeFirst()
              )?.code ?? null)
            : null;
      parentId = await checkParent(trx, level, parentCode, code);
    }
    if (level !== row.level) {
      const children = await trx
        .selectFrom('units')
        .select(['code', 'level'])
        .where('parent_id', '=', row.id)
        .where('valid_to', 'is', null)
        .execute();
      const clash = children.filter((c) => RANK[c.level] <= RANK[level]).map((c) => c.code);
      if (clash.length)
        throw badRequest(
          `không thể đổi cấp: các đơn vị trực thuộc ${clash.join(', ')} không còn thấp hơn cấp ${LEVEL_VI[level]}`,
          `cannot change the level: the child units ${clash.join(', ')} would not be below a ${level}`,
        );
    }
    const validFrom = input.validFrom ?? row.valid_from;
    if (row.valid_to && validFrom >= row.valid_to)
      throw badRequest(
        `ngày bắt đầu hiệu lực phải trước ngày kết thúc ${row.valid_to}`,
        `the start date must be before the end date ${row.valid_to}`,
      );
    const changes = {
      name: input.name ?? row.name,
      level,
      parent_id: parentId,
      valid_from: validFrom,
    };
    await trx
      .updateTable('units')
      .set({ ...changes, version: row.version + 1 })
      .where('id', '=', row.id)
      .execute();
    await appendAudit(trx, actor, {
      action: 'organisation.unit_updated',
      target: { type: 'unit', id: row.id },
      details: {
        code,
        before: { name: row.name, level: row.level, parent_id: row.parent_id, valid_from: row.valid_from },
        after: changes,
      },
    });
  });
}

/** Ends a unit on `date` without a successor. Units still under it must be retired or moved first. */
export async function retireUnit(
  db: Kdb,
  actor: AuditActor,
  code: string,
  input: { date: string; expectedVersion: number },
) {
  await db.transaction().execute(async (trx) => {
    const row = await lockUnit(trx, code, input.expectedVersion);
    if (row.valid_to)
      throw badRequest(
        `đơn vị ${code} đã hết hiệu lực từ ${row.valid_to}`,
        `unit ${code} already ended on ${row.valid_to}`,
      );
    if (input.date <= row.valid_from)
      throw badRequest(
        `ngày kết thúc phải sau ngày bắt đầu hiệu lực ${row.valid_from}`,
        `the end date must be after the start date ${row.valid_from}`,
      );
    const children = await trx
      .selectFrom('units')
      .select('code')
      .where('parent_id', '=', row.id)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', input.date)]))
      .orderBy('code')
      .execute();
    if (children.length) {
      const list = children.map((c) => c.code).join(', ');
      throw badRequest(
        `còn đơn vị trực thuộc đang hiệu lực sau ngày ${input.date}: ${list}`,
        `units under it are still in force after ${input.date}: ${list}`,
      );
    }
    await trx
      .updateTable('units')
      .set({ valid_to: input.date, version: row.version + 1 })
      .where('id', '=', row.id)
      .execute();
    await appendAudit(trx, actor, {
      action: 'organisation.unit_retired',
      target: { type: 'unit', id: row.id },
      details: { code, date: input.date },
    });
  });
}
