// The control slip of one dossier as a PDF (issue 12): its handoffs from the event log, graded by the step clock.
import type { Transaction } from 'kysely';
import { DOSSIER_STATUS_LABELS, type TDossierEventType } from '@motcua/contracts';
import type { Config } from '../../config';
import type { Database } from '../../db/schema';
import type { Actor } from '../../http/auth';
import { AppError } from '../../http/errors';
import { addWorkingMinutes } from '../calendar';
import { budgetMinutes } from '../catalogue';
import { renderForm } from '../documents';
import { handoffsOf } from './control-slip';
import { applicantOf, formSetFor, issuerOf } from './dossier-forms';
import { DOSSIER_WHAT } from './dossiers.policy';
import { findDossier, type DossierRow } from './dossiers.repo';
import { calendarForAgency } from './ports';
import { findDepartment } from '../organisation';

type Trx = Transaction<Database>;

/** Office staff of an agency the dossier passed through (received, decided, held); anyone else: 404. */
function mayReadSlip(actor: Actor, d: DossierRow): boolean {
  if (actor.kind !== 'staff' || !actor.agencyId) return false;
  return [d.receiving_agency_id, d.authority_agency_id, d.holding_agency_id, d.result_agency_id].includes(
    actor.agencyId,
  );
}

async function unitNames(trx: Trx, d: DossierRow, departmentId: string | null) {
  const [authority, desk, department] = await Promise.all([
    issuerOf(trx, d.authority_agency_id),
    issuerOf(trx, d.receiving_agency_id),
    departmentId ? findDepartment(trx, departmentId) : undefined,
  ]);
  return {
    authority,
    desk: desk.desk,
    department: department?.name ?? authority.agency,
    leadership: `Lãnh đạo ${authority.agency}`,
  };
}

export async function controlSlipPdf(
  trx: Trx,
  actor: Actor,
  config: Config,
  id: string,
  now: Date,
): Promise<{ pdf: Buffer; code: string }> {
  const d = await findDossier(trx, id);
  if (!d || !mayReadSlip(actor, d)) throw new AppError('NOT_FOUND', { what: DOSSIER_WHAT });
  if (!d.received_at || !d.workflow || !d.code) {
    throw new AppError('DOSSIER_STATE', {
      status: DOSSIER_STATUS_LABELS[d.status],
      action: {
        vi: 'in phiếu kiểm soát (hồ sơ chưa được tiếp nhận)',
        en: 'given a control slip (not received)',
      },
    });
  }
  const events = await trx
    .selectFrom('dossier_events')
    .select(['type', 'at', 'actor_name', 'reason', 'data'])
    .where('dossier_id', '=', id)
    .orderBy('seq')
    .execute();
  const handedOver = events.find((e) => e.type === 'handed_over')?.data as
    { departmentId?: string } | undefined;
  const names = await unitNames(trx, d, handedOver?.departmentId ?? d.holding_department_id);
  const cal = await calendarForAgency(trx, d.authority_agency_id);
  const rows = handoffsOf(
    events.map((e) => ({
      type: e.type as TDossierEventType,
      at: e.at,
      actorName: e.actor_name,
      reason: e.reason,
      data: (e.data ?? {}) as Record<string, unknown>,
    })),
    {
      workflow: d.workflow,
      applicant: applicantOf(d).name,
      appointmentAt: d.appointment_at,
      dueOf: (step, at) => addWorkingMinutes(cal, at, budgetMinutes(step.budget, cal.workingDayMinutes)),
      unitOf: (step) =>
        step.holder === 'desk'
          ? names.desk
          : step.holder === 'department'
            ? names.department
            : names.leadership,
    },
  );
  const pdf = await renderForm(
    'process_control',
    {
      issuer: names.authority,
      dossierCode: d.code,
      applicant: applicantOf(d),
      procedureName: d.procedure_name,
      receivedAt: d.received_at,
      appointmentAt: d.appointment_at,
      rows: rows.map((r) => ({ giver: r.from, receiver: r.to, at: r.at, result: r.result, grade: r.grade })),
      issuedAt: now,
    },
    { set: formSetFor(config, d.received_at).id },
  );
  return { pdf, code: d.code };
}
