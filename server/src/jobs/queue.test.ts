import { pino } from 'pino';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../test/harness';
import { backoffMs, enqueue, queueDepth, Worker, type JobRegistry } from './queue';

const log = pino({ level: 'silent' });

describe('job queue', async () => {
  const db = await createTestDb();
  const worker = (registry: JobRegistry, concurrency = 4) =>
    new Worker(db, registry, { pollMs: 10, concurrency, log });
  const jobsOf = (type: string) =>
    db.kysely.selectFrom('jobs').selectAll().where('type', '=', type).execute();

  it('runs a job enqueued in a committed transaction, and none from a rolled-back one', async () => {
    const seen: unknown[] = [];
    await db.kysely.transaction().execute((trx) => enqueue(trx, 't.commit', { n: 1 }));
    await db.kysely
      .transaction()
      .execute(async (trx) => {
        await enqueue(trx, 't.commit', { n: 2 });
        throw new Error('business rule failed');
      })
      .catch(() => undefined);
    await worker({ 't.commit': async (p) => void seen.push(p.n) }).drain();
    expect(seen).toEqual([1]);
    expect((await jobsOf('t.commit')).map((j) => j.status)).toEqual(['done']);
  });

  it('retries with exponential backoff and dead-letters after max attempts', async () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(backoffMs(30)).toBe(3_600_000);
    await enqueue(db.kysely, 't.fail', {}, { maxAttempts: 3 });
    const w = worker({ 't.fail': async () => Promise.reject(new Error('SMTP down')) });
    for (let attempt = 1; attempt <= 3; attempt++) {
      const before = Date.now();
      expect(await w.runOnce()).toBe(1);
      const [job] = await jobsOf('t.fail');
      expect(job?.attempts).toBe(attempt);
      expect(job?.last_error).toBe('SMTP down');
      if (attempt < 3) {
        expect(job?.status).toBe('pending');
        expect(job!.run_at.getTime()).toBeGreaterThanOrEqual(before + backoffMs(attempt) - 1000);
        await db.kysely
          .updateTable('jobs')
          .set({ run_at: new Date(0) })
          .where('type', '=', 't.fail')
          .execute();
      } else {
        expect(job?.status).toBe('dead');
      }
    }
    expect((await queueDepth(db)).dead).toBe(1);
  });

  it('holds scheduled jobs until their time', async () => {
    await enqueue(db.kysely, 't.later', {}, { runAt: new Date(Date.now() + 60_000) });
    const ran: number[] = [];
    const w = worker({ 't.later': async () => void ran.push(1) });
    expect(await w.runOnce()).toBe(0);
    await db.kysely
      .updateTable('jobs')
      .set({ run_at: new Date(Date.now() - 1) })
      .where('type', '=', 't.later')
      .execute();
    expect(await w.runOnce()).toBe(1);
    expect(ran).toEqual([1]);
  });

  it('ignores a repeated dedupe key', async () => {
    await enqueue(db.kysely, 't.dedupe', {}, { dedupeKey: 'reminder:1' });
    await enqueue(db.kysely, 't.dedupe', {}, { dedupeKey: 'reminder:1' });
    expect(await jobsOf('t.dedupe')).toHaveLength(1);
  });

  it('never runs a job twice when several workers compete', async () => {
    for (let i = 0; i < 40; i++) await enqueue(db.kysely, 't.race', { i });
    const runs: number[] = [];
    const handler: JobRegistry = {
      't.race': async (p) => {
        runs.push(p.i as number);
        await new Promise((r) => setTimeout(r, 2));
      },
    };
    await Promise.all([worker(handler, 3).drain(), worker(handler, 3).drain(), worker(handler, 3).drain()]);
    expect(runs.sort((a, b) => a - b)).toEqual([...Array(40).keys()]);
  });

  it('reclaims a job whose worker died mid-run', async () => {
    await enqueue(db.kysely, 't.orphan', {});
    await sql`UPDATE jobs SET status = 'running', locked_at = now() - interval '10 minutes', attempts = 1 WHERE type = 't.orphan'`.execute(
      db.kysely,
    );
    const ran: number[] = [];
    await worker({ 't.orphan': async () => void ran.push(1) }).drain();
    expect(ran).toEqual([1]);
  });

  it('stop() lets a running job finish', async () => {
    await enqueue(db.kysely, 't.slow', {});
    let finished = false;
    const w = worker({
      't.slow': async () => {
        await new Promise((r) => setTimeout(r, 150));
        finished = true;
      },
    });
    w.start();
    await new Promise((r) => setTimeout(r, 50));
    await w.stop();
    expect(finished).toBe(true);
    expect((await jobsOf('t.slow'))[0]?.status).toBe('done');
  });
});
