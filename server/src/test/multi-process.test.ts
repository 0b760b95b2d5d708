import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock';
import { openDb, type Db } from '../db/client';
import { buildApp } from '../http/app';
import { enqueue, Worker } from '../jobs/queue';
import { Client } from '../modules/accounts/accounts.test-helpers';
import { createDemoDb, TEST_NOW, testConfig } from './harness';

/**
 * Several processes on one database behave as one system (issue 18, ADR 0028): two API apps and two workers, each
 * with its own connection pool to the same PostgreSQL database, as two API processes and a worker would have.
 * PGlite has one connection in one process, so this runs on PostgreSQL only (TEST_DATABASE_URL).
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)(
  'two API processes and workers on one PostgreSQL',
  async () => {
    const demo = await createDemoDb();
    const url = demo.url!;
    const pools: Db[] = [];
    const open = async () => {
      const db = await openDb({ databaseUrl: url, poolSize: 4 });
      pools.push(db);
      return db;
    };
    const clock = fixedClock(TEST_NOW);
    const api = async () => {
      const deps = {
        db: await open(),
        config: testConfig({ lookupRateLimit: 4 }),
        log: pino({ level: 'silent' }),
        clock,
      };
      const app = await buildApp(deps, { logger: false, webDist: null, strictResponses: true });
      await app.ready();
      return app;
    };
    const a = await api();
    const b = await api();
    afterAll(async () => {
      await a.close();
      await b.close();
      for (const db of pools) await db.close();
    });

    it('counts public lookups per address across both processes', async () => {
      const look = (app: typeof a) =>
        app.inject({ method: 'GET', url: '/api/lookup/H99.17-261125-0999', remoteAddress: '198.51.100.7' });
      const statuses = [];
      for (const app of [a, b, a, b]) statuses.push((await look(app)).statusCode);
      expect(statuses).not.toContain(429);
      expect((await look(a)).statusCode).toBe(429);
      expect((await look(b)).statusCode).toBe(429);
      // Another address is not affected.
      const other = await b.inject({
        method: 'GET',
        url: '/api/lookup/H99.17-261125-0999',
        remoteAddress: '198.51.100.8',
      });
      expect(other.statusCode).not.toBe(429);
    });

    it('locks a log-in guessed at through both processes, and the lock is seen by both', async () => {
      const ip = '203.0.113.9';
      const viaA = new Client(a, ip);
      const viaB = new Client(b, ip);
      for (const c of [viaA, viaB, viaA, viaB, viaA]) {
        const r = await c.post('/api/auth/login', { login: 'dothihoa.sxd', password: 'Sai-mat-khau-1' });
        expect(r.json().code).toBe('INVALID_CREDENTIALS');
      }
      for (const c of [viaB, viaA]) {
        const r = await c.post('/api/auth/login', { login: 'dothihoa.sxd', password: 'MotCua@2026' });
        expect(r.statusCode).toBe(429);
        expect(r.json().code).toBe('ACCOUNT_LOCKED');
      }
    });

    it('a session made through one process is valid in the other, and logging out there ends it', async () => {
      const c = new Client(a, '203.0.113.20');
      const login = await c.post('/api/auth/login', { login: 'dothihoa.sxd', password: 'MotCua@2026' });
      expect(login.statusCode).toBe(200);
      const sameBrowser = new Client(b, '203.0.113.20');
      sameBrowser.cookies = c.cookies;
      expect((await sameBrowser.get('/api/me')).statusCode).toBe(200);
      expect((await sameBrowser.post('/api/auth/logout', {})).statusCode).toBeLessThan(300);
      expect((await c.get('/api/me')).statusCode).toBe(401);
    });

    it('a catalogue change written through one process is seen by the search cache of the other', async () => {
      const search = async (app: typeof a) =>
        (await app.inject({ method: 'GET', url: '/api/procedures?pageSize=100' })).json<{
          items: { code: string; name: string }[];
        }>().items;
      const first = (await search(a))[0]!;
      await search(b); // both processes have it cached now
      const writer = await open();
      await writer.kysely
        .updateTable('procedures')
        .set({ name: `${first.name} (đã sửa)` })
        .where('code', '=', first.code)
        .execute();
      for (const app of [a, b])
        expect((await search(app)).find((p) => p.code === first.code)?.name).toBe(`${first.name} (đã sửa)`);
    });

    it('runs each job exactly once with two workers claiming from the same table', async () => {
      const ran: number[] = [];
      const registry = {
        'test.exactly-once': async (payload: Record<string, unknown>) => {
          ran.push(payload.n as number);
          await new Promise((r) => setTimeout(r, 5));
        },
      };
      const db = await open();
      for (let n = 0; n < 60; n++) await enqueue(db.kysely, 'test.exactly-once', { n }, { runAt: TEST_NOW });
      const workers = [await open(), await open()].map(
        (w) => new Worker(w, registry, { pollMs: 20, concurrency: 4, log: pino({ level: 'silent' }), clock }),
      );
      for (const w of workers) w.start();
      for (let tries = 0; tries < 600; tries++) {
        const { rows } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM jobs WHERE type = 'test.exactly-once' AND status = 'done'`.execute(
          db.kysely,
        );
        if (rows[0]!.n === 60) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await Promise.all(workers.map((w) => w.stop()));
      expect(ran.length).toBe(60);
      expect(new Set(ran).size).toBe(60);
    });
  },
);
