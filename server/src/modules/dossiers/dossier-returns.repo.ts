import type { Kdb } from '../../db/client';

/**
 * Results ready and not yet returned that a desk holds (001 Đ28, 002 Đ6.5.b): by channel, and only those whose
 * appointment has passed when `appointmentBefore` is given (the uncollected list). For the postal module.
 */
export async function resultsWaiting(
  q: Kdb,
  opts: {
    agencyId?: string;
    channel?: 'counter' | 'post' | 'online';
    appointmentBefore?: Date;
    limit?: number;
  },
) {
  let query = q
    .selectFrom('dossiers')
    .select([
      'id',
      'code',
      'procedure_name',
      'applicant',
      'result_channel',
      'appointment_at',
      'step_entered_at',
    ])
    .where('status', '=', 'result_ready');
  if (opts.agencyId) query = query.where('holding_agency_id', '=', opts.agencyId);
  if (opts.channel) query = query.where('result_channel', '=', opts.channel);
  if (opts.appointmentBefore) query = query.where('appointment_at', '<', opts.appointmentBefore);
  return query
    .orderBy('appointment_at')
    .orderBy('id')
    .limit(opts.limit ?? 200)
    .execute();
}
