import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock';
import { loadConfig } from '../config';
import { start } from '../runtime';
import { openDb } from '../db/client';
import { migrate } from '../db/migrate';
import { POSITION_CACHE_MS, ReadReplica, REPLICA_APPLICATION_NAME } from '../db/replica';
import { buildApp } from '../http/app';
import { LSN_COOKIE } from '../http/read-replica';
import { detail, intakeFixture } from '../modules/dossiers/dossiers.test-helpers';
import { actor, asActor, TEST_NOW } from './harness';
import { postgresBinDir, sqlOn, startPgPair, waitUntil } from './pg-pair';

/**
 * Issue 19 / ADR 0030 on a real streaming pair made by the test (pg-pair.ts): lookup, search, statistics and
 * reports read from the replica; the same user's read after a write never shows an older status while replay is
 * paused (the LSN cookie); with the replica stopped the routes answer from the primary and health says so.
 */
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
if (!onPostgres)
  console.info('read-replica.test.ts skipped: a streaming replica needs PostgreSQL (set TEST_DATABASE_URL)');

describe.skipIf(!onPostgres)('read replica (PostgreSQL only: a real streaming pair)', async () => {
  if (!onPostgres) return;
  const METRICS_TOKEN = 'replica-test-metrics-token';
  const bin = postgresBinDir();
  // On PostgreSQL the test must run: missing binaries are a failure, not a skip.
  if (!bin)
    throw new Error('PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup) not found; set PG_BIN_DIR');
  const pair = await startPgPair(bin);
  // Hooks run last-registered first: the app and the pools close before the servers stop and the directory goes.
  afterAll(() => pair.destroy());
  let f: Awaited<ReturnType<typeof intakeFixture>>;
  try {
    const db = await openDb({ databaseUrl: pair.primaryUrl('motcua'), poolSize: 4 });
    afterAll(() => db.close());
    await migrate(db);
    f = await intakeFixture(
      {
        metricsToken: METRICS_TOKEN,
        // Generous: while replay is paused below, the replica must stay eligible for reads without a cookie.
        replica: { url: pair.replicaUrl('motcua'), maxLagMs: 600_000, lsnSecret: 'replica-test-lsn-secret' },
      },
      db,
    );
  } catch (err) {
    await pair.destroy();
    throw err;
  }
  const replica = f.deps.replica!;
  let code = '';
  let dossier = { id: '', version: 0 };

  const caughtUp = async () => {
    const [{ lsn } = { lsn: '' }] = await sqlOn<{ lsn: string }>(
      pair.primaryUrl(),
      'SELECT pg_current_wal_lsn()::text AS lsn',
    );
    await waitUntil('the replica to replay the primary', async () => {
      const [row] = await sqlOn<{ ok: boolean }>(
        pair.replicaUrl(),
        `SELECT pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn AS ok`,
      );
      return row?.ok ? true : undefined;
    });
  };
  const leader = () =>
    actor({
      kind: 'staff',
      userId: '00000000-0000-4000-a000-000000000099',
      roles: ['leader'],
      agencyId: f.agency('STTTT'),
    });
  const get = (url: string, headers: Record<string, string> = {}) =>
    f.app.inject({ method: 'GET', url, headers });
  const status = async (headers: Record<string, string> = {}) => {
    const res = await get(`/api/lookup/${code}`, headers);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ status: string }>().status;
  };
  const reads = () => ({ ...replica.stats.reads });

  it('boots with DATABASE_REPLICA_URL: the API opens the replica pool and reports it in health', async () => {
    const running = await start(
      loadConfig({
        DATABASE_URL: pair.primaryUrl('motcua'),
        DATABASE_REPLICA_URL: pair.replicaUrl('motcua'),
        ROLE: 'api',
        SEED_DEMO: 'false',
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: f.dataDir,
      }),
      pino({ level: 'silent' }),
      fixedClock(TEST_NOW),
    );
    try {
      expect(running.deps.replica).toBeDefined();
      const res = await running.app!.inject({ method: 'GET', url: '/api/health' });
      expect(res.json()).toMatchObject({ status: 'ok', replica: { state: 'up' } });
    } finally {
      await running.stop();
    }
    // Migrating (nothing to do) and building the whole app take a while on a loaded 2-core machine.
  }, 120_000);

  it('lookup, catalogue search, public statistics and reports read from the replica', async () => {
    const d = detail(await f.submit(f.citizenA), 201);
    const a = detail(
      await f.inject(f.clerk('STTTT'), 'POST', `/api/reception/dossiers/${d.id}/accept`, {
        expectedVersion: d.version,
      }),
    );
    code = a.code!;
    dossier = { id: a.id, version: a.version };
    await caughtUp();

    const before = reads();
    expect(await status()).toBe('in_processing');
    for (const url of [
      '/api/procedures?q=trang',
      '/api/procedures/facets',
      '/api/public/statistics?year=2026',
    ])
      expect((await get(url)).statusCode, url).toBe(200);
    const dash = await get('/api/reports/dashboard?from=2026-11-01&to=2026-11-30', asActor(leader()));
    expect(dash.statusCode, dash.body).toBe(200);
    expect(reads()).toEqual({ replica: before.replica + 5, primary: before.primary });

    // The replica's own view: the app's read pool is connected to it, and only to it.
    const onReplica = await sqlOn<{ n: number }>(
      pair.replicaUrl(),
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = '${REPLICA_APPLICATION_NAME}'`,
    );
    expect(onReplica[0]!.n).toBeGreaterThan(0);
    const onPrimary = await sqlOn<{ n: number }>(
      pair.primaryUrl(),
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = '${REPLICA_APPLICATION_NAME}'`,
    );
    expect(onPrimary[0]!.n).toBe(0);
  });

  it('while replay is paused, the user who just wrote never sees an older status; others may trail', async () => {
    await sqlOn(pair.replicaUrl(), 'SELECT pg_wal_replay_pause()');
    await waitUntil('replay to pause', async () => {
      const [row] = await sqlOn<{ s: string }>(
        pair.replicaUrl(),
        'SELECT pg_get_wal_replay_pause_state() AS s',
      );
      return row?.s === 'paused' ? true : undefined;
    });

    const stopped = await f.inject(f.citizenA, 'POST', `/api/dossiers/${dossier.id}/stop`, {
      expectedVersion: dossier.version,
      reason: 'Tôi không còn nhu cầu.',
    });
    expect(detail(stopped).status).toBe('stopped');
    const setCookie = [stopped.headers['set-cookie'] ?? []]
      .flat()
      .find((c) => c.startsWith(`${LSN_COOKIE}=`));
    expect(setCookie).toMatch(/HttpOnly/);
    const cookie = setCookie!.split(';')[0]!;
    const mine = { ...asActor(f.citizenA), cookie };

    // Without the cookie: the paused replica answers, a moment behind — which shows it is the replica answering.
    const before = reads();
    expect(await status()).toBe('in_processing');
    expect(reads().replica).toBe(before.replica + 1);
    // The same user, with the cookie: the replica has not replayed the write, so the primary answers.
    const fallbacks = replica.stats.fallbacks.behind;
    expect(await status(mine)).toBe('stopped');
    expect(replica.stats.fallbacks.behind).toBe(fallbacks + 1);
    // A cookie altered by hand (a lower position) cannot be trusted: the primary answers too.
    const forged = cookie.replace(/=[0-9A-F]+\/[0-9A-F]+\./, '=0/1.');
    expect(forged).not.toBe(cookie);
    expect(await status({ cookie: forged })).toBe('stopped');
    // A bad write (409, nothing changed) sets no cookie.
    const stale = await f.inject(f.citizenA, 'POST', `/api/dossiers/${dossier.id}/stop`, {
      expectedVersion: dossier.version,
      reason: 'Tôi không còn nhu cầu.',
    });
    expect(stale.statusCode).toBe(409);
    expect(String(stale.headers['set-cookie'] ?? '')).not.toContain(LSN_COOKIE);

    // A replica further behind than the allowed lag is skipped even without a cookie.
    const strict = new ReadReplica(replica.db, f.db, { maxLagMs: 0, cacheMs: 0 });
    await waitUntil('the lag to be seen', async () =>
      (await strict.choose(null)) === 'primary' ? true : undefined,
    );
    expect(strict.stats.fallbacks.lagging).toBeGreaterThan(0);

    // Replay resumes: once past the cookie's position the replica answers the same user again.
    await sqlOn(pair.replicaUrl(), 'SELECT pg_wal_replay_resume()');
    await caughtUp();
    // The app's last reading of the replica's position, taken while replay was paused, serves every request for
    // POSITION_CACHE_MS: until it expires the user is still sent to the primary (right, but not what this checks).
    await new Promise((r) => setTimeout(r, POSITION_CACHE_MS + 10));
    const again = reads();
    expect(await status(mine)).toBe('stopped');
    expect(await status()).toBe('stopped');
    expect(reads()).toEqual({ replica: again.replica + 2, primary: again.primary });
  });

  it('with the replica stopped, the routes answer from the primary and health reports it down but ok', async () => {
    expect((await get('/api/health')).json()).toMatchObject({ status: 'ok', replica: { state: 'up' } });
    // A second app whose replica position never goes stale: its next read is sent to the replica after it stops, so
    // the query itself fails there and is answered again by the primary.
    const sticky = new ReadReplica(
      await openDb({ databaseUrl: pair.replicaUrl('motcua'), poolSize: 2, connectTimeoutMs: 1000 }),
      f.db,
      { maxLagMs: 600_000, cacheMs: 3_600_000 },
    );
    const app2 = await buildApp({ ...f.deps, replica: sticky }, { logger: false, webDist: null });
    afterAll(async () => {
      await app2.close();
      await sticky.close();
    });
    const lookup2 = () => app2.inject({ method: 'GET', url: `/api/lookup/${code}` });
    expect((await lookup2()).json()).toMatchObject({ status: 'stopped' });
    expect(sticky.stats.reads).toEqual({ replica: 1, primary: 0 });

    await pair.stopReplica();
    const retried = await lookup2();
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'stopped' });
    expect(sticky.stats.fallbacks).toMatchObject({ error: 1 });
    // Marked down: the next read does not try the replica at all.
    expect((await lookup2()).statusCode).toBe(200);
    expect(sticky.stats.fallbacks).toMatchObject({ error: 1, down: 1 });
    expect(sticky.stats.reads).toEqual({ replica: 1, primary: 2 });

    const before = reads();
    expect(await status()).toBe('stopped');
    for (const url of [
      '/api/procedures?q=trang',
      '/api/procedures/facets',
      '/api/public/statistics?year=2026',
    ])
      expect((await get(url)).statusCode, url).toBe(200);
    const dash = await get('/api/reports/dashboard?from=2026-11-01&to=2026-11-30', asActor(leader()));
    expect(dash.statusCode, dash.body).toBe(200);
    expect(reads().primary).toBeGreaterThanOrEqual(before.primary + 5);
    expect(reads().replica).toBe(before.replica);
    expect(replica.stats.fallbacks.down + replica.stats.fallbacks.error).toBeGreaterThan(0);

    const health = await get('/api/health');
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok', replica: { state: 'down', lagMs: null } });

    const metrics = await get('/metrics', { authorization: `Bearer ${METRICS_TOKEN}` });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toContain('db_replica_up 0');
    expect(metrics.body).toMatch(/db_replica_eligible_reads_total\{target="replica"\} [1-9]/);
    expect(metrics.body).toMatch(/db_replica_fallbacks_total\{reason="behind"\} [1-9]/);
  });
});
