import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { Worker, type JobRegistry } from '../../jobs/queue';
import { actor, asActor, createDemoDb, createTestApp, type TestApp } from '../../test/harness';
import { COLLECT_JOB, collectJob, PORTAL_SEND_JOB, portalSendJob } from './portal-outbox';
import { WEBHOOK_JOB, webhookDeliverJob } from './webhooks';

export const sysAdmin = asActor(actor({ kind: 'staff', roles: ['system_admin'], name: 'Quản trị hệ thống' }));

/** The demo office listening on a real port: the app and its simulators address each other by the public URL. */
export async function listeningDemoApp(): Promise<TestApp & { base: string }> {
  const t = await createTestApp({}, await createDemoDb());
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  t.deps.config.publicUrl = base;
  return { ...t, base };
}

/** A worker that runs only this module's jobs (any other job type found due is left dead: not ours to run). */
export function integrationWorker(t: TestApp): Worker {
  const registry: JobRegistry = {
    [COLLECT_JOB]: async () => {},
    [PORTAL_SEND_JOB]: portalSendJob,
    [WEBHOOK_JOB]: webhookDeliverJob,
  };
  void collectJob;
  return new Worker(t.db, registry, {
    pollMs: 10,
    concurrency: 4,
    log: pino({ level: 'silent' }),
    clock: t.clock,
  });
}

export async function simControl(base: string, body: Record<string, unknown>, path = '/portal-sim/control') {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`simulator control ${res.status}`);
  return res.json() as Promise<Record<string, unknown>>;
}
