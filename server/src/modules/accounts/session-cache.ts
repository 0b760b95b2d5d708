import type { ResolvedSession } from './accounts.sessions';

/**
 * How long one API process may answer for a session from memory without reading it again (ADR 0032). It bounds
 * how late a change made elsewhere — a log-out, password change, suspension or role change through another
 * process, the CLI, or SQL — takes effect here. Changes made through this process take effect at once: every
 * state-changing request empties the cache before its answer leaves (`forgetAll`).
 */
export const SESSION_CACHE_MS = 5_000;
/** Enough for every session of a busy office; past it the oldest entry goes (Map keeps insertion order). */
const MAX_ENTRIES = 20_000;

type Entry = { session: ResolvedSession; loadedAt: number; freshUntil: number };

export type SessionCache = ReturnType<typeof createSessionCache>;

/**
 * Resolved sessions by session id, one cache per app. `resolve` reads through it: a hit costs a Map lookup, a miss
 * one database read shared by every request for that session arriving meanwhile. A read that overlapped a change
 * (`forgetAll` between its start and its end) answers its own request but is not kept, so a change committed just
 * before the cache is emptied cannot be re-cached stale by a read that began earlier.
 */
export function createSessionCache(ttlMs = SESSION_CACHE_MS, maxEntries = MAX_ENTRIES) {
  const entries = new Map<string, Entry>();
  const reading = new Map<string, { epoch: number; read: Promise<ResolvedSession | null> }>();
  let epoch = 0;

  function fresh(id: string, now: number): ResolvedSession | undefined {
    const e = entries.get(id);
    if (!e) return undefined;
    // A clock set back (tests, a corrected host clock) makes the entry as stale as one past its time.
    if (now < e.freshUntil && now >= e.loadedAt) return e.session;
    entries.delete(id);
    return undefined;
  }

  return {
    /** The session from memory if fresh, else from `load` (a read already under way for it is joined). */
    resolve(
      id: string,
      now: number,
      load: () => Promise<ResolvedSession | null>,
    ): ResolvedSession | Promise<ResolvedSession | null> {
      const hit = fresh(id, now);
      if (hit) return hit;
      const pending = reading.get(id);
      if (pending && pending.epoch === epoch) return pending.read;
      const started = epoch;
      const read = load().then(
        (session) => {
          if (reading.get(id)?.read === read) reading.delete(id);
          // Unknown and ended sessions are not kept: they cost a read each, as before, and cannot fill the cache.
          if (session && started === epoch) {
            if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
            entries.set(id, {
              session,
              loadedAt: now,
              freshUntil: Math.min(now + ttlMs, session.validUntil),
            });
          }
          return session;
        },
        (err: unknown) => {
          if (reading.get(id)?.read === read) reading.delete(id);
          throw err;
        },
      );
      reading.set(id, { epoch: started, read });
      return read;
    },
    /** Drops every entry and makes reads under way not kept: called after any state-changing request. */
    forgetAll(): void {
      epoch++;
      entries.clear();
      reading.clear();
    },
    get size(): number {
      return entries.size;
    },
  };
}
