import { sql } from 'kysely';
import type { Kdb } from '../db/client';
import { hitCounterFor } from './hit-counter';

export type WindowCount = { hits: number; resetAt: Date };

/**
 * Counts `n` hits (one by default) of `key` in a fixed window of `windowMs` and returns the count so far, in one
 * atomic upsert: any number of processes (and concurrent requests) on the same database count together, on PGlite
 * and PostgreSQL. A window that has ended restarts at `n`.
 */
export async function countHit(
  db: Kdb,
  key: string,
  windowMs: number,
  now: Date,
  n = 1,
): Promise<WindowCount> {
  const ends = new Date(now.getTime() + windowMs);
  const { rows } = await sql<{ hits: number; window_ends_at: Date }>`
    INSERT INTO rate_limit_counters AS c (key, hits, window_ends_at)
    VALUES (${key}, ${n}::int, ${ends}::timestamptz)
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN c.window_ends_at <= ${now}::timestamptz THEN ${n}::int ELSE c.hits + ${n}::int END,
      window_ends_at = CASE WHEN c.window_ends_at <= ${now}::timestamptz
        THEN excluded.window_ends_at ELSE c.window_ends_at END
    RETURNING hits, window_ends_at`.execute(db);
  const row = rows[0]!;
  return { hits: row.hits, resetAt: new Date(row.window_ends_at) };
}

/** The count of `key` in its current window without counting (0 when none is open). */
export async function readHits(db: Kdb, key: string, now: Date): Promise<WindowCount> {
  const row = await db
    .selectFrom('rate_limit_counters')
    .select(['hits', 'window_ends_at'])
    .where('key', '=', key)
    .where('window_ends_at', '>', now)
    .executeTakeFirst();
  return row ? { hits: row.hits, resetAt: new Date(row.window_ends_at) } : { hits: 0, resetAt: now };
}

/** Drops counters whose window ended before `before`: one-off addresses would otherwise stay for ever. */
export async function sweepCounters(db: Kdb, before: Date): Promise<void> {
  await db.deleteFrom('rate_limit_counters').where('window_ends_at', '<', before).execute();
}

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;
type RouteParams = { max?: unknown; routeInfo?: { method?: string | string[]; url?: string } };

const SWEEP_EVERY = 1000;

/**
 * A `store` for @fastify/rate-limit that keeps its counters in the database (instead of the plugin's in-memory
 * LRU, which each process holds for itself). Each route gets its own namespace ("GET /api/lookup/:code"), the key
 * the plugin gives (the client address) is appended. `now` is the clock.
 */
export function databaseRateLimitStore(db: Kdb, now: () => Date) {
  let calls = 0;
  const ttl = (c: WindowCount, at: Date) => Math.max(0, c.resetAt.getTime() - at.getTime());
  return class DatabaseRateLimitStore {
    namespace = 'global';
    /** The route's limit when it is a number (large ones are counted in batches, see HitCounter). */
    max = 0;

    incr(key: string, cb: Callback, timeWindow: number): void {
      const at = now();
      const sweep = ++calls % SWEEP_EVERY === 0 ? sweepCounters(db, at) : Promise.resolve();
      sweep
        .then(() => hitCounterFor(db).hit(`${this.namespace}|${key}`, timeWindow, this.max, at))
        .then(
          (c) => cb(null, { current: c.hits, ttl: ttl(c, at) }),
          (e: Error) => cb(e),
        );
    }

    read(key: string, cb: Callback): void {
      const at = now();
      readHits(db, `${this.namespace}|${key}`, at).then(
        (c) => cb(null, { current: c.hits, ttl: ttl(c, at) }),
        (e: Error) => cb(e),
      );
    }

    /** The plugin passes the route's merged limit options, the route itself under `routeInfo`. */
    child(params: object): DatabaseRateLimitStore {
      const child = new DatabaseRateLimitStore();
      const { max, routeInfo } = params as RouteParams;
      const { method, url } = routeInfo ?? {};
      child.max = typeof max === 'number' ? max : 0;
      // HEAD is answered by the GET handler (and tells found from not found): it counts with GET.
      const methods = [method ?? []].flat().map((m) => (m === 'HEAD' ? 'GET' : m));
      child.namespace = url ? `${[...new Set(methods)].join(',')} ${url}` : this.namespace;
      return child;
    }
  };
}
