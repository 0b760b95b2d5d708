import { describe, expect, it } from 'vitest';
import type { TWorkflowResponse } from '@motcua/contracts';
import { actor, asActor, createTestApp } from '../../test/harness';
import { sampleProcedure, withOrganisation } from './catalogue.fixtures';
import { defaultWorkflow } from './workflow';

describe('procedure workflow API (issue 12)', async () => {
  const t = await createTestApp();
  await withOrganisation(t.db);
  const editor = asActor(actor({ kind: 'staff', roles: ['catalogue_editor'] }));
  const call = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: object, headers = editor) =>
    t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const time = { unit: 'working_days' as const, value: 15 };

  it('a draft without a workflow has the default; PUT replaces it when the budgets add up, else 422 in both languages', async () => {
    expect((await call('POST', '/api/admin/procedures', sampleProcedure())).statusCode).toBe(201);
    const first = (await call('GET', '/api/admin/procedures/1.009994/workflow')).json<TWorkflowResponse>();
    expect(first.isDefault).toBe(true);
    expect(first.versionStatus).toBe('draft');
    expect(first.workflow).toEqual(defaultWorkflow(time));

    // Appraisal given one day more than the total allows: refused, nothing written.
    const w = defaultWorkflow(time);
    const tooLong = {
      ...w,
      steps: w.steps.map((s) =>
        s.kind === 'appraisal' ? { ...s, budget: { unit: 'working_days' as const, value: 15 } } : s,
      ),
    };
    const bad = await call('PUT', '/api/admin/procedures/1.009994/workflow', tooLong);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('WORKFLOW_INVALID');
    expect(bad.json().message).toContain('Quy trình xử lý chưa hợp lệ');
    const badEn = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/procedures/1.009994/workflow',
      headers: { ...editor, 'accept-language': 'en' },
      payload: tooLong,
    });
    expect(badEn.json().message).toContain('The processing workflow is not valid');
    expect((await call('GET', '/api/admin/procedures/1.009994/workflow')).json().isDefault).toBe(true);

    // The approval given one more day, taken from the appraisal, and a back-step: accepted.
    const mine = {
      ...w,
      supplementNoticeDays: 5,
      steps: w.steps.map((s) =>
        s.kind === 'appraisal'
          ? { ...s, budget: { unit: 'working_hours' as const, value: 52 } }
          : s.kind === 'approval'
            ? { ...s, budget: { unit: 'working_days' as const, value: 4 }, backTo: 'assignment' }
            : s,
      ),
    };
    const ok = await call('PUT', '/api/admin/procedures/1.009994/workflow', mine);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<TWorkflowResponse>()).toMatchObject({
      isDefault: false,
      workflow: { supplementNoticeDays: 5 },
    });

    // Published, the version keeps it; a new draft carries it over; a published version cannot be replaced.
    expect((await call('POST', '/api/admin/procedures/1.009994/publish')).statusCode).toBe(200);
    const published = (
      await call('GET', '/api/admin/procedures/1.009994/workflow')
    ).json<TWorkflowResponse>();
    expect(published).toMatchObject({ versionStatus: 'published', isDefault: false });
    const noDraft = await call('PUT', '/api/admin/procedures/1.009994/workflow', mine);
    expect(noDraft.statusCode).toBe(404);
    expect(noDraft.json().message).toContain('bản nháp của thủ tục 1.009994');
    expect(
      (await call('PUT', '/api/admin/procedures/1.009994', sampleProcedure({ changeNote: 'x' }))).statusCode,
    ).toBe(200);
    const draft2 = (await call('GET', '/api/admin/procedures/1.009994/workflow')).json<TWorkflowResponse>();
    expect(draft2).toMatchObject({
      versionStatus: 'draft',
      isDefault: false,
      workflow: { supplementNoticeDays: 5 },
    });
  });

  it('only catalogue editors', async () => {
    const clerk = asActor(actor({ kind: 'staff', roles: ['reception_officer'] }));
    expect((await call('GET', '/api/admin/procedures/1.009994/workflow', undefined, clerk)).statusCode).toBe(
      403,
    );
    expect((await call('GET', '/api/admin/procedures/1.009994/workflow', undefined, {})).statusCode).toBe(
      401,
    );
  });
});
