import { createHash } from 'node:crypto';
import { sql, type Selectable, type Transaction } from 'kysely';
import type { Db } from '../../db/client';
import type { AuditLogTable, Database } from '../../db/schema';
import { PREPARED } from '../../db/prepared';

const GENESIS = '0'.repeat(64);
/**
 * Independent chains. A writer takes the head of the first stream no other transaction holds, so up to this many
 * transactions append (and commit) at once; beyond that, writers queue on a head row instead of on one global lock.
 */
export const AUDIT_STREAMS = 32;

/** Who did it and from where; built once per request by the HTTP layer. */
export type AuditActor = {
  type: 'user' | 'staff' | 'system' | 'anonymous';
  id?: string | null;
  name?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
  /** When the actor acted, from the clock of the request, job or seed. */
  at: Date;
};

export type AuditEntry = {
  action: string;
  target?: { type: string; id: string };
  details?: Record<string, unknown>;
};

type ChainedFields = {
  seq: number;
  /** Only in chain_version 2 rows: the stream and the predecessor's seq there (null for a stream's first row). */
  stream?: number;
  prevSeq?: number | null;
  at: string;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: unknown;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
};

/** JSON with keys sorted at every level: jsonb reorders keys, the hash must not depend on it. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function chainHash(prevHash: string, fields: ChainedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(fields)).digest('hex');
}

type Head = { stream: number; seq: number | null; hash: string; next: number };

/** The stream a transaction already holds: a second entry in the same transaction goes on the same chain. */
const held = new WeakMap<Transaction<Database>, number>();

/**
 * Locks the head of a stream until commit and draws the new entry's seq (after the lock, so seq grows along each
 * stream). First choice: the lowest-numbered stream nobody holds (SKIP LOCKED; in READ COMMITTED the row read is the
 * latest committed head). When every stream is busy, or the heads do not exist yet, create them and wait for one.
 */
async function lockHead(trx: Transaction<Database>): Promise<Head> {
  const own = held.get(trx);
  const pick = (where: ReturnType<typeof sql>) =>
    sql<Head>`SELECT h.stream, h.seq, h.hash, nextval(pg_get_serial_sequence('audit_log', 'seq')) AS next
      FROM (SELECT stream, seq, hash FROM audit_heads ${where}) h ${PREPARED}`.execute(trx);
  const free = async () => (await pick(sql`ORDER BY stream LIMIT 1 FOR UPDATE SKIP LOCKED`)).rows[0];
  const wait = async (stream: number) => (await pick(sql`WHERE stream = ${stream} FOR UPDATE`)).rows[0];
  let head = own === undefined ? await free() : await wait(own);
  if (!head) {
    await sql`INSERT INTO audit_heads (stream, seq, hash)
      SELECT s, NULL, ${GENESIS} FROM generate_series(0, ${AUDIT_STREAMS - 1}) AS s ON CONFLICT DO NOTHING`.execute(
      trx,
    );
    head = (await free()) ?? (await wait(Math.floor(Math.random() * AUDIT_STREAMS)))!;
  }
  held.set(trx, head.stream);
  return { ...head, next: Number(head.next) };
}

/**
 * Appends one entry inside the caller's transaction: two statements, the head of one stream locked until commit
 * (ADR 0010). Entries of one stream are linked by prev_seq and prev_hash; concurrent transactions use other streams.
 */
