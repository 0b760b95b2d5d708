import { describe, expect, it } from 'vitest';
import type { TReportDossierPage, TServiceIndex } from '@motcua/contracts';
import { detail } from '../dossiers/dossiers.test-helpers';
import { at, officeFixture } from '../dossiers/processing-office.test-helpers';

// QĐ 766 o3 (online payment share) and d2 (electronic results share) from the payments and results records.
describe('QĐ 766 indicators from payments and signed results (issue 17)', async () => {
  const { f, sttt, head, specialist, desk, act, received, staff } = await officeFixture(90);
  const leader = await staff(3, 'Phạm Văn Lãnh', ['leader'], null);

  const indicator = async (key: string, month: string) => {
    const res = await f.inject(
      leader,
      'GET',
      `/api/reports/service-index?period=month&at=${month}-15&agencyId=${sttt}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    return res.json<TServiceIndex>().indicators.find((i) => i.key === key)!;
  };

  it('d2 counts the dossiers given a signed electronic result; o3 the fees paid online', async () => {
    let d = await received('2026-05-04T09:00');
    d = detail(await act(head, d, 'assign', { handlerId: specialist.userId }));
    d = detail(await act(specialist, d, 'appraise', { opinion: 'Đủ điều kiện.', proposal: 'approve' }));
    d = detail(await act(specialist, d, 'forward'));
    d = detail(await act(head, d, 'forward'));
    f.clock.set(at('2026-05-06T10:00'));
    expect(await indicator('d2', '2026-05')).toMatchObject({ numerator: 0, denominator: 0 });
    d = detail(await act(desk, d, 'result', { kind: 'granted', summary: 'Cấp giấy phép số 15/GP-STTTT.' }));
    expect(await indicator('d2', '2026-05')).toMatchObject({ numerator: 1, denominator: 1, score: 11 });
    expect(await indicator('d2', '2026-06')).toMatchObject({ numerator: 0 });

    // Two paid fees in May: one online, one at the desk (rows as the payments module records them).
    expect(await indicator('o3', '2026-05')).toMatchObject({ numerator: 0, denominator: 0 });
    const other = await received('2026-05-07T09:00');
    for (const [dossierId, channel] of [
      [d.id, 'online'],
      [other.id, 'desk'],
    ] as const) {
      const charge = await f.db.kysely
        .insertInto('fee_charges')
        .values({
          dossier_id: dossierId,
          agency_id: sttt,
          amount: 50000,
          moment: 'submission',
          description: 'Lệ phí',
          created_at: new Date(at('2026-05-07T09:00')),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await f.db.kysely
        .insertInto('payments')
        .values({
          charge_id: charge.id,
          dossier_id: dossierId,
          agency_id: sttt,
          channel,
          status: 'paid',
          amount: 50000,
          order_ref: `IDX-${channel}`,
          created_at: new Date(at('2026-05-07T09:00')),
          paid_at: new Date(at('2026-05-07T10:00')),
        })
        .execute();
    }
    expect(await indicator('o3', '2026-05')).toMatchObject({ numerator: 1, denominator: 2, score: 4 });
    expect(await indicator('o3', '2026-04')).toMatchObject({ numerator: 0, denominator: 0 });

    // Each count opens its dossiers: the indicator's links, over the same period and agency.
    const behind = async (measure: string) => {
      const res = await f.inject(
        leader,
        'GET',
        `/api/reports/dossiers?from=2026-05-01&to=2026-05-31&agencyId=${sttt}&measure=${measure}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      return res.json<TReportDossierPage>().items.map((x) => x.id);
    };
    const o3 = await indicator('o3', '2026-05');
    expect(o3.links.map((l) => l.measure)).toEqual(['fee_paid_online', 'fee_paid']);
    expect(await behind('fee_paid_online')).toEqual([d.id]);
    expect(new Set(await behind('fee_paid'))).toEqual(new Set([d.id, other.id]));
    expect((await indicator('d2', '2026-05')).links[0]!.measure).toBe('electronic_result');
    expect(await behind('electronic_result')).toEqual([d.id]);
  });
});
