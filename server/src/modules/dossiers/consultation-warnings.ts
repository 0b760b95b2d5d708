// Overdue consultations (003 Đ13.5.b): past the deadline without an answer, the lead agency tells the head of the desk
// that received the dossier. Run by the processing warnings job: a system event `consultation_overdue` on the dossier
// (its timeline, the control slip, the workspace's warning) and an e-mail to the requester and the receiving desk.
// Once per request: `overdue_warned_at` is set in the same transaction as the event and the messages.
import type { Transaction } from 'kysely';
import type { Db } from '../../db/client';
import type { Database } from '../../db/schema';
import { registerTemplates, type MessageTemplate } from '../notifications';
import { flagOnDossier, flagOverdueRequests, mailEach, REQUEST_RUNNING, staffOf } from './agency-request';
import { vnDateTime } from './dossier-notify';
import { overdueConsultations, updateConsultation, type ConsultationRow } from './consultation.repo';
import { findDossier, type DossierRow } from './dossiers.repo';

export const CONSULTATION_TEMPLATES: Record<
  'consultation.overdue' | 'consultation.requested',
  MessageTemplate
> = {
  'consultation.requested': {
    vi: {
      subject: 'Đề nghị cho ý kiến về hồ sơ {code}, hạn {due}',
      text: '{from} đề nghị {agency} cho ý kiến về hồ sơ {code} (“{procedure}”): {content} Hạn trả lời: {due}. Vui lòng trả lời trong mục “Xin ý kiến cần trả lời”.',
    },
    en: {
      subject: 'Opinion requested on dossier {code}, due {due}',
      text: '{from} asks {agency} for an opinion on dossier {code} (“{procedure}”): {content} Answer by {due} in “Consultations to answer”.',
    },
  },
  'consultation.overdue': {
    vi: {
      subject: 'Hồ sơ {code}: quá hạn lấy ý kiến của {agency}',
      text: 'Hồ sơ {code} (“{procedure}”): {agency} chưa trả lời ý kiến, đã quá hạn {due}. Đề nghị phối hợp xử lý; người xử lý có thể kết thúc lấy ý kiến và ghi rõ việc không trả lời có được coi là đồng ý hay không.',
    },
    en: {
      subject: 'Dossier {code}: consultation of {agency} overdue',
      text: 'Dossier {code} (“{procedure}”): {agency} has not answered the consultation, due {due}. Please follow it up; the handler may close the consultation, recording whether the silence counts as agreement.',
    },
  },
};
registerTemplates(CONSULTATION_TEMPLATES);

/** The requester and the reception officers of the desk that received the dossier. */
async function recipients(trx: Transaction<Database>, c: ConsultationRow, d: DossierRow) {
  return trx
    .selectFrom('users as u')
    .leftJoin('user_roles as r', (j) =>
      j.onRef('r.user_id', '=', 'u.id').on('r.role', '=', 'reception_officer'),
    )
    .select(['u.id', 'u.email'])
    .distinct()
    .where('u.kind', '=', 'staff')
    .where('u.status', '=', 'active')
    .where((w) =>
      w.or([
        w('u.id', '=', c.requested_by),
        w.and([w('u.agency_id', '=', d.receiving_agency_id), w('r.role', 'is not', null)]),
      ]),
    )
    .orderBy('u.id')
    .execute();
}

async function flag(trx: Transaction<Database>, c: ConsultationRow, now: Date): Promise<boolean> {
  const d = await findDossier(trx, c.dossier_id);
  if (d && REQUEST_RUNNING.has(d.status)) {
    const data = {
      consultationId: c.id,
      agency: c.to_agency_name,
      department: c.to_department_name,
      dueAt: c.due_at.toISOString(),
    };
    if (!(await flagOnDossier(trx, d, 'consultation_overdue', data, { consultationId: c.id }, now)))
      return false;
    const unit = c.to_department_name ? `${c.to_department_name} – ${c.to_agency_name}` : c.to_agency_name;
    const params = {
      code: d.code ?? '',
      procedure: d.procedure_name,
      agency: unit,
      due: vnDateTime(c.due_at),
    };
    await mailEach(trx, await recipients(trx, c, d), 'consultation.overdue', params, now);
  }
  // A dossier no longer running (stopped, refused…) is not flagged, but the request is not scanned again either.
  await updateConsultation(trx, c.id, { overdue_warned_at: now });
  return true;
}

/**
 * The request lands with the consulted unit: an e-mail to the specialists and heads of the named department (or of
 * the agency when no department is named), in the transaction that records the request.
 */
export async function notifyConsulted(
  trx: Transaction<Database>,
  c: ConsultationRow,
  d: DossierRow,
  now: Date,
) {
  const people = await staffOf(trx, c.to_agency_id, ['specialist', 'approver'], c.to_department_id);
  const unit = c.to_department_name ? `${c.to_department_name} – ${c.to_agency_name}` : c.to_agency_name;
  const from = c.from_department_name
    ? `${c.from_department_name} – ${c.from_agency_name}`
    : c.from_agency_name;
  const params = {
    code: d.code ?? '',
    procedure: d.procedure_name,
    agency: unit,
    from,
    content: c.content,
    due: vnDateTime(c.due_at),
  };
  await mailEach(trx, people, 'consultation.requested', params, now);
}

/** One pass: every open consultation past due and not yet flagged. Returns how many were flagged. */
export function flagOverdueConsultations(db: Db, now: Date): Promise<number> {
  return flagOverdueRequests(db, now, overdueConsultations, flag);
}