export async function appendAudit(
  trx: Transaction<Database>,
  actor: AuditActor,
  entry: AuditEntry,
): Promise<void> {
  const head = await lockHead(trx);
  const at = actor.at;
  const fields: ChainedFields = {
    seq: head.next,
    stream: head.stream,
    prevSeq: head.seq,
    at: at.toISOString(),
    actorType: actor.type,
    actorId: actor.id ?? null,
    actorName: actor.name ?? null,
    action: entry.action,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    details: JSON.parse(JSON.stringify(entry.details ?? {})),
    ip: actor.ip ?? null,
    userAgent: actor.userAgent ?? null,
    requestId: actor.requestId ?? null,
  };
  const hash = chainHash(head.hash, fields);
  await trx
    .with('head', (db) =>
      db.updateTable('audit_heads').set({ seq: fields.seq, hash }).where('stream', '=', head.stream),
    )
    .insertInto('audit_log')
    .values({
      seq: fields.seq,
      stream: head.stream,
      prev_seq: head.seq,
      chain_version: 2,
      at,
      actor_type: fields.actorType,
      actor_id: fields.actorId,
      actor_name: fields.actorName,
      action: fields.action,
      target_type: fields.targetType,
      target_id: fields.targetId,
      details: JSON.stringify(fields.details),
      ip: fields.ip,
      user_agent: fields.userAgent,
      request_id: fields.requestId,
      prev_hash: head.hash,
      hash,
    })
    .modifyEnd(PREPARED)
    .execute();
}

/** Convenience for code that is not already in a transaction. */
export async function audit(db: Db, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await db.kysely.transaction().execute((trx) => appendAudit(trx, actor, entry));
}

export type AuditVerification =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenAt: number; reason: 'edited' | 'missing' | 'relinked' };

/**
 * Walks the log in seq order, following each stream's chain, and reports the first broken link: a row whose content
 * no longer matches its hash (edited), a row whose predecessor is gone or a stream whose tail is shorter than its
 * head says (missing), or a row pointing at a predecessor or hash other than its stream's previous row (relinked).
 */
function fieldsOf(r: Selectable<AuditLogTable>, legacy: boolean): ChainedFields {
  return {
    seq: r.seq,
    ...(legacy ? {} : { stream: r.stream, prevSeq: r.prev_seq }),
    at: r.at.toISOString(),
    actorType: r.actor_type,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    details: r.details,
    ip: r.ip,
    userAgent: r.user_agent,
    requestId: r.request_id,
  };
}

export async function verifyAuditChain(
  db: Db,
  onProgress: (checked: number) => void = () => undefined,
): Promise<AuditVerification> {
  // Heads first: each one read here is committed, so its row is among those the walk below reads.
  const heads = await db.kysely
    .selectFrom('audit_heads')
    .select(['stream', 'seq'])
    .where('seq', 'is not', null)
    .execute();
  const last = new Map<number, { seq: number; hash: string }>();
  let legacyNext = 1;
  let checked = 0;
  let after = 0;
  const broken = (brokenAt: number, reason: 'edited' | 'missing' | 'relinked') =>
    ({ ok: false, entries: checked, brokenAt, reason }) as const;
  for (;;) {
    const rows = await db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(5_000)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      after = r.seq;
      const prev = last.get(r.stream);
      const legacy = r.chain_version === 1;
      // Rows from before streams are gapless from 1 in stream 0; later rows name their predecessor.
      const prevSeq = legacy ? (r.seq > 1 ? r.seq - 1 : null) : r.prev_seq;
      if (legacy && (r.stream !== 0 || r.seq !== legacyNext)) return broken(legacyNext, 'missing');
      // Content first: a row changed by hand is "edited" whichever field (its stream, its links) was changed.
      if (chainHash(r.prev_hash, fieldsOf(r, legacy)) !== r.hash) return broken(r.seq, 'edited');
      if (prevSeq !== (prev?.seq ?? null)) {
        if (prevSeq !== null && (prev === undefined || prevSeq > prev.seq)) return broken(prevSeq, 'missing');
        return broken(r.seq, 'relinked');
      }
      if (r.prev_hash !== (prev?.hash ?? GENESIS)) return broken(r.seq, 'relinked');
      last.set(r.stream, { seq: r.seq, hash: r.hash });
      if (legacy) legacyNext += 1;
      checked += 1;
    }
    onProgress(checked);
  }
  // Deleting the newest rows of a stream leaves no dangling link; its head still names the last one.
  for (const h of heads) {
    if (h.seq !== null && (last.get(h.stream)?.seq ?? 0) < h.seq) return broken(h.seq, 'missing');
  }
  return { ok: true, entries: checked };
}
