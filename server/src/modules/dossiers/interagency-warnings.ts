// Late partners of inter-agency dossiers (issue 14): past its budget, a partner's part is flagged once — a system
// event `interagency_overdue` on the dossier naming the late agency (so reports attribute the delay) and an e-mail
// to the lead (the holding department's specialists and approvers) and the receiving desk. Run by the processing
// warnings job. The partner's own notice of a new part is here too.
import type { Transaction } from 'kysely';
import type { Db } from '../../db/client';
import type { Database } from '../../db/schema';
import { registerTemplates, type MessageTemplate } from '../notifications';
import { flagOnDossier, flagOverdueRequests, mailEach, REQUEST_RUNNING, staffOf } from './agency-request';
import { vnDateTime } from './dossier-notify';
import { findDossier, type DossierRow } from './dossiers.repo';
import { overdueTasks, updateTask, type InteragencyRow } from './interagency.repo';

export const INTERAGENCY_TEMPLATES: Record<'interagency.overdue' | 'interagency.requested', MessageTemplate> =
  {
    'interagency.requested': {
      vi: {
        subject: 'Hồ sơ liên thông {code}: phần việc của {agency}, hạn {due}',
        text: '{lead} chủ trì giải quyết hồ sơ {code} (“{procedure}”). Phần việc của {agency}: {task}. Hạn hoàn thành: {due}. Vui lòng xử lý trong mục “Hồ sơ liên thông”.',
      },
      en: {
        subject: 'Inter-agency dossier {code}: the part of {agency}, due {due}',
        text: '{lead} leads dossier {code} (“{procedure}”). The part of {agency}: {task}. Due {due}, in “Inter-agency dossiers”.',
      },
    },
    'interagency.overdue': {
      vi: {
        subject: 'Hồ sơ liên thông {code}: {agency} quá hạn',
        text: 'Hồ sơ {code} (“{procedure}”): {agency} chưa hoàn thành phần việc liên thông, đã quá hạn {due}. Đề nghị đôn đốc; việc chậm được ghi nhận cho {agency}.',
      },
      en: {
        subject: 'Inter-agency dossier {code}: {agency} is late',
        text: 'Dossier {code} (“{procedure}”): {agency} has not finished its part, due {due}. Please follow it up; the delay is recorded against {agency}.',
      },
    },
  };
registerTemplates(INTERAGENCY_TEMPLATES);

/** The lead (specialists and approvers of the holding department) and the receiving desk's reception officers. */
async function leadAndDesk(trx: Transaction<Database>, d: DossierRow) {
  return trx
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.email'])
    .distinct()
    .where('u.kind', '=', 'staff')
    .where('u.status', '=', 'active')
    .where((w) =>
      w.or([
        w.and([
          w('u.agency_id', '=', d.holding_agency_id ?? d.authority_agency_id),
          w('r.role', 'in', ['specialist', 'approver']),
          ...(d.holding_department_id ? [w('u.department_id', '=', d.holding_department_id)] : []),
        ]),
        w.and([w('u.agency_id', '=', d.receiving_agency_id), w('r.role', '=', 'reception_officer')]),
      ]),
    )
    .orderBy('u.id')
    .execute();
}

/** A partner's turn begins: its specialists and approvers are told, in the transaction that opens it. */
export async function notifyPartner(trx: Transaction<Database>, t: InteragencyRow, d: DossierRow, now: Date) {
  const people = await staffOf(trx, t.agency_id, ['specialist', 'approver']);
  await mailEach(
    trx,
    people,
    'interagency.requested',
    {
      code: d.code ?? '',
      procedure: d.procedure_name,
      lead: t.lead_agency_name,
      agency: t.agency_name,
      task: t.task.vi,
      due: t.due_at ? vnDateTime(t.due_at) : '',
    },
    now,
  );
}

async function flag(trx: Transaction<Database>, t: InteragencyRow, now: Date): Promise<boolean> {
  const d = await findDossier(trx, t.dossier_id);
  if (d && REQUEST_RUNNING.has(d.status)) {
    const data = {
      taskId: t.id,
      agencyId: t.agency_id,
      agency: t.agency_name,
      dueAt: t.due_at!.toISOString(),
    };
    const audit = { taskId: t.id, agencyId: t.agency_id };
    if (!(await flagOnDossier(trx, d, 'interagency_overdue', data, audit, now))) return false;
    const params = {
      code: d.code ?? '',
      procedure: d.procedure_name,
      agency: t.agency_name,
      due: vnDateTime(t.due_at!),
    };
    await mailEach(trx, await leadAndDesk(trx, d), 'interagency.overdue', params, now);
  }
  await updateTask(trx, t.id, { overdue_warned_at: now });
  return true;
}

/** One pass: every open part past due and not yet flagged. Returns how many were flagged. */
export function flagOverdueInteragency(db: Db, now: Date): Promise<number> {
  return flagOverdueRequests(db, now, overdueTasks, flag);
}
