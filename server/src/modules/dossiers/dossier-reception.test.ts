import { describe, expect, it } from 'vitest';
import type { TDossierDetail } from '@motcua/contracts';
import { pdfText } from '../documents/pdf-inspect.test-helpers';
import { codeDay } from './dossier-code';
import { detail, expectStoredEqualsReplay, intakeFixture } from './dossiers.test-helpers';

describe('reception decisions', async () => {
  const f = await intakeFixture();
  const clerk = f.clerk('STTTT');
  const accept = (d: Pick<TDossierDetail, 'id' | 'version'>, who = clerk, extra = {}) =>
    f.inject(who, 'POST', `/api/reception/dossiers/${d.id}/accept`, { expectedVersion: d.version, ...extra });

  it('accept: the code from the authority identifier, receipt day and sequence; appointment; receipt PDF; handover', async () => {
    const d = detail(await f.submit(f.citizenA), 201);
    const a = detail(await accept(d));
    expect(a.code).toBe(`H99.15-${codeDay(f.deps.clock.now())}-0001`);
    expect(a.status).toBe('in_processing');
    expect(a.appointmentAt).not.toBeNull();
    expect(new Date(a.appointmentAt!).getTime()).toBeGreaterThan(
      new Date(a.receivedAt!).getTime() + 10 * 86_400_000,
    );
    expect(a.events.map((e) => e.type)).toEqual(['submitted', 'received', 'handed_over']);
    expect(a.events[1]!.actor).toEqual({ type: 'staff', name: clerk.name });
    expect(a.holdingAgency?.id).toBe(f.agency('STTTT'));
    expect(a.holdingDepartment?.name).toBe('Phòng Bưu chính, Viễn thông');
    // The version's workflow is pinned; after the handover the head of the department assigns (issue 12).
    expect(a.processing?.processingTime).toEqual({ unit: 'working_days', value: 10 });
    expect(a.processing?.steps.map((x) => x.key)).toEqual([
      'reception',
      'assignment',
      'appraisal',
      'approval',
      'result',
      'return',
    ]);
    expect(a.processing?.currentStep).toMatchObject({ key: 'assignment', enteredAt: a.handoverAt });
    expect(new Date(a.processing!.currentStep!.dueAt) > new Date(a.handoverAt!)).toBe(true);
    const receipt = a.documents.find((x) => x.kind === 'receipt')!;
    expect(receipt.templateSet).toBe('tt03-2025');
    const pdf = await f.inject(f.citizenA, 'GET', receipt.url);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain(a.code!);
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect((await f.inject(f.citizenB, 'GET', receipt.url)).statusCode).toBe(404);
    const audit = await f.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', d.id)
      .execute();
    expect(audit.map((x) => x.action)).toEqual(['dossier.submit', 'dossier.accept', 'dossier.hand_over']);
    const msgs = await f.db.kysely
      .selectFrom('dossier_messages')
      .select(['kind', 'body'])
      .where('dossier_id', '=', d.id)
      .where('channel', '=', 'portal')
      .orderBy('created_at')
      .orderBy('kind', 'desc')
      .execute();
    expect(msgs.map((m) => m.kind)).toEqual(['submitted', 'received']);
    expect(msgs[1]!.body).toContain(a.code!);
    // Later amendments cannot happen once received, and the code stays.
    const amend = await f.inject(f.citizenA, 'PATCH', `/api/dossiers/${d.id}`, {
      expectedVersion: a.version,
      formData: {},
    });
    expect(amend.statusCode).toBe(409);
    expect(amend.json().code).toBe('DOSSIER_STATE');
  });

  it('two clerks accepting at once: exactly one wins, one code is assigned, the other gets 409 and nothing changes', async () => {
    const d = detail(await f.submit(f.citizenA), 201);
    const [r1, r2] = await Promise.all([accept(d, clerk), accept(d, f.clerk('STTTT', 2))]);
    const statuses = [r1.statusCode, r2.statusCode].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = r1.statusCode === 409 ? r1 : r2;
    expect(loser.json().code).toBe('CONFLICT');
    const events = await f.db.kysely
      .selectFrom('dossier_events')
      .select('type')
      .where('dossier_id', '=', d.id)
      .execute();
    expect(events.filter((e) => e.type === 'received')).toHaveLength(1);
    const stale = await accept(d);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toContain('Dữ liệu đã bị thay đổi');
  });

  it('codes count up per agency and day, never twice, across many concurrent accepts', async () => {
    const ds = await Promise.all(
      Array.from({ length: 5 }, async () => detail(await f.submit(f.citizenB), 201)),
    );
    const codes = await Promise.all(ds.map(async (d) => detail(await accept(d)).code));
    expect(new Set(codes).size).toBe(5);
    for (const c of codes) expect(c).toMatch(/^H99\.15-\d{6}-\d{4}$/);
  });

  it('only reception officers of the receiving agency decide; others get 404 or 403', async () => {
    const d = detail(await f.submit(f.citizenA), 201);
    expect((await accept(d, f.clerk('SXD'))).statusCode).toBe(404);
    expect(
      (await f.inject(f.citizenA, 'POST', `/api/reception/dossiers/${d.id}/accept`, { expectedVersion: 1 }))
        .statusCode,
    ).toBe(403);
    const specialist = { ...clerk, roles: ['specialist' as const] };
    expect((await accept(d, specialist)).statusCode).toBe(403);
  });

  it('request supplement lists every item at once (empty list refused); the applicant resubmits and the 8-hour clock restarts', async () => {
    const d = detail(await f.submit(f.citizenA), 201);
    const empty = await f.inject(clerk, 'POST', `/api/reception/dossiers/${d.id}/request-supplement`, {
      expectedVersion: d.version,
      items: [],
    });
    expect(empty.statusCode).toBe(400);
    const items = [
      {
        componentCode: 'quyet-dinh',
        component: 'Bản sao quyết định thành lập',
        problem: 'defective',
        reason: 'Bản sao không rõ nét',
        guidance: 'Chụp lại bản rõ nét, đủ các trang',
      },
      {
        componentCode: 'de-an',
        component: 'Đề án hoạt động',
        problem: 'missing',
        reason: 'Chưa nộp đề án',
        guidance: 'Nộp đề án theo mẫu',
      },
    ];
    const s = detail(
      await f.inject(clerk, 'POST', `/api/reception/dossiers/${d.id}/request-supplement`, {
        expectedVersion: d.version,
        items,
      }),
    );
    expect(s.status).toBe('supplement_requested');
    expect(s.supplementRequest?.items).toHaveLength(2);
    expect(s.receptionDueAt).toBeNull();
    const form = s.documents.find((x) => x.kind === 'supplement_request')!;
    const text = await pdfText((await f.inject(f.citizenA, 'GET', form.url)).rawPayload);
    expect(text).toContain('Bản sao không rõ nét');
    expect(text).toContain('Chưa nộp đề án');
    const email = await f.db.kysely
      .selectFrom('messages')
      .select(['body', 'status'])
      .where('template', '=', 'dossier.supplement_requested')
      .where('channel', '=', 'email')
      .executeTakeFirstOrThrow();
    expect(email.body).toContain('Bản sao không rõ nét');
    // Someone else cannot answer it.
    const up = await f.upload(f.citizenA);
    const body = {
      expectedVersion: s.version,
      attachments: [{ componentCode: 'quyet-dinh', fileIds: [up.id] }],
    };
    expect((await f.inject(f.citizenB, 'POST', `/api/dossiers/${d.id}/supplement`, body)).statusCode).toBe(
      404,
    );
    const back = detail(await f.inject(f.citizenA, 'POST', `/api/dossiers/${d.id}/supplement`, body));
    expect(back.status).toBe('submitted');
    expect(new Date(back.receptionDueAt!).getTime()).toBeGreaterThan(
      new Date(d.receptionDueAt!).getTime() - 1,
    );
    expect(back.attachments.find((a) => a.componentCode === 'quyet-dinh')!.files[0]!.id).toBe(up.id);
    expect(back.attachments.find((a) => a.componentCode === 'don')!.revision).toBe(2);
    // Every revision is kept.
    const revisions = await f.db.kysely
      .selectFrom('dossier_attachments')
      .select(['revision', 'component_code'])
      .where('dossier_id', '=', d.id)
      .execute();
    expect(revisions.filter((r) => r.component_code === 'quyet-dinh')).toHaveLength(2);
    expect(back.events.map((e) => e.type)).toEqual([
      'submitted',
      'supplement_requested',
      'supplement_submitted',
    ]);
  });

  it('refuse with the reason and the competent agency (Mẫu 03)', async () => {
    const d = detail(await f.submit(f.citizenA), 201);
    const short = await f.inject(clerk, 'POST', `/api/reception/dossiers/${d.id}/refuse`, {
      expectedVersion: d.version,
      reason: '',
    });
    expect(short.statusCode).toBe(400);
    const r = detail(
      await f.inject(clerk, 'POST', `/api/reception/dossiers/${d.id}/refuse`, {
        expectedVersion: d.version,
        reason: 'Không thuộc thẩm quyền giải quyết của Sở Thông tin và Truyền thông',
        competentAgency: 'Sở Văn hóa, Thể thao và Du lịch tỉnh An Hòa',
      }),
    );
    expect(r.status).toBe('refused');
    expect(r.refusal?.competentAgency).toBe('Sở Văn hóa, Thể thao và Du lịch tỉnh An Hòa');
    const form = r.documents.find((x) => x.kind === 'refusal')!;
    const text = await pdfText((await f.inject(f.citizenA, 'GET', form.url)).rawPayload);
    expect(text).toContain('Sở Văn hóa, Thể thao và Du lịch');
    const again = await f.inject(clerk, 'POST', `/api/reception/dossiers/${d.id}/accept`, {
      expectedVersion: r.version,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('DOSSIER_STATE');
  });

  it('amend and withdraw before reception, by the applicant only; earlier attachments are kept', async () => {
    const d = detail(await f.submit(f.citizenA), 201);
    const up = await f.upload(f.citizenA);
    const body = {
      expectedVersion: d.version,
      formData: { tenTrang: 'Tên mới', tenMien: 'moi.vn' },
      attachments: [{ componentCode: 'don', fileIds: [up.id] }],
    };
    expect((await f.inject(f.citizenB, 'PATCH', `/api/dossiers/${d.id}`, body)).statusCode).toBe(404);
    const a = detail(await f.inject(f.citizenA, 'PATCH', `/api/dossiers/${d.id}`, body));
    expect(a.formData).toEqual({ tenTrang: 'Tên mới', tenMien: 'moi.vn' });
    expect(a.version).toBe(d.version + 1);
    const stale = await f.inject(f.citizenA, 'PATCH', `/api/dossiers/${d.id}`, body);
    expect(stale.statusCode).toBe(409);
    const w = detail(
      await f.inject(f.citizenA, 'POST', `/api/dossiers/${d.id}/withdraw`, {
        expectedVersion: a.version,
        reason: 'Nộp nhầm',
      }),
    );
    expect(w.status).toBe('withdrawn');
    expect(w.events.map((e) => e.type)).toEqual(['submitted', 'amended', 'withdrawn']);
    const old = d.attachments.find((x) => x.componentCode === 'don')!.files[0]!;
    expect((await f.inject(f.citizenA, 'GET', `/api/dossiers/${d.id}/files/${old.id}`)).statusCode).toBe(200);
  });

  it('replay: every dossier left by these tests has the status and appointment its events give', async () => {
    expect(await expectStoredEqualsReplay(f.db)).toBeGreaterThan(0);
  });
});
