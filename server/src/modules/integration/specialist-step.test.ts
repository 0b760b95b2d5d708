import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { TDossierDetail } from '@motcua/contracts';
import { createDemoDb, createTestApp } from '../../test/harness';
import { sysAdmin } from './integration.test-helpers';

/** 004 Đ4.3: a ministry's specialist software takes a workflow step through an API key, as its staff account. */
describe('a specialist system takes a processing step via an API key', async () => {
  const t = await createTestApp({}, await createDemoDb());
  const db = t.db.kysely;
  // A demo dossier at a specialist's step, assigned to someone: the system acts as that specialist.
  const d = await db
    .selectFrom('dossiers')
    .select(['id', 'version', 'handler_id'])
    .where('status', '=', 'in_processing')
    .where(sql<string>`step_role`, '=', 'specialist') // generated column (inbox migration)
    .where('handler_id', 'is not', null)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const client = async (scopes: string[]) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/api-clients',
      headers: sysAdmin,
      payload: { name: 'Phần mềm chuyên ngành của Sở', scopes, actsAsUserId: d.handler_id, perMinute: 30 },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ key: string }>().key;
  };
  const appraise = (key: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/processing/dossiers/${d.id}/appraise`,
      headers: { authorization: `Bearer ${key}` },
      payload: {
        expectedVersion: d.version,
        opinion: 'Hồ sơ đủ điều kiện theo thẩm định của phần mềm chuyên ngành',
        proposal: 'approve',
      },
    });
  const version = async () =>
    (await db.selectFrom('dossiers').select('version').where('id', '=', d.id).executeTakeFirstOrThrow())
      .version;

  it('refuses a key without the "steps:update" scope with 403, changing nothing', async () => {
    const reader = await client(['dossiers:read']);
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/dossiers/${d.id}`,
      headers: { authorization: `Bearer ${reader}` },
    });
    expect(read.statusCode, read.body).toBe(200); // it receives the dossier's data
    expect((await appraise(reader)).statusCode).toBe(403);
    expect(await version()).toBe(d.version);
  });

  it('takes the appraisal step with the scope, through the same action pipeline as a person', async () => {
    const key = await client(['dossiers:read', 'steps:update']);
    const res = await appraise(key);
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json<TDossierDetail>();
    expect(after.version).toBeGreaterThan(d.version);
    expect(after.events.at(-1)).toMatchObject({ type: 'appraised' });
    const calls = await db.selectFrom('api_client_calls').select(['route', 'status']).execute();
    expect(calls).toContainEqual({ route: '/api/processing/dossiers/:id/appraise', status: 200 });
    expect(calls).toContainEqual({ route: '/api/processing/dossiers/:id/appraise', status: 403 });
  });
});
