// The automatic postal pickup (issue 15, 001 Đ28): when a dossier whose applicant chose the post has its result ready
// (and a fee due with the result is paid), a job is queued in the same transaction, and the job books the pickup
// with the postal service. Queued, not called inline, so a postal service that is down loses nothing: the job is
// retried with backoff, and booking twice is impossible (the job skips a dossier already booked).
import type { Config } from '../../config';
import { loadConfig } from '../../config';
import { enqueue, type JobHandler } from '../../jobs/queue';
import type { ReturnReadyListener } from '../dossiers';
import { httpPostalService } from './postal-service';
import { autoPickup } from './postal.service';

export const POSTAL_PICKUP_JOB = 'postal.pickup';

// The worker does not see the app's configuration object: the module's setup hands it over (as integration does).
let configOf: (() => Config) | undefined;
export function usePostalConfig(c: () => Config): void {
  configOf = c;
}

/** Queues the pickup of a postal-return dossier whose result is ready, inside the causing transaction. */
export const queuePickup: ReturnReadyListener = async (trx, dossierId, now) => {
  const d = await trx
    .selectFrom('dossiers')
    .select(['status', 'result_channel'])
    .where('id', '=', dossierId)
    .executeTakeFirst();
  if (d?.status !== 'result_ready' || d.result_channel !== 'post') return;
  // No dedupe key: each cause queues its own run, and a run finding the dossier booked (or not yet due) does nothing.
  await enqueue(trx, POSTAL_PICKUP_JOB, { dossierId }, { runAt: now });
};

export const postalPickupJob: JobHandler = async (payload, ctx) => {
  const config = configOf ? configOf() : loadConfig();
  const id = await autoPickup(
    ctx.db.kysely,
    config,
    String(payload.dossierId),
    ctx.now,
    httpPostalService(config),
  );
  ctx.log.info(
    { dossierId: payload.dossierId, shipmentId: id },
    id ? 'postal pickup booked' : 'no pickup due',
  );
};
