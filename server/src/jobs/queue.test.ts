import { pino } from 'pino';
import { sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../clock';
import { createTestDb, TEST_NOW } from '../test/harness';
import { backoffMs, enqueue, queueDepth, Worker, type JobRegistry } from './queue';

const log = pino({ level: 'silent' });

describe('job queue', async () => {
  const db = await createTestDb();
  const clock = fixedClock(TEST_NOW);
  const now = () => clock.now();
  const worker = (registry: JobRegistry, concurrency = 4) =>
    new Worker(db, registry, { pollMs: 10, concurrency, log, clock });
  const jobsOf = (type: string) =>
    db.kysely.selectFrom('jobs').selectAll().where('type', '=', type).execute();

  it('runs a job enqueued in a committed transaction, and none from a rolled-back one', async () => {
    const seen: unknown[] = [];
    await db.kysely.transaction().execute((trx) => enqueue(trx, 't.commit', { n: 1 }, { runAt: now() }));
    await db.kysely
      .transaction()
      .execute(async (trx) => {
        await enqueue(trx, 't.commit', { n: 2 }, { runAt: now() });
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
    await enqueue(db.kysely, 't.fail', {}, { maxAttempts: 3, runAt: now() });
    const w = worker({ 't.fail': async () => Promise.reject(new Error('SMTP down')) });
    for (let attempt = 1; attempt <= 3; attempt++) {
      const before = now().getTime();
      expect(await w.runOnce()).toBe(1);
      const [job] = await jobsOf('t.fail');
      expect(job?.attempts).toBe(attempt);
      expect(job?.last_error).toBe('SMTP down');
      if (attempt < 3) {
        expect(job?.status).toBe('pending');
        expect(job!.run_at.getTime()).toBe(before + backoffMs(attempt));
        // Not before the backoff has passed on the worker's clock; then at once.
        clock.advance(backoffMs(attempt) - 1);
        expect(await w.runOnce()).toBe(0);
        clock.advance(1);
      } else {
        expect(job?.status).toBe('dead');
      }
    }
    expect((await queueDepth(db)).dead).toBe(1);
  });

  it('keeps its slots full while jobs are due: a job that ends brings in the next at once, not at the next poll', async () => {
    for (let n = 0; n < 12; n++) await enqueue(db.kysely, 't.busy', { n }, { runAt: now() });
    let active = 0;
    let most = 0;
    const ran: number[] = [];
    // A poll interval far longer than the test: only jobs that end can bring the next ones in.
    const w = new Worker(
      db,
      {
        't.busy': async (p) => {
          most = Math.max(most, ++active);
          await new Promise((r) => setTimeout(r, 20));
          ran.push(p.n as number);
          active--;
        },
      },
      { pollMs: 600_000, concurrency: 3, log, clock },
    );
    w.start();
    await vi.waitFor(() => expect(ran).toHaveLength(12), { timeout: 10_000, interval: 20 });
    await w.stop();
    expect(most).toBe(3);
    expect((await jobsOf('t.busy')).every((j) => j.status === 'done')).toBe(true);
  });

  it('holds scheduled jobs until their time', async () => {
    await enqueue(db.kysely, 't.later', {}, { runAt: new Date(now().getTime() + 60_000) });
    const ran: number[] = [];
    const w = worker({ 't.later': async () => void ran.push(1) });
    expect(await w.runOnce()).toBe(0);
    clock.advance(59_999);
    expect(await w.runOnce()).toBe(0);
    clock.advance(1);
    expect(await w.runOnce()).toBe(1);
    expect(ran).toEqual([1]);
  });

  it('ignores a repeated dedupe key', async () => {
    await enqueue(db.kysely, 't.dedupe', {}, { dedupeKey: 'reminder:1', runAt: now() });
    await enqueue(db.kysely, 't.dedupe', {}, { dedupeKey: 'reminder:1', runAt: now() });
    expect(await jobsOf('t.dedupe')).toHaveLength(1);
  });

  it('never runs a job twice when several workers compete', async () => {
    for (let i = 0; i < 40; i++) await enqueue(db.kysely, 't.race', { i }, { runAt: now() });
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
    await enqueue(db.kysely, 't.orphan', {}, { runAt: now() });
    await sql`UPDATE jobs SET status = 'running', locked_at = ${now()}, attempts = 1 WHERE type = 't.orphan'`.execute(
      db.kysely,
    );
    const ran: number[] = [];
    const w = worker({ 't.orphan': async () => void ran.push(1) });
    clock.advance(300_000); // the lease is five minutes: not yet taken back
    expect(await w.runOnce()).toBe(0);
    clock.advance(1);
    await w.drain();
    expect(ran).toEqual([1]);
  });

  it('stop() lets a running job finish', async () => {
    await enqueue(db.kysely, 't.slow', {}, { runAt: now() });
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
