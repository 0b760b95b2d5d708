import type { Kdb } from '../db/client';
import { countHit, type WindowCount } from './rate-limit';

/** Budgets (hits a window) from which counting is batched per process; smaller ones are counted exactly. */
export const BATCH_FROM = 1000;
/** How long a process keeps hits to itself before adding them to the shared count. */
export const FLUSH_MS = 250;

type Window = { windowMs: number; endsAt: number; shared: number; pending: number; at: Date };

/**
 * Rate-limit counting shared by all processes through the database (`countHit`), without a database write per
 * request for large budgets. Below {@link BATCH_FROM} every hit is one upsert and the count is exact across
 * processes. From it up, each process counts locally and adds its hits to the shared row every {@link FLUSH_MS}: the
 * count a process sees is the shared count at its last flush plus its own hits since, so other processes' hits show
 * at most one flush late — a few hundred hits in a budget of thousands, which is what such a budget tolerates.
 */
export class HitCounter {
  private readonly windows = new Map<string, Window>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly db: Kdb) {}

  async hit(key: string, windowMs: number, budget: number, now: Date): Promise<WindowCount> {
    if (budget < BATCH_FROM) return countHit(this.db, key, windowMs, now);
    const t = now.getTime();
    let w = this.windows.get(key);
    if (!w || t >= w.endsAt || t < w.endsAt - windowMs) {
      w = { windowMs, endsAt: t + windowMs, shared: 0, pending: 0, at: now };
      this.windows.set(key, w);
    }
    w.pending++;
    w.at = now;
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS).unref();
    return { hits: w.shared + w.pending, resetAt: new Date(w.endsAt) };
  }

  /** Adds every key's local hits to its shared count and learns what the other processes added meanwhile. */
  async flush(): Promise<void> {
    this.timer = null;
    await Promise.all(
      [...this.windows].map(async ([key, w]) => {
        if (w.pending === 0) {
          if (w.at.getTime() >= w.endsAt) this.windows.delete(key);
          return;
        }
        const n = w.pending;
        w.pending = 0;
        try {
          const c = await countHit(this.db, key, w.windowMs, w.at, n);
          w.shared = c.hits;
          w.endsAt = c.resetAt.getTime();
        } catch {
          w.pending += n; // the next flush tries again
        }
      }),
    );
  }
}

const counters = new WeakMap<Kdb, HitCounter>();

/** The counter of a database handle: one per process and database, shared by the routes that count. */
export function hitCounterFor(db: Kdb): HitCounter {
  let c = counters.get(db);
  if (!c) counters.set(db, (c = new HitCounter(db)));
  return c;
}
