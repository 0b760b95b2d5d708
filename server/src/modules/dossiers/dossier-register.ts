// The dossier register (Sổ theo dõi hồ sơ: Mẫu 06 of TT 01/2018, Mẫu 07 of TT 03/2025) of one desk and period: the
// period is checked here (pure), the rows read from the dossiers the desk received and their events.
import type { Transaction } from 'kysely';
import {
  DOSSIER_STATUS_LABELS,
  type TApplicant,
  type TDossierPlace,
  type TDossierStatus,
  vnInstant,
} from '@motcua/contracts';
import type { Database } from '../../db/schema';
import { AppError } from '../../http/errors';
import type { RegisterRow } from '../documents';

type Trx = Transaction<Database>;

export type RegisterPeriod = { from: string; to: string; start: Date; end: Date };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const bad = (vi: string, en: string) => new AppError('BAD_REQUEST', { details: { vi, en } });

/** A real calendar date `YYYY-MM-DD` (not 2026-02-30). */
function realDay(s: string): boolean {
  if (!DAY.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * The register's period, both days inclusive in Vietnam time: `start` is 00:00 of `from`, `end` 00:00 of the day
 * after `to`. At most one year (e.g. 01/01/2026–31/12/2026 or 15/3/2026–14/3/2027); else 400 in both languages.
 */
export function registerPeriod(from: string, to: string): RegisterPeriod {
  if (!realDay(from) || !realDay(to)) {
    throw bad('ngày phải có dạng YYYY-MM-DD và là ngày có thật', 'dates must be real days as YYYY-MM-DD');
  }
  if (from > to) throw bad('“từ ngày” phải trước hoặc bằng “đến ngày”', '“from” must not be after “to”');
  const limit = new Date(`${from}T00:00:00Z`);
  limit.setUTCFullYear(limit.getUTCFullYear() + 1);
  if (new Date(`${to}T00:00:00Z`) >= limit) {
    throw bad('kỳ theo dõi không quá 01 năm', 'the period must not exceed one year');
  }
  const start = vnInstant(from);
  const end = new Date(vnInstant(to).getTime() + 86_400_000);
  return { from, to, start, end };
}

const NOTE: Partial<Record<TDossierStatus, string>> = {
  refused: DOSSIER_STATUS_LABELS.refused.vi,
  stopped: DOSSIER_STATUS_LABELS.stopped.vi,
  processing_supplement: DOSSIER_STATUS_LABELS.processing_supplement.vi,
};

const PLACE_COLUMN = {
  received: 'd.receiving_agency_id',
  decided: 'd.authority_agency_id',
  returned: 'd.result_agency_id',
} as const;

/**
 * The dossiers received in the period, in register order (entry number, then receipt time), whose `place` is the
 * agency: received at its desk (the desk's own register, the default), decided by it, or returned at its desk.
 */
export async function registerRows(
  trx: Trx,
  agencyId: string,
  p: RegisterPeriod,
  place: TDossierPlace = 'received',
): Promise<RegisterRow[]> {
  const rows = await trx
    .selectFrom('dossiers as d')
    .innerJoin('agencies as a', 'a.id', 'd.authority_agency_id')
    .select([
      'd.id',
      'd.code',
      'd.procedure_name',
      'd.sets',
      'd.applicant',
      'd.status',
      'd.received_at',
      'd.appointment_at',
      'd.handover_at',
      'a.name as authority_name',
    ])
    .where(PLACE_COLUMN[place], '=', agencyId)
    .where('d.received_at', '>=', p.start)
    .where('d.received_at', '<', p.end)
    .orderBy('d.register_entry')
    .orderBy('d.received_at')
    .execute();
  if (rows.length === 0) return [];
  const events = await trx
    .selectFrom('dossier_events')
    .select(['dossier_id', 'type', 'at', 'data'])
    .where(
      'dossier_id',
      'in',
      rows.map((r) => r.id),
    )
    .where('type', 'in', ['supplement_requested', 'result_issued', 'result_returned', 'extended'])
    .orderBy('seq')
    .execute();
  return rows.map((r) => {
    const mine = events.filter((e) => e.dossier_id === r.id);
    const outcome = mine.find(
      (e) => e.type === 'result_issued' || (e.type === 'supplement_requested' && e.at > r.received_at!),
    );
    const returned = mine.find((e) => e.type === 'result_returned');
    const a = r.applicant as TApplicant;
    const notes = [NOTE[r.status], mine.some((e) => e.type === 'extended') ? 'Đã gia hạn' : undefined];
    return {
      code: r.code ?? '',
      procedureName: r.procedure_name,
      sets: r.sets,
      applicant: a.name,
      contact: [a.address, a.phone].filter(Boolean).join('; '),
      authority: r.authority_name,
      receivedAt: r.received_at!,
      appointmentAt: r.appointment_at,
      handedOverAt: r.handover_at,
      outcome: outcome
        ? { at: outcome.at, kind: outcome.type === 'result_issued' ? 'result' : 'supplement' }
        : null,
      returnedAt: returned?.at ?? null,
      note: notes.filter(Boolean).join('; '),
    };
  });
}
