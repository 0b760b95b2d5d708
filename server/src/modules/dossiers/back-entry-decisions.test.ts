import { describe, expect, it } from 'vitest';
import type { TDossierDetail } from '@motcua/contracts';
import { actor } from '../../test/harness';
import { detail } from './dossiers.test-helpers';
import { at, officeFixture } from './processing-office.test-helpers';

/** 004 Đ7.3: decisions taken on paper during a declared outage, entered afterwards at their original times. */
describe('outage back-entry of later decisions', async () => {
  const { f, sttt, head, specialist, act, received } = await officeFixture(40);
  const admin = actor({ kind: 'staff', name: 'Quản trị hệ thống', roles: ['system_admin'] });
  // Received Thursday 12/2/2026 09:00; the system was down Friday 13/2 08:00–11:00; entered that afternoon.
  const d0 = await received('2026-02-12T09:00');
  const twin = await received('2026-02-12T09:00');
  const afternoon = () => f.clock.set(at('2026-02-13T14:00'));
  afternoon();
  const outage = await f.inject(admin, 'POST', '/api/admin/outages', {
    agencyId: sttt,
    startsAt: at('2026-02-13T08:00'),
    endsAt: at('2026-02-13T11:00'),
    reason: 'Mất kết nối tới trung tâm dữ liệu tỉnh',
  });
  const outageId = outage.json<{ id: string }>().id;
  const enter = (
    who: typeof head,
    d: Pick<TDossierDetail, 'id' | 'version'>,
    action: string,
    local: string,
    body: object = {},
    extra: Record<string, unknown> = {},
    lang = 'vi',
  ) =>
    f.inject(
      who,
      'POST',
      `/api/processing/dossiers/${d.id}/back-entered-decisions`,
      { outageId, decidedAt: at(local), action, body: { expectedVersion: d.version, ...body }, ...extra },
      { 'accept-language': lang },
    );
  const version = async (id: string) =>
    (
      await f.db.kysely
        .selectFrom('dossiers')
        .select('version')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).version;

  let d = d0;
  it('enters the assignment at its original time: the event is of then, marked, and the step due counts from then', async () => {
    expect(outage.statusCode, outage.body).toBe(201);
    d = detail(await enter(head, d, 'assign', '2026-02-13T08:30', { handlerId: specialist.userId }));
    const assigned = d.events.filter((e) => e.type === 'assigned').at(-1)!;
    expect(Date.parse(assigned.at)).toBe(Date.parse(at('2026-02-13T08:30')));
    expect(assigned.data.backEntry).toMatchObject({
      outageId,
      enteredAt: new Date(at('2026-02-13T14:00')).toISOString(),
    });
    // The same assignment taken live at 08:30 gives the same due time for the appraisal step.
    f.clock.set(at('2026-02-13T08:30'));
    const live = detail(await act(head, twin, 'assign', { handlerId: specialist.userId }));
    afternoon();
    expect(d.processing?.currentStep?.key).toBe('appraisal');
    expect(d.processing?.currentStep?.dueAt).toBe(live.processing?.currentStep?.dueAt);
    // The audit keeps the real time of the entry.
    const audit = await f.db.kysely
      .selectFrom('audit_log')
      .select(['at'])
      .where('action', '=', 'dossier.back_enter_decision')
      .executeTakeFirstOrThrow();
    expect(new Date(audit.at).toISOString()).toBe(new Date(at('2026-02-13T14:00')).toISOString());
  });

  it('refuses a time in the future, outside the window, or before what the dossier records, changing nothing', async () => {
    const before = await version(d.id);
    const appraisal = { opinion: 'Hồ sơ đầy đủ, đúng quy định.', proposal: 'approve' };
    const future = await enter(specialist, d, 'appraise', '2026-02-13T15:00', appraisal, {}, 'en');
    expect(future.statusCode).toBe(422);
    expect(future.json()).toMatchObject({ code: 'BACK_ENTRY_REFUSED' });
    expect(future.json<{ message: string }>().message).toContain('future');
    const outside = await enter(specialist, d, 'appraise', '2026-02-13T07:45', appraisal);
    expect(outside.statusCode).toBe(422);
    expect(outside.json<{ message: string }>().message).toContain('ngoài thời gian sự cố');
    const earlier = await enter(specialist, d, 'appraise', '2026-02-13T08:15', appraisal);
    expect(earlier.statusCode).toBe(422);
    expect(earlier.json<{ message: string }>().message).toContain('theo thứ tự thời gian');
    const stale = await enter(
      specialist,
      { id: d.id, version: d.version - 1 },
      'appraise',
      '2026-02-13T09:00',
      appraisal,
    );
    expect(stale.statusCode).toBe(409);
    // The rules of the action itself still hold: the head is not the assigned handler.
    const notHandler = await enter(head, d, 'appraise', '2026-02-13T09:00', appraisal);
    expect(notHandler.json()).toMatchObject({ code: 'NOT_ASSIGNED' });
    const unknown = await enter(specialist, d, 'appraise', '2026-02-13T09:00', appraisal, {
      outageId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(404);
    const citizen = await enter(f.citizenA, d, 'appraise', '2026-02-13T09:00', appraisal);
    expect(citizen.statusCode).toBe(403);
    expect(await version(d.id)).toBe(before);
  });

  it('enters the appraisal after it, in order, marked as back-entered in the timeline', async () => {
    d = detail(
      await enter(specialist, d, 'appraise', '2026-02-13T09:10', {
        opinion: 'Hồ sơ đầy đủ, đúng quy định.',
        proposal: 'approve',
      }),
    );
    const appraised = d.events.at(-1)!;
    expect(Date.parse(appraised.at)).toBe(Date.parse(at('2026-02-13T09:10')));
    expect(appraised.data.backEntry).toMatchObject({ outageId });
  });

  it("refuses another agency's outage as not found", async () => {
    const other = await f.inject(admin, 'POST', '/api/admin/outages', {
      agencyId: f.agency('SXD'),
      startsAt: at('2026-02-13T08:00'),
      endsAt: at('2026-02-13T11:00'),
      reason: 'Hỏng đường truyền',
    });
    const res = await enter(
      specialist,
      d,
      'forward',
      '2026-02-13T10:00',
      {},
      {
        outageId: other.json<{ id: string }>().id,
      },
    );
    expect(res.statusCode).toBe(404);
  });
});
