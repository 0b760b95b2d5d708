import { describe, expect, it } from 'vitest';
import type {
  TDossierDetail,
  TInteragencyTask,
  TInteragencyTaskFiles,
  TInteragencyTaskList,
  TLookupResponse,
  TSimulateResponse,
} from '@motcua/contracts';
import type { Actor } from '../../http/auth';
import { checkInteragencyPlan } from '../catalogue/interagency-plan';
import { defaultWorkflow } from '../catalogue/workflow';
import { detail, expectStoredEqualsReplay } from './dossiers.test-helpers';
import { flagOverdueInteragency } from './interagency-warnings';
import { INTAKE_TEST_PROCEDURES, useProcedureFixtures } from './procedures.test-helpers';
import { at, officeFixture, staffMaker } from './processing-office.test-helpers';

// Literal dates, Việt Nam time, on the 2026 official calendar: Tết 16–20/2/2026; working hours 07–11, 13–17.
// Procedure 1.004227 (10 working days) at Sở TT&TT, here made inter-agency: Sở Xây dựng (3 working days) and
// Sở Tư pháp (2 working days) as partners.

describe('inter-agency processing (liên thông, issue 14; 000 Đ8, 001 Đ11)', async () => {
  const { f, sttt, dept, head, specialist, desk, act, received } = await officeFixture(80);
  const sxd = f.agency('SXD');
  const stp = f.agency('STP');
  const base = INTAKE_TEST_PROCEDURES.find((p) => p.code === '1.004227')!;
  useProcedureFixtures([
    ...INTAKE_TEST_PROCEDURES.filter((p) => p !== base),
    {
      ...base,
      workflow: {
        ...defaultWorkflow(base.processingTime),
        interagency: {
          partners: [
            {
              agencyId: sxd,
              task: { vi: 'Thẩm định vị trí công trình', en: 'Site appraisal' },
              workingDays: 3,
            },
            { agencyId: stp, task: { vi: 'Xác nhận hồ sơ pháp lý', en: 'Legal check' }, workingDays: 2 },
          ],
        },
      },
    },
  ]);
  const person = staffMaker(f, 'a150', 'lienthong');
  const sxdStaff = await person('Vũ Văn Xây Dựng', ['specialist'], sxd);
  const stpStaff = await person('Đỗ Thị Tư Pháp', ['specialist'], stp);
  const sxdDesk = f.clerk('SXD');
  // Mailboxes of the lead's department (no. 3) and of the receiving desk (no. 4), for the late-partner warning.
  await person('Phan Văn Chủ Trì', ['approver'], sttt, dept);
  await person('Lê Thị Một Cửa', ['reception_officer'], sttt);
  const version = async (id: string) =>
    (
      await f.db.kysely
        .selectFrom('dossiers')
        .select('version')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).version;
  const dispatch = (who: Actor, d: Pick<TDossierDetail, 'id' | 'version'>, body: object = {}) =>
    act(who, d, 'interagency', body);
  const tasks = async (who: Actor, status = 'open') =>
    (await f.inject(who, 'GET', `/api/interagency/tasks?status=${status}`)).json<TInteragencyTaskList>();
  const done = (who: Actor, t: Pick<TInteragencyTask, 'id'>, v: number, outcome = 'Đồng ý, đủ điều kiện.') =>
    f.inject(who, 'POST', `/api/interagency/tasks/${t.id}/done`, { expectedVersion: v, outcome });
  const mine = (list: TInteragencyTaskList, code: string | null) =>
    list.items.filter((i) => i.dossierCode === code);

  it('electronic dossier: all partners at once, deadlines over Tết; each sees its part only; a late partner is named', async () => {
    const r = await received('2026-02-12T09:00');
    // Only the receiving desk dispatches: the handler's role is refused, another agency's desk is told 404.
    expect((await dispatch(specialist, r)).statusCode).toBe(403);
    expect((await dispatch(sxdDesk, r)).statusCode).toBe(404);
    // An electronic dossier takes no order.
    const ordered = await dispatch(desk, r, { order: [stp, sxd] });
    expect(ordered.statusCode).toBe(400);
    expect(ordered.json().message).toMatch(/đồng thời/);
    expect(await version(r.id)).toBe(r.version);

    f.clock.set(at('2026-02-12T10:00'));
    const d = detail(await dispatch(desk, r));
    expect(d.status).toBe('in_processing');
    // The dossier's own deadline is untouched: 12/2 09:00 + 10 working days over Tết (16–20/2) = 5/3 09:00.
    expect(d.appointmentAt).toBe(at('2026-03-05T09:00'));
    // Parallel, each in its own budget from 12/2 10:00: SXD 3 days → 24/2 10:00, STP 2 days → 23/2 10:00.
    expect(d.interagency!.map((t) => [t.agency, t.mode, t.status, t.dueAt])).toEqual([
      ['Sở Xây dựng tỉnh An Hòa', 'parallel', 'open', at('2026-02-24T10:00')],
      ['Sở Tư pháp tỉnh An Hòa', 'parallel', 'open', at('2026-02-23T10:00')],
    ]);
    expect((await dispatch(desk, d)).statusCode).toBe(409);
    // The staff detail carries the pinned plan with the partners' names (the dispatch form's list).
    expect(d.interagencyPlan).toEqual({
      mode: 'parallel',
      partners: [
        expect.objectContaining({ agency: 'Sở Xây dựng tỉnh An Hòa', workingDays: 3 }),
        expect.objectContaining({ agency: 'Sở Tư pháp tỉnh An Hòa', workingDays: 2 }),
      ],
    });

    // Partners see their own part, never the dossier.
    expect((await f.inject(sxdStaff, 'GET', `/api/dossiers/${d.id}`)).statusCode).toBe(404);
    const sxdList = mine(await tasks(sxdStaff), d.code);
    expect(sxdList.map((t) => [t.agency, t.task.vi])).toEqual([
      ['Sở Xây dựng tỉnh An Hòa', 'Thẩm định vị trí công trình'],
    ]);
    const stpTask = mine(await tasks(stpStaff), d.code)[0]!;
    expect((await f.inject(sxdStaff, 'GET', `/api/interagency/tasks/${stpTask.id}`)).statusCode).toBe(404);
    expect((await done(sxdStaff, stpTask, await version(d.id))).statusCode).toBe(404);

    // Partners open the dossier's files for their part; another agency's part, or a file not of the dossier: 404.
    const sxdFiles = await f.inject(sxdStaff, 'GET', `/api/interagency/tasks/${sxdList[0]!.id}/files`);
    expect(sxdFiles.statusCode).toBe(200);
    const items = sxdFiles.json<TInteragencyTaskFiles>().items;
    expect(items.length).toBeGreaterThan(0);
    const fileUrl = (t: { id: string }, fileId: string) => `/api/interagency/tasks/${t.id}/files/${fileId}`;
    const got = await f.inject(sxdStaff, 'GET', fileUrl(sxdList[0]!, items[0]!.id));
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.length).toBe(items[0]!.size);
    expect((await f.inject(stpStaff, 'GET', fileUrl(sxdList[0]!, items[0]!.id))).statusCode).toBe(404);
    expect(
      (await f.inject(stpStaff, 'GET', `/api/interagency/tasks/${sxdList[0]!.id}/files`)).statusCode,
    ).toBe(404);
    const stranger = await person('Hồ Văn Ngoài Cuộc', ['specialist'], f.agency('STC'));
    expect((await f.inject(stranger, 'GET', fileUrl(stpTask, items[0]!.id))).statusCode).toBe(404);
    const foreign = (await f.upload(desk)).id;
    expect((await f.inject(sxdStaff, 'GET', fileUrl(sxdList[0]!, foreign))).statusCode).toBe(404);

    // The applicant: one dossier, one status; the lookup names the agencies working on it.
    const own = detail(await f.inject(f.citizenA, 'GET', `/api/dossiers/${d.id}`));
    expect(own.status).toBe('in_processing');
    expect(own.interagency).toBeUndefined();
    expect(own.interagencyPlan).toBeUndefined();
    expect(own.events.some((e) => e.type.startsWith('interagency'))).toBe(false);
    const look = async () => (await f.inject(null, 'GET', `/api/lookup/${d.code}`)).json<TLookupResponse>();
    expect((await look()).workingAgencies).toEqual(['Sở Xây dựng tỉnh An Hòa', 'Sở Tư pháp tỉnh An Hòa']);

    // STP on time (Friday 13/2).
    f.clock.set(at('2026-02-13T09:00'));
    const stpDone = await done(stpStaff, stpTask, await version(d.id));
    expect(stpDone.statusCode).toBe(200);
    expect(stpDone.json<TInteragencyTask>().done).toMatchObject({ grade: 'early', by: stpStaff.name });
    expect((await done(stpStaff, stpTask, await version(d.id))).statusCode).toBe(409);
    expect((await look()).workingAgencies).toEqual(['Sở Xây dựng tỉnh An Hòa']);
    expect((await look()).status).toBe('in_processing');

    // The lead cannot consolidate while SXD's part is out.
    f.clock.set(at('2026-02-13T10:00'));
    let w = detail(
      await act(head, { id: d.id, version: await version(d.id) }, 'assign', { handlerId: specialist.userId }),
    );
    w = detail(
      await act(specialist, w, 'appraise', { opinion: 'Đủ điều kiện cấp phép.', proposal: 'approve' }),
    );
    const early = await act(specialist, w, 'forward', {});
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toMatch(/cơ quan phối hợp/);

    // SXD past 24/2 10:00: the job flags it once, naming SXD; the lead's department and the desk are told.
    f.clock.set(at('2026-02-24T10:00'));
    expect(await flagOverdueInteragency(f.db, f.clock.now())).toBe(0);
    f.clock.set(at('2026-02-24T10:15'));
    expect(await flagOverdueInteragency(f.db, f.clock.now())).toBe(1);
    expect(await flagOverdueInteragency(f.db, f.clock.now())).toBe(0);
    w = detail(await f.inject(specialist, 'GET', `/api/dossiers/${d.id}`));
    const flagged = w.events.at(-1)!;
    expect(flagged).toMatchObject({ type: 'interagency_overdue', actor: { type: 'system' } });
    const facts = await f.db.kysely
      .selectFrom('dossier_events')
      .select('data')
      .where('dossier_id', '=', d.id)
      .where('type', '=', 'interagency_overdue')
      .execute();
    expect(facts.map((e) => e.data.agency)).toEqual(['Sở Xây dựng tỉnh An Hòa']);
    const mails = await f.db.kysely
      .selectFrom('messages')
      .select(['recipient', 'subject'])
      .where('template', '=', 'interagency.overdue')
      .where('subject', 'like', `%${d.code}%`)
      .orderBy('recipient')
      .execute();
    expect(mails.map((m) => m.recipient)).toEqual(['lienthong3@anhoa.gov.vn', 'lienthong4@anhoa.gov.vn']);
    expect(mails[0]!.subject).toBe(`Hồ sơ liên thông ${d.code}: Sở Xây dựng tỉnh An Hòa quá hạn`);

    // SXD late, graded late; then the lead consolidates and the result goes back to the receiving desk.
    f.clock.set(at('2026-02-25T09:00'));
    const late = (await done(sxdStaff, sxdList[0]!, await version(d.id))).json<TInteragencyTask>();
    expect(late).toMatchObject({ status: 'done', late: true, done: { grade: 'late' } });
    expect((await look()).workingAgencies).toBeUndefined();
    w = detail(await f.inject(specialist, 'GET', `/api/dossiers/${d.id}`));
    const fwd = await act(specialist, w, 'forward', {});
    expect(fwd.statusCode).toBe(200);
    expect(detail(fwd).resultAgency.id).toBe(sttt);
    await expectStoredEqualsReplay(f.db);
  });

  /** A paper dossier registered at the STTTT counter and accepted at `local`. */
  const paper = async (local: string) => {
    f.clock.set(at(local));
    const [a, b] = [await f.upload(desk), await f.upload(desk)];
    const r = detail(
      await f.inject(desk, 'POST', '/api/reception/dossiers', {
        channel: 'counter',
        procedureCode: '1.004227',
        applicant: {
          kind: 'citizen',
          name: 'Lê Thị Cúc',
          idNumber: '099185000777',
          address: 'Xã Tân Phú, tỉnh An Hòa',
          phone: null,
          email: null,
        },
        formData: { tenTrang: 'Tin tức Tân Phú', tenMien: 'tintuc.tanphu.vn' },
        components: [
          {
            componentCode: 'don',
            copyKind: 'original',
            copies: 1,
            originalShown: true,
            fileIds: [a.id],
            pageCount: 1,
          },
          { componentCode: 'quyet-dinh', copyKind: 'photocopy', copies: 1, fileIds: [b.id], pageCount: 1 },
        ],
      }),
      201,
    );
    return detail(
      await f.inject(desk, 'POST', `/api/reception/dossiers/${r.id}/accept`, { expectedVersion: r.version }),
    );
  };

  it('paper dossier: partners one after another in the order the desk sets; the next one starts when one is done', async () => {
    const r = await paper('2026-02-12T09:00');
    expect(r.channel).toBe('counter');
    // The order names every partner once.
    for (const order of [[stp], [stp, stp], [stp, sxd, sttt]]) {
      const bad = await dispatch(desk, r, { order });
      expect(bad.statusCode, JSON.stringify(order)).toBe(400);
      expect(bad.json().message).toMatch(/đúng một lần/);
    }
    expect(await version(r.id)).toBe(r.version);

    f.clock.set(at('2026-02-12T10:00'));
    const d = detail(await dispatch(desk, r, { order: [stp, sxd] }));
    // STP first (2 days from 12/2 10:00 over Tết: 23/2 10:00); SXD waits for its turn, no due time yet.
    expect(d.interagency!.map((t) => [t.agency, t.mode, t.status, t.dueAt])).toEqual([
      ['Sở Tư pháp tỉnh An Hòa', 'sequential', 'open', at('2026-02-23T10:00')],
      ['Sở Xây dựng tỉnh An Hòa', 'sequential', 'waiting', null],
    ]);
    const look = async () => (await f.inject(null, 'GET', `/api/lookup/${d.code}`)).json<TLookupResponse>();
    expect((await look()).workingAgencies).toEqual(['Sở Tư pháp tỉnh An Hòa']);
    // SXD cannot act before its turn; its open list does not show it yet.
    const all = await tasks(sxdStaff, 'all');
    const sxdTask = mine(all, d.code)[0]!;
    expect(sxdTask).toMatchObject({ status: 'waiting', previous: [] });
    expect(mine(await tasks(sxdStaff), d.code)).toEqual([]);
    const early = await done(sxdStaff, sxdTask, await version(d.id));
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('INTERAGENCY_STATE');
    // Nor open the dossier's files before its turn (the partner working now can).
    const filesOf = async (who: Actor, t: { id: string }) =>
      (await f.inject(who, 'GET', `/api/interagency/tasks/${t.id}/files`)).json<TInteragencyTaskFiles>()
        .items;
    expect(await filesOf(sxdStaff, sxdTask)).toEqual([]);
    const stpOpen = mine(await tasks(stpStaff), d.code)[0]!;
    expect((await filesOf(stpStaff, stpOpen)).map((x) => x.component).length).toBe(2);

    // STP finishes Monday 23/2 08:00; SXD's 3 days run from then in its calendar: Thursday 26/2 08:00.
    f.clock.set(at('2026-02-23T08:00'));
    const stpTask = mine(await tasks(stpStaff), d.code)[0]!;
    expect((await done(stpStaff, stpTask, await version(d.id), 'Hồ sơ pháp lý hợp lệ.')).statusCode).toBe(
      200,
    );
    const next = (
      await f.inject(sxdStaff, 'GET', `/api/interagency/tasks/${sxdTask.id}`)
    ).json<TInteragencyTask>();
    expect(next).toMatchObject({
      status: 'open',
      openedAt: at('2026-02-23T08:00'),
      dueAt: at('2026-02-26T08:00'),
      previous: [{ agency: 'Sở Tư pháp tỉnh An Hòa', outcome: 'Hồ sơ pháp lý hợp lệ.' }],
    });
    expect((await look()).workingAgencies).toEqual(['Sở Xây dựng tỉnh An Hòa']);
    expect((await look()).status).toBe('in_processing');
    // The partner was told of its turn.
    const told = await f.db.kysely
      .selectFrom('messages')
      .select('recipient')
      .where('template', '=', 'interagency.requested')
      .where('subject', 'like', `%${d.code}%`)
      .orderBy('recipient')
      .execute();
    expect(told.map((m) => m.recipient)).toEqual(['lienthong1@anhoa.gov.vn', 'lienthong2@anhoa.gov.vn']);
    await expectStoredEqualsReplay(f.db);
  });

  it("a partner's answer carries its own files; the lead, the desk, the partner and a later partner download them", async () => {
    const r = await paper('2026-03-09T09:00');
    f.clock.set(at('2026-03-09T10:00'));
    const d = detail(await dispatch(desk, r, { order: [stp, sxd] }));
    const stpTask = mine(await tasks(stpStaff), d.code)[0]!;
    const answer = (fileIds: string[]) =>
      f.inject(stpStaff, 'POST', `/api/interagency/tasks/${stpTask.id}/done`, {
        expectedVersion: d.version,
        outcome: 'Hồ sơ pháp lý hợp lệ, kèm văn bản xác nhận.',
        fileIds,
      });
    // A file the partner did not upload (the desk's), or too many: 400 and nothing stored.
    const foreign = (await f.upload(desk)).id;
    expect((await answer([foreign])).statusCode).toBe(400);
    expect((await answer(Array.from({ length: 11 }, () => foreign))).statusCode).toBe(400);
    expect(await version(d.id)).toBe(d.version);
    const still = await f.db.kysely
      .selectFrom('dossier_interagency_tasks')
      .select(['status', 'answer_file_ids'])
      .where('id', '=', stpTask.id)
      .executeTakeFirstOrThrow();
    expect(still).toEqual({ status: 'open', answer_file_ids: [] });

    const own = await f.upload(stpStaff, undefined, 'xac-nhan-phap-ly.png');
    const ok = await answer([own.id]);
    expect(ok.statusCode).toBe(200);
    const files = ok.json<TInteragencyTask>().done!.files;
    expect(files).toEqual([expect.objectContaining({ id: own.id, name: 'xac-nhan-phap-ly.png' })]);
    // The lead's (and the desk's) dossier view lists the answer's files.
    const lead = detail(await f.inject(specialist, 'GET', `/api/dossiers/${d.id}`));
    expect(lead.interagency![0]!.done!.files.map((x) => x.id)).toEqual([own.id]);
    // The later partner sees the earlier answer with its files, through its own part.
    const sxdTask = mine(await tasks(sxdStaff), d.code)[0]!;
    expect(sxdTask.previous).toEqual([
      { agency: 'Sở Tư pháp tỉnh An Hòa', outcome: expect.any(String), files },
    ]);

    const url = (t: { id: string }, fileId: string) =>
      `/api/interagency/tasks/${t.id}/answer-files/${fileId}`;
    for (const [who, t] of [
      [specialist, stpTask],
      [desk, stpTask],
      [stpStaff, stpTask],
      [sxdStaff, sxdTask],
    ] as const) {
      const got = await f.inject(who, 'GET', url(t, own.id));
      expect(got.statusCode, who.name).toBe(200);
      expect(got.rawPayload.length).toBe(files[0]!.size);
    }
    // Another agency, another partner's part, or a file not in that answer: 404.
    const stranger = await person('Mai Văn Bên Ngoài', ['specialist'], f.agency('STC'));
    expect((await f.inject(stranger, 'GET', url(stpTask, own.id))).statusCode).toBe(404);
    expect((await f.inject(sxdStaff, 'GET', url(stpTask, own.id))).statusCode).toBe(404);
    expect((await f.inject(specialist, 'GET', url(stpTask, foreign))).statusCode).toBe(404);
    expect((await f.inject(stpStaff, 'GET', url(sxdTask, own.id))).statusCode).toBe(404);
  });

  it('the simulator plans each partner in its calendar and the consolidated due time; the editor checks the budgets', async () => {
    const sim = async (channel: string) =>
      (
        await f.inject(null, 'POST', '/api/procedures/1.004227/simulate', {
          receivedAt: at('2026-02-12T09:00'),
          channel,
        })
      ).json<TSimulateResponse>().interagency!;
    const online = await sim('online');
    expect(online.mode).toBe('parallel');
    expect(online.agencies.map((a) => [a.agency, a.startAt, a.dueAt])).toEqual([
      ['Sở Xây dựng tỉnh An Hòa', at('2026-02-12T09:00'), at('2026-02-24T09:00')],
      ['Sở Tư pháp tỉnh An Hòa', at('2026-02-12T09:00'), at('2026-02-23T09:00')],
    ]);
    expect(online.consolidatedDueAt).toBe(at('2026-03-05T09:00'));
    const onPaper = await sim('paper');
    expect(onPaper.mode).toBe('sequential');
    expect(onPaper.agencies.map((a) => [a.agency, a.startAt, a.dueAt])).toEqual([
      ['Sở Xây dựng tỉnh An Hòa', at('2026-02-12T09:00'), at('2026-02-24T09:00')],
      ['Sở Tư pháp tỉnh An Hòa', at('2026-02-24T09:00'), at('2026-02-26T09:00')],
    ]);
    // The editor: the partners' budgets (one after another) must leave the lead time inside the statutory total.
    const ten = { unit: 'working_days', value: 10 } as const;
    const partner = (agencyId: string, workingDays: number) => ({
      agencyId,
      task: { vi: 'Phối hợp', en: 'Partner' },
      workingDays,
    });
    expect(checkInteragencyPlan({ partners: [partner(sxd, 3), partner(stp, 2)] }, ten, [sttt])).toEqual([]);
    expect(checkInteragencyPlan({ partners: [partner(sxd, 6), partner(stp, 4)] }, ten, [sttt])).toEqual([
      "the partners' budgets add up to 10 working days, which leaves the lead no time inside the processing time of 10",
    ]);
    expect(checkInteragencyPlan({ partners: [partner(sttt, 1), partner(sttt, 1)] }, ten, [sttt])).toEqual([
      'each partner agency is named once',
      'the lead agency is not its own partner',
    ]);
  });
});
