import { describe, expect, it } from 'vitest';
import type { TFeedbackCreated, TFeedbackItem, TQaList } from '@motcua/contracts';
import { actor } from '../../test/harness';
import { detail } from '../dossiers/dossiers.test-helpers';
import { at, officeFixture } from '../dossiers/processing-office.test-helpers';
import { pdfText } from '../documents/pdf-inspect.test-helpers';
import { escalateOverdueFeedback } from './feedback-escalation.job';
import { feedbackForDossier } from './index';

describe('feedback and complaints (issue 16, 000 Đ14, ND 20/2008)', async () => {
  const o = await officeFixture(60);
  const { f } = o;
  const sttt = f.agency('STTTT');
  const sxd = f.agency('SXD');
  const deskSxd = f.clerk('SXD', 2);
  const leader = actor({
    kind: 'staff',
    userId: '00000000-0000-4000-a000-000000000169',
    name: 'Trương Công Định',
    roles: ['leader'],
    agencyId: sttt,
  });
  await f.db.kysely
    .insertInto('users')
    .values({
      id: leader.userId,
      kind: 'staff',
      username: 'leader.169',
      full_name: leader.name,
      email: 'lanhdao@sotttt.example.vn',
      agency_id: sttt,
      status: 'active',
    })
    .execute();
  await f.db.kysely.insertInto('user_roles').values({ user_id: leader.userId, role: 'leader' }).execute();

  const file = (body: object, who: Parameters<typeof f.inject>[0] = null) =>
    f.inject(who, 'POST', '/api/feedback', body);
  const count = async () =>
    Number(
      (
        await f.db.kysely
          .selectFrom('feedback_items')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const mails = (to: string, template: string) =>
    f.db.kysely
      .selectFrom('messages')
      .select(['subject', 'body'])
      .where('recipient', '=', to)
      .where('template', '=', template)
      .execute();
  const contact = { name: 'Nguyễn Văn An', email: 'an.pakn@example.vn', phone: '0912 345 678' };

  it('answers are due 5 working days after receipt by the calendar: over Tết 2026 and over 30/4–1/5', async () => {
    f.clock.set(at('2026-02-12T10:00'));
    const tet = await file({
      kind: 'question',
      content: 'Hỏi về thủ tục cấp phép trang tin',
      agencyId: sttt,
    });
    expect(tet.statusCode, tet.body).toBe(201);
    const created = tet.json<TFeedbackCreated>();
    expect(created.reference).toMatch(/^PAKN-2026-\d{6}$/);
    // Thu 12/02 → Fri 13/02, (Tết 14–22/02), Mon 23, Tue 24, Wed 25, Thu 26/02.
    expect(created.answerDueAt).toBe(new Date(at('2026-02-26T10:00')).toISOString());

    f.clock.set(at('2026-04-29T09:00'));
    const may = (
      await file({ kind: 'question', content: 'Hỏi về lệ phí', agencyId: sttt })
    ).json<TFeedbackCreated>();
    // Wed 29/04 → Thu 30/04 and Fri 01/05 are holidays, Sat–Sun rest: Mon 04 … Fri 08/05.
    expect(may.answerDueAt).toBe(new Date(at('2026-05-08T09:00')).toISOString());
  });

  it('empty content, an unknown dossier code or a complaint without contact: 4xx with a message, nothing stored', async () => {
    const before = await count();
    const empty = await file({ kind: 'question', content: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toContain('nội dung');
    const unknown = await f.inject(
      null,
      'POST',
      '/api/feedback',
      {
        kind: 'complaint',
        content: 'Chậm trả kết quả',
        dossierCode: 'KHONG-CO-123',
        contact,
      },
      { 'accept-language': 'en' },
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toContain('KHONG-CO-123');
    const anonymous = await file({ kind: 'complaint', content: 'Cán bộ hướng dẫn không rõ' });
    expect(anonymous.statusCode).toBe(422);
    expect(anonymous.json().code).toBe('FEEDBACK_CONTACT_REQUIRED');
    expect(await count()).toBe(before);
  });

  it('a complaint about a dossier goes to the agency holding it, shows on its staff timeline, and does not move its clock', async () => {
    const d = await o.received('2026-03-02T09:00');
    f.clock.set(at('2026-03-03T14:00'));
    const res = await file(
      {
        kind: 'complaint',
        content: 'Hồ sơ của tôi chưa được xử lý',
        dossierCode: d.code,
        contact,
        consentToPublish: true,
      },
      f.citizenA,
    );
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json<TFeedbackCreated>();
    const timeline = await f.inject(o.desk, 'GET', `/api/dossiers/${d.id}/feedback`);
    expect(timeline.json<{ items: TFeedbackItem[] }>().items.map((i) => i.id)).toEqual([id]);
    expect((await feedbackForDossier(f.db.kysely, d.id, f.clock.now()))[0]!.agency.id).toBe(sttt);
    const after = detail(await f.inject(f.citizenA, 'GET', `/api/dossiers/${d.id}`));
    expect(after.appointmentAt).toBe(d.appointmentAt);
    expect(after.status).toBe(d.status);
    // Another agency's staff see neither the item nor the timeline.
    expect((await f.inject(deskSxd, 'GET', `/api/dossiers/${d.id}/feedback`)).statusCode).toBe(404);

    // Classified within competence, answered in time: e-mailed to the sender, published without personal data.
    let item = await f.inject(o.desk, 'POST', `/api/office/feedback/${id}/classify`, {
      classification: 'within_competence',
    });
    expect(item.json<TFeedbackItem>().status).toBe('classified');
    f.clock.set(at('2026-03-05T10:00'));
    item = await f.inject(o.desk, 'POST', `/api/office/feedback/${id}/answer`, {
      answer: `Hồ sơ ${d.code} của ông Nguyễn Văn An đang được thẩm định, sẽ trả đúng hẹn. Liên hệ 0912 345 678.`,
    });
    expect(item.statusCode, item.body).toBe(200);
    expect(item.json<TFeedbackItem>()).toMatchObject({ status: 'answered', published: true, overdue: false });
    const [mail] = await mails(contact.email, 'feedback.answered');
    expect(mail!.body).toContain('đang được thẩm định');
    const qa = (await f.inject(null, 'GET', '/api/qa?q=tham%20dinh')).json<TQaList>();
    const pub = qa.items.find((i) => i.id === id)!;
    expect(pub.answer).toContain('đang được thẩm định');
    expect(pub.answer).not.toContain('Nguyễn Văn An');
    expect(pub.answer).not.toContain(d.code!);
    expect(pub.answer).not.toContain('345');
    // A second answer is refused and changes nothing.
    const again = await f.inject(o.desk, 'POST', `/api/office/feedback/${id}/answer`, { answer: 'Khác' });
    expect(again.statusCode).toBe(409);
    // Readers mark it helpful; one mark per reader.
    for (const voter of ['reader-aaaa1', 'reader-aaaa1', 'reader-bbbb2'])
      await f.inject(null, 'POST', `/api/qa/${id}/vote`, { helpful: true, voter });
    const votes = await f.inject(null, 'POST', `/api/qa/${id}/vote`, {
      helpful: false,
      voter: 'reader-cccc3',
    });
    expect(votes.json()).toEqual({ helpful: 2, notHelpful: 1 });
  });

  it('outside competence: forwarded with the slip, the sender told, the competent agency answers', async () => {
    f.clock.set(at('2026-03-09T09:00'));
    const { id } = (
      await file({ kind: 'complaint', content: 'Phản ánh về cấp phép xây dựng', agencyId: sttt, contact })
    ).json<TFeedbackCreated>();
    const noTarget = await f.inject(o.desk, 'POST', `/api/office/feedback/${id}/classify`, {
      classification: 'outside_competence',
    });
    expect(noTarget.statusCode).toBe(400);
    f.clock.set(at('2026-03-10T09:00'));
    const res = await f.inject(o.desk, 'POST', `/api/office/feedback/${id}/classify`, {
      classification: 'outside_competence',
      reason: 'thuộc lĩnh vực xây dựng',
      forwardToAgencyId: sxd,
    });
    expect(res.json<TFeedbackItem>()).toMatchObject({ status: 'forwarded', agency: { id: sxd } });
    expect(res.json<TFeedbackItem>().answerDueAt).toBe(new Date(at('2026-03-17T09:00')).toISOString());
    const [told] = await mails(contact.email, 'feedback.forwarded');
    expect(told!.subject).toContain('đã được chuyển');
    const slip = await f.inject(o.desk, 'GET', `/api/office/feedback/${id}/forwarding-slip.pdf`);
    expect(slip.statusCode).toBe(200);
    const text = await pdfText(slip.rawPayload);
    expect(text).toContain('PHIẾU CHUYỂN PHẢN ÁNH, KIẾN NGHỊ');
    expect(text).toContain('20/2008/NĐ-CP');
    // Now the desk of Sở Xây dựng holds it; Sở TT&TT can no longer answer.
    expect(
      (await f.inject(o.desk, 'POST', `/api/office/feedback/${id}/answer`, { answer: 'x' })).statusCode,
    ).toBe(404);
    const list = (await f.inject(deskSxd, 'GET', '/api/office/feedback')).json<{ items: TFeedbackItem[] }>();
    expect(list.items.find((i) => i.id === id)?.forwardedFrom?.id).toBe(sttt);
  });

  it('not answered in time: overdue on the office list, escalated once to the head by the scheduled job', async () => {
    f.clock.set(at('2026-03-16T09:00'));
    const { id } = (
      await file({ kind: 'complaint', content: 'Thái độ cán bộ chưa đúng mực', agencyId: sttt, contact })
    ).json<TFeedbackCreated>();
    f.clock.set(at('2026-03-20T16:00')); // due Mon 23/03 09:00: due soon
    let mine = (await f.inject(o.desk, 'GET', '/api/office/feedback')).json<{ items: TFeedbackItem[] }>();
    expect(mine.items.find((i) => i.id === id)).toMatchObject({ dueSoon: true, overdue: false });
    f.clock.set(at('2026-03-23T10:00'));
    mine = (await f.inject(o.desk, 'GET', '/api/office/feedback')).json<{ items: TFeedbackItem[] }>();
    expect(mine.items.find((i) => i.id === id)).toMatchObject({ overdue: true, escalatedAt: null });
    expect(await escalateOverdueFeedback(f.db, f.clock.now())).toBeGreaterThanOrEqual(1);
    expect(await escalateOverdueFeedback(f.db, f.clock.now())).toBe(0);
    const [esc] = await mails('lanhdao@sotttt.example.vn', 'feedback.overdue');
    expect(esc!.subject).toContain('quá hạn');
    mine = (await f.inject(leader, 'GET', '/api/office/feedback')).json<{ items: TFeedbackItem[] }>();
    expect(mine.items.find((i) => i.id === id)?.escalatedAt).toBe(f.clock.now().toISOString());
    // Answered late: still answered, the audit records it.
    const late = await f.inject(leader, 'POST', `/api/office/feedback/${id}/answer`, {
      answer: 'Đã chấn chỉnh.',
    });
    expect(late.json<TFeedbackItem>().status).toBe('answered');
  });
});
