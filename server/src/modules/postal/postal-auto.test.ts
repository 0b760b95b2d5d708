import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { TDossierDetail, TShipment } from '@motcua/contracts';
import { Worker } from '../../jobs/queue';
import { POSTAL_PICKUP_JOB, postalPickupJob } from './auto-pickup';
import { postalFixture } from './postal.test-helpers';

// Literal dates, Việt Nam time: submitted Thursday 12/2/2026 09:00 (and the days after), result the same day.

describe('the postal pickup is booked automatically when the result is ready (issue 15, 001 Đ28)', async () => {
  const { f, desk, toResult } = await postalFixture(70);
  const worker = new Worker(
    f.db,
    { [POSTAL_PICKUP_JOB]: postalPickupJob },
    { pollMs: 10, concurrency: 2, log: pino({ level: 'silent' }), clock: f.clock },
  );

  const shipments = async (d: Pick<TDossierDetail, 'id'>) =>
    (await f.inject(f.citizenA, 'GET', `/api/dossiers/${d.id}/shipments`)).json<{ items: TShipment[] }>()
      .items;
  const pickupJobs = (d: Pick<TDossierDetail, 'id'>) =>
    f.db.kysely
      .selectFrom('jobs')
      .select(['id', 'finished_at', 'attempts', 'last_error'])
      .where('type', '=', POSTAL_PICKUP_JOB)
      .where(({ ref, eb }) => eb(ref('payload'), '@>', JSON.stringify({ dossierId: d.id }) as never))
      .execute();

  it('queues the pickup with the result, books it once when the job runs; the desk has nothing to click', async () => {
    const counter = await toResult('counter', '2026-02-12T09:00');
    expect(await pickupJobs(counter)).toEqual([]);

    const d = await toResult('post', '2026-02-12T10:00');
    expect(await pickupJobs(d)).toHaveLength(1);
    expect(await shipments(d)).toEqual([]);
    await worker.drain();
    const [s, ...more] = await shipments(d);
    expect(more).toEqual([]);
    expect(s).toMatchObject({ status: 'requested', integrated: true, postalFee: 32000 });
    expect(s!.trackingNo).toMatch(/^EB\d{9}VN$/);
    expect(s!.events.map((e) => e.status)).toEqual(['requested']);

    // Run again (a replayed job): nothing more is booked; the desk's button says it is already booked.
    await f.db.kysely
      .insertInto('jobs')
      .values({
        type: POSTAL_PICKUP_JOB,
        payload: JSON.stringify({ dossierId: d.id }),
        run_at: f.clock.now(),
        max_attempts: 8,
        dedupe_key: null,
        locked_at: null,
        locked_by: null,
        last_error: null,
        finished_at: null,
      })
      .execute();
    await worker.drain();
    expect((await shipments(d)).map((x) => x.trackingNo)).toEqual([s!.trackingNo]);
    const again = await f.inject(desk, 'POST', `/api/postal/dossiers/${d.id}/pickup`, {});
    expect(again.statusCode).toBe(409);
  });

  it('waits for a fee due with the result: booked only after the payment is recorded', async () => {
    const d = await toResult('post', '2026-02-13T09:00', 50000);
    await worker.drain();
    expect(await shipments(d)).toEqual([]);
    const paid = await f.inject(desk, 'POST', `/api/dossiers/${d.id}/payments`, {
      channel: 'desk',
      amount: 50000,
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(await pickupJobs(d)).toHaveLength(2);
    await worker.drain();
    const [s] = await shipments(d);
    expect(s).toMatchObject({ status: 'requested', integrated: true });
    expect(s!.trackingNo).toMatch(/^EB\d{9}VN$/);
  });

  it('a postal service that is down loses nothing: the job is retried and books when it is back', async () => {
    f.deps.config.postalService.url = 'http://127.0.0.1:9/unreachable';
    const d = await toResult('post', '2026-02-16T09:00');
    await worker.drain();
    const [failed] = await pickupJobs(d);
    expect(failed).toMatchObject({ finished_at: null, attempts: 1 });
    expect(failed!.last_error).toBeTruthy();
    expect((await shipments(d)).map((s) => s.trackingNo)).toEqual([null]);
    f.deps.config.postalService.url = undefined;
    f.clock.set(new Date(f.clock.now().getTime() + 60_000));
    await worker.drain();
    const [s] = await shipments(d);
    expect(s!.trackingNo).toMatch(/^EB\d{9}VN$/);
    expect((await pickupJobs(d))[0]!.finished_at).not.toBeNull();
  });
});
