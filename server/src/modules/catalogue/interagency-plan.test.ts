import { describe, expect, it } from 'vitest';
import type { TWorkflowResponse } from '@motcua/contracts';
import { actor, asActor, createTestApp } from '../../test/harness';
import { sampleProcedure, withOrganisation } from './catalogue.fixtures';
import { defaultWorkflow } from './workflow';

describe('inter-agency plan in the catalogue editor (issue 14)', async () => {
  const t = await createTestApp();
  await withOrganisation(t.db);
  const editor = asActor(actor({ kind: 'staff', roles: ['catalogue_editor'] }));
  const put = (payload: object) =>
    t.app.inject({ method: 'PUT', url: '/api/admin/procedures/1.009994/workflow', headers: editor, payload });
  const idOf = async (short: string) =>
    (
      await t.db.kysely
        .selectFrom('agencies')
        .select('id')
        .where('short_name', '=', short)
        .executeTakeFirstOrThrow()
    ).id;
  const w = defaultWorkflow({ unit: 'working_days', value: 15 });
  const partner = (agencyId: string, workingDays: number) => ({
    agencyId,
    task: { vi: 'Xác nhận hồ sơ pháp lý', en: 'Legal check' },
    workingDays,
  });

  it('partners must be inter-agency agencies of the version, and their budgets leave the lead time', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/procedures',
      headers: editor,
      payload: sampleProcedure({ interAgencies: ['STP'] }),
    });
    expect(created.statusCode).toBe(201);
    const [stp, sttt, sxd] = [await idOf('STP'), await idOf('STTTT'), await idOf('SXD')];
    for (const [partners, problem] of [
      [[partner(stp, 15)], 'leaves the lead no time'],
      [[partner(sttt, 2)], 'is not an inter-agency agency'],
      [[partner(sxd, 2)], 'the lead agency is not its own partner'],
    ] as const) {
      const bad = await put({ ...w, interagency: { partners } });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().message).toContain(problem);
    }
    const before = await t.app.inject({
      method: 'GET',
      url: '/api/admin/procedures/1.009994/workflow',
      headers: editor,
    });
    expect(before.json<TWorkflowResponse>().isDefault).toBe(true);
    const ok = await put({ ...w, interagency: { partners: [partner(stp, 5)] } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<TWorkflowResponse>().workflow.interagency?.partners).toEqual([partner(stp, 5)]);
  });
});
