import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { TDossierDetail, TInboxPage, TLevelForwardTargets, TLookupResponse } from '@motcua/contracts';
import type { Actor } from '../../http/auth';
import { actor } from '../../test/harness';
import { loadDemoCalendar } from '../calendar/calendar.demo';
import { detail, expectStoredEqualsReplay, intakeFixture } from './dossiers.test-helpers';
import { INTAKE_TEST_PROCEDURES, useProcedureFixtures } from './procedures.test-helpers';
import { at } from './processing-office.test-helpers';

// Cross-level (003 Đ13.7): a dossier received at the commune desk of Xã Tân Phú is forwarded to Sở Xây dựng (a
// province agency); the appointment given at receipt is carried, and the result returns to the commune desk.
// Literal dates on the 2026 calendar (Tết 16–20/2/2026).

describe('cross-level processing: commune desk → province → commune desk (issue 14; 003 Đ13.7)', async () => {
  const f = await intakeFixture();
  await f.db.kysely.transaction().execute((trx) => loadDemoCalendar(trx, f.clock.now()));
  useProcedureFixtures([
    ...INTAKE_TEST_PROCEDURES,
    {
      code: '1.999014',
      versionId: '6f1c2a80-0000-4000-8000-000000000914',
      name: 'Xác nhận và chuyển hồ sơ cấp phép xây dựng nhà ở riêng lẻ',
      components: [{ code: 'don', name: 'Đơn đề nghị', copies: 1, originalRequired: true, required: true }],
      processingTime: { unit: 'working_days', value: 10 },
      authorities: [{ agency: 'UBNDXTP', department: 'Phòng Văn hóa - Xã hội' }],
      boundaryFree: false,
      onlineAllowed: true,
      formSchema: null,
      fee: 0,
    },
    {
      code: '1.999015',
      versionId: '6f1c2a80-0000-4000-8000-000000000915',
      name: 'Cấp giấy phép hoạt động xây dựng (phi địa giới)',
      components: [{ code: 'don', name: 'Đơn đề nghị', copies: 1, originalRequired: true, required: true }],
      processingTime: { unit: 'working_days', value: 10 },
      authorities: [{ agency: 'SXD', department: 'Phòng Quản lý hoạt động xây dựng' }],
      boundaryFree: true,
      onlineAllowed: true,
      formSchema: null,
      fee: 0,
    },
  ]);
  const sxd = f.agency('SXD');
  const commune = f.clerk('UBNDXTP');
  const sxdDesk = f.clerk('SXD');
  const sxdDept = (
    await f.db.kysely
      .selectFrom('departments')
      .select('id')
      .where('agency_id', '=', sxd)
      .where('name', '=', 'Phòng Quản lý hoạt động xây dựng')
      .executeTakeFirstOrThrow()
  ).id;
  let n = 0;
  const person = async (name: string, roles: Actor['roles']) => {
    const userId = `00000000-0000-4000-a160-${String(++n).padStart(12, '0')}`;
    await f.db.kysely
      .insertInto('users')
      .values({
        id: userId,
        kind: 'staff',
        username: `caplien.${n}`,
        full_name: name,
        agency_id: sxd,
        department_id: sxdDept,
        status: 'active',
      })
      .execute();
    await f.db.kysely
      .insertInto('user_roles')
      .values(roles.map((role) => ({ user_id: userId, role })))
      .execute();
    return actor({ kind: 'staff', userId, name, roles, agencyId: sxd });
  };
  const head = await person('Hoàng Văn Trưởng Phòng', ['approver']);
  const specialist = await person('Lý Thị Chuyên Viên', ['specialist']);
  const act = (who: Actor, d: Pick<TDossierDetail, 'id' | 'version'>, path: string, body: object = {}) =>
    f.inject(who, 'POST', `/api/processing/dossiers/${d.id}/${path}`, {
      expectedVersion: d.version,
      ...body,
    });

  it('forwards with the appointment carried; the province decides; the result is returned at the commune desk', async () => {
    f.clock.set(at('2026-02-12T09:00'));
    const file = await f.upload(f.citizenA);
    const s = detail(
      await f.submit(f.citizenA, {
        procedureCode: '1.999014',
        formData: {},
        attachments: [{ componentCode: 'don', fileIds: [file.id] }],
      }),
      201,
    );
    let d = detail(
      await f.inject(commune, 'POST', `/api/reception/dossiers/${s.id}/accept`, {
        expectedVersion: s.version,
      }),
    );
    // 12/2 09:00 + 10 working days over Tết = 5/3 09:00.
    expect(d.appointmentAt).toBe(at('2026-03-05T09:00'));
    expect(d.status).toBe('in_processing');

    f.clock.set(at('2026-02-13T09:00'));
    // The forward form's choices: the province's current agencies with their departments, for the commune desk only.
    const targets = async (who: Actor) =>
      (
        await f.inject(who, 'GET', `/api/processing/dossiers/${d.id}/forward-level`)
      ).json<TLevelForwardTargets>().items;
    const offered = await targets(commune);
    expect(offered.find((a) => a.id === sxd)?.departments.map((x) => x.id)).toContain(sxdDept);
    expect(offered.map((a) => a.id)).not.toContain(f.agency('UBNDXTP'));
    expect(
      (await f.inject(sxdDesk, 'GET', `/api/processing/dossiers/${d.id}/forward-level`)).statusCode,
    ).toBe(404);
    // Only the receiving commune desk forwards; only to a province agency of the same province.
    expect((await act(sxdDesk, d, 'forward-level', { agencyId: sxd })).statusCode).toBe(404);
    for (const agencyId of [
      f.agency('UBNDXTP'),
      f.agency('UBNDHBS'),
      '00000000-0000-4000-8000-000000000999',
    ]) {
      const bad = await act(commune, d, 'forward-level', { agencyId });
      expect(bad.statusCode, agencyId).toBe(400);
    }
    d = detail(
      await act(commune, d, 'forward-level', {
        agencyId: sxd,
        departmentId: sxdDept,
        note: 'Chuyển Sở Xây dựng cấp phép.',
      }),
    );
    expect(d.status).toBe('in_processing');
    expect(d.appointmentAt).toBe(at('2026-03-05T09:00'));
    expect([d.receivingAgency.id, d.authorityAgency.id, d.resultAgency.id]).toEqual([
      f.agency('UBNDXTP'),
      sxd,
      f.agency('UBNDXTP'),
    ]);
    expect(d.holdingAgency?.id).toBe(sxd);
    expect(d.events.at(-1)).toMatchObject({ type: 'level_forwarded' });
    // Forwarded once: the form is gone.
    expect(await targets(commune)).toEqual([]);
    expect((await act(commune, d, 'forward-level', { agencyId: sxd })).statusCode).toBe(400);

    // The province's desk may watch it; the lookup names the province agency working on it.
    expect((await f.inject(sxdDesk, 'GET', `/api/dossiers/${d.id}`)).statusCode).toBe(200);
    const look = (await f.inject(null, 'GET', `/api/lookup/${d.code}`)).json<TLookupResponse>();
    expect([look.status, look.receivingAgency, look.holdingAgency]).toEqual([
      'in_processing',
      'Ủy ban nhân dân xã Tân Phú',
      'Sở Xây dựng tỉnh An Hòa',
    ]);

    // Sở Xây dựng processes it with its own steps.
    f.clock.set(at('2026-02-13T10:00'));
    d = detail(await act(head, d, 'assign', { handlerId: specialist.userId }));
    d = detail(
      await act(specialist, d, 'appraise', { opinion: 'Đủ điều kiện cấp phép.', proposal: 'approve' }),
    );
    d = detail(await act(specialist, d, 'forward'));
    d = detail(await act(head, d, 'forward'));
    expect(d.processing?.currentStep?.key).toBe('result');
    // The result comes back to the commune desk that received it, which returns it.
    f.clock.set(at('2026-03-02T09:00'));
    d = detail(await act(commune, d, 'result', { kind: 'granted', summary: 'Giấy phép xây dựng số 5/GPXD' }));
    expect(d.status).toBe('result_ready');
    d = detail(await act(commune, d, 'return', { collectedBy: 'Nguyễn Văn An', originalsReturned: true }));
    expect(d.status).toBe('returned');
    expect(d.appointmentAt).toBe(at('2026-03-05T09:00'));
    await expectStoredEqualsReplay(f.db);
  });

  it('boundary-free: received at a commune desk, decided by the province, returned at the desk the applicant chose', async () => {
    f.clock.set(at('2026-04-28T09:00'));
    const file = await f.upload(f.citizenA);
    const submit = (code: string, resultAgencyId: string) =>
      f.submit(f.citizenA, {
        procedureCode: code,
        receivingAgencyId: code === '1.999015' ? f.agency('UBNDXTP') : null,
        resultAgencyId,
        formData: {},
        attachments: [{ componentCode: 'don', fileIds: [file.id] }],
      });
    // Not boundary-free: the result returns where it was received.
    const before = await f.db.kysely
      .selectFrom('dossiers')
      .select((e) => e.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const refused = await submit('1.999014', f.agency('STTTT'));
    expect(refused.statusCode).toBe(422);
    expect((await submit('1.999015', '00000000-0000-4000-8000-000000000999')).statusCode).toBe(404);
    const after = await f.db.kysely
      .selectFrom('dossiers')
      .select((e) => e.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));

    const s = detail(await submit('1.999015', f.agency('STTTT')), 201);
    let d = detail(
      await f.inject(commune, 'POST', `/api/reception/dossiers/${s.id}/accept`, {
        expectedVersion: s.version,
      }),
    );
    // Received 28/4 09:00 + 10 working days over 30/4–1/5 and the weekend: 14/5 09:00.
    expect(d.appointmentAt).toBe(at('2026-05-14T09:00'));
    expect([d.receivingAgency.name, d.authorityAgency.name, d.resultAgency.name]).toEqual([
      'Ủy ban nhân dân xã Tân Phú',
      'Sở Xây dựng tỉnh An Hòa',
      'Sở Thông tin và Truyền thông tỉnh An Hòa',
    ]);
    // The three places select it: the decider's inbox by each, the register of each desk by its own place.
    const inbox = async (q: string) =>
      (await f.inject(head, 'GET', `/api/processing/inbox?scope=agency&${q}`))
        .json<TInboxPage>()
        .items.map((i) => i.id);
    expect(await inbox(`receivedAt=${f.agency('UBNDXTP')}`)).toContain(d.id);
    expect(await inbox(`decidedBy=${sxd}&returnedAt=${f.agency('STTTT')}`)).toContain(d.id);
    expect(await inbox(`receivedAt=${f.agency('STTTT')}`)).not.toContain(d.id);
    expect(await inbox(`returnedAt=${f.agency('UBNDXTP')}`)).not.toContain(d.id);
    expect((await f.inject(head, 'GET', '/api/processing/inbox?receivedAt=xa')).statusCode).toBe(400);
    const resultDesk = f.clerk('STTTT');
    const register = async (who: Actor, place: string) => {
      const res = await f.inject(
        who,
        'GET',
        `/api/processing/register?from=2026-04-28&to=2026-04-28&format=xlsx&place=${place}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const cells: string[] = [];
      wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
      return cells.includes(d.code!);
    };
    expect([await register(commune, 'received'), await register(commune, 'returned')]).toEqual([true, false]);
    expect([await register(resultDesk, 'received'), await register(resultDesk, 'returned')]).toEqual([
      false,
      true,
    ]);
    expect(await register(sxdDesk, 'decided')).toBe(true);
    expect(
      (await f.inject(commune, 'GET', '/api/processing/register?from=2026-04-28&to=2026-04-28&place=x'))
        .statusCode,
    ).toBe(400);

    // The chosen result desk sees it and holds the desk steps: it records the result and returns it.
    expect((await f.inject(resultDesk, 'GET', `/api/dossiers/${d.id}`)).statusCode).toBe(200);
    f.clock.set(at('2026-04-28T10:00'));
    d = detail(await act(head, d, 'assign', { handlerId: specialist.userId }));
    d = detail(await act(specialist, d, 'appraise', { opinion: 'Đủ điều kiện.', proposal: 'approve' }));
    d = detail(await act(specialist, d, 'forward'));
    d = detail(await act(head, d, 'forward'));
    d = detail(await act(resultDesk, d, 'result', { kind: 'granted', summary: 'Giấy phép số 7/GP-SXD' }));
    d = detail(await act(resultDesk, d, 'return', { collectedBy: 'Nguyễn Văn An', originalsReturned: true }));
    expect(d.status).toBe('returned');
    await expectStoredEqualsReplay(f.db);
  });
});
