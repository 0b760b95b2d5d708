import { describe, expect, it } from 'vitest';
import type { TDossierDetail, TRegisterDossierRequest } from '@motcua/contracts';
import { pdfBytes } from '../../files/files.fixtures';
import { actor } from '../../test/harness';
import { formatDossierCode } from './dossier-code';
import { detail, intakeFixture } from './dossiers.test-helpers';

/** 004 Đ7.3: dossiers received on paper during a declared outage, entered afterwards with their original times. */
describe('outage back-entry', async () => {
  const f = await intakeFixture();
  const clerk = f.clerk('SXD');
  const admin = actor({ kind: 'staff', name: 'Quản trị hệ thống', roles: ['system_admin'] });
  const otherAdmin = actor({
    kind: 'staff',
    name: 'Quản trị Sở TT&TT',
    roles: ['unit_admin'],
    agencyId: f.agency('STTTT'),
  });
  // The app's clock: Wednesday 25/11/2026 09:00; the outage was Tuesday morning.
  const T = (hhmm: string, day = '2026-11-24') => new Date(`${day}T${hhmm}:00+07:00`).toISOString();
  const paper = async (): Promise<TRegisterDossierRequest> => {
    const scan = await f.upload(clerk, await pdfBytes(2), 'don.pdf');
    const p1 = await f.upload(clerk);
    const p2 = await f.upload(clerk);
    return {
      channel: 'counter',
      procedureCode: '1.009994',
      applicant: {
        kind: 'citizen',
        name: 'Lê Thị Cúc',
        idNumber: '099185000777',
        address: 'Xã Tân Phú, tỉnh An Hòa',
        phone: null,
        email: 'cuc@example.vn',
      },
      components: [
        {
          componentCode: 'don',
          copyKind: 'original',
          copies: 1,
          originalShown: true,
          fileIds: [scan.id],
          pageCount: 2,
        },
        { componentCode: 'ban-ve', copyKind: 'photocopy', copies: 2, fileIds: [p1.id, p2.id], pageCount: 2 },
      ],
    };
  };
  const enter = async (
    outageId: string,
    receivedAt: string,
    extra: Record<string, unknown> = {},
    lang = 'vi',
  ) =>
    f.inject(
      clerk,
      'POST',
      '/api/reception/back-entries',
      { outageId, receivedAt, dossier: await paper(), ...extra },
      { 'accept-language': lang },
    );
  const count = async () => (await f.db.kysely.selectFrom('dossiers').select('id').execute()).length;

  let outageId = '';
  it('an admin declares an outage that has ended; a unit admin only for their own agency', async () => {
    const body = {
      agencyId: f.agency('SXD'),
      startsAt: T('08:00'),
      endsAt: T('11:00'),
      reason: 'Mất điện tại trung tâm dữ liệu',
    };
    expect((await f.inject(otherAdmin, 'POST', '/api/admin/outages', body)).statusCode).toBe(403);
    expect((await f.inject(clerk, 'POST', '/api/admin/outages', body)).statusCode).toBe(403);
    const ongoing = await f.inject(admin, 'POST', '/api/admin/outages', {
      ...body,
      endsAt: T('10:00', '2026-11-25'),
    });
    expect(ongoing.statusCode).toBe(400);
    const backwards = await f.inject(admin, 'POST', '/api/admin/outages', { ...body, endsAt: T('07:00') });
    expect(backwards.statusCode).toBe(400);
    const res = await f.inject(admin, 'POST', '/api/admin/outages', body);
    expect(res.statusCode, res.body).toBe(201);
    outageId = res.json<{ id: string }>().id;
  });

  let first: TDossierDetail;
  it('enters a paper dossier with its original receipt time: code of that day, deadline from then, marked', async () => {
    first = detail(await enter(outageId, T('08:30')), 201);
    expect(first.status).not.toBe('submitted');
    expect(first.code).toBe(formatDossierCode('H99.17', new Date(T('08:30')), 1));
    expect(Date.parse(first.receivedAt!)).toBe(Date.parse(T('08:30')));
    const registered = first.events.find((e) => e.type === 'registered')!;
    const received = first.events.find((e) => e.type === 'received')!;
    expect(Date.parse(registered.at)).toBe(Date.parse(T('08:30')));
    expect(Date.parse(received.at)).toBe(Date.parse(T('08:30')));
    for (const e of [registered, received])
      expect(e.data.backEntry).toMatchObject({
        outageId,
        enteredAt: new Date(T('09:00', '2026-11-25')).toISOString(),
      });
  });

  it('gives the next number of the original day to the next dossier received during the outage', async () => {
    const second = detail(await enter(outageId, T('09:15'), { acceptedAt: T('09:20') }), 201);
    expect(second.code).toBe(formatDossierCode('H99.17', new Date(T('09:20')), 2));
    expect(Date.parse(second.receivedAt!)).toBe(Date.parse(T('09:20')));
  });

  it('refuses one received earlier that day than one already entered (codes in order), changing nothing', async () => {
    const before = await count();
    const res = await enter(outageId, T('09:00'));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'BACK_ENTRY_REFUSED' });
    expect(res.json<{ message: string }>().message).toContain('thứ tự');
    expect(await count()).toBe(before);
  });

  it('refuses times in the future, before or after the declared window, in Vietnamese and English', async () => {
    const before = await count();
    const future = await enter(outageId, T('10:00', '2026-11-25'), {}, 'en');
    expect(future.statusCode).toBe(422);
    expect(future.json<{ message: string }>().message).toContain('future');
    const early = await enter(outageId, T('07:59'));
    expect(early.statusCode).toBe(422);
    expect(early.json<{ message: string }>().message).toContain('ngoài thời gian sự cố');
    const late = await enter(outageId, T('11:30'), {}, 'en');
    expect(late.json<{ message: string }>().message).toContain('outside the declared outage');
    const acceptedBefore = await enter(outageId, T('10:00'), { acceptedAt: T('09:59') });
    expect(acceptedBefore.statusCode).toBe(422);
    expect(await count()).toBe(before);
  });

  it('refuses an outage of another agency as not found', async () => {
    const other = await f.inject(admin, 'POST', '/api/admin/outages', {
      agencyId: f.agency('STTTT'),
      startsAt: T('08:00'),
      endsAt: T('11:00'),
      reason: 'Hỏng đường truyền',
    });
    expect((await enter(other.json<{ id: string }>().id, T('10:30'))).statusCode).toBe(404);
  });

  it('answers a retried Idempotency-Key with the same dossier, never a second one', async () => {
    const before = await count();
    const body = { outageId, receivedAt: T('10:40'), dossier: await paper() };
    const key = { 'idempotency-key': 'back-entry-retry-01' };
    const a = detail(await f.inject(clerk, 'POST', '/api/reception/back-entries', body, key), 201);
    const b = detail(await f.inject(clerk, 'POST', '/api/reception/back-entries', body, key), 201);
    expect(b.id).toBe(a.id);
    expect(b.code).toBe(a.code);
    expect(await count()).toBe(before + 1);
  });

  it('counts the deadline exactly as an acceptance at the original time would', async () => {
    f.clock.set(new Date(T('08:30', '2026-11-17')));
    const reg = detail(await f.inject(clerk, 'POST', '/api/reception/dossiers', await paper()), 201);
    const live = detail(
      await f.inject(clerk, 'POST', `/api/reception/dossiers/${reg.id}/accept`, {
        expectedVersion: reg.version,
      }),
    );
    f.clock.set(new Date(T('09:00', '2026-11-25')));
    // Same weekday and time one week earlier, no holiday between: the same processing time from receipt.
    const offset = (d: TDossierDetail) => Date.parse(d.appointmentAt!) - Date.parse(d.receivedAt!);
    expect(offset(first)).toBe(offset(live));
  });

  it('lists the back-entered dossiers for reports, and the outage with its count', async () => {
    const list = await f.inject(clerk, 'GET', `/api/reception/back-entries?outageId=${outageId}`);
    expect(list.statusCode).toBe(200);
    const items = list.json<{ items: { code: string; receivedAt: string }[] }>().items;
    expect(items.map((i) => i.code)).toEqual([
      formatDossierCode('H99.17', new Date(T('08:30')), 1),
      formatDossierCode('H99.17', new Date(T('09:20')), 2),
      formatDossierCode('H99.17', new Date(T('10:40')), 3),
    ]);
    const outages = await f.inject(clerk, 'GET', '/api/outages');
    const mine = outages.json<{ items: { id: string; backEntries: number }[] }>().items;
    expect(mine.find((o) => o.id === outageId)?.backEntries).toBe(3);
    // Another agency's desk sees none of them.
    const elsewhere = await f.inject(
      f.clerk('STTTT'),
      'GET',
      `/api/reception/back-entries?outageId=${outageId}`,
    );
    expect(elsewhere.json<{ items: unknown[] }>().items).toEqual([]);
  });
});
