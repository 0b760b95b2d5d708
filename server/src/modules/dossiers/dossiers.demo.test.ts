import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../db/seed';
import { createTestApp } from '../../test/harness';
import { useProcedureFixtures } from './ports';
import { expectStoredEqualsReplay } from './dossiers.test-helpers';

describe('demo dossiers', async () => {
  useProcedureFixtures([]);
  const t = await createTestApp({ dataDir: mkdtempSync(path.join(tmpdir(), 'motcua-demo-')) });

  it('npm start shows one dossier of every reception outcome, made through the services', async () => {
    const loaded = await seedDemo(t.deps);
    expect(loaded).toContain('dossiers');
    const rows = await t.db.kysely
      .selectFrom('dossiers')
      .select(['code', 'status', 'channel', 'reception_due_at'])
      .orderBy('submitted_at')
      .execute();
    const statuses = rows.map((r) => `${r.channel}:${r.status}`);
    expect(statuses).toEqual([
      'online:in_processing',
      'online:supplement_requested',
      'online:refused',
      'counter:in_processing',
      'online:submitted',
      'online:submitted',
    ]);
    const codes = rows.flatMap((r) => (r.code ? [r.code] : []));
    expect(codes.map((c) => c.split('-').slice(1).join('-'))).toEqual(['261116-0001', '261119-0001']);
    // One waits past the 8-working-hour clock, the other just came in.
    const waiting = rows.filter((r) => r.status === 'submitted');
    expect(waiting.map((r) => r.reception_due_at! < t.clock.now())).toEqual([true, false]);
    const lookup = await t.app.inject({ method: 'GET', url: `/api/lookup/${encodeURIComponent(codes[0]!)}` });
    expect(lookup.statusCode, lookup.body).toBe(200);
    const events = await t.db.kysely.selectFrom('dossier_events').select('type').execute();
    expect(events.map((e) => e.type)).toContain('handed_over');
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'dossier.%')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(10);
    const docs = await t.db.kysely.selectFrom('dossier_documents').select('kind').execute();
    expect(docs.map((d) => d.kind).sort()).toEqual(['receipt', 'receipt', 'refusal', 'supplement_request']);
  });

  it('replay: every dossier left by these tests has the status and appointment its events give', async () => {
    expect(await expectStoredEqualsReplay(t.db)).toBeGreaterThan(0);
  });
});
