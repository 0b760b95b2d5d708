import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { enqueue } from '../jobs/queue';
import { createDemoDb, createTestApp, TEST_NOW } from '../test/harness';

const TOKEN = 'metrics-token-for-tests-0123';

describe('/metrics business gauges', async () => {
  const t = await createTestApp({ metricsToken: TOKEN }, await createDemoDb());
  const scrape = async () =>
    (await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } }))
      .body;
  const value = (body: string, name: string) => {
    const m = new RegExp(`^${name.replace(/[{}"]/g, '\\$&')} (\\S+)$`, 'm').exec(body);
    return m ? Number(m[1]) : undefined;
  };

  it('shows dossiers by status and the overdue ones, as the database counts them', async () => {
    const body = await scrape();
    const { rows } = await sql<{ status: string; n: number }>`
      SELECT status, count(*)::int AS n FROM dossiers GROUP BY status`.execute(t.db.kysely);
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows) expect(value(body, `motcua_dossiers{status="${r.status}"}`)).toBe(r.n);
    const overdue = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM dossiers
      WHERE status IN ('received', 'in_processing') AND appointment_at < ${TEST_NOW}`.execute(t.db.kysely);
    expect(value(body, 'motcua_dossiers_overdue')).toBe(overdue.rows[0]!.n);
    expect(value(body, 'motcua_messages_pending')).toBeGreaterThanOrEqual(0);
  });

  it('keeps the counts for five seconds, then reads them again', async () => {
    await scrape();
    await enqueue(t.db.kysely, 'test.stalled', {}, { runAt: new Date(t.clock.now().getTime() - 60_000) });
    t.clock.advance(2_000);
    const cachedAge = value(await scrape(), 'motcua_jobs_oldest_due_seconds');
    t.clock.advance(4_000);
    const fresh = value(await scrape(), 'motcua_jobs_oldest_due_seconds')!;
    expect(fresh).toBeGreaterThanOrEqual(66);
    expect(cachedAge).not.toBe(fresh);
  });
});
