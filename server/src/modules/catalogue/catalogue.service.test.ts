import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../test/harness';
import type { Db } from '../../db/client';
import { publishDraft, retireProcedure, saveDraft } from './catalogue.editor';
import { getProcedure, getProcedureVersion, getProcedureVersionInForce } from './catalogue.service';
import { EDITOR_AUDIT, sampleProcedure, withOrganisation } from './catalogue.fixtures';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
  await withOrganisation(db);
});

describe('procedure versions', () => {
  const t1 = new Date('2026-03-10T02:00:00Z');
  const t2 = new Date('2026-04-10T02:00:00Z');
  const t3 = new Date('2026-05-10T02:00:00Z');

  it('a draft is not public; publishing makes it the version in force', async () => {
    await db.kysely.transaction().execute((trx) => saveDraft(trx, EDITOR_AUDIT, sampleProcedure()));
    await expect(getProcedure(db.kysely, '1.009994')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await db.kysely.transaction().execute((trx) => publishDraft(trx, EDITOR_AUDIT, '1.009994', t1));
    const p = await getProcedure(db.kysely, '1.009994');
    expect(p).toMatchObject({
      versionNo: 1,
      status: 'published',
      processingTime: { unit: 'working_days', value: 15 },
      serviceLevel: 'full_online',
      onlineSubmission: true,
      publicationDeadline: '2026-03-13',
    });
    expect(p.agencies.map((a) => a.shortName)).toEqual(['SXD']);
    expect(p.components[0]?.form?.url).toMatch(/^\/api\/procedures\/1\.009994\/forms\//);
    expect(p.components[0]?.originalRequired).toBe(true);
  });

  it('editing creates a new version; the old one stays in force for earlier moments', async () => {
    await db.kysely
      .transaction()
      .execute((trx) =>
        saveDraft(
          trx,
          EDITOR_AUDIT,
          sampleProcedure({ processingTime: { unit: 'working_days', value: 10 } }),
        ),
      );
    expect((await getProcedure(db.kysely, '1.009994')).versionNo).toBe(1);
    await db.kysely.transaction().execute((trx) => publishDraft(trx, EDITOR_AUDIT, '1.009994', t2));
    const now = await getProcedure(db.kysely, '1.009994');
    expect(now).toMatchObject({ versionNo: 2, processingTime: { value: 10 } });
    const before = await getProcedureVersionInForce(db.kysely, '1.009994', new Date('2026-03-20T00:00:00Z'));
    expect(before).toMatchObject({
      versionNo: 1,
      versionStatus: 'superseded',
      processingTime: { value: 15 },
    });
    expect((await getProcedureVersion(db.kysely, before.versionId)).versionNo).toBe(1);
    await expect(
      getProcedureVersionInForce(db.kysely, '1.009994', new Date('2026-01-01T00:00:00Z')),
    ).rejects.toMatchObject({ code: 'PROCEDURE_NOT_PUBLISHED' });
  });

  it('retiring refuses new submissions but keeps history', async () => {
    await db.kysely.transaction().execute((trx) => retireProcedure(trx, EDITOR_AUDIT, '1.009994', t3));
    await expect(getProcedure(db.kysely, '1.009994')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getProcedureVersionInForce(db.kysely, '1.009994', t3)).rejects.toMatchObject({
      code: 'PROCEDURE_RETIRED',
    });
    const old = await getProcedureVersionInForce(db.kysely, '1.009994', new Date('2026-04-20T00:00:00Z'));
    expect(old.versionNo).toBe(2);
  });

  it('unknown codes and version ids are NOT_FOUND', async () => {
    await expect(getProcedureVersionInForce(db.kysely, 'X.1', t1)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(getProcedureVersion(db.kysely, 'nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      getProcedureVersion(db.kysely, '00000000-0000-4000-8000-000000000000'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
