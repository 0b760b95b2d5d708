import { describe, expect, it } from 'vitest';
import type { TConsultation, TConsultationList, TDossierDetail } from '@motcua/contracts';
import type { Actor } from '../../http/auth';
import { pdfText } from '../documents/pdf-inspect.test-helpers';
import { flagOverdueConsultations } from './consultation-warnings';
import { detail, expectStoredEqualsReplay } from './dossiers.test-helpers';
import { at, officeFixture, staffMaker } from './processing-office.test-helpers';

// Literal dates, Việt Nam time, on the 2026 official calendar: Tết 16–20/2/2026; working hours 07–11, 13–17.
// Procedure 1.004227 (10 working days) at Sở TT&TT, Phòng Bưu chính, Viễn thông.

const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, '');

describe('consultation (lấy ý kiến, issue 14; 003 Đ13.5)', async () => {
  const { f, sttt, dept, head, desk, act, received } = await officeFixture(60);
  const sxd = f.agency('SXD');
  const deptOf = async (agencyId: string, name: string) =>
    (
      await f.db.kysely
        .selectFrom('departments')
        .select('id')
        .where('agency_id', '=', agencyId)
        .where('name', '=', name)
        .executeTakeFirstOrThrow()
    ).id;
  const cntt = await deptOf(sttt, 'Phòng Công nghệ thông tin');
  const sxdDept = await deptOf(sxd, 'Phòng Quản lý hoạt động xây dựng');
  const person = staffMaker(f, 'a140', 'consult');
  const handler = await person('Trần Văn Chủ Trì', ['specialist'], sttt, dept);
  const itSpecialist = await person('Ngô Thị Công Nghệ', ['specialist'], sttt, cntt);
  const sxdSpecialist = await person('Vũ Văn Xây Dựng', ['specialist'], sxd, sxdDept);
  const stpStaff = await person('Đỗ Văn Tư Pháp', ['specialist'], f.agency('STP'), null);
  await person('Lê Thị Một Cửa', ['reception_officer'], sttt, null);
  const [handlerNo, deskNo] = [1, 5];

  /** Received Thursday 12/2/2026 09:00, assigned at 10:00: at the appraisal step with `handler`. */
  const atAppraisal = async () => {
    const d = await received('2026-02-12T09:00');
    f.clock.set(at('2026-02-12T10:00'));
    return detail(await act(head, d, 'assign', { handlerId: handler.userId }));
  };
  const consult = (who: Actor, d: TDossierDetail, body: object) => act(who, d, 'consult', body);
  const request = {
    to: [{ agencyId: sttt, departmentId: cntt }, { agencyId: sxd }],
    content: 'Đề nghị cho ý kiến về phương án kỹ thuật của hệ thống máy chủ đặt tại công trình.',
    workingDays: 3,
  };
  const answer = (who: Actor, c: { id: string }, version: number, body: object = {}) =>
    f.inject(who, 'POST', `/api/consultations/${c.id}/answer`, {
      expectedVersion: version,
      answer: 'opinion',
      opinion: 'Thống nhất với phương án kỹ thuật.',
      ...body,
    });
  const version = async (id: string) =>
    (
      await f.db.kysely
        .selectFrom('dossiers')
        .select('version')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).version;
  const mine = async (who: Actor) =>
    (await f.inject(who, 'GET', '/api/consultations')).json<TConsultationList>();

  it('sends to two units with deadlines in their calendars over Tết; only the handler; bad targets change nothing', async () => {
    let d = await atAppraisal();
    f.clock.set(at('2026-02-13T09:00'));
    // Not the handler (the head, the desk): refused.
    expect((await consult(head, d, request)).statusCode).toBe(403);
    expect((await consult(desk, d, request)).statusCode).toBe(403);
    // The unit processing the dossier cannot consult itself; unknown agency; a department of another agency.
    for (const to of [
      [{ agencyId: sttt, departmentId: dept }],
      [{ agencyId: sttt }],
      [{ agencyId: '00000000-0000-4000-8000-000000000999' }],
      [{ agencyId: sxd, departmentId: cntt }],
      [{ agencyId: sxd }, { agencyId: sxd }],
    ]) {
      const bad = await consult(handler, d, { ...request, to });
      expect(bad.statusCode, JSON.stringify(to)).toBe(400);
      expect(bad.json().message).toMatch(/^Yêu cầu không hợp lệ/);
    }
    const noDays = await consult(handler, d, { ...request, workingDays: 0 });
    expect(noDays.statusCode).toBe(400);
    expect(await version(d.id)).toBe(d.version);

    d = detail(await consult(handler, d, request));
    expect(d.status).toBe('in_processing');
    // Friday 13/2 09:00 + 3 working days, Tết 16–20/2 skipped: Wednesday 25/2 09:00 (the lead's clock is untouched).
    expect(d.appointmentAt).toBe(at('2026-03-05T09:00'));
    expect(d.consultations).toHaveLength(2);
    expect(d.consultations!.map((c) => [c.to.department ?? c.to.agency, c.dueAt, c.status])).toEqual([
      ['Phòng Công nghệ thông tin', at('2026-02-25T09:00'), 'open'],
      ['Sở Xây dựng tỉnh An Hòa', at('2026-02-25T09:00'), 'open'],
    ]);
    expect(d.events.at(-1)).toMatchObject({ type: 'consultation_sent', actor: { name: handler.name } });
    // It lands with the consulted units: an e-mail to their specialists (and heads).
    const asked = await f.db.kysely
      .selectFrom('messages')
      .select(['recipient', 'subject'])
      .where('template', '=', 'consultation.requested')
      .where('subject', 'like', `%${d.code}%`)
      .orderBy('recipient')
      .execute();
    expect(asked).toEqual([
      {
        recipient: 'consult2@anhoa.gov.vn',
        subject: `Đề nghị cho ý kiến về hồ sơ ${d.code}, hạn 25/02/2026 09:00`,
      },
      {
        recipient: 'consult3@anhoa.gov.vn',
        subject: `Đề nghị cho ý kiến về hồ sơ ${d.code}, hạn 25/02/2026 09:00`,
      },
    ]);

    // The applicant sees one dossier: no consultations, no consultation events.
    const own = detail(await f.inject(f.citizenA, 'GET', `/api/dossiers/${d.id}`));
    expect(own.consultations).toBeUndefined();
    expect(own.events.some((e) => e.type.startsWith('consultation'))).toBe(false);

    // The appraisal cannot move on while a consultation is open.
    f.clock.set(at('2026-02-23T09:00'));
    d = detail(await act(handler, d, 'appraise', { opinion: 'Chờ ý kiến phối hợp.', proposal: 'approve' }));
    const early = await act(handler, d, 'forward');
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain('còn ý kiến chưa được trả lời');
  });

  it('lands in the consulted unit’s list; each unit sees only its request, never the dossier', async () => {
    const d = await atAppraisal();
    f.clock.set(at('2026-02-13T09:00'));
    const sent = detail(
      await consult(handler, d, { ...request, to: [{ agencyId: sxd, departmentId: sxdDept }] }),
    );
    const c = sent.consultations![0]!;
    f.clock.set(at('2026-02-26T08:00'));
    const list = await mine(sxdSpecialist);
    const item = list.items.find((i) => i.id === c.id)!;
    expect(item).toMatchObject({
      dossierCode: sent.code,
      content: request.content,
      status: 'open',
      overdue: true,
      dueAt: at('2026-02-25T09:00'),
      from: { agency: 'Sở Thông tin và Truyền thông tỉnh An Hòa', requestedBy: handler.name },
    });
    expect(list.counts.overdue).toBeGreaterThanOrEqual(1);
    expect((await mine(itSpecialist)).items.some((i) => i.id === c.id)).toBe(false);
    // The dossier stays unseen by the consulted unit; another agency does not see the request either.
    expect((await f.inject(sxdSpecialist, 'GET', `/api/dossiers/${d.id}`)).statusCode).toBe(404);
    expect((await f.inject(sxdSpecialist, 'GET', `/api/consultations/${c.id}`)).statusCode).toBe(200);
    expect((await f.inject(stpStaff, 'GET', `/api/consultations/${c.id}`)).statusCode).toBe(404);
    expect((await answer(stpStaff, c, sent.version)).statusCode).toBe(404);
    expect((await answer(itSpecialist, c, sent.version)).statusCode).toBe(404);
    expect((await f.inject(handler, 'GET', `/api/consultations/${c.id}`)).statusCode).toBe(200);
  });

  it('answers once (two at once: one wins, 409); an answer after the deadline is graded late', async () => {
    const d = await atAppraisal();
    f.clock.set(at('2026-02-13T09:00'));
    const sent = detail(await consult(handler, d, request));
    const [toIt, toSxd] = sent.consultations!;
    // In time: Tuesday 24/2, a day before the due day.
    f.clock.set(at('2026-02-24T10:00'));
    const [r1, r2] = await Promise.all([
      answer(itSpecialist, toIt!, sent.version),
      answer(itSpecialist, toIt!, sent.version, { opinion: 'Ý kiến khác.' }),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
    const ok = (r1.statusCode === 200 ? r1 : r2).json<TConsultation>();
    expect(ok.answer).toMatchObject({ kind: 'opinion', by: itSpecialist.name, grade: 'early' });
    const again = await answer(itSpecialist, toIt!, ok.dossierVersion);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CONSULTATION_STATE' });
    expect(again.json().message).toContain('đã trả lời');

    // Late: Thursday 26/2, after the due time 25/2 09:00.
    f.clock.set(at('2026-02-26T14:00'));
    const late = await answer(sxdSpecialist, toSxd!, ok.dossierVersion, {
      answer: 'declined',
      opinion: 'Không thuộc thẩm quyền của Sở Xây dựng.',
    });
    expect(late.statusCode, late.body).toBe(200);
    expect(late.json<TConsultation>().answer).toMatchObject({ kind: 'declined', grade: 'late' });

    const after = detail(await f.inject(handler, 'GET', `/api/dossiers/${d.id}`));
    expect(after.consultations!.map((c) => c.status)).toEqual(['answered', 'declined']);
    // Every consultation answered: the appraisal may finish.
    let w = detail(await act(handler, after, 'appraise', { opinion: 'Đủ điều kiện.', proposal: 'approve' }));
    w = detail(await act(handler, w, 'forward'));
    expect(w.processing?.currentStep?.key).toBe('approval');

    // The control slip records the request and the answers, the late one graded late.
    const slip = await f.inject(desk, 'GET', `/api/processing/dossiers/${d.id}/control-slip.pdf`);
    const text = squash(await pdfText(slip.rawPayload));
    const has = (s: string) => text.includes(squash(s));
    expect(has(`Gửi lấy ý kiến: ${request.content}`)).toBe(true);
    expect(has('Trả lời ý kiến: Thống nhất với phương án kỹ thuật.')).toBe(true);
    expect(has('Từ chối cho ý kiến: Không thuộc thẩm quyền của Sở Xây dựng. Quá hạn')).toBe(true);
  });

  it('past the deadline: the warnings job flags it once (requester and desk e-mailed); the handler closes it, recording silence', async () => {
    const d = await atAppraisal();
    f.clock.set(at('2026-02-13T09:00'));
    const sent = detail(await consult(handler, d, { ...request, to: [{ agencyId: sxd }] }));
    const c = sent.consultations![0]!;
    // Before the deadline it cannot be closed without an answer.
    f.clock.set(at('2026-02-25T08:59'));
    const tooEarly = await act(handler, sent, `consultations/${c.id}/close`, {
      silenceMeansAgreement: false,
    });
    expect(tooEarly.statusCode).toBe(422);
    expect(tooEarly.json().message).toContain('chưa hết thời hạn lấy ý kiến');
    expect(await flagOverdueConsultations(f.db, f.clock.now())).toBe(0);

    f.clock.set(at('2026-02-25T09:15'));
    expect(await flagOverdueConsultations(f.db, f.clock.now())).toBeGreaterThanOrEqual(1);
    expect(await flagOverdueConsultations(f.db, f.clock.now())).toBe(0);
    let w = detail(await f.inject(handler, 'GET', `/api/dossiers/${d.id}`));
    expect(w.events.at(-1)).toMatchObject({ type: 'consultation_overdue', actor: { type: 'system' } });
    expect(w.consultations![0]).toMatchObject({ status: 'open', overdue: true });
    expect(w.consultations![0]!.overdueWarnedAt).toBe(at('2026-02-25T09:15'));
    const mails = await f.db.kysely
      .selectFrom('messages')
      .select(['recipient', 'subject', 'body'])
      .where('template', '=', 'consultation.overdue')
      .where('body', 'like', `%${d.code}%`)
      .orderBy('recipient')
      .execute();
    expect(mails.map((m) => m.recipient)).toEqual([
      `consult${handlerNo}@anhoa.gov.vn`,
      `consult${deskNo}@anhoa.gov.vn`,
    ]);
    expect(mails[0]!.subject).toBe(`Hồ sơ ${d.code}: quá hạn lấy ý kiến của Sở Xây dựng tỉnh An Hòa`);

    // Silence as agreement needs the law that says so.
    const noBasis = await act(handler, w, `consultations/${c.id}/close`, { silenceMeansAgreement: true });
    expect(noBasis.statusCode).toBe(400);
    expect(
      (await act(head, w, `consultations/${c.id}/close`, { silenceMeansAgreement: false })).statusCode,
    ).toBe(403);
    w = detail(
      await act(handler, w, `consultations/${c.id}/close`, {
        silenceMeansAgreement: true,
        legalBasis: 'Khoản 5 Điều 13 Nghị định số 61/2018/NĐ-CP',
      }),
    );
    expect(w.consultations![0]).toMatchObject({
      status: 'closed',
      closed: { silenceMeansAgreement: true, legalBasis: 'Khoản 5 Điều 13 Nghị định số 61/2018/NĐ-CP' },
    });
    expect(w.events.at(-1)).toMatchObject({
      type: 'consultation_closed',
      data: { silenceMeansAgreement: true },
    });
    // Closed: a late answer is no longer taken.
    expect((await answer(sxdSpecialist, c, w.version)).json()).toMatchObject({ code: 'CONSULTATION_STATE' });
    w = detail(await act(handler, w, 'appraise', { opinion: 'Đủ điều kiện.', proposal: 'approve' }));
    expect((await act(handler, w, 'forward')).statusCode).toBe(200);
  });

  it('replays: every dossier’s stored status and appointment equal its events’ (consultation events included)', async () => {
    expect(await expectStoredEqualsReplay(f.db)).toBeGreaterThan(3);
  });
});
