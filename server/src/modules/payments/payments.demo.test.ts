import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../db/seed';
import { createTestApp } from '../../test/harness';
import { useProcedureFixtures } from '../dossiers/procedures.test-helpers';

describe('demo payments', async () => {
  useProcedureFixtures([]);
  const t = await createTestApp({ dataDir: mkdtempSync(path.join(tmpdir(), 'motcua-pay-demo-')) });
  await seedDemo(t.deps);

  it('has a counter payment and an online payment, each with its receipt, and seeds once', async () => {
    const rows = await t.db.kysely
      .selectFrom('payments')
      .select(['channel', 'status', 'amount', 'receipt_no', 'receipt_sha256'])
      .orderBy('paid_at')
      .execute();
    expect(rows.map((r) => [r.channel, r.status, r.amount])).toEqual([
      ['online', 'paid', 15000],
      ['desk', 'paid', 150000],
    ]);
    expect(rows.every((r) => r.receipt_no && r.receipt_sha256)).toBe(true);
    await seedDemo(t.deps);
    expect((await t.db.kysely.selectFrom('payments').select('id').execute()).length).toBe(2);
  });
});
