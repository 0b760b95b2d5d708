import { pdfBytes } from '../../files/files.fixtures';
import { describe, expect, it } from 'vitest';
import type { TDossierDetail } from '@motcua/contracts';
import type { Actor } from '../../http/auth';
import { detail, expectStoredEqualsReplay } from './dossiers.test-helpers';
import { at, officeFixture } from './processing-office.test-helpers';

// Literal dates, Việt Nam time, on the 2026 official calendar: Tết 16–20/2/2026; working hours 07–11, 13–17.

describe('processing: office actions through the one pipeline, on the regulations’ clock (issue 12)', async () => {
  // Staff who exist as accounts (the steps check units, departments and roles of real users).
  const { f, dept, head, specialist, desk, act, received, staff } = await officeFixture(0);
  const other = await staff(3, 'Chuyên viên Hai', ['specialist'], dept);

  it('walks desk → head assigns → specialist appraises with a verification record → leader approves → desk issues and returns', async () => {
    // Thursday 12/2/2026 09:00 + 10 working days, Tết skipped: Thursday 5/3/2026 09:00.
    let d = await received('2026-02-12T09:00');
    expect(d.appointmentAt).toBe(at('2026-03-05T09:00'));
    expect(d.processing?.currentStep).toMatchObject({ key: 'assignment', dueAt: at('2026-02-13T09:00') });

    // Only the head of the department assigns; two heads at once: one wins, the other 409.
    expect((await act(specialist, d, 'assign', { handlerId: specialist.userId })).json().code).toBe(
      'NOT_ASSIGNED',
    );
    const [r1, r2] = await Promise.all([
      act(head, d, 'assign', { handlerId: specialist.userId }),
      act(head, d, 'assign', { handlerId: other.userId }),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
    d = (r1.statusCode === 200 ? r1 : r2).json<TDossierDetail>();
    const handler = r1.statusCode === 200 ? specialist : other;
    const notHandler = handler === specialist ? other : specialist;
    expect(d.processing?.currentStep?.key).toBe('appraisal');

    // Only the assigned handler acts (an unassigned peer is refused); a reassignment needs a reason.
    const opinion = {
      opinion: 'Hồ sơ đầy đủ, đúng quy định.',
      proposal: 'approve',
      verification: {
        at: at('2026-02-23T09:00'),
        place: 'Trụ sở doanh nghiệp, số 12 Lê Lợi',
        participants: ['Chuyên viên thẩm định', 'Đại diện doanh nghiệp'],
        content: 'Kiểm tra hệ thống máy chủ và nhân sự quản lý nội dung.',
      },
    };
    f.clock.set(at('2026-02-23T10:00'));
    const refused = await act(notHandler, d, 'appraise', opinion);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toContain('không được giao cho bạn');
    const noReason = await act(head, d, 'assign', { handlerId: notHandler.userId });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toMatch(/phân công lại/);
    expect((await act(handler, d, 'forward')).statusCode).toBe(400); // no opinion yet
    d = detail(await act(handler, d, 'appraise', opinion));
    const appraised = d.events.at(-1)!;
    expect(appraised).toMatchObject({ type: 'appraised', actor: { type: 'staff', name: handler.name } });
    expect(appraised.data).toMatchObject({ proposal: 'approve', verification: opinion.verification });
    expect((await act(handler, { ...d, version: d.version - 1 }, 'forward')).statusCode).toBe(409);
    d = detail(await act(handler, d, 'forward'));
    expect(d.processing?.currentStep?.key).toBe('approval');

    // A late apology (after 4/3 09:00, one working day before 5/3 09:00) is recorded and flagged; only once.
    f.clock.set(at('2026-03-04T15:00'));
    d = detail(
      await act(head, d, 'extend', { workingDays: 2, reason: 'Cần xác minh thêm thông tin máy chủ.' }),
    );
    expect(d.appointmentAt).toBe(at('2026-03-09T09:00'));
    expect(d.events.at(-1)!.data).toMatchObject({
      late: true,
      newDue: new Date(at('2026-03-09T09:00')).toISOString(),
    });
    const second = await act(head, d, 'extend', { workingDays: 1, reason: 'Lần nữa.' });
    expect(second.statusCode).toBe(422);
    expect(second.json()).toMatchObject({ code: 'DEADLINE_RULE' });
    expect(second.json().message).toContain('chỉ được gia hạn một lần');

    d = detail(await act(head, d, 'forward'));
    expect(d.processing?.currentStep?.key).toBe('result');
    expect(d.events.at(-1)!.data).toMatchObject({ approved: true });

    // The desk: the result (an early one: before the appointment, 003 Đ14.4), then the return.
    f.clock.set(at('2026-03-05T10:00'));
    const pdf = await f.upload(desk, await pdfBytes(1), 'giay-phep.pdf');
    d = detail(
      await act(desk, d, 'result', {
        kind: 'granted',
        summary: 'Giấy phép số 12/GP-STTTT',
        fileIds: [pdf.id],
      }),
    );
    expect(d.status).toBe('result_ready');
    expect(d.events.at(-1)!.data).toMatchObject({ kind: 'granted', early: true, fileIds: [pdf.id] });
    // Announced as early, in the applicant's language only.
    const early = await f.db.kysely
      .selectFrom('dossier_messages')
      .select(['kind', 'body'])
      .where('dossier_id', '=', d.id)
      .where('channel', '=', 'portal')
      .where('kind', 'like', 'result%')
      .execute();
    expect(early).toEqual([{ kind: 'result_early', body: expect.stringContaining('sớm hơn ngày hẹn trả') }]);
    expect(early[0]!.body).not.toContain('ahead of');
    d = detail(await act(desk, d, 'return', { collectedBy: 'Nguyễn Văn An', originalsReturned: true }));
    expect(d.status).toBe('returned');
    expect(d.processing?.currentStep).toBeNull();
    expect(d.events.map((e) => e.type)).toEqual([
      'submitted',
      'received',
      'handed_over',
      'assigned',
      'appraised',
      'forwarded',
      'extended',
      'forwarded',
      'result_issued',
      'result_returned',
    ]);
  });

  it('supplement during appraisal: within 3 working days of receipt (Tết not counted), clock stops, restarts from zero; one complete request', async () => {
    // Received Thursday 12/2/2026 09:00: 3 working days end Tuesday 24/2/2026 09:00 (12/2, 13/2, then Tết, 23/2).
    let d = await received('2026-02-12T09:00');
    d = detail(await act(head, d, 'assign', { handlerId: specialist.userId }));
    const items = [
      {
        component: 'Đề án hoạt động',
        problem: 'missing',
        reason: 'Chưa có đề án',
        guidance: 'Nộp đề án theo mẫu',
      },
    ];
    f.clock.set(at('2026-02-24T09:01'));
    const late = await act(specialist, d, 'request-supplement', { items });
    expect(late.statusCode).toBe(422);
    expect(late.json().code).toBe('DEADLINE_RULE');
    expect(late.json().message).toContain('quá 3 ngày làm việc');
    f.clock.set(at('2026-02-24T08:59'));
    d = detail(await act(specialist, d, 'request-supplement', { items }));
    expect(d.status).toBe('processing_supplement');
    expect(d.appointmentAt).toBeNull();

    // The applicant completes it Monday 2/3 10:00: 10 full working days again, to Monday 16/3 10:00.
    f.clock.set(at('2026-03-02T10:00'));
    const file = await f.upload(f.citizenA);
    d = detail(
      await f.inject(f.citizenA, 'POST', `/api/dossiers/${d.id}/supplement`, {
        expectedVersion: d.version,
        attachments: [{ componentCode: 'de-an', fileIds: [file.id] }],
      }),
    );
    expect(d.status).toBe('in_processing');
    expect(d.appointmentAt).toBe(at('2026-03-16T10:00'));
    expect(d.processing?.currentStep).toMatchObject({ key: 'appraisal', enteredAt: at('2026-03-02T10:00') });

    // One complete request: a second only for a defect new in the supplement itself, and counted.
    f.clock.set(at('2026-03-03T10:00'));
    const again = await act(specialist, d, 'request-supplement', { items });
    expect(again.statusCode).toBe(422);
    expect(again.json().message).toContain('một lần');
    d = detail(await act(specialist, d, 'request-supplement', { items, reason: 'new_defect_in_supplement' }));
    expect(d.events.at(-1)!.data).toMatchObject({ repeat: 1, stage: 'processing' });
    const count = await f.db.kysely
      .selectFrom('dossier_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('dossier_id', '=', d.id)
      .where('type', '=', 'supplement_requested')
      .where(({ eb, ref }) => eb(eb.fn('jsonb_extract_path_text', [ref('data'), eb.val('repeat')]), '=', '1'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);

    // On time: the apology one working day before the (restarted) deadline is not flagged.
    f.clock.set(at('2026-03-04T10:00'));
    d = detail(
      await f.inject(f.citizenA, 'POST', `/api/dossiers/${d.id}/supplement`, {
        expectedVersion: d.version,
        attachments: [{ componentCode: 'de-an', fileIds: [(await f.upload(f.citizenA)).id] }],
      }),
    );
    expect(d.appointmentAt).toBe(at('2026-03-18T10:00'));
    f.clock.set(at('2026-03-17T09:00'));
    d = detail(await act(specialist, d, 'extend', { workingDays: 5, reason: 'Cần lấy ý kiến thêm.' }));
    expect(d.appointmentAt).toBe(at('2026-03-25T10:00'));
    expect(d.events.at(-1)!.data).toMatchObject({ late: false });
  });

  it('back a step with a reason; the applicant stops it (Mẫu 05) and is told; the extension and result reach the applicant', async () => {
    let d = await received('2026-08-20T09:00');
    d = detail(await act(head, d, 'assign', { handlerId: specialist.userId }));
    d = detail(await act(specialist, d, 'appraise', { opinion: 'Đủ điều kiện.', proposal: 'approve' }));
    d = detail(await act(specialist, d, 'forward'));
    expect(d.processing?.currentStep?.key).toBe('approval');
    expect((await act(head, d, 'step-back', {})).statusCode).toBe(400); // a reason is required
    d = detail(await act(head, d, 'step-back', { reason: 'Cần làm rõ nguồn tin.' }));
    expect(d.processing?.currentStep?.key).toBe('appraisal');
    expect(d.events.at(-1)).toMatchObject({ type: 'stepped_back', reason: 'Cần làm rõ nguồn tin.' });
    const wrongStep = await act(desk, d, 'result', { kind: 'granted', summary: 'Không đúng bước.' });
    expect(wrongStep.statusCode).toBe(409);
    expect(wrongStep.json().message).toBe(
      'Hồ sơ đang ở trạng thái “Thẩm định hồ sơ”, không thể trả kết quả về Bộ phận Một cửa.',
    );
    // A new instance of the appraisal step, back with its last handler: a peer is still refused.
    expect((await act(other, d, 'appraise', { opinion: 'x x x', proposal: 'approve' })).statusCode).toBe(403);
    d = detail(await act(specialist, d, 'appraise', { opinion: 'Đã làm rõ.', proposal: 'approve' }));

    // Someone else's dossier: 404; the applicant stops it.
    const stop = { expectedVersion: d.version, reason: 'Tôi không còn nhu cầu.' };
    expect((await f.inject(f.citizenB, 'POST', `/api/dossiers/${d.id}/stop`, stop)).statusCode).toBe(404);
    d = detail(await f.inject(f.citizenA, 'POST', `/api/dossiers/${d.id}/stop`, stop));
    expect(d.status).toBe('stopped');
    expect(d.events.at(-1)!.data).toMatchObject({ requestedBy: 'applicant' });
    const kinds = await f.db.kysely
      .selectFrom('dossier_messages')
      .select(['kind', 'body'])
      .where('dossier_id', '=', d.id)
      .where('channel', '=', 'portal')
      .execute();
    expect(kinds.map((k) => k.kind)).toContain('stopped');

    // Extension and result notices carry the new date and say "early".
    let e = await received('2026-08-20T09:00');
    e = detail(await act(head, e, 'assign', { handlerId: specialist.userId }));
    e = detail(await act(specialist, e, 'extend', { workingDays: 3, reason: 'Chờ xác minh.' }));
    const notes = await f.db.kysely
      .selectFrom('dossier_messages')
      .select(['kind', 'body'])
      .where('dossier_id', '=', e.id)
      .where('channel', '=', 'portal')
      .execute();
    const apology = notes.find((n) => n.kind === 'extended')!;
    expect(apology.body).toContain('Chờ xác minh.');
    expect(apology.body).toMatch(/\d{2}\/\d{2}\/2026/);
    // The desk records a stop too (the applicant asked at the counter).
    e = detail(
      await f.inject(desk, 'POST', `/api/processing/dossiers/${e.id}/stop`, {
        expectedVersion: e.version,
        reason: 'Người nộp đề nghị dừng tại quầy.',
      }),
    );
    expect(e.events.at(-1)!.data).toMatchObject({ requestedBy: 'desk' });
  });

  it('reception: one complete supplement request too (000 Đ6.2.c)', async () => {
    f.clock.set(at('2026-03-02T09:00'));
    let d = detail(await f.submit(f.citizenA), 201);
    const items = [
      { component: 'Đơn', problem: 'defective', reason: 'Thiếu chữ ký', guidance: 'Ký và nộp lại' },
    ];
    const ask = (extra = {}) =>
      f.inject(desk, 'POST', `/api/reception/dossiers/${d.id}/request-supplement`, {
        expectedVersion: d.version,
        items,
        ...extra,
      });
    d = detail(await ask());
    const file = await f.upload(f.citizenA);
    d = detail(
      await f.inject(f.citizenA, 'POST', `/api/dossiers/${d.id}/supplement`, {
        expectedVersion: d.version,
        attachments: [{ componentCode: 'don', fileIds: [file.id] }],
      }),
    );
    const second = await ask();
    expect(second.statusCode).toBe(422);
    expect(second.json().message).toContain('chỉ yêu cầu bổ sung một lần');
    d = detail(await ask({ reason: 'new_defect_in_supplement' }));
    expect(d.events.at(-1)!.data).toMatchObject({ stage: 'reception', repeat: 1 });
  });

  it('an immediate result: the desk issues it at once and returns it; never late', async () => {
    const commune = f.clerk('UBNDXTP', 3);
    const scan = await f.upload(commune);
    f.clock.set(at('2026-03-02T09:00'));
    const r = detail(
      await f.inject(commune, 'POST', '/api/reception/dossiers', {
        channel: 'counter',
        procedureCode: '2.000908',
        applicant: {
          kind: 'citizen',
          name: 'Lê Thị Cúc',
          idNumber: '099185000777',
          address: 'Tân Phú',
          phone: null,
          email: null,
        },
        components: [
          { componentCode: 'ban-chinh', copyKind: 'original', copies: 1, fileIds: [scan.id], pageCount: 1 },
        ],
      }),
      201,
    );
    let d = detail(
      await f.inject(commune, 'POST', `/api/reception/dossiers/${r.id}/accept`, { expectedVersion: 1 }),
    );
    expect(d.processing?.currentStep?.key).toBe('return');
    d = detail(await act(commune, d, 'result', { kind: 'granted', summary: 'Bản sao chứng thực' }));
    expect(d.status).toBe('result_ready');
    d = detail(await act(commune, d, 'return', { collectedBy: 'Lê Thị Cúc', originalsReturned: true }));
    expect(d.status).toBe('returned');
  });

  it('a refusal after appraisal is a result of kind refused with Mẫu 03; uncollected at the desk until the applicant downloads it', async () => {
    let d = await received('2026-03-02T09:00');
    d = detail(await act(head, d, 'assign', { handlerId: specialist.userId }));
    d = detail(await act(specialist, d, 'appraise', { opinion: 'Không đủ điều kiện.', proposal: 'refuse' }));
    d = detail(await act(specialist, d, 'forward'));
    d = detail(await act(head, d, 'forward'));
    d = detail(
      await act(desk, d, 'result', { kind: 'refused', summary: 'Không đáp ứng điều kiện về nhân sự.' }),
    );
    expect(d.status).toBe('result_ready');
    expect(d.documents.map((x) => x.kind)).toContain('refusal');
    const list = await f.inject(desk, 'GET', '/api/processing/uncollected');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(d.id);
    expect((await f.inject(specialist, 'GET', '/api/processing/uncollected')).statusCode).toBe(403);
    // Online result: the applicant downloads it; nobody else can close it that way.
    const collect = { expectedVersion: d.version };
    expect((await f.inject(f.citizenB, 'POST', `/api/dossiers/${d.id}/collect`, collect)).statusCode).toBe(
      404,
    );
    d = detail(await f.inject(f.citizenA, 'POST', `/api/dossiers/${d.id}/collect`, collect));
    expect(d.status).toBe('returned');
    expect(d.events.at(-1)!.data).toMatchObject({ at: 'online' });
    const after = (await f.inject(desk, 'GET', '/api/processing/uncollected')).json();
    expect(after.items.map((i: { id: string }) => i.id)).not.toContain(d.id);
  });

  it('a counter applicant sent back for a supplement completes it at the desk (no longer a dead end)', async () => {
    const commune = f.clerk('UBNDXTP', 3);
    f.clock.set(at('2026-03-03T09:00'));
    const scan = await f.upload(commune);
    let d = detail(
      await f.inject(commune, 'POST', '/api/reception/dossiers', {
        channel: 'counter',
        procedureCode: '2.000908',
        applicant: {
          kind: 'citizen',
          name: 'Lê Thị Cúc',
          idNumber: '099185000777',
          address: 'Tân Phú',
          phone: null,
          email: null,
        },
        components: [
          { componentCode: 'ban-chinh', copyKind: 'photocopy', copies: 1, fileIds: [scan.id], pageCount: 1 },
        ],
      }),
      201,
    );
    d = detail(
      await f.inject(commune, 'POST', `/api/reception/dossiers/${d.id}/request-supplement`, {
        expectedVersion: d.version,
        items: [
          { component: 'Bản chính', problem: 'defective', reason: 'Bản chụp mờ', guidance: 'Mang bản chính' },
        ],
      }),
    );
    expect(d.status).toBe('supplement_requested');
    const clearer = await f.upload(commune);
    const body = {
      expectedVersion: d.version,
      components: [
        {
          componentCode: 'ban-chinh',
          copyKind: 'original',
          copies: 1,
          originalShown: true,
          fileIds: [clearer.id],
          pageCount: 1,
        },
      ],
    };
    expect(
      (await f.inject(desk, 'POST', `/api/reception/dossiers/${d.id}/supplement`, body)).statusCode,
    ).toBe(404);
    d = detail(await f.inject(commune, 'POST', `/api/reception/dossiers/${d.id}/supplement`, body));
    expect(d.status).toBe('submitted');
    expect(d.events.at(-1)).toMatchObject({
      type: 'supplement_submitted',
      channel: 'counter',
      data: { atDesk: true },
    });
    expect(d.attachments.map((a) => [a.revision, a.copyKind])).toEqual([[2, 'original']]);
    d = detail(
      await f.inject(commune, 'POST', `/api/reception/dossiers/${d.id}/accept`, {
        expectedVersion: d.version,
      }),
    );
    expect(d.status).toBe('in_processing');
  });

  it('the desk forwards a dossier for another agency to that agency’s desk the same day instead of refusing (003 Đ12.3)', async () => {
    const centre = f.clerk('TTPVHCC', 4);
    const commune = f.clerk('UBNDXTP', 3);
    f.clock.set(at('2026-03-03T10:00'));
    const scan = await f.upload(centre);
    let d = detail(
      await f.inject(centre, 'POST', '/api/reception/dossiers', {
        channel: 'counter',
        procedureCode: '2.000908',
        applicant: {
          kind: 'citizen',
          name: 'Lê Thị Cúc',
          idNumber: '099185000777',
          address: 'Tân Phú',
          phone: null,
          email: null,
        },
        components: [
          { componentCode: 'ban-chinh', copyKind: 'original', copies: 1, fileIds: [scan.id], pageCount: 1 },
        ],
      }),
      201,
    );
    const transfer = (agencyId: string) =>
      f.inject(centre, 'POST', `/api/reception/dossiers/${d.id}/transfer`, {
        expectedVersion: d.version,
        agencyId,
        reason: 'Thuộc thẩm quyền UBND xã Tân Phú.',
      });
    const wrong = await transfer(f.agency('SXD'));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toContain('không có thẩm quyền');
    d = detail(await transfer(f.agency('UBNDXTP')));
    expect(d.status).toBe('submitted');
    expect(d.receivingAgency.id).toBe(f.agency('UBNDXTP'));
    expect(d.events.at(-1)).toMatchObject({
      type: 'transferred',
      reason: 'Thuộc thẩm quyền UBND xã Tân Phú.',
    });
    const accept = (who: Actor) =>
      f.inject(who, 'POST', `/api/reception/dossiers/${d.id}/accept`, { expectedVersion: d.version });
    expect((await accept(centre)).statusCode).toBe(404);
    expect(detail(await accept(commune)).status).toBe('in_processing');
  });

  it('replay: every dossier here has the status and appointment its events give', async () => {
    expect(await expectStoredEqualsReplay(f.db)).toBeGreaterThan(1);
  });
});
