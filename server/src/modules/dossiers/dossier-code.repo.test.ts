import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../test/harness';
import { formatDossierCode } from './dossier-code';
import { nextDossierSequence } from './dossier-code.repo';

describe('dossier code sequence', async () => {
  const db = await createTestDb();
  const at = new Date('2026-03-02T03:00:00Z');

  it('counts per agency and day, from 0001', async () => {
    const take = (agency: string, when: Date) =>
      db.kysely.transaction().execute((trx) => nextDossierSequence(trx, agency, when));
    expect(await take('000.00.15.H99', at)).toBe(1);
    expect(await take('000.00.15.H99', at)).toBe(2);
    expect(await take('000.00.17.H99', at)).toBe(1);
    expect(await take('000.00.15.H99', new Date('2026-03-03T03:00:00Z'))).toBe(1);
  });

  it('never hands out a number twice under concurrency, and reuses a rolled-back one', async () => {
    const codes = await Promise.all(
      Array.from({ length: 30 }, () =>
        db.kysely
          .transaction()
          .execute(async (trx) =>
            formatDossierCode('H99.12', at, await nextDossierSequence(trx, 'H99.12', at)),
          ),
      ),
    );
    expect(new Set(codes).size).toBe(30);
    await db.kysely
      .transaction()
      .execute(async (trx) => {
        await nextDossierSequence(trx, 'H99.12', at);
        throw new Error('acceptance failed later');
      })
      .catch(() => undefined);
    expect(await db.kysely.transaction().execute((trx) => nextDossierSequence(trx, 'H99.12', at))).toBe(31);
  });
});
