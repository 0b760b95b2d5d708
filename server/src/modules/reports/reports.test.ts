import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type {
  TDashboard,
  TPeriodicReport,
  TPublicStats,
  TReportAgencies,
  TReportDossierPage,
  TServiceIndex,
} from '@motcua/contracts';
import { pdfText } from '../documents/pdf-inspect.test-helpers';
import { actor, asActor } from '../../test/harness';
import { detail } from '../dossiers/dossiers.test-helpers';
import { at, officeFixture } from '../dossiers/processing-office.test-helpers';
import { sql } from 'kysely';
import { rawCounts, rollupMismatches, storedCounts } from './reports.check';
import { sumFlows, wholeProvince, type SumRow } from './reports.repo';
import { countsBy } from './reports.service';

// Literal dates, Việt Nam time, on the 2026 calendar (Tết 16–20/2/2026 off); 1.004227 takes 10 working days.

describe('reports: counts kept as dossiers change equal a raw GROUP BY, and move with one dossier (issue 17)', async () => {
  const { f, sttt, head, specialist, desk, act, received } = await officeFixture(40);
  const leader = actor({
    kind: 'staff',
    userId: '00000000-0000-4000-a000-000000000099',
    roles: ['leader'],
    agencyId: sttt,
  });
  const get = async <T>(url: string, who = leader) => {
    const res = await f.app.inject({ method: 'GET', url, headers: asActor(who) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  };
  const dash = (from: string, to: string) =>
    get<TDashboard>(`/api/reports/dashboard?from=${from}&to=${to}&agencyId=${sttt}`);

  it('after a mix of actions (accept, refuse, withdraw, process, return) the counts equal the raw GROUP BY', async () => {
    await received('2026-02-02T09:00');
    f.clock.set(at('2026-02-03T10:00'));
    const r = detail(await f.submit(f.citizenA), 201);
    await f.inject(desk, 'POST', `/api/reception/dossiers/${r.id}/refuse`, {
      expectedVersion: r.version,
      reason: 'Không thuộc thẩm quyền giải quyết của Sở',
    });
    const w = detail(await f.submit(f.citizenB), 201);
    const withdrawn = await f.inject(f.citizenB, 'POST', `/api/dossiers/${w.id}/withdraw`, {
      expectedVersion: w.version,
      reason: 'Không còn nhu cầu',
    });
    expect([200, 404]).toContain(withdrawn.statusCode);
    const stored = await storedCounts(f.db.kysely);
    expect(stored.length).toBeGreaterThan(3);
    expect(stored).toEqual(await rawCounts(f.db.kysely));
    expect(await rollupMismatches(f.db.kysely)).toBe(0);
  });

  it('a whole province: its daily trend from the province counts equals the sum of its agencies; a part is not one', async () => {
    const k = f.db.kysely;
    const { rows } = await sql<{ id: string; province_code: string }>`
      SELECT a.id, u.province_code FROM agencies a JOIN units u ON u.id = a.unit_id
      WHERE u.province_code = (SELECT province_code FROM dossiers LIMIT 1)`.execute(k);
    const ids = rows.map((r) => r.id);
    expect(ids.length).toBeGreaterThan(1);
    const province = await wholeProvince(k, ids);
    expect(province).toBe(rows[0]!.province_code);
    expect(await wholeProvince(k, ids.slice(1))).toBeUndefined();
    const sorted = (r: SumRow[]) =>
      [...r].sort((a, b) => `${a.key}${a.measure}`.localeCompare(`${b.key}${b.measure}`));
    for (const channel of [undefined, 'online']) {
      const viaAgencies = await sumFlows(k, { agencyIds: ids, channel }, '2026-01-01', '2026-12-31', 'day');
      const viaProvince = await sumFlows(
        k,
        { agencyIds: ids, channel, province },
        '2026-01-01',
        '2026-12-31',
        'day',
      );
      expect(viaAgencies.length).toBeGreaterThan(0);
      expect(sorted(viaProvince)).toEqual(sorted(viaAgencies));
      // Totals and channels (whole months from the month tables, edge days from the day tables, balances at asOf).
      for (const [from, to] of [
        ['2026-01-01', '2026-12-31'],
        ['2026-01-15', '2026-03-10'],
        ['2026-02-03', '2026-02-03'],
      ] as const)
        for (const by of ['none', 'channel'] as const) {
          const a = await countsBy(k, { agencyIds: ids, channel }, from, to, to, by);
          const p = await countsBy(k, { agencyIds: ids, channel, province }, from, to, to, by);
          expect([...p].sort()).toEqual([...a].sort());
          expect([...a.values()].some((c) => c.received > 0 || c.in_progress > 0)).toBe(true);
        }
    }
  });

  it('one dossier late → resolved late → returned: every affected number moves, and drills down to that dossier', async () => {
    // Received Monday 2/3/2026 09:00 + 10 working days: due Monday 16/3/2026 09:00.
    let d = await received('2026-03-02T09:00');
    expect(d.appointmentAt).toBe(at('2026-03-16T09:00'));
    f.clock.set(at('2026-03-20T09:00'));
    const before = await dash('2026-03-01', '2026-03-20');
    expect(before.totals).toMatchObject({
      received: 1,
      in_progress: 2,
      in_progress_late: 2,
      resolved_late: 0,
      returned: 0,
    });
    const late = await get<TReportDossierPage>(
      `/api/reports/dossiers?from=2026-03-01&to=2026-03-20&agencyId=${sttt}&measure=in_progress_late`,
    );
    // The dossier of the first test (received 2/2, never processed) is carried over, late too.
    expect(late.items).toHaveLength(2);
    expect(late.items.map((x) => x.id)).toContain(d.id);

    d = detail(await act(head, d, 'assign', { handlerId: specialist.userId }));
    d = detail(await act(specialist, d, 'appraise', { opinion: 'Đủ điều kiện.', proposal: 'approve' }));
    d = detail(await act(specialist, d, 'forward'));
    d = detail(await act(head, d, 'forward'));
    f.clock.set(at('2026-03-23T10:00'));
    d = detail(await act(desk, d, 'result', { kind: 'granted', summary: 'Giấy phép số 15/GP-STTTT' }));
    f.clock.set(at('2026-03-24T10:00'));
    d = detail(await act(desk, d, 'return', { collectedBy: 'Nguyễn Văn An', originalsReturned: true }));
    expect(d.status).toBe('returned');

    const after = await dash('2026-03-01', '2026-03-31');
    expect(after.totals).toMatchObject({
      received: 1,
      in_progress: 1,
      in_progress_late: 1,
      resolved_late: 1,
      returned: 1,
    });
    expect(after.byAgency).toHaveLength(1);
    expect(after.byAgency[0]!.counts).toMatchObject({ resolved_late: 1, returned: 1, in_progress_late: 1 });
    expect(after.byChannel.find((c) => c.key === 'online')!.counts.resolved_late).toBe(1);
    expect(after.rates.onTime).toBe(0);
    expect(after.slowestSteps.length).toBeGreaterThan(0);
    // A closed period re-run gives the same numbers: on 20/3 both dossiers were still in progress and late.
    expect((await dash('2026-03-01', '2026-03-20')).totals).toMatchObject({
      in_progress: 2,
      in_progress_late: 2,
    });
    const resolvedLate = await get<TReportDossierPage>(
      `/api/reports/dossiers?from=2026-03-01&to=2026-03-31&agencyId=${sttt}&measure=resolved_late`,
    );
    expect(resolvedLate.items.map((x) => x.id)).toEqual([d.id]);
    expect(await storedCounts(f.db.kysely)).toEqual(await rawCounts(f.db.kysely));
    expect(await rollupMismatches(f.db.kysely)).toBe(0);
  });

  it('level control: the agencies offered carry their level; a level filters the report and the dashboard', async () => {
    const { items } = await get<TReportAgencies>('/api/reports/agencies');
    expect(items.find((a) => a.id === sttt)).toMatchObject({ level: 'province' });
    const head = actor({ kind: 'staff', roles: ['approver'], agencyId: f.agency('SXD') });
    expect((await get<TReportAgencies>('/api/reports/agencies', head)).items.map((a) => a.id)).toEqual([
      f.agency('SXD'),
    ]);
    const citizen = await f.app.inject({
      method: 'GET',
      url: '/api/reports/agencies',
      headers: asActor(f.citizenA),
    });
    expect(citizen.statusCode).toBe(403);
    const url = (level: string) => `from=2026-03-01&to=2026-03-31&agencyId=${sttt}&level=${level}`;
    const province = await get<TPeriodicReport>(`/api/reports/periodic?${url('province')}`);
    const commune = await get<TPeriodicReport>(`/api/reports/periodic?${url('commune')}`);
    expect(province.total.received + province.total.carriedOver).toBeGreaterThan(0);
    expect(province.level).toBe('province');
    expect(commune).toMatchObject({ level: 'commune', rows: [], byAgency: [] });
    expect(commune.total).toMatchObject({ received: 0, carriedOver: 0, resolved: 0, inProgress: 0 });
    expect((await get<TDashboard>(`/api/reports/dashboard?${url('commune')}`)).byAgency).toEqual([]);
    const pdf = await f.app.inject({
      method: 'GET',
      url: `/api/reports/periodic/export?${url('province')}&format=pdf`,
      headers: asActor(leader),
    });
    expect(await pdfText(pdf.rawPayload)).toContain('Cấp tỉnh');
  });

  it('a leader sees their subtree only; a citizen is refused; bad periods are 400 and change nothing', async () => {
    const other = actor({ kind: 'staff', roles: ['approver'], agencyId: f.agency('SXD') });
    const res = await f.app.inject({
      method: 'GET',
      url: `/api/reports/dashboard?from=2026-03-01&to=2026-03-31&agencyId=${sttt}`,
      headers: { ...asActor(other), 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toMatch(/agency/i);
    const citizen = await f.app.inject({
      method: 'GET',
      url: '/api/reports/dashboard?from=2026-03-01&to=2026-03-31',
      headers: asActor(f.citizenA),
    });
    expect(citizen.statusCode).toBe(403);
    const bad = await f.app.inject({
      method: 'GET',
      url: '/api/reports/dashboard?from=2026-03-31&to=2026-03-01',
      headers: asActor(leader),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/kỳ báo cáo/);
  });

  it('periodic report: carried over + received = resolved + in progress (+ stopped); xlsx and PDF carry the totals; index and public statistics', async () => {
    let r = await get<TPeriodicReport>(
      `/api/reports/periodic?from=2026-03-01&to=2026-03-31&agencyId=${sttt}`,
    );
    expect(r.form).toContain('06a/VPCP/KSTT');
    expect(r.total).toMatchObject({
      carriedOver: 1,
      received: 1,
      resolved: 1,
      resolvedLate: 1,
      inProgress: 1,
      inProgressLate: 1,
    });
    // Rows per field (lĩnh vực): the procedure's field from the catalogue; fields and agencies add up to the total.
    // The fixture's catalogue is a port: without a catalogue row the dossiers have no field yet.
    expect(r.rows.map((x) => x.label)).toEqual(['Chưa phân lĩnh vực']);
    const field = 'Bưu chính, viễn thông';
    await f.db.kysely
      .insertInto('procedures')
      .values({
        code: '1.004227',
        name: 'Cấp giấy phép hoạt động in',
        field,
        service_level: 'partial_online',
        processing_time: JSON.stringify({ unit: 'working_days', value: 10 }),
      })
      .execute();
    r = await get<TPeriodicReport>(`/api/reports/periodic?from=2026-03-01&to=2026-03-31&agencyId=${sttt}`);
    expect(r.rows.map((x) => x.key)).toEqual([field]);
    expect(r.rows[0]).toMatchObject({ ...r.total, key: field, label: field });
    expect(r.byAgency.map((x) => x.key)).toEqual([sttt]);
    expect(r.byAgency[0]).toMatchObject({ ...r.total, key: sttt, label: expect.any(String) });
    // Re-run of a closed period gives the same numbers.
    expect(
      await get<TPeriodicReport>(`/api/reports/periodic?from=2026-03-01&to=2026-03-31&agencyId=${sttt}`),
    ).toEqual(r);
    const xlsx = await f.app.inject({
      method: 'GET',
      url: `/api/reports/periodic/export?from=2026-03-01&to=2026-03-31&agencyId=${sttt}&format=xlsx`,
      headers: asActor(leader),
    });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const sheetRows = sheet.getRows(1, sheet.rowCount)!.map((x) => x.values as unknown[]);
    // The agency's heading, the form's name, then the title.
    expect(sheetRows.slice(0, 2).map((x) => x[1])).toEqual([r.agencyName.toUpperCase(), r.form]);
    const totalRow = sheetRows.find((x) => x[1] === 'Tổng cộng')!;
    expect([totalRow[2], totalRow[5], totalRow[8], totalRow[9]]).toEqual([1, 1, 1, 1]);
    // The form's rows are the fields; each field row and each agency row is in the file with its numbers.
    for (const x of [...r.rows, ...r.byAgency])
      expect(sheetRows.find((v) => v[1] === x.label)?.slice(2, 5)).toEqual([
        x.carriedOver,
        x.receivedOnline,
        x.receivedCounterOrPost,
      ]);
    const pdf = await f.app.inject({
      method: 'GET',
      url: `/api/reports/periodic/export?from=2026-03-01&to=2026-03-31&agencyId=${sttt}&format=pdf`,
      headers: asActor(leader),
    });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Tổng cộng');
    expect(text).toContain(r.agencyName.toUpperCase());
    for (const x of r.rows) expect(text).toContain(x.label);

    const index = await get<TServiceIndex>(
      `/api/reports/service-index?period=month&at=2026-03-15&agencyId=${sttt}`,
    );
    const p1 = index.indicators.find((i) => i.key === 'p1')!;
    expect(p1).toMatchObject({ numerator: 0, denominator: 1, score: 0 });
    expect(index.indicators.find((i) => i.key === 's1')).toMatchObject({ score: null });
    expect(index.knownPoints).toBeLessThan(100);
    expect(index.history).toHaveLength(6);

    const pub = await f.app.inject({
      method: 'GET',
      url: `/api/public/statistics?year=2026&agencyId=${sttt}`,
    });
    expect(pub.statusCode).toBe(200);
    const march = pub.json<TPublicStats>().months.find((m) => m.month === '2026-03')!;
    expect(march).toMatchObject({ received: 1, resolved: 1, onTimeRate: 0, satisfactionRate: null });
    expect(pub.body).not.toContain('Nguyễn Văn An');
  });
});
