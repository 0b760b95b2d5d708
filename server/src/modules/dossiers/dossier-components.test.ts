import { describe, expect, it } from 'vitest';
import { publishDraft, saveDraft } from '../catalogue/catalogue.editor';
import { EDITOR_AUDIT, sampleProcedure } from '../catalogue/catalogue.fixtures';
import { detail, intakeFixture } from './dossiers.test-helpers';

describe('intake keys attachments by the catalogue component code', async () => {
  const f = await intakeFixture();
  await f.db.kysely.transaction().execute(async (trx) => {
    await saveDraft(trx, EDITOR_AUDIT, sampleProcedure({ code: '9.000001', eform: null }));
    await publishDraft(trx, EDITOR_AUDIT, '9.000001', new Date('2026-01-05T02:00:00Z'));
  });
  const submit = async (codes: string[]) => {
    const attachments = [];
    for (const componentCode of codes)
      attachments.push({ componentCode, fileIds: [(await f.upload(f.citizenA)).id] });
    return f.inject(f.citizenA, 'POST', '/api/dossiers', {
      procedureCode: '9.000001',
      applicant: {
        kind: 'citizen',
        name: f.citizenA.name,
        idNumber: '099201001234',
        address: 'Số 1',
        phone: null,
        email: null,
      },
      formData: {},
      attachments,
    });
  };

  it('accepts the codes and names each attachment after its component', async () => {
    const d = detail(await submit(['TP1', 'TP2']), 201);
    expect(d.attachments.map((a) => [a.componentCode, a.componentName])).toEqual([
      ['TP1', 'Đơn đề nghị cấp giấy phép xây dựng'],
      ['TP2', 'Bản vẽ thiết kế xây dựng'],
    ]);
    const bad = await submit(['TP1', 'TP9']);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toContain('TP9');
  });

  it('a dossier keyed by position before codes existed stays readable and carries over on amendment', async () => {
    const d = detail(await submit(['TP1', 'TP2']), 201);
    // What an older dossier holds: attachments keyed "1", "2" (append-only rows: a new revision, as before codes).
    const old = await f.db.kysely
      .selectFrom('dossier_attachments')
      .selectAll()
      .where('dossier_id', '=', d.id)
      .execute();
    await f.db.kysely
      .insertInto('dossier_attachments')
      .values(old.map((a, i) => ({ ...a, id: undefined, revision: 2, component_code: String(i + 1) })))
      .execute();
    await f.db.kysely
      .updateTable('dossiers')
      .set({ attachments_revision: 2 })
      .where('id', '=', d.id)
      .execute();
    const before = detail(await f.inject(f.citizenA, 'GET', `/api/dossiers/${d.id}`));
    expect(before.attachments.map((a) => a.componentName)).toEqual([
      'Đơn đề nghị cấp giấy phép xây dựng',
      'Bản vẽ thiết kế xây dựng',
    ]);
    const file = await f.upload(f.citizenA);
    const res = await f.inject(f.citizenA, 'PATCH', `/api/dossiers/${d.id}`, {
      expectedVersion: before.version,
      attachments: [{ componentCode: '2', fileIds: [file.id] }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = detail(await f.inject(f.citizenA, 'GET', `/api/dossiers/${d.id}`));
    expect(after.attachments.map((a) => a.componentCode).sort()).toEqual(['TP1', 'TP2']);
    expect(after.attachments.find((a) => a.componentCode === 'TP2')!.files.map((x) => x.id)).toEqual([
      file.id,
    ]);
  });
});
