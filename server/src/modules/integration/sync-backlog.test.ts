import { describe, expect, it } from 'vitest';
import { createDemoDb, createTestApp } from '../../test/harness';
import { collectEvents } from './portal-outbox';

const TOKEN = 'metrics-token-for-tests-0123';

/** The sync backlog on /metrics: messages the national portal has not acknowledged, and the oldest one's age. */
describe('/metrics national-portal sync backlog', async () => {
  const t = await createTestApp({ metricsToken: TOKEN }, await createDemoDb());
  const db = t.db.kysely;
  const scrape = async () =>
    (await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } }))
      .body;
  const value = (body: string, name: string) => {
    const m = new RegExp(`^${name.replace(/[{}"]/g, '\\$&')} (\\S+)$`, 'm').exec(body);
    return m ? Number(m[1]) : undefined;
  };

  it('reads 0 with nothing queued, then counts pending and dead messages and ages the oldest', async () => {
    const empty = await scrape();
    expect(value(empty, 'motcua_portal_sync_backlog{status="pending"}')).toBe(0);
    expect(value(empty, 'motcua_portal_sync_backlog{status="dead"}')).toBe(0);
    expect(value(empty, 'motcua_portal_sync_oldest_seconds')).toBe(0);

    // The collector queues one message per dossier event; no worker sends them, so none is acknowledged.
    const queued = await collectEvents(t.db, t.clock.now());
    expect(queued).toBeGreaterThan(0);
    const one = await db.selectFrom('portal_messages').select('id').limit(2).execute();
    await db.updateTable('portal_messages').set({ status: 'dead' }).where('id', '=', one[0]!.id).execute();
    await db.updateTable('portal_messages').set({ status: 'sent' }).where('id', '=', one[1]!.id).execute();
    t.clock.advance(90_000);
    const body = await scrape();
    expect(value(body, 'motcua_portal_sync_backlog{status="pending"}')).toBe(queued - 2);
    expect(value(body, 'motcua_portal_sync_backlog{status="dead"}')).toBe(1);
    expect(value(body, 'motcua_portal_sync_oldest_seconds')).toBe(90);
  });
});
