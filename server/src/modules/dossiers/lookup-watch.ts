import type { Kdb } from '../../db/client';
import { recentProbes, sweepProbes, upsertProbes, type ProbeRow } from './dossier-lookup.repo';
import { PROBE_SAMPLE, PROBE_WINDOW_MS, type Probe } from './lookup-probing';

/** How long a process keeps the probes it saw to itself before writing them and reading the other processes'. */
export const PROBE_FLUSH_MS = 250;
/**
 * Addresses a process keeps in memory at most; past it, the one seen longest ago is forgotten (with its probes not
 * yet written, if any: a flood of addresses is the per-address limit's and the global limit's to stop).
 */
export const MAX_ADDRESSES = 100_000;
/** Lookups between two sweeps of probe rows older than {@link PROBE_KEEP_MS}, done by the flush. */
export const SWEEP_EVERY = 1000;
export const PROBE_KEEP_MS = 24 * 3_600_000;

type Address = {
  /** Ready once the address's probes from the database (other processes, earlier runs) are in `codes`. */
  ready: Promise<void>;
  /** Its latest codes in the window, oldest first (a Map keeps insertion order; a code seen again moves last). */
  codes: Map<string, { found: boolean; at: number }>;
  /** Seen here and not yet written. */
  pending: Map<string, { found: boolean; at: number }>;
  alertAt: number | null;
  /** When this process last saw it. */
  seenAt: number;
};

/**
 * The public lookup's probe record (ADR 0014) without a database write per lookup, the way `HitCounter` counts:
 * each process judges an address on what it holds — the address's latest codes as the database had them at its
 * last flush (every process's), plus its own since — and writes its own probes in one statement every
 * {@link PROBE_FLUSH_MS}. An address new to the process is read from the database first, so a walk spread over
 * processes, or one continued after a restart, is seen at most one flush late. Probes not yet flushed when a process
 * dies are lost, as the table (UNLOGGED) loses them in a database crash: the record is a watch, not a ledger.
 */
export class ProbeWatch {
  private readonly addresses = new Map<string, Address>();
  private timer: NodeJS.Timeout | null = null;
  private sinceSweep = 0;

  constructor(private readonly db: Kdb) {}

  /** Records that `clientIp` looked up `code`; answers its latest codes (this one last) and its open alert's time. */
  async record(
    clientIp: string,
    code: string,
    found: boolean,
    now: Date,
  ): Promise<{ recent: Probe[]; alertAt: Date | null }> {
    const a = this.address(clientIp, now);
    await a.ready;
    const seen = { found, at: now.getTime() };
    a.codes.delete(code);
    a.codes.set(code, seen);
    a.pending.set(code, seen);
    a.seenAt = seen.at;
    this.sinceSweep++;
    trim(a, now.getTime());
    this.timer ??= setTimeout(() => void this.flush(now), PROBE_FLUSH_MS).unref();
    return {
      recent: [...a.codes].map(([c, p]) => ({ code: c, found: p.found })),
      alertAt: a.alertAt === null ? null : new Date(a.alertAt),
    };
  }

  /** The address's open alert was written at `at`. */
  alerted(clientIp: string, at: Date): void {
    const a = this.addresses.get(clientIp);
    if (a) a.alertAt = at.getTime();
  }

  /**
   * Writes every address's pending probes in one statement, then reads back the latest codes and open alert of each
   * address written — with what other processes wrote meanwhile — and forgets addresses quiet for a whole window.
   * Every {@link SWEEP_EVERY} lookups it also deletes the rows of lookups older than a day, off the request path.
   */
  async flush(now: Date): Promise<void> {
    this.timer = null;
    const rows: ProbeRow[] = [];
    const flushed: [string, Address][] = [];
    for (const [clientIp, a] of this.addresses) {
      if (!a.pending.size) continue;
      for (const [code, p] of a.pending) rows.push({ clientIp, code, found: p.found, at: new Date(p.at) });
      a.pending = new Map();
      flushed.push([clientIp, a]);
    }
    try {
      await upsertProbes(this.db, rows);
      if (this.sinceSweep >= SWEEP_EVERY) {
        this.sinceSweep = 0;
        await sweepProbes(this.db, new Date(now.getTime() - PROBE_KEEP_MS));
      }
      const since = new Date(now.getTime() - PROBE_WINDOW_MS);
      const shared = await recentProbes(
        this.db,
        flushed.map(([ip]) => ip),
        since,
        PROBE_SAMPLE + 1,
      );
      for (const [ip, a] of flushed) merge(a, shared.get(ip), now.getTime());
    } catch {
      // The next flush writes them: put them back unless seen again since.
      for (const r of rows) {
        const a = this.addresses.get(r.clientIp);
        if (a && !a.pending.has(r.code)) a.pending.set(r.code, { found: r.found, at: r.at.getTime() });
      }
    }
    for (const [ip, a] of this.addresses)
      if (!a.pending.size && now.getTime() - a.seenAt > PROBE_WINDOW_MS) this.addresses.delete(ip);
  }

  private address(clientIp: string, now: Date): Address {
    const a = this.addresses.get(clientIp);
    if (a) {
      // Most recently seen last, so the first is the one to forget when there are too many.
      this.addresses.delete(clientIp);
      this.addresses.set(clientIp, a);
      return a;
    }
    if (this.addresses.size >= MAX_ADDRESSES) {
      const [oldest] = this.addresses.keys();
      if (oldest !== undefined) this.addresses.delete(oldest);
    }
    const fresh: Address = {
      ready: Promise.resolve(),
      codes: new Map(),
      pending: new Map(),
      alertAt: null,
      seenAt: now.getTime(),
    };
    const since = new Date(now.getTime() - PROBE_WINDOW_MS);
    fresh.ready = recentProbes(this.db, [clientIp], since, PROBE_SAMPLE + 1).then(
      (shared) => merge(fresh, shared.get(clientIp), now.getTime()),
      () => undefined, // judged on this process's probes alone until its first flush
    );
    this.addresses.set(clientIp, fresh);
    return fresh;
  }
}

/** The database's view of an address, with what this process saw and has not written yet on top. */
function merge(a: Address, shared: { probes: ProbeRow[]; alertAt: Date | null } | undefined, now: number) {
  const codes = new Map<string, { found: boolean; at: number }>();
  for (const p of shared?.probes ?? []) codes.set(p.code, { found: p.found, at: p.at.getTime() });
  for (const [code, p] of a.pending) {
    codes.delete(code);
    codes.set(code, p);
  }
  a.codes = codes;
  a.alertAt = shared?.alertAt ? shared.alertAt.getTime() : null;
  trim(a, now);
}

/** Keeps the latest PROBE_SAMPLE + 1 codes within the window. */
function trim(a: Address, now: number) {
  for (const [code, p] of a.codes) {
    if (a.codes.size > PROBE_SAMPLE + 1 || now - p.at > PROBE_WINDOW_MS) a.codes.delete(code);
    else break;
  }
}

const watches = new WeakMap<Kdb, ProbeWatch>();

/** The probe watch of a database handle: one per process and database. */
export function probeWatchFor(db: Kdb): ProbeWatch {
  let w = watches.get(db);
  if (!w) watches.set(db, (w = new ProbeWatch(db)));
  return w;
}
