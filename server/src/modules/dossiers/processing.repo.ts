import type { Kdb } from '../../db/client';

/** Results waiting at an agency's desk (002 Đ6.5.b): status result_ready, held by it, oldest first. */
export async function uncollectedAt(q: Kdb, agencyId: string, limit = 200) {
  return q
    .selectFrom('dossiers')
    .select([
      'id',
      'code',
      'procedure_name',
      'applicant',
      'result_channel',
      'step_entered_at',
      'appointment_at',
    ])
    .where('status', '=', 'result_ready')
    .where('holding_agency_id', '=', agencyId)
    .orderBy('step_entered_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}
