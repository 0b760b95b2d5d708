// Cross-level processing (liên thông không cùng cấp, issue 14; 003 Đ13.7): the commune desk that received a dossier
// forwards it to the competent agency of the province; that agency processes it with its own steps, the appointment
// given at receipt is carried unchanged, and the result returns to the receiving commune desk (result_agency_id
// stays). Levels are province and commune (two-level local government from 1/7/2025); a legacy district agency may
// forward the same way. One event through the action pipeline; the dossier keeps its code, status and deadline.
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { ZLevelForwardRequest, type TLevelForwardTargets } from '@motcua/contracts';
import type { Kdb } from '../../db/client';
import type { Database } from '../../db/schema';
import type { Actor } from '../../http/auth';
import { AppError } from '../../http/errors';
import { applyDossierAction } from './dossier-action';
import type { IntakeCtx } from './dossier-context';
import { findAgency } from '../organisation';
import { calendarForAgency } from './ports';
import { enterStep, stepOfKind, nextStep } from './processing-steps';
import { authorize } from './dossiers.policy';
import { findDossier } from './dossiers.repo';

type Trx = Transaction<Database>;
const bad = (vi: string, en: string) => new AppError('BAD_REQUEST', { details: { vi, en } });

async function levelOf(trx: Kdb, agencyId: string) {
  return trx
    .selectFrom('agencies')
    .innerJoin('units', 'units.id', 'agencies.unit_id')
    .select(['units.level', 'units.province_code', 'agencies.valid_to', 'agencies.name'])
    .where('agencies.id', '=', agencyId)
    .executeTakeFirst();
}

/** POST /api/processing/dossiers/{id}/forward-level — the receiving (commune) desk, while it still holds the decision. */
export async function forwardToUpperLevel(
  trx: Trx,
  ctx: IntakeCtx,
  id: string,
  raw: z.input<typeof ZLevelForwardRequest>,
) {
  const input = ZLevelForwardRequest.parse(raw);
  return applyDossierAction(trx, ctx, id, 'level_forwarded', input.expectedVersion, async (d) => {
    const from = await levelOf(trx, d.receiving_agency_id);
    const to = await levelOf(trx, input.agencyId);
    if (!from || from.level === 'province') {
      throw bad(
        'chỉ Bộ phận Một cửa cấp xã chuyển hồ sơ lên cấp tỉnh',
        'only a commune desk forwards to the province',
      );
    }
    if (d.authority_agency_id !== d.receiving_agency_id) {
      throw bad(
        'hồ sơ đã được chuyển cơ quan có thẩm quyền khác',
        'the dossier is already with another agency',
      );
    }
    if (!to || to.level !== 'province' || to.valid_to !== null || to.province_code !== from.province_code) {
      throw bad(
        'cơ quan nhận phải là cơ quan có thẩm quyền cấp tỉnh của cùng tỉnh',
        'the agency must be a province-level agency of the same province',
      );
    }
    let departments = trx
      .selectFrom('departments')
      .select('id')
      .where('agency_id', '=', input.agencyId)
      .where('kind', '=', 'specialist')
      .where('active', '=', true);
    if (input.departmentId) departments = departments.where('id', '=', input.departmentId);
    const department = await departments.orderBy('name').executeTakeFirst();
    if (input.departmentId && !department) {
      throw bad('không có phòng chuyên môn này ở cơ quan nhận', 'no such department at that agency');
    }
    const w = d.workflow;
    const reception = w ? stepOfKind(w, 'reception') : null;
    const first = w && reception ? nextStep(w, reception.key) : null;
    const cal = await calendarForAgency(trx, input.agencyId);
    const target = (await findAgency(trx, input.agencyId))!;
    return {
      set: {
        authority_agency_id: input.agencyId,
        holding_agency_id: input.agencyId,
        holding_department_id: department?.id ?? null,
        ...(first ? enterStep(cal, first, ctx.now) : {}),
      },
      event: {
        data: {
          fromAgencyId: d.receiving_agency_id,
          fromAgency: from.name,
          toAgencyId: target.id,
          toAgency: target.name,
          departmentId: department?.id ?? null,
          appointmentAt: d.appointment_at?.toISOString() ?? null,
          note: input.note ?? null,
        },
      },
      audit: { action: 'dossier.level_forward', details: { to: target.id } },
    };
  });
}

/**
 * GET /api/processing/dossiers/{id}/forward-level — where the desk's forward form may send the dossier: the current
 * province agencies of the same province with their specialist departments, while the receiving commune desk still
 * holds the decision; otherwise none (the form is not shown). Anyone who may not see the dossier gets 404.
 */
export async function forwardTargets(q: Kdb, actor: Actor, id: string): Promise<TLevelForwardTargets> {
  const d = authorize(actor, 'view', await findDossier(q, id));
  const from = await levelOf(q, d.receiving_agency_id);
  const desk =
    actor.kind === 'staff' &&
    actor.roles.includes('reception_officer') &&
    actor.agencyId === d.receiving_agency_id;
  if (
    !desk ||
    !from ||
    from.level === 'province' ||
    d.status !== 'in_processing' ||
    d.authority_agency_id !== d.receiving_agency_id
  ) {
    return { items: [] };
  }
  const rows = await q
    .selectFrom('agencies')
    .innerJoin('units', 'units.id', 'agencies.unit_id')
    .innerJoin('departments', 'departments.agency_id', 'agencies.id')
    .select([
      'agencies.id',
      'agencies.name',
      'departments.id as department_id',
      'departments.name as department',
    ])
    .where('units.level', '=', 'province')
    .where('units.province_code', '=', from.province_code)
    .where('agencies.valid_to', 'is', null)
    .where('departments.kind', '=', 'specialist')
    .where('departments.active', '=', true)
    .orderBy('agencies.name')
    .orderBy('departments.name')
    .execute();
  const items: TLevelForwardTargets['items'] = [];
  for (const r of rows) {
    let a = items.at(-1);
    if (a?.id !== r.id) items.push((a = { id: r.id, name: r.name, departments: [] }));
    a.departments.push({ id: r.department_id, name: r.department });
  }
  return { items };
}
