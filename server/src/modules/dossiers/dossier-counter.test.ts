import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { TDossierDetail, TRegisterDossierRequest } from '@motcua/contracts';
import { pdfBytes } from '../../files/files.fixtures';
import { handoverTime } from '../calendar';
import type { IntakeCtx } from './dossier-context';
import { handoverJob } from './dossier-handover';
import { acceptDossier } from './dossier-reception.service';
import { registerDossier, submitDossier } from './dossier-intake.service';
import { detail, expectStoredEqualsReplay, intakeFixture } from './dossiers.test-helpers';
import { calendarForAgency } from './ports';

describe('counter and postal intake, boundary-free and immediate procedures', async () => {
  const f = await intakeFixture();
  const clerk = f.clerk('SXD');
  const applicant = {
    kind: 'citizen' as const,
    name: 'Lê Thị Cúc',
    idNumber: '099185000777',
    address: 'Xã Tân Phú, tỉnh An Hòa',
    phone: null,
    email: 'cuc@example.vn',
  };
  const register = async (who = clerk, extra: Partial<TRegisterDossierRequest> = {}) => {
    const scan = await f.upload(who, await pdfBytes(2), 'don.pdf');
    const p1 = await f.upload(who);
    const p2 = await f.upload(who);
    const body: TRegisterDossierRequest = {
      channel: 'counter',
      procedureCode: '1.009994',
      applicant,
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
      ...extra,
    };
    return f.inject(who, 'POST', '/api/reception/dossiers', body);
  };

  it('registers paper at the counter with components, copies and scans; page count equals the images stored', async () => {
    const d = detail(await register(), 201);
    expect(d.channel).toBe('counter');
    expect(d.status).toBe('submitted');
    expect(d.events[0]).toMatchObject({ type: 'registered', channel: 'counter', actor: { type: 'staff' } });
    expect(d.attachments.find((a) => a.componentCode === 'don')).toMatchObject({
      copyKind: 'original',
      originalShown: true,
      pageCount: 2,
    });
    const a = detail(
      await f.inject(clerk, 'POST', `/api/reception/dossiers/${d.id}/accept`, { expectedVersion: d.version }),
    );
    // TT 04/2025: from 25/01/2026 the code is built from the QĐ 20/2020 identifier of the agency.
    expect(a.code).toMatch(/^H99\.17-\d{6}-0001$/);
    expect(a.documents.map((x) => x.kind)).toEqual(['receipt']);
  });

  it('refuses a page count that differs from the pages digitised, and changes nothing', async () => {
    const before = await f.db.kysely.selectFrom('dossiers').select('id').execute();
    const scan = await f.upload(clerk, await pdfBytes(3), 'don.pdf');
    const res = await f.inject(clerk, 'POST', '/api/reception/dossiers', {
      channel: 'counter',
      procedureCode: '1.009994',
      applicant,
      components: [
        { componentCode: 'don', copyKind: 'original', copies: 1, fileIds: [scan.id], pageCount: 2 },
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'PAGE_COUNT_MISMATCH' });
    expect(res.json().message).toContain('(2)');
    expect(await f.db.kysely.selectFrom('dossiers').select('id').execute()).toHaveLength(before.length);
  });

  it('post needs the tracking number; citizens and other roles cannot register', async () => {
    const noTracking = await register(clerk, { channel: 'post' });
    expect(noTracking.statusCode).toBe(400);
    const post = detail(await register(clerk, { channel: 'post', postalTrackingNo: 'EB123456789VN' }), 201);
    expect(post.postalTrackingNo).toBe('EB123456789VN');
    expect((await f.inject(f.citizenA, 'POST', '/api/reception/dossiers', {})).statusCode).toBe(403);
  });

  it('boundary-free: another desk of the province receives; the authority stays; the lookup shows the holder', async () => {
    const centre = f.clerk('TTPVHCC', 7);
    const d = detail(await register(centre), 201);
    expect(d.receivingAgency.id).toBe(f.agency('TTPVHCC'));
    expect(d.authorityAgency.id).toBe(f.agency('SXD'));
    const a = detail(
      await f.inject(centre, 'POST', `/api/reception/dossiers/${d.id}/accept`, {
        expectedVersion: d.version,
      }),
    );
    // The code is the authority's, not the receiving desk's.
    expect(a.code!.startsWith('H99.17-')).toBe(true);
    // The Sở Xây dựng desk may see it (authority); it was not received there, so it cannot decide on it.
    expect((await f.inject(clerk, 'GET', `/api/dossiers/${d.id}`)).statusCode).toBe(200);
    // A procedure that is not boundary-free is refused at another desk.
    const notFree = await f.submit(f.citizenA, { receivingAgencyId: f.agency('TTPVHCC') });
    expect(notFree.statusCode).toBe(422);
    expect(notFree.json().code).toBe('PROCEDURE_UNAVAILABLE');
  });

  it('immediate-result procedure: no receipt unless asked (001 Đ10.1.d), the result time still recorded', async () => {
    const commune = f.clerk('UBNDXTP', 3);
    const scan = await f.upload(commune);
    const reg = (n: number) =>
      f.inject(commune, 'POST', '/api/reception/dossiers', {
        channel: 'counter',
        procedureCode: '2.000908',
        applicant,
        components: [
          { componentCode: 'ban-chinh', copyKind: 'original', copies: n, fileIds: [scan.id], pageCount: 1 },
        ],
      });
    const d1 = detail(await reg(1), 201);
    const a1 = detail(
      await f.inject(commune, 'POST', `/api/reception/dossiers/${d1.id}/accept`, { expectedVersion: 1 }),
    );
    expect(a1.documents).toEqual([]);
    expect(a1.appointmentAt).toBe(a1.receivedAt);
    // Straight from acceptance to the return at the desk, and never late however long it waits (001 Đ10.1.d).
    expect(a1.processing?.steps.map((x) => x.kind)).toEqual(['reception', 'return']);
    expect(a1.processing?.currentStep?.key).toBe('return');
    const before = f.clock.now();
    f.clock.advance(30 * 86_400_000);
    try {
      const seen = await f.inject(null, 'GET', `/api/lookup/${encodeURIComponent(a1.code!)}`);
      expect(seen.json()).toMatchObject({ appointmentAt: a1.appointmentAt, late: false });
    } finally {
      f.clock.set(before);
    }
    const d2 = detail(await reg(2), 201);
    const a2 = detail(
      await f.inject(commune, 'POST', `/api/reception/dossiers/${d2.id}/accept`, {
        expectedVersion: 1,
        receiptRequested: true,
      }),
    );
    expect(a2.documents.map((x) => x.kind)).toEqual(['receipt']);
  });

  it('paper received after 15:00 is handed over at the start of the next working day (003 Đ12.2)', async () => {
    const ctx = (now: Date): IntakeCtx => ({
      actor: clerk,
      audit: { type: 'staff', id: clerk.userId, name: clerk.name, at: now },
      now,
      config: f.deps.config,
    });
    // Tuesday 3 March 2026, 15:30 in Việt Nam.
    const late = new Date('2026-03-03T08:30:00Z');
    const id = await f.db.kysely.transaction().execute((trx) =>
      registerDossier(trx, ctx(late), {
        channel: 'counter',
        procedureCode: '1.009994',
        applicant,
        components: [],
      }),
    );
    await f.db.kysely
      .transaction()
      .execute((trx) => acceptDossier(trx, ctx(late), id, { expectedVersion: 1 }));
    const row = await f.db.kysely
      .selectFrom('dossiers')
      .select(['status', 'code'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('received');
    expect(row.code).toBe('H99.17-260303-0001');
    // This dossier's own job, not "the first one": the demo data may have queued others.
    const job = await f.db.kysely
      .selectFrom('jobs')
      .select(['run_at', 'payload'])
      .where('type', '=', 'dossiers.hand-over')
      .where(sql<string>`payload->>'dossierId'`, '=', id)
      .executeTakeFirstOrThrow();
    const cal = await f.db.kysely.transaction().execute((trx) => calendarForAgency(trx, f.agency('SXD')));
    expect(job.run_at.toISOString()).toBe(handoverTime(cal, late).toISOString());
    expect(job.run_at.toISOString()).toBe('2026-03-04T00:00:00.000Z'); // 07:00 Wednesday
    const jobCtx = { db: f.db, log: f.deps.log, jobId: 1, now: job.run_at };
    await handoverJob(job.payload, { ...jobCtx, attempt: 1 });
    await handoverJob(job.payload, { ...jobCtx, attempt: 2 });
    const after = await f.db.kysely
      .selectFrom('dossier_events')
      .select('type')
      .where('dossier_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(after.map((e) => e.type)).toEqual(['registered', 'received', 'handed_over']);
    // Before 15:00 it goes at once.
    const early = new Date('2026-03-03T03:00:00Z');
    const id2 = await f.db.kysely.transaction().execute((trx) =>
      registerDossier(trx, ctx(early), {
        channel: 'counter',
        procedureCode: '1.009994',
        applicant,
        components: [],
      }),
    );
    await f.db.kysely
      .transaction()
      .execute((trx) => acceptDossier(trx, ctx(early), id2, { expectedVersion: 1 }));
    const row2 = await f.db.kysely
      .selectFrom('dossiers')
      .select('status')
      .where('id', '=', id2)
      .executeTakeFirstOrThrow();
    expect(row2.status).toBe('in_processing');
  });

  it('reception queue: own agency only, ordered by the 8-hour deadline, overdue flagged', async () => {
    const citizenCtx = (now: Date): IntakeCtx => ({
      actor: f.citizenA,
      audit: { type: 'user', id: f.citizenA.userId, at: now },
      now,
      config: f.deps.config,
    });
    const a = await f.upload(f.citizenA);
    const b = await f.upload(f.citizenA);
    const body = {
      procedureCode: '1.004227',
      applicant,
      formData: { tenTrang: 'Trang cũ', tenMien: 'cu.vn' },
      attachments: [
        { componentCode: 'don', fileIds: [a.id] },
        { componentCode: 'quyet-dinh', fileIds: [b.id] },
      ],
    };
    const old = await f.db.kysely
      .transaction()
      .execute((trx) => submitDossier(trx, citizenCtx(new Date('2026-01-05T02:00:00Z')), body));
    const fresh = detail(await f.submit(f.citizenA), 201);
    const q = await f.inject(f.clerk('STTTT'), 'GET', '/api/reception/queue');
    expect(q.statusCode).toBe(200);
    const items = q.json<{ items: TDossierDetail[] }>().items;
    expect(items[0]!.id).toBe(old.id);
    expect(items[0]!.receptionOverdue).toBe(true);
    expect(items.find((i) => i.id === fresh.id)!.receptionOverdue).toBe(false);
    const due = items.map((i) => new Date(i.receptionDueAt!).getTime());
    expect([...due].sort((x, y) => x - y)).toEqual(due);
    const other = await f.inject(f.clerk('STP'), 'GET', '/api/reception/queue');
    expect(other.json<{ items: unknown[] }>().items).toEqual([]);
    expect((await f.inject(f.citizenA, 'GET', '/api/reception/queue')).statusCode).toBe(403);
  });

  it('replay: every dossier left by these tests has the status and appointment its events give', async () => {
    expect(await expectStoredEqualsReplay(f.db)).toBeGreaterThan(0);
  });
});
