import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TDossierDetail } from '@motcua/contracts';
import { seedDemo } from '../../db/seed';
import { createTestApp } from '../../test/harness';
import { useProcedureFixtures } from './procedures.test-helpers';
import { dossierDetail } from './dossier-read.service';
import { expectStoredEqualsReplay } from './dossiers.test-helpers';

type Row = {
  id: string;
  code: string | null;
  status: string;
  channel: string;
  reception_due_at: Date | null;
  appointment_at: Date | null;
  current_step: string | null;
  handler_id: string | null;
  processing_time: { unit: string } | null;
};

describe('demo dossiers', async () => {
  useProcedureFixtures([]);
  const t = await createTestApp({ dataDir: mkdtempSync(path.join(tmpdir(), 'motcua-demo-')) });
  let rows: Row[] = [];
  const events = async (id: string) =>
    (
      await t.db.kysely
        .selectFrom('dossier_events')
        .select(['type', 'data'])
        .where('dossier_id', '=', id)
        .orderBy('seq')
        .execute()
    ).map((e) => ({ type: e.type, data: e.data as Record<string, unknown> }));
  const types = async (id: string) => (await events(id)).map((e) => e.type);

  it('npm start shows one dossier of every reception outcome, made through the services', async () => {
    const loaded = await seedDemo(t.deps);
    expect(loaded).toContain('dossiers');
    rows = (await t.db.kysely
      .selectFrom('dossiers')
      .select([
        'id',
        'code',
        'status',
        'channel',
        'reception_due_at',
        'appointment_at',
        'current_step',
        'handler_id',
        'processing_time',
      ])
      .orderBy('submitted_at')
      .execute()) as Row[];
    const codes = rows.flatMap((r) => (r.code ? [r.code] : []));
    // The codes of the first demo are kept: the dossier accepted online and the one received at the counter.
    expect(codes.map((c) => c.split('-').slice(1).join('-'))).toEqual(
      expect.arrayContaining(['261116-0001', '261119-0001']),
    );
    expect(codes.find((c) => c.endsWith('261116-0001'))).toBe(
      rows.find((r) => r.channel === 'online' && r.code?.endsWith('261116-0001'))?.code,
    );
    // One waits past the 8-working-hour clock, the other just came in.
    const waiting = rows.filter((r) => r.status === 'submitted');
    expect(waiting.map((r) => r.reception_due_at! < t.clock.now())).toEqual([true, false]);
    expect(rows.filter((r) => r.status === 'supplement_requested')).toHaveLength(1);
    expect(rows.filter((r) => r.status === 'refused')).toHaveLength(1);
    const lookup = await t.app.inject({ method: 'GET', url: `/api/lookup/${encodeURIComponent(codes[0]!)}` });
    expect(lookup.statusCode, lookup.body).toBe(200);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'dossier.%')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(10);
    const docs = await t.db.kysely.selectFrom('dossier_documents').select('kind').execute();
    // Reception's forms, and processing's: apology (Mẫu 04), stop (Mẫu 05), generated results.
    expect(new Set(docs.map((d) => d.kind))).toEqual(
      new Set(['receipt', 'refusal', 'supplement_request', 'apology', 'stop_processing', 'result']),
    );
  }, 180_000); // the whole demo (catalogue, accounts, dossiers) on a busy machine

  it('and a dossier at every point of processing: a living office', async () => {
    const now = t.clock.now();
    const at = (step: string) => rows.filter((r) => r.status === 'in_processing' && r.current_step === step);
    // Waiting for the head of the department to assign it (no handler), and assigned in appraisal (one overdue).
    expect(at('assignment').length).toBeGreaterThanOrEqual(1);
    expect(at('assignment').every((r) => r.handler_id === null)).toBe(true);
    const appraisal = at('appraisal');
    expect(appraisal.every((r) => r.handler_id !== null)).toBe(true);
    expect(appraisal.filter((r) => r.appointment_at! < now)).toHaveLength(1);
    expect(appraisal.filter((r) => r.appointment_at! >= now).length).toBeGreaterThanOrEqual(2);
    expect(at('approval')).toHaveLength(1);
    // Extended with an apology: once, the appointment moved by 5 working days.
    const extended = [];
    for (const r of appraisal) if ((await types(r.id)).includes('extended')) extended.push(r);
    expect(extended).toHaveLength(1);
    // A supplement requested during appraisal: the clock is stopped (no appointment).
    const paused = rows.filter((r) => r.status === 'processing_supplement');
    expect(paused).toHaveLength(1);
    expect(paused[0]!.appointment_at).toBeNull();
    // Results at the desk: one granted (counter, uncollected), one refused after appraisal.
    const ready = rows.filter((r) => r.status === 'result_ready');
    const kinds = await Promise.all(
      ready.map(async (r) => (await events(r.id)).find((e) => e.type === 'result_issued')?.data.kind),
    );
    expect(kinds.sort()).toEqual(['granted', 'refused']);
    expect(ready.find((r) => r.channel === 'counter')).toBeDefined();
    // Returned: one downloaded online; one immediate-result procedure returned at the counter; one delivered by
    // post (issue 15: pickup booked, tracking number, delivered).
    const returned = rows.filter((r) => r.status === 'returned');
    expect(returned.map((r) => r.processing_time?.unit).sort()).toEqual([
      'immediate',
      'working_days',
      'working_days',
    ]);
    const byPost = await t.db.kysely
      .selectFrom('postal_shipments')
      .select(['dossier_id', 'status', 'tracking_no', 'postal_fee'])
      .execute();
    expect(byPost).toEqual([
      expect.objectContaining({ status: 'delivered', tracking_no: 'EB262311001VN', postal_fee: 32000 }),
    ]);
    expect(returned.map((r) => r.id)).toContain(byPost[0]!.dossier_id);
    expect((await events(byPost[0]!.dossier_id)).at(-1)).toMatchObject({
      type: 'result_returned',
      data: { at: 'post', trackingNo: 'EB262311001VN' },
    });
    expect(rows.filter((r) => r.status === 'stopped')).toHaveLength(1);
    // A full walk with a verification record happened: every office event is there.
    const all = new Set(
      (await t.db.kysely.selectFrom('dossier_events').select('type').execute()).map((e) => e.type),
    );
    for (const e of [
      'handed_over',
      'assigned',
      'appraised',
      'forwarded',
      'extended',
      'supplement_requested',
      'result_issued',
      'result_returned',
      'stopped',
    ])
      expect(all.has(e as never), e).toBe(true);
  });

  it('the public lookup shows the step, the holding unit, the result and lateness by the rules', async () => {
    const get = async (code: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/lookup/${encodeURIComponent(code)}` })).json<
        Record<string, unknown>
      >();
    const now = t.clock.now();
    const overdue = rows.find(
      (r) => r.status === 'in_processing' && r.current_step === 'appraisal' && r.appointment_at! < now,
    )!;
    const late = await get(overdue.code!);
    expect(late).toMatchObject({ late: true, currentStep: { vi: 'Thẩm định hồ sơ', en: 'Appraisal' } });
    expect(late.holdingDepartment).toEqual(expect.stringMatching(/^Phòng /));
    const immediate = rows.find((r) => r.processing_time?.unit === 'immediate')!;
    expect(await get(immediate.code!)).toMatchObject({
      status: 'returned',
      late: false,
      result: { kind: 'granted', collected: true },
    });
    const paused = rows.find((r) => r.status === 'processing_supplement')!;
    expect(await get(paused.code!)).toMatchObject({ late: false, appointmentAt: null });
    // The extension with an apology: the new appointment, and the one it replaced (5 working days earlier).
    let extended: Row | undefined;
    for (const r of rows) if ((await types(r.id)).includes('extended')) extended = r;
    const ext = await get(extended!.code!);
    expect(ext).toMatchObject({ late: false, currentStep: { vi: 'Thẩm định hồ sơ', en: 'Appraisal' } });
    expect(ext.extendedFrom).toMatch(/^2026-11-24T/);
    expect(ext.appointmentAt).toMatch(/^2026-12-01T/);
    // A refusal after appraisal waits at the desk; so does a granted result at the counter.
    const ready = await Promise.all(rows.filter((r) => r.status === 'result_ready').map((r) => get(r.code!)));
    expect(ready.map((l) => (l.result as { kind: string; collected: boolean }).kind).sort()).toEqual([
      'granted',
      'refused',
    ]);
    expect(ready.every((l) => (l.result as { collected: boolean }).collected === false)).toBe(true);
    expect(ready.every((l) => (l.currentStep as { vi: string }).vi === 'Trả kết quả')).toBe(true);
    // "Hồ sơ của tôi" reads the same facts from the detail.
    const mine = await t.db.kysely.transaction().execute((trx) => dossierDetail(trx, extended!.id, now));
    expect(mine).toMatchObject({ late: false, extendedFrom: ext.extendedFrom, result: null });
    expect(mine.processing?.currentStep?.name.vi).toBe('Thẩm định hồ sơ');
  });

  it('the applicant was told of each: supplement, apology with the new date, result, refusal, stop', async () => {
    const messages = async (status: string, kind: string) => {
      const ids = rows.filter((r) => r.status === status).map((r) => r.id);
      return t.db.kysely
        .selectFrom('dossier_messages')
        .select(['subject', 'body'])
        .where('dossier_id', 'in', ids)
        .where('kind', '=', kind)
        .where('channel', '=', 'portal')
        .execute();
    };
    const [supplement] = await messages('processing_supplement', 'processing_supplement');
    expect(supplement!.body).toContain('Bản vẽ thiết kế: Bản vẽ mặt cắt không thể hiện chiều cao tầng hầm');
    expect(supplement!.body).toContain('được tính lại từ đầu');
    const extendedIds = [];
    for (const r of rows) if ((await types(r.id)).includes('extended')) extendedIds.push(r.id);
    const apology = await t.db.kysely
      .selectFrom('dossier_messages')
      .select(['subject', 'body'])
      .where('dossier_id', '=', extendedIds[0]!)
      .where('kind', '=', 'extended')
      .where('channel', '=', 'portal')
      .executeTakeFirstOrThrow();
    // 5 working days after 24/11/2026 (the appointment before): Tuesday 01/12/2026, date first, 24-hour time.
    expect(apology.body).toMatch(/Thời gian hẹn trả kết quả mới: 01\/12\/2026 \d{2}:\d{2}\./);
    expect(apology.body).toContain('xin lỗi');
    const [refusal] = await messages('result_ready', 'result_refused');
    expect(refusal!.body).toContain('không được giải quyết. Lý do: Từ chối cấp giấy phép');
    // The returned one had its result before the appointment: announced as early (003 Đ14.4).
    const [ready] = await messages('returned', 'result_early');
    expect(ready!.body).toContain('đã có kết quả sớm hơn ngày hẹn trả');
    const [stop] = await messages('stopped', 'stopped');
    expect(stop!.body).toContain('đã dừng giải quyết. Gia đình thay đổi kế hoạch xây dựng');
  });

  it('issue 14 in flight: parallel with a late partner, sequential on paper, forwarded up, boundary-free', async () => {
    const now = t.deps.clock.now();
    const details: TDossierDetail[] = [];
    for (const r of rows) details.push(await dossierDetail(t.db.kysely, r.id, now, true));
    const parts = (d: TDossierDetail) =>
      (d.interagency ?? []).map((p) => [p.agency, p.mode, p.status, p.late]);
    const inter = details.filter((d) => d.interagency);
    expect(inter.map(parts)).toEqual([
      [
        ['Sở Nông nghiệp và Môi trường tỉnh An Hòa', 'parallel', 'done', false],
        ['Sở Tài chính tỉnh An Hòa', 'parallel', 'open', true],
      ],
      [
        ['Sở Tài chính tỉnh An Hòa', 'sequential', 'done', false],
        ['Sở Nông nghiệp và Môi trường tỉnh An Hòa', 'sequential', 'open', false],
      ],
    ]);
    const places = (d: TDossierDetail) => [
      d.procedure.code,
      d.receivingAgency.name,
      d.authorityAgency.name,
      d.resultAgency.name,
    ];
    expect(details.filter((d) => d.events.some((e) => e.type === 'level_forwarded')).map(places)).toEqual([
      [
        '1.010733',
        'Ủy ban nhân dân xã Tân Phú',
        'Sở Nông nghiệp và Môi trường tỉnh An Hòa',
        'Ủy ban nhân dân xã Tân Phú',
      ],
    ]);
    expect(details.filter((d) => d.procedure.code === '1.012800').map(places)).toEqual([
      [
        '1.012800',
        'Ủy ban nhân dân xã Tân Phú',
        'Văn phòng Đăng ký đất đai tỉnh An Hòa',
        'Trung tâm Phục vụ hành chính công phường An Hòa',
      ],
    ]);
  });

  it('replay: every dossier left by these tests has the status and appointment its events give', async () => {
    expect(await expectStoredEqualsReplay(t.db)).toBe(rows.length);
  });
});
