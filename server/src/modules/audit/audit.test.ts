import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../test/harness';
import { audit, verifyAuditChain, type AuditActor } from './audit.service';

const clerk: AuditActor = {
  type: 'staff',
  id: 'u-1',
  name: 'Nguyễn Văn An',
  ip: '10.0.0.5',
  userAgent: 'test',
  at: new Date('2026-11-25T02:00:00Z'),
};

describe('audit log', async () => {
  const db = await createTestDb();
  for (let i = 1; i <= 5; i++) {
    await audit(db, clerk, {
      action: 'dossier.receive',
      target: { type: 'dossier', id: `d-${i}` },
      details: { b: i, a: [1, { z: 'ý', y: null }] },
    });
  }

  it('chains every entry to the previous one', async () => {
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 5 });
  });

  it('refuses UPDATE and DELETE (append-only)', async () => {
    await expect(sql`UPDATE audit_log SET action = 'x' WHERE seq = 1`.execute(db.kysely)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit_log WHERE seq = 1`.execute(db.kysely)).rejects.toThrow(/append-only/);
  });

  it('reports the first broken link after a row is edited by hand', async () => {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(db.kysely);
    await sql`UPDATE audit_log SET details = '{"b": 999}' WHERE seq = 3`.execute(db.kysely);
    expect(await verifyAuditChain(db)).toEqual({ ok: false, entries: 2, brokenAt: 3, reason: 'edited' });
  });

  it('reports a deleted row', async () => {
    const db2 = await createTestDb();
    for (let i = 1; i <= 4; i++) await audit(db2, clerk, { action: 'login' });
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(db2.kysely);
    await sql`DELETE FROM audit_log WHERE seq = 2`.execute(db2.kysely);
    expect(await verifyAuditChain(db2)).toEqual({ ok: false, entries: 1, brokenAt: 2, reason: 'missing' });
  });

  it.runIf(process.env.TEST_DATABASE_URL)('motcua audit verify exits 1 naming the broken entry', async () => {
    const cli = path.resolve(__dirname, '../../../bin/motcua.mjs');
    const run = promisify(execFile);
    const url = (db as { url?: string }).url!;
    const err = await run('node', [cli, 'audit', 'verify'], {
      env: { ...process.env, DATABASE_URL: url },
    }).catch((e: { code: number; stdout: string }) => e);
    expect((err as { code: number }).code).toBe(1);
    expect((err as { stdout: string }).stdout).toMatch(/BROKEN at entry 3 \(edited\)/);
  });
});
