import { beforeAll, describe, expect, it } from 'vitest';
import { actor, createDemoDb, createTestApp } from '../../test/harness';
import { readableAgencyIds } from './access';

describe('readableAgencyIds: leaders read their unit subtree', async () => {
  const { db } = await createTestApp({}, await createDemoDb());
  const ids = new Map<string, string>();
  beforeAll(async () => {
    for (const a of await db.kysely.selectFrom('agencies').select(['id', 'short_name']).execute())
      ids.set(a.short_name, a.id);
  });
  it('a provincial leader reads every agency of the province, including district and commune ones', async () => {
    const r = await readableAgencyIds(
      db.kysely,
      actor({ kind: 'staff', roles: ['leader'], agencyId: ids.get('UBNDT')! }),
    );
    expect(r.sort()).toEqual([...ids.values()].sort());
  });
  it('a district leader reads the district and its communes, not the province', async () => {
    const r = await readableAgencyIds(
      db.kysely,
      actor({ kind: 'staff', roles: ['leader'], agencyId: ids.get('UBNDHBS')! }),
    );
    expect(r).toContain(ids.get('UBNDHBS'));
    expect(r).not.toContain(ids.get('STTTT'));
  });
  it('other staff read only their own agency; citizens none', async () => {
    expect(
      await readableAgencyIds(
        db.kysely,
        actor({ kind: 'staff', roles: ['specialist'], agencyId: ids.get('STTTT')! }),
      ),
    ).toEqual([ids.get('STTTT')]);
    expect(await readableAgencyIds(db.kysely, actor({ kind: 'citizen' }))).toEqual([]);
  });
});
