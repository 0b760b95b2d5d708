import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/client';
import type { Database } from '../../db/schema';

const AUDIT_LOCK = 734_002;
const GENESIS = '0'.repeat(64);

/** Who did it and from where; built once per request by the HTTP layer. */
export type AuditActor = {
  type: 'user' | 'staff' | 'system' | 'anonymous';
  id?: string | null;
  name?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
};

export type AuditEntry = {
  action: string;
  target?: { type: string; id: string };
  details?: Record<string, unknown>;
};

type ChainedFields = {
  seq: number;
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

/**
 * Appends one entry inside the caller's transaction. The advisory lock serialises writers across processes,
 * so each entry links to exactly one predecessor.
 */
export async function appendAudit(
  trx: Transaction<Database>,
  actor: AuditActor,
  entry: AuditEntry,
): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(trx);
  const last = await trx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const at = new Date();
  const fields: ChainedFields = {
    seq: (last?.seq ?? 0) + 1,
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
  const prevHash = last?.hash ?? GENESIS;
  await trx
    .insertInto('audit_log')
    .values({
      seq: fields.seq,
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
      prev_hash: prevHash,
      hash: chainHash(prevHash, fields),
    })
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
 * Walks the chain in pages and reports the first broken link: a row whose content no longer matches its hash
 * (edited), a gap in the sequence (deleted), or a row pointing at a hash other than its predecessor's.
 */
export async function verifyAuditChain(
  db: Db,
  onProgress: (checked: number) => void = () => undefined,
): Promise<AuditVerification> {
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(5_000)
      .execute();
    if (rows.length === 0) return { ok: true, entries: checked };
    for (const r of rows) {
      if (r.seq !== expectedSeq)
        return { ok: false, entries: checked, brokenAt: expectedSeq, reason: 'missing' };
      if (r.prev_hash !== prevHash)
        return { ok: false, entries: checked, brokenAt: r.seq, reason: 'relinked' };
      const fields: ChainedFields = {
        seq: r.seq,
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
      if (chainHash(prevHash, fields) !== r.hash)
        return { ok: false, entries: checked, brokenAt: r.seq, reason: 'edited' };
      prevHash = r.hash;
      expectedSeq += 1;
      checked += 1;
    }
    onProgress(checked);
  }
}
