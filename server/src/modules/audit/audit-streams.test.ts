import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../test/harness';
import { appendAudit, audit, chainHash, verifyAuditChain, type AuditActor } from './audit.service';

const system: AuditActor = { type: 'system', at: new Date('2026-11-25T02:00:00Z') };

describe('audit streams (ADR 0010)', () => {
  it('a second entry in one transaction follows the first on the same stream', async () => {
    const db = await createTestDb();
    await db.kysely.transaction().execute(async (trx) => {
      await appendAudit(trx, system, { action: 'one' });
      await appendAudit(trx, system, { action: 'two' });
    });
    const rows = await db.kysely
      .selectFrom('audit_log')
      .select(['seq', 'stream', 'prev_seq'])
      .orderBy('seq')
      .execute();
    expect(rows).toEqual([
      { seq: 1, stream: 0, prev_seq: null },
      { seq: 2, stream: 0, prev_seq: 1 },
    ]);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 2 });
  });

  it('reports a stream whose newest rows were deleted (its head still names the last one)', async () => {
    const db = await createTestDb();
    for (let i = 0; i < 3; i++) await audit(db, system, { action: 'login' });
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(db.kysely);
    await sql`DELETE FROM audit_log WHERE seq = 3`.execute(db.kysely);
    expect(await verifyAuditChain(db)).toEqual({ ok: false, entries: 2, brokenAt: 3, reason: 'missing' });
  });

  it('reports a row moved to another stream', async () => {
    const db = await createTestDb();
    for (let i = 0; i < 3; i++) await audit(db, system, { action: 'login' });
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(db.kysely);
    await sql`UPDATE audit_log SET stream = 5 WHERE seq = 3`.execute(db.kysely);
    expect(await verifyAuditChain(db)).toEqual({ ok: false, entries: 2, brokenAt: 3, reason: 'edited' });
  });

  it('continues a log written before streams: old rows verify by seq, new ones link to the last of them', async () => {
    const db = await createTestDb();
    // Two rows as the single-chain writer left them: chain_version 1, hash without stream fields.
    let prevHash = '0'.repeat(64);
    for (const seq of [1, 2]) {
      const at = new Date(Date.UTC(2026, 0, seq));
      const fields = {
        seq,
        at: at.toISOString(),
        actorType: 'system',
        actorId: null,
        actorName: null,
        action: 'old',
        targetType: null,
        targetId: null,
        details: {},
        ip: null,
        userAgent: null,
        requestId: null,
      };
      const hash = chainHash(prevHash, fields);
      await sql`INSERT INTO audit_log (seq, at, actor_type, action, details, prev_hash, hash, chain_version)
        VALUES (${seq}, ${at}, 'system', 'old', '{}', ${prevHash}, ${hash}, 1)`.execute(db.kysely);
      prevHash = hash;
    }
    // What the migration does for such a log.
    await sql`SELECT setval(pg_get_serial_sequence('audit_log', 'seq'), 2)`.execute(db.kysely);
    await sql`INSERT INTO audit_heads (stream, seq, hash) VALUES (0, 2, ${prevHash})`.execute(db.kysely);
    await audit(db, system, { action: 'new' });
    const third = await db.kysely
      .selectFrom('audit_log')
      .select(['seq', 'stream', 'prev_seq', 'prev_hash'])
      .where('action', '=', 'new')
      .executeTakeFirstOrThrow();
    expect(third).toEqual({ seq: 3, stream: 0, prev_seq: 2, prev_hash: prevHash });
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 3 });
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    'concurrent transactions append without waiting for each other, and every chain verifies',
    async () => {
      const db = await createTestDb();
      // The stream heads are created by the first entry ever; concurrent first writers would wait for it.
      await audit(db, system, { action: 'first' });
      // One transaction holds a stream until it commits; another one audits and commits meanwhile.
      let release!: () => void;
      const holding = new Promise<void>((r) => (release = r));
      let appended!: () => void;
      const firstAppended = new Promise<void>((r) => (appended = r));
      const slow = db.kysely.transaction().execute(async (trx) => {
        await appendAudit(trx, system, { action: 'slow' });
        appended();
        await holding;
      });
      await firstAppended;
      await audit(db, system, { action: 'fast' });
      release();
      await slow;
      // Many at once, some with two entries each.
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          db.kysely.transaction().execute(async (trx) => {
            await appendAudit(trx, system, { action: 'many', details: { i } });
            if (i % 3 === 0) await appendAudit(trx, system, { action: 'many.again', details: { i } });
          }),
        ),
      );
      const streams = await db.kysely.selectFrom('audit_log').select('stream').distinct().execute();
      expect(streams.length).toBeGreaterThan(1);
      expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 3 + 40 + 14 });
    },
  );
});
