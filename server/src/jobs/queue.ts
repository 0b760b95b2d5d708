import os from 'node:os';
import { sql, type Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Db, Kdb } from '../db/client';
import type { Database } from '../db/schema';

/** `now` is the worker's clock when the job started: handlers read the time from it, never from the wall. */
export type JobContext = { db: Db; log: Logger; jobId: number; attempt: number; now: Date };
export type JobHandler = (payload: Record<string, unknown>, ctx: JobContext) => Promise<void>;
export type JobRegistry = Record<string, JobHandler>;

/** `runAt` is when the job is due on the business clock: the caller's `now` for at once, later to schedule. */
export type EnqueueOptions = { runAt: Date; maxAttempts?: number; dedupeKey?: string };

/**
 * Adds a job. Pass the business transaction, so the job exists exactly when the change that caused it
 * commits (transactional outbox). A repeated dedupeKey is ignored.
 */
export async function enqueue(
  trx: Kdb | Transaction<Database>,
  type: string,
  payload: Record<string, unknown>,
  opts: EnqueueOptions,
): Promise<void> {
  await trx
    .insertInto('jobs')
    .values({
      type,
      payload: JSON.stringify(payload),
      run_at: opts.runAt,
      max_attempts: opts.maxAttempts ?? 8,
      dedupe_key: opts.dedupeKey ?? null,
      locked_at: null,
      locked_by: null,
      last_error: null,
      finished_at: null,
    })
    .onConflict((oc) => oc.column('dedupe_key').where('dedupe_key', 'is not', null).doNothing())
    .execute();
}

/** Exponential backoff: 5 s, 10 s, 20 s … capped at one hour. */
export function backoffMs(attempt: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
}

export async function queueDepth(db: Db): Promise<{ pending: number; running: number; dead: number }> {
  const rows = await db.kysely
    .selectFrom('jobs')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', 'in', ['pending', 'running', 'dead'])
    .groupBy('status')
    .execute();
  const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  return { pending: by.pending ?? 0, running: by.running ?? 0, dead: by.dead ?? 0 };
}

type ClaimedJob = {
  id: number;
  type: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
};

export type WorkerOptions = {
  pollMs: number;
  concurrency: number;
  leaseMs?: number;
  log: Logger;
  clock: Clock;
};

/** Claims due jobs with FOR UPDATE SKIP LOCKED, so any number of workers in any number of processes can share the table. */
export class Worker {
  private readonly id = `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  private timer: NodeJS.Timeout | undefined;
  private running = new Set<Promise<void>>();
  private stopping = false;
  private polling: Promise<void> | undefined;
  private refill = false;
  /** Whether the last claim filled every free slot, so that more jobs may be due. */
  private more = false;

  constructor(
    private readonly db: Db,
    private readonly registry: JobRegistry,
    private readonly opts: WorkerOptions,
  ) {}

  /**
   * Keeps `concurrency` jobs running while any are due: a job that ends makes room for the next at once, and only a
   * claim that finds fewer due jobs than free slots waits `pollMs` before looking again.
   */
  start(): void {
    this.stopping = false;
    this.fill();
  }

  /** Stops claiming and waits for jobs already running to finish. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.polling;
    await Promise.allSettled([...this.running]);
  }

  private fill(): void {
    if (this.stopping) return;
    // One claim at a time; a slot freed meanwhile is filled by another claim right after it.
    if (this.polling) {
      this.refill = true;
      return;
    }
    clearTimeout(this.timer);
    this.refill = false;
    this.polling = this.claimFreeSlots()
      .catch((err: unknown) => this.opts.log.error({ err }, 'job poll failed'))
      .then(() => {
        this.polling = undefined;
        if (this.stopping) return;
        if (this.refill) this.fill();
        // Every slot is busy (a job that ends claims the next while more may be due) or nothing else is due: look
        // again after the interval.
        else this.timer = setTimeout(() => this.fill(), this.opts.pollMs);
      });
  }

  /** Claims due jobs for the free slots and starts them. */
  private async claimFreeSlots(): Promise<void> {
    const free = this.opts.concurrency - this.running.size;
    if (free <= 0) return;
    const jobs = await this.claim(free);
    this.more = jobs.length === free;
    for (const job of jobs)
      void this.track(this.execute(job))
        .catch((err: unknown) => this.opts.log.error({ err, jobId: job.id }, 'job bookkeeping failed'))
        .finally(() => {
          if (this.more) this.fill();
        });
  }

  /** Claims and runs one batch; returns how many jobs it ran. Tests call this directly. */
  async runOnce(): Promise<number> {
    const free = this.opts.concurrency - this.running.size;
    if (free <= 0) return 0;
    const jobs = await this.claim(free);
    const runs = jobs.map((job) => this.track(this.execute(job)));
    await Promise.allSettled(runs);
    return jobs.length;
  }

  /** Runs batches until nothing is due. */
  async drain(): Promise<number> {
    let total = 0;
    for (let n = await this.runOnce(); n > 0; n = await this.runOnce()) total += n;
    return total;
  }

  private track(p: Promise<void>): Promise<void> {
    this.running.add(p);
    return p.finally(() => this.running.delete(p));
  }

  private async claim(limit: number): Promise<ClaimedJob[]> {
    const leaseMs = this.opts.leaseMs ?? 300_000;
    // Due and lease times are on the worker's clock (not the database's now()), the same clock that scheduled them.
    const now = this.opts.clock.now();
    const leaseExpired = new Date(now.getTime() - leaseMs);
    const { rows } = await sql<ClaimedJob>`
      UPDATE jobs SET status = 'running', locked_at = ${now}, locked_by = ${this.id}, attempts = attempts + 1
      WHERE id IN (
        SELECT id FROM jobs
        WHERE (status = 'pending' AND run_at <= ${now})
           OR (status = 'running' AND locked_at < ${leaseExpired})
        ORDER BY run_at, id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, type, payload, attempts, max_attempts`.execute(this.db.kysely);
    return rows;
  }

  private async execute(job: ClaimedJob): Promise<void> {
    const log = this.opts.log.child({ jobId: job.id, jobType: job.type });
    const handler = this.registry[job.type];
    try {
      if (!handler) throw new Error(`No handler for job type ${job.type}`);
      await handler(job.payload, {
        db: this.db,
        log,
        jobId: job.id,
        attempt: job.attempts,
        now: this.opts.clock.now(),
      });
      await this.db.kysely
        .updateTable('jobs')
        .set({ status: 'done', finished_at: this.opts.clock.now(), locked_at: null, last_error: null })
        .where('id', '=', job.id)
        .execute();
    } catch (err) {
      const dead = !handler || job.attempts >= job.max_attempts;
      const message = err instanceof Error ? err.message : String(err);
      log.warn({ err, attempt: job.attempts, dead }, 'job failed');
      const now = this.opts.clock.now();
      await this.db.kysely
        .updateTable('jobs')
        .set({
          status: dead ? 'dead' : 'pending',
          last_error: message.slice(0, 2000),
          locked_at: null,
          run_at: new Date(now.getTime() + backoffMs(job.attempts)),
          finished_at: dead ? now : null,
        })
        .where('id', '=', job.id)
        .execute();
    }
  }
}
