import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openDb, type Db } from './client';

/**
 * A streaming replica for the reads that may trail the primary (ADR 0030): it answers them while it is up, no more
 * than `maxLagMs` behind, and has replayed what the caller has already seen written; otherwise the primary does.
 */
export type ReadTarget = 'replica' | 'primary';
/** Why a replica-eligible read went to the primary. */
export type FallbackReason = 'down' | 'lagging' | 'behind' | 'error';
export type ReplicaState = 'up' | 'lagging' | 'down';

/** A WAL position ("16/B374D848") as a number that orders like the position; null when it is not one. */
export function parseLsn(text: string): bigint | null {
  const m = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text);
  return m ? (BigInt(`0x${m[1]}`) << 32n) + BigInt(`0x${m[2]}`) : null;
}

export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}

type Position = { lsn: bigint; lagMs: number };

/** How long one reading of the replica's position serves, unless the options say otherwise. */
export const POSITION_CACHE_MS = 100;

export type ReplicaOptions = {
  maxLagMs: number;
  /** How long one reading of the replica's position serves every request of the process. */
  cacheMs?: number;
  /** How long a replica that failed is left alone before it is tried again. */
  downMs?: number;
  /** A monotonic clock in milliseconds (tests move it); the wall clock plays no part in these intervals. */
  monotonicMs?: () => number;
};

/**
 * The replica's replay position and lag. A replica that has received everything it replayed is not behind, however
 * long the primary has been idle; otherwise the lag is the age of the last transaction it replayed. A server that is
 * not in recovery (promoted, or the primary itself) is never behind.
 */
const POSITION = sql<{ lsn: string; lag_ms: number | string }>`
  SELECT (CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END)::text AS lsn,
    CASE WHEN NOT pg_is_in_recovery() OR pg_last_wal_receive_lsn() <= pg_last_wal_replay_lsn() THEN 0
      ELSE coalesce(extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000, 0)
    END AS lag_ms`;

export class ReadReplica {
  /** Reads by the server that answered them, and replica-eligible reads sent to the primary by reason. */
  readonly stats = {
    reads: { replica: 0, primary: 0 } satisfies Record<ReadTarget, number>,
    fallbacks: { down: 0, lagging: 0, behind: 0, error: 0 } satisfies Record<FallbackReason, number>,
  };
  private downUntil = Number.NEGATIVE_INFINITY;
  private cached: { at: number; position: Promise<Position> } | undefined;
  private readonly cacheMs: number;
  private readonly downMs: number;
  private readonly clock: () => number;

  constructor(
    readonly db: Db,
    private readonly primary: Db,
    private readonly opts: ReplicaOptions,
  ) {
    this.cacheMs = opts.cacheMs ?? POSITION_CACHE_MS;
    this.downMs = opts.downMs ?? 10_000;
    this.clock = opts.monotonicMs ?? (() => performance.now());
  }

  /**
   * Where a replica-eligible read goes: `mustSee` is the WAL position the caller has seen written (null: none known,
   * 'unknown': a position was claimed that cannot be trusted, so only the primary is sure to have it).
   */
  async choose(mustSee: bigint | null | 'unknown'): Promise<ReadTarget> {
    const reason = await this.unfitBecause(mustSee);
    if (reason) return this.fallBack(reason);
    this.stats.reads.replica++;
    return 'replica';
  }

  /** A read on the replica failed for the replica's sake: counted, and the caller retries it on the primary. */
  failed(err: unknown): void {
    // A query cancelled by a conflict with recovery says nothing about the replica's health.
    if ((err as { code?: unknown }).code !== '40001') this.markDown();
    // `choose` counted it for the replica, which did not answer it after all.
    this.stats.reads.replica--;
    this.fallBack('error');
  }

  /** What /api/health reports; a fresh look (or the last one, within `cacheMs`), not the down window. */
  async state(): Promise<{ state: ReplicaState; lagMs: number | null }> {
    try {
      const p = await this.position();
      return { state: p.lagMs > this.opts.maxLagMs ? 'lagging' : 'up', lagMs: Math.round(p.lagMs) };
    } catch {
      return { state: 'down', lagMs: null };
    }
  }

  /** The primary's WAL position now: what a response after a commit tells its client it has seen. */
  async primaryLsn(): Promise<bigint> {
    const { rows } = await sql<{ lsn: string }>`SELECT pg_current_wal_lsn()::text AS lsn`.execute(
      this.primary.kysely,
    );
    return parseLsn(rows[0]!.lsn)!;
  }

  close(): Promise<void> {
    return this.db.close();
  }

  private async unfitBecause(mustSee: bigint | null | 'unknown'): Promise<FallbackReason | null> {
    if (mustSee === 'unknown') return 'behind';
    if (this.clock() < this.downUntil) return 'down';
    let p: Position;
    try {
      p = await this.position();
    } catch {
      this.markDown();
      return 'down';
    }
    if (p.lagMs > this.opts.maxLagMs) return 'lagging';
    if (mustSee !== null && p.lsn < mustSee) return 'behind';
    return null;
  }

  private fallBack(reason: FallbackReason): ReadTarget {
    this.stats.fallbacks[reason]++;
    this.stats.reads.primary++;
    return 'primary';
  }

  private markDown(): void {
    this.downUntil = this.clock() + this.downMs;
    this.cached = undefined;
  }

  /** One query per `cacheMs` per process, shared by the requests that arrive meanwhile. */
  private position(): Promise<Position> {
    const now = this.clock();
    if (this.cached && now - this.cached.at < this.cacheMs) return this.cached.position;
    const position = POSITION.execute(this.db.kysely).then(({ rows }) => {
      const lsn = parseLsn(rows[0]!.lsn);
      if (lsn === null) throw new Error(`unexpected WAL position ${rows[0]!.lsn}`);
      return { lsn, lagMs: Number(rows[0]!.lag_ms) };
    });
    this.cached = { at: now, position };
    // A failed reading is not kept: the next request looks again (the down window spaces the attempts).
    position.catch(() => {
      if (this.cached?.position === position) this.cached = undefined;
    });
    return position;
  }
}

/** Opens the replica's pool: connections named `motcua-replica` in pg_stat_activity, 1 s to connect. */
export async function openReplica(
  config: { url: string; maxLagMs: number },
  primary: Db,
  poolSize: number,
): Promise<ReadReplica> {
  const db = await openDb({
    databaseUrl: config.url,
    poolSize,
    applicationName: REPLICA_APPLICATION_NAME,
    connectTimeoutMs: 1000,
  });
  return new ReadReplica(db, primary, { maxLagMs: config.maxLagMs });
}

export const REPLICA_APPLICATION_NAME = 'motcua-replica';
