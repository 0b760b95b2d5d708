import { describe, expect, it } from 'vitest';
import type { TDashboard, TFeedbackCreated, TFeedbackItem } from '@motcua/contracts';
import { actor } from '../../test/harness';
import { at, officeFixture } from '../dossiers/processing-office.test-helpers';
import { deliverMessage, useDeliverySettings } from '../notifications/notifications.service';

/**
 * Issue 16, the ways in and out of feedback: a letter entered by staff with its scan; the answer's copies by e-mail,
 * SMS (the local gateway, watched) and the sender's portal page; routing by procedure and by named official; the
 * overdue items on the leader's dashboard.
 */
describe('feedback channels, routing and the dashboard (issue 16)', async () => {
  const o = await officeFixture(80);
  const { f } = o;
  const sttt = f.agency('STTTT');
  const sxd = f.agency('SXD');
  const deskSxd = f.clerk('SXD', 3);
  const leader = await o.staff(9, 'Trương Công Định', ['leader'], null);
  const sxdOfficial = '00000000-0000-4000-a000-000000000899';
  await f.db.kysely
    .insertInto('users')
    .values({
      id: sxdOfficial,
      kind: 'staff',
      username: 'sxd.899',
      full_name: 'Phạm Thị Hướng',
      agency_id: sxd,
      status: 'active',
    })
    .execute();
  useDeliverySettings({
    smtpUrl: undefined,
    smtpFrom: 'Một Cửa <no-reply@anhoa.example>',
    smsGatewayUrl: undefined,
  });
  const contact = { name: 'Lê Thị Hà', email: 'ha.thu@example.vn', phone: '0987 654 321' };
  const file = (body: object, who: Parameters<typeof f.inject>[0] = null) =>
    f.inject(who, 'POST', '/api/feedback', body);
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  const scan = (who: Parameters<typeof f.inject>[0], id: string, body: Buffer, name = 'thu.pdf') =>
    f.inject(who, 'PUT', `/api/office/feedback/${id}/scan`, body, {
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(name),
    });

  it('a letter entered by staff keeps its channel and its scan, shown to the agency holding it only', async () => {
    f.clock.set(at('2026-03-02T09:00'));
    const res = await file(
      { kind: 'complaint', content: 'Thư phản ánh về việc chậm cấp phép', channel: 'letter', contact },
      o.desk,
    );
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json<TFeedbackCreated>();
    // A citizen cannot claim a channel: the portal is recorded.
    const own = await file(
      { kind: 'question', content: 'Hỏi', channel: 'letter', agencyId: sttt },
      f.citizenA,
    );
    const ownRow = await f.db.kysely
      .selectFrom('feedback_items')
      .select('channel')
      .where('id', '=', own.json<TFeedbackCreated>().id)
      .executeTakeFirstOrThrow();
    expect(ownRow.channel).toBe('portal');

    // Not a scan (a text file), or another agency's staff: refused, nothing recorded.
    const bad = await scan(o.desk, id, Buffer.from('chỉ là văn bản'), 'thu.txt');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().message).toContain('PDF, JPEG hoặc PNG');
    expect((await scan(deskSxd, id, PDF)).statusCode).toBe(404);
    const portalItem = own.json<TFeedbackCreated>().id;
    const notLetter = await scan(o.desk, portalItem, PDF);
    expect(notLetter.statusCode).toBe(400);
    expect(notLetter.json().message).toContain('qua thư');
    let item = (await f.inject(o.desk, 'GET', '/api/office/feedback')).json<{ items: TFeedbackItem[] }>();
    expect(item.items.find((i) => i.id === id)).toMatchObject({ channel: 'letter', scan: null });

    const ok = await scan(o.desk, id, PDF, 'thư bà Hà.pdf');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<TFeedbackItem>().scan).toEqual({
      name: 'thư bà Hà.pdf',
      mediaType: 'application/pdf',
      size: PDF.length,
    });
    const got = await f.inject(o.desk, 'GET', `/api/office/feedback/${id}/scan`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toContain('application/pdf');
    expect(Buffer.compare(got.rawPayload, PDF)).toBe(0);
    expect((await f.inject(deskSxd, 'GET', `/api/office/feedback/${id}/scan`)).statusCode).toBe(404);
    expect((await f.inject(f.citizenA, 'GET', `/api/office/feedback/${id}/scan`)).statusCode).toBe(403);
    item = (await f.inject(o.desk, 'GET', '/api/office/feedback')).json<{ items: TFeedbackItem[] }>();
    expect(item.items.find((i) => i.id === id)?.scan?.name).toBe('thư bà Hà.pdf');
  });

  it('the answer goes by e-mail and SMS (the local gateway keeps it) and to the sender’s portal page', async () => {
    f.clock.set(at('2026-03-03T09:00'));
    const res = await file(
      { kind: 'complaint', content: 'Phản ánh về lệ phí', agencyId: sttt, contact },
      f.citizenA,
    );
    const { id, reference } = res.json<TFeedbackCreated>();
    const answer = await f.inject(o.desk, 'POST', `/api/office/feedback/${id}/answer`, {
      answer: 'Lệ phí được thu theo Nghị quyết của HĐND tỉnh.',
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const out = await f.db.kysely
      .selectFrom('messages')
      .select(['id', 'channel', 'recipient', 'body'])
      .where('template', '=', 'feedback.answered')
      .where('body', 'like', `%${reference}%`)
      .orderBy('channel')
      .execute();
    expect(out.map((m) => [m.channel, m.recipient])).toEqual([
      ['email', contact.email],
      ['sms', contact.phone],
    ]);
    const sms = out.find((m) => m.channel === 'sms')!;
    await deliverMessage(
      { messageId: sms.id },
      { db: f.db, log: f.deps.log, jobId: 0, attempt: 1, now: f.clock.now() },
    );
    const kept = await f.db.kysely
      .selectFrom('local_outbox')
      .select(['channel', 'body'])
      .where('message_id', '=', sms.id)
      .executeTakeFirstOrThrow();
    expect(kept.channel).toBe('sms');
    expect(kept.body).toContain('Nghị quyết của HĐND tỉnh');

    const mine = await f.inject(f.citizenA, 'GET', '/api/me/feedback');
    expect(mine.statusCode).toBe(200);
    expect(mine.json<{ items: TFeedbackItem[] }>().items.find((i) => i.id === id)).toMatchObject({
      status: 'answered',
      answer: 'Lệ phí được thu theo Nghị quyết của HĐND tỉnh.',
    });
    expect(
      (await f.inject(f.citizenB, 'GET', '/api/me/feedback')).json<{ items: TFeedbackItem[] }>().items,
    ).toEqual([]);
    expect((await f.inject(o.desk, 'GET', '/api/me/feedback')).statusCode).toBe(403);
  });

  it('routing: a procedure goes to its agency; a named official to the official’s unit as staff conduct', async () => {
    f.clock.set(at('2026-03-04T09:00'));
    // A procedure the catalogue gives to Sở TT&TT.
    const proc = { code: '2.000999', agency_ids: [sttt] };
    await f.db.kysely
      .insertInto('procedures')
      .values({
        code: proc.code,
        status: 'published',
        name: 'Cấp giấy phép thiết lập trang thông tin điện tử tổng hợp',
        field: 'Phát thanh, truyền hình và thông tin điện tử',
        levels: ['province'],
        service_level: 'full_online',
        processing_time: JSON.stringify({ kind: 'working_days', value: 10 }),
        agency_ids: proc.agency_ids,
      })
      .execute();
    // The sender picked Sở Xây dựng, but the procedure belongs to another agency: the procedure's agency answers.
    const byProc = await file({
      kind: 'question',
      content: 'Hỏi về hồ sơ',
      procedureCode: proc.code,
      agencyId: sxd,
    });
    expect(byProc.statusCode, byProc.body).toBe(201);
    const procItem = await f.db.kysely
      .selectFrom('feedback_items')
      .select(['agency_id', 'procedure_code'])
      .where('id', '=', byProc.json<TFeedbackCreated>().id)
      .executeTakeFirstOrThrow();
    expect(procItem).toEqual({ agency_id: proc.agency_ids[0], procedure_code: proc.code });

    // Named without diacritics, filed at the province's centre by default: it goes to Sở Xây dựng, staff conduct.
    const byName = await file({
      kind: 'complaint',
      content: 'Cán bộ tiếp nhận không hướng dẫn đầy đủ',
      officialName: 'pham thi huong',
      contact,
    });
    expect(byName.statusCode, byName.body).toBe(201);
    const { id } = byName.json<TFeedbackCreated>();
    const list = (await f.inject(deskSxd, 'GET', '/api/office/feedback')).json<{ items: TFeedbackItem[] }>();
    expect(list.items.find((i) => i.id === id)).toMatchObject({
      agency: { id: sxd },
      officialName: 'pham thi huong',
      classification: 'staff_conduct',
      status: 'received',
    });
    const row = await f.db.kysely
      .selectFrom('feedback_items')
      .select('official_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.official_id).toBe(sxdOfficial);
    // A name that matches nobody routes as before (the chosen agency) and names no official.
    const unknown = await file({
      kind: 'complaint',
      content: 'Cán bộ thái độ chưa tốt',
      officialName: 'Không Ai Cả',
      agencyId: sttt,
      contact,
    });
    const u = await f.db.kysely
      .selectFrom('feedback_items')
      .select(['agency_id', 'official_id', 'classification'])
      .where('id', '=', unknown.json<TFeedbackCreated>().id)
      .executeTakeFirstOrThrow();
    expect(u).toEqual({ agency_id: sttt, official_id: null, classification: null });
  });

  it('overdue feedback appears on the leader’s dashboard, with whether the head was told', async () => {
    f.clock.set(at('2026-03-09T09:00'));
    const { reference } = (
      await file({ kind: 'complaint', content: 'Chưa được trả lời', agencyId: sttt, contact })
    ).json<TFeedbackCreated>();
    const dash = async () => {
      const r = await f.inject(leader, 'GET', '/api/reports/dashboard?from=2026-03-01&to=2026-03-31');
      expect(r.statusCode, r.body).toBe(200);
      return r.json<TDashboard>().overdueFeedback;
    };
    expect((await dash()).items.map((i) => i.reference)).not.toContain(reference);
    f.clock.set(at('2026-03-17T09:00')); // due Mon 16/03 09:00
    const late = await dash();
    const row = late.items.find((i) => i.reference === reference);
    expect(row).toMatchObject({
      agencyName: expect.stringContaining('Thông tin'),
      answerDueAt: new Date(at('2026-03-16T09:00')).toISOString(),
      escalatedAt: null,
    });
    expect(late.total).toBeGreaterThanOrEqual(1);
    // Another agency's head (not a leader over the province) does not see it.
    const other = await f.inject(
      actor({
        kind: 'staff',
        userId: sxdOfficial,
        name: 'Phạm Thị Hướng',
        roles: ['approver'],
        agencyId: sxd,
      }),
      'GET',
      '/api/reports/dashboard?from=2026-03-01&to=2026-03-31',
    );
    expect(other.json<TDashboard>().overdueFeedback.items.map((i) => i.reference)).not.toContain(reference);
  });
});
