import { describe, expect, it } from 'vitest';
import { pdfBytes } from '../../files/files.fixtures';
import type {
  TDossierDetail,
  TPublicStats,
  TRatingForm,
  TSatisfactionSummary,
  TServiceIndex,
} from '@motcua/contracts';
import { detail } from '../dossiers/dossiers.test-helpers';
import { at, officeFixture } from '../dossiers/processing-office.test-helpers';
import { satisfactionCounts } from './index';
import { ratingPeriod } from './feedback-rules';

describe('satisfaction evaluation (issue 16, TT 01/2018)', async () => {
  const o = await officeFixture(80);
  const { f, head, specialist, desk, act, staff } = o;

  /** An online dossier for 1.004227 received at `local`, resolved and returned at the desk. */
  const returned = async (local: string) => {
    f.clock.set(at(local));
    let d = detail(await f.submit(f.citizenA, { resultChannel: 'counter' }), 201);
    d = detail(
      await f.inject(desk, 'POST', `/api/reception/dossiers/${d.id}/accept`, { expectedVersion: d.version }),
    );
    d = detail(await act(head, d, 'assign', { handlerId: specialist.userId }));
    d = detail(await act(specialist, d, 'appraise', { opinion: 'Hồ sơ đầy đủ.', proposal: 'approve' }));
    d = detail(await act(specialist, d, 'forward'));
    d = detail(await act(head, d, 'forward'));
    const pdf = await f.upload(desk, await pdfBytes(1), 'giay-phep.pdf');
    d = detail(
      await act(desk, d, 'result', { kind: 'granted', summary: 'Giấy phép số 7/GP', fileIds: [pdf.id] }),
    );
    return d;
  };
  const ratingLinkOf = async (d: Pick<TDossierDetail, 'id' | 'code'>) => {
    const m = await f.db.kysely
      .selectFrom('messages')
      .select('body')
      .where('template', '=', 'dossier.result_returned')
      .where('body', 'like', `%${d.code}%`)
      .executeTakeFirst();
    return m ? decodeURIComponent(/token=([^\s&]+)/.exec(m.body)![1]!) : null;
  };
  const answers = { agencies_contacted: 2, publication: 2, staff_attitude: 1, feedback_handling: 2 };
  const summary = async (period: string) =>
    (await f.inject(null, 'GET', `/api/satisfaction/public?period=${period}`)).json<TSatisfactionSummary>();

  it('the return e-mail carries a signed link; the page shows known indicators; one rating per dossier', async () => {
    const d = await returned('2026-03-02T09:00');
    expect(await ratingLinkOf(d)).toBeNull(); // not returned yet: no link
    const back = detail(
      await act(desk, d, 'return', { collectedBy: 'Nguyễn Văn An', originalsReturned: true }),
    );
    expect(back.status).toBe('returned');
    const token = (await ratingLinkOf(d))!;
    expect(token).toContain(d.id);

    const forged = await f.inject(
      null,
      'GET',
      `/api/satisfaction/rate?token=${d.id}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`,
    );
    expect(forged.statusCode).toBe(404);
    const form = await f.inject(null, 'GET', `/api/satisfaction/rate?token=${encodeURIComponent(token)}`);
    expect(form.statusCode, form.body).toBe(200);
    // Resolved ahead of the appointment's day (2), no supplement (2), submitted online, collected at the desk (1).
    expect(form.json<TRatingForm>()).toMatchObject({
      dossierCode: d.code,
      rated: false,
      known: [
        { key: 'total_time', score: 2 },
        // No partner agency: each agency's time is the lead agency's own, early too.
        { key: 'agency_time', score: 2 },
        { key: 'supplements', score: 2 },
        { key: 'online', score: 1 },
      ],
    });
    f.clock.set(at('2026-03-05T10:00'));
    const before = await summary('2026-03');
    const rate = await f.inject(null, 'POST', '/api/satisfaction/rate', {
      token,
      indicators: answers,
      overall: 'very_satisfied',
      comment: 'Cán bộ nhiệt tình',
    });
    expect(rate.statusCode, rate.body).toBe(201);
    expect(rate.json()).toEqual({ period: '2026-03', score: 14, maxScore: 16 });
    const again = await f.inject(null, 'POST', '/api/satisfaction/rate', {
      token,
      indicators: answers,
      overall: 'satisfied',
    });
    expect(again.statusCode).toBe(409);
    const after = await summary('2026-03');
    const row = after.rows.find((r) => r.key === f.agency('STTTT'))!;
    expect(row.ratings).toBe((before.rows[0]?.ratings ?? 0) + 1);
    expect(row).toMatchObject({ verySatisfied: 1, score: 14, maxScore: 16, percent: 87.5 });
    const counts = await satisfactionCounts(f.db.kysely, { period: '2026-03' });
    expect(counts).toEqual([
      expect.objectContaining({ agencyId: f.agency('STTTT'), ratings: 1, verySatisfied: 1 }),
    ]);
    // The reports module reads these ratings: QĐ 766 indicator s1 and the public statistics' satisfaction rate.
    const leader = await staff(3, 'Phạm Văn Lãnh', ['leader'], null);
    const index = await f.inject(
      leader,
      'GET',
      `/api/reports/service-index?period=month&at=2026-03-15&agencyId=${f.agency('STTTT')}`,
    );
    expect(index.statusCode, index.body).toBe(200);
    expect(index.json<TServiceIndex>().indicators.find((i) => i.key === 's1')).toMatchObject({
      numerator: 1,
      denominator: 1,
      score: 18,
      unknownReason: null,
    });
    const pub = await f.inject(null, 'GET', `/api/public/statistics?year=2026&agencyId=${f.agency('STTTT')}`);
    const months = pub.json<TPublicStats>().months;
    expect(months.find((m) => m.month === '2026-03')).toMatchObject({ satisfactionRate: 1 });
    expect(months.find((m) => m.month === '2026-02')).toMatchObject({ satisfactionRate: null });
    // Staff see their own ratings (the desk officer received the dossier).
    const own = await f.inject(desk, 'GET', '/api/satisfaction/summary?period=2026-03&by=official');
    expect(own.json<TSatisfactionSummary>().rows).toEqual([
      expect.objectContaining({ key: desk.userId, ratings: 1 }),
    ]);
  });

  it('a closed period is frozen: a later rating goes to the next open period', async () => {
    const d = await returned('2026-03-09T09:00');
    detail(await act(desk, d, 'return', { collectedBy: 'Nguyễn Văn An', originalsReturned: true }));
    // The desk starts the rating on its tablet.
    const link = await f.inject(desk, 'POST', '/api/satisfaction/desk-links', { dossierCode: d.code });
    expect(link.statusCode, link.body).toBe(200);
    const { token } = link.json<{ token: string }>();
    expect(token).toBe(await ratingLinkOf(d));
    // A partner agency (liên thông) did its part a day late: each agency's time is 0, computed and shown, not asked.
    await f.db.kysely
      .insertInto('dossier_interagency_tasks')
      .values({
        dossier_id: d.id,
        mode: 'parallel',
        position: 1,
        lead_agency_id: f.agency('STTTT'),
        lead_agency_name: 'Sở Thông tin và Truyền thông',
        agency_id: f.agency('SXD'),
        agency_name: 'Sở Xây dựng',
        task: JSON.stringify({ vi: 'Cho ý kiến về công trình', en: 'Opinion on the building' }),
        working_days: 3,
        status: 'done',
        opened_at: new Date(at('2026-03-09T10:00')),
        due_at: new Date(at('2026-03-12T10:00')),
        done_at: new Date(at('2026-03-13T09:00')),
        done_by: null,
        done_by_name: 'Đỗ Thị Hoa',
        outcome: 'agreed',
        overdue_warned_at: null,
      })
      .execute();
    const form = await f.inject(null, 'GET', `/api/satisfaction/rate?token=${encodeURIComponent(token)}`);
    const known = form.json<TRatingForm>().known;
    expect(known.find((k) => k.key === 'agency_time')?.score).toBe(0);
    expect(form.json<TRatingForm>().asked).not.toContain('agency_time');

    f.clock.set(at('2026-03-20T10:00'));
    const leader = { ...head, roles: ['leader' as const] };
    expect((await f.inject(desk, 'POST', '/api/satisfaction/periods/2026-03/close')).statusCode).toBe(403);
    expect((await f.inject(leader, 'POST', '/api/satisfaction/periods/2026-04/close')).statusCode).toBe(400);
    const closed = await f.inject(leader, 'POST', '/api/satisfaction/periods/2026-03/close');
    expect(closed.statusCode, closed.body).toBe(200);
    const frozen = await summary('2026-03');
    expect(frozen.closed).toBe(true);

    const rate = await f.inject(null, 'POST', '/api/satisfaction/rate', {
      token,
      indicators: answers,
      overall: 'not_satisfied',
      channel: 'desk',
    });
    expect(rate.json()).toMatchObject({ period: '2026-04' });
    expect(await summary('2026-03')).toEqual(frozen);
    expect((await summary('2026-04')).rows[0]).toMatchObject({ ratings: 1, notSatisfied: 1 });
  });

  it('the period rule with literal dates (Việt Nam months, closed ones skipped)', () => {
    expect(ratingPeriod(new Date('2026-03-31T17:30:00Z'), new Set())).toBe('2026-04');
    expect(ratingPeriod(new Date('2026-12-15T03:00:00Z'), new Set(['2026-12']))).toBe('2027-01');
  });
});
