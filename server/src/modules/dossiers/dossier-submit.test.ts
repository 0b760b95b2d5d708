import { describe, expect, it } from 'vitest';
import { exeBytes, pdfBytes } from '../../files/files.fixtures';
import { detail, intakeFixture } from './dossiers.test-helpers';

describe('online submission', async () => {
  const f = await intakeFixture();

  it('acknowledges at once with a submission reference, the procedure version and the 8-hour reception deadline', async () => {
    const d = detail(await f.submit(f.citizenA), 201);
    expect(d.status).toBe('submitted');
    expect(d.submissionRef).toMatch(/^\d{6}-[0-9A-F]{10}$/);
    expect(d.code).toBeNull();
    expect(d.procedure.versionId).toBe('6f1c2a80-0000-4000-8000-000000000001');
    expect(d.receptionDueAt).not.toBeNull();
    expect(d.receivingAgency.id).toBe(f.agency('STTTT'));
    expect(d.authorityAgency.id).toBe(f.agency('STTTT'));
    expect(d.attachments.map((a) => a.componentCode).sort()).toEqual(['don', 'quyet-dinh']);
    expect(d.events.map((e) => e.type)).toEqual(['submitted']);
    // Notification written with the submission: the portal inbox at once, email and SMS in the outbox.
    const inbox = await f.db.kysely
      .selectFrom('dossier_messages')
      .select('channel')
      .where('dossier_id', '=', d.id)
      .execute();
    expect(inbox.map((m) => m.channel)).toEqual(['portal']);
    const outbox = await f.db.kysely
      .selectFrom('messages')
      .select(['channel', 'recipient', 'status'])
      .where('template', '=', 'dossier.submitted')
      .execute();
    expect(outbox.map((m) => m.channel).sort()).toEqual(['email', 'sms']);
    const jobs = await f.db.kysely
      .selectFrom('jobs')
      .select('type')
      .where('type', '=', 'notifications.deliver')
      .execute();
    expect(jobs.length).toBe(2);
  });

  it('returns the same dossier for a retried Idempotency-Key, never a second one', async () => {
    const first = detail(await f.submit(f.citizenA, {}, 'submit-key-0001'), 201);
    // The retry carries the same body (the same uploaded files), as a client's retry does.
    const body = {
      procedureCode: '1.004227',
      applicant: first.applicant,
      formData: first.formData,
      attachments: first.attachments.map((a) => ({
        componentCode: a.componentCode,
        fileIds: a.files.map((x) => x.id),
      })),
    };
    const again = await f.inject(f.citizenA, 'POST', '/api/dossiers', body, {
      'idempotency-key': 'submit-key-0002',
    });
    const again2 = await f.inject(f.citizenA, 'POST', '/api/dossiers', body, {
      'idempotency-key': 'submit-key-0002',
    });
    expect(detail(again2, 201).id).toBe(detail(again, 201).id);
    const n = await f.db.kysely
      .selectFrom('dossiers')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('applicant_user_id', '=', f.citizenA.userId)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(3);
  });

  it('creates one dossier when identical requests race with one key', async () => {
    const up = await f.upload(f.citizenB);
    const up2 = await f.upload(f.citizenB);
    const body = {
      procedureCode: '1.004227',
      applicant: {
        kind: 'citizen',
        name: 'Trần Thị Bình',
        idNumber: '099301000111',
        address: null,
        phone: null,
        email: null,
      },
      formData: { tenTrang: 'Trang B', tenMien: 'trangb.vn' },
      attachments: [
        { componentCode: 'don', fileIds: [up.id] },
        { componentCode: 'quyet-dinh', fileIds: [up2.id] },
      ],
    };
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        f.inject(f.citizenB, 'POST', '/api/dossiers', body, { 'idempotency-key': 'race-key-0001' }),
      ),
    );
    const ids = new Set(results.map((r) => detail(r, 201).id));
    expect(ids.size).toBe(1);
    const rows = await f.db.kysely
      .selectFrom('dossiers')
      .select('id')
      .where('applicant_user_id', '=', f.citizenB.userId)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses a missing required component, an invalid e-form, a retired procedure and staff submitting as citizen', async () => {
    const up = await f.upload(f.citizenA);
    const base = {
      procedureCode: '1.004227',
      applicant: {
        kind: 'citizen',
        name: 'Nguyễn Văn An',
        idNumber: '099201001234',
        address: null,
        phone: null,
        email: null,
      },
      formData: { tenTrang: 'Tin tức', tenMien: 'tin.vn' },
      attachments: [{ componentCode: 'don', fileIds: [up.id] }],
    };
    const missing = await f.inject(f.citizenA, 'POST', '/api/dossiers', base);
    expect(missing.statusCode).toBe(422);
    expect(missing.json()).toMatchObject({ code: 'MISSING_COMPONENTS' });
    expect(missing.json().message).toContain('Bản sao quyết định thành lập');
    const badForm = await f.inject(
      f.citizenA,
      'POST',
      '/api/dossiers',
      { ...base, formData: { tenTrang: 'x' } },
      { 'accept-language': 'en' },
    );
    expect(badForm.statusCode).toBe(422);
    expect(badForm.json()).toMatchObject({ code: 'FORM_INVALID' });
    const retired = await f.inject(f.citizenA, 'POST', '/api/dossiers', {
      ...base,
      procedureCode: '1.000001',
      attachments: [],
    });
    expect(retired.json()).toMatchObject({ code: 'PROCEDURE_UNAVAILABLE' });
    const staff = await f.inject(f.clerk('STTTT'), 'POST', '/api/dossiers', base);
    expect(staff.statusCode).toBe(403);
    const anon = await f.inject(null, 'POST', '/api/dossiers', base);
    expect(anon.statusCode).toBe(401);
  });

  it("refuses another applicant's uploaded file as if it did not exist", async () => {
    const theirs = await f.upload(f.citizenB);
    const mine = await f.upload(f.citizenA);
    const res = await f.submit(f.citizenA, {
      attachments: [
        { componentCode: 'don', fileIds: [theirs.id] },
        { componentCode: 'quyet-dinh', fileIds: [mine.id] },
      ],
    });
    expect(res.statusCode).toBe(404);
  });

  it('checks uploads by content: an .exe named .pdf is refused; a PDF records its pages', async () => {
    const exe = await f.app.inject({
      method: 'POST',
      url: '/api/dossier-files',
      payload: exeBytes(),
      headers: {
        ...(await import('../../test/harness')).asActor(f.citizenA),
        'content-type': 'application/pdf',
        'x-file-name': 'don.pdf',
      },
    });
    expect(exe.statusCode).toBe(415);
    expect(exe.json().code).toBe('FILE_TYPE_NOT_ALLOWED');
    const pdf = await f.upload(f.citizenA, await pdfBytes(3), 'ban-ve.pdf');
    expect(pdf.pages).toBe(3);
  });

  it("lists only the applicant's own dossiers, and answers 404 for someone else's", async () => {
    const mine = await f.inject(f.citizenA, 'GET', '/api/dossiers');
    expect(mine.statusCode).toBe(200);
    const list = mine.json<{ items: Array<{ id: string; applicantName: string }>; total: number }>();
    expect(list.total).toBe(3);
    expect(list.items.every((i) => i.applicantName === 'Nguyễn Văn An')).toBe(true);
    const id = list.items[0]!.id;
    expect((await f.inject(f.citizenA, 'GET', `/api/dossiers/${id}`)).statusCode).toBe(200);
    expect((await f.inject(f.citizenB, 'GET', `/api/dossiers/${id}`)).statusCode).toBe(404);
    expect((await f.inject(f.clerk('SXD'), 'GET', `/api/dossiers/${id}`)).statusCode).toBe(404);
    expect((await f.inject(f.clerk('STTTT'), 'GET', `/api/dossiers/${id}`)).statusCode).toBe(200);
    expect((await f.inject(null, 'GET', `/api/dossiers/${id}`)).statusCode).toBe(401);
  });

  it('shows organisation dossiers to the people acting for the organisation', async () => {
    const org = '00000000-0000-4000-8000-0000000000cc';
    const a = { ...f.citizenA, organisationIds: [org] };
    const d = detail(await f.submit(a, { organisationId: org }), 201);
    const colleague = { ...f.citizenB, organisationIds: [org] };
    expect((await f.inject(colleague, 'GET', `/api/dossiers/${d.id}`)).statusCode).toBe(200);
    expect((await f.inject(f.citizenB, 'GET', `/api/dossiers/${d.id}`)).statusCode).toBe(404);
    const notMember = await f.submit(f.citizenB, { organisationId: org });
    expect(notMember.statusCode).toBe(403);
  });

  it('answers with the dossier as reading it back shows it (the answer is built from what was written)', async () => {
    const d = detail(await f.submit(f.citizenA), 201);
    expect(d.attachments.length).toBe(2);
    expect(d.attachments.every((a) => a.files.length === 1)).toBe(true);
    const read = await f.inject(f.citizenA, 'GET', `/api/dossiers/${d.id}`);
    expect(detail(read, 200)).toEqual(d);
  });
});
