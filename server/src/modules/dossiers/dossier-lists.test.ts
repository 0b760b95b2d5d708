import { describe, expect, it } from 'vitest';
import type { TDossierList } from '@motcua/contracts';
import type { Actor } from '../../http/auth';
import { detail, intakeFixture } from './dossiers.test-helpers';

// Keyset pages of "Hồ sơ của tôi" and the reception queue (issue 19): walking the pages while dossiers keep
// arriving lists every dossier that was there exactly once, in the list's order.
describe('keyset pages of the applicant list and the reception queue', async () => {
  const f = await intakeFixture();
  const desk = f.clerk('STTTT');

  const list = async (who: Actor, url: string, status = 200) => {
    const res = await f.inject(who, 'GET', url);
    expect(res.statusCode, res.body).toBe(status);
    return res.json<TDossierList>();
  };
  /** Every page from the first, calling `between` after each page (to make dossiers arrive meanwhile). */
  const walk = async (who: Actor, base: string, between: () => Promise<void> = async () => {}) => {
    const pages: TDossierList[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(who, cursor ? `${base}&cursor=${encodeURIComponent(cursor)}` : base);
      pages.push(page);
      cursor = page.nextCursor;
      await between();
    } while (cursor && pages.length < 20);
    return pages;
  };
  const submitAt = async (who: Actor, n: number, stepMs: number) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      f.clock.advance(stepMs);
      ids.push(detail(await f.submit(who), 201).id);
    }
    return ids;
  };

  // Seven dossiers: four a minute apart, then three in the same instant (ties are broken by id).
  const mine = [...(await submitAt(f.citizenA, 4, 60_000)), ...(await submitAt(f.citizenA, 1, 60_000))];
  mine.push(...(await submitAt(f.citizenA, 2, 0)));
  const other = await submitAt(f.citizenB, 1, 60_000);

  it('"Hồ sơ của tôi": newest first, pages of 3 with a cursor, no duplicate and no gap while new dossiers arrive', async () => {
    const before = await list(f.citizenA, '/api/dossiers?pageSize=100');
    expect(before.items.map((i) => i.id).sort()).toEqual([...mine].sort());
    expect(before).toMatchObject({ total: 7, totalCapped: false, nextCursor: null });
    const order = before.items.map((i) => i.id);
    const stamps = before.items.map((i) => i.submittedAt);
    expect([...stamps].sort().reverse()).toEqual(stamps);

    const arrived: string[] = [];
    const pages = await walk(f.citizenA, '/api/dossiers?pageSize=3', async () => {
      arrived.push(...(await submitAt(f.citizenA, 1, 60_000)));
    });
    expect(pages.map((p) => p.items.length)).toEqual([3, 3, 1]);
    expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(order);
    expect(pages.at(-1)!.nextCursor).toBeNull();
    expect(arrived).toHaveLength(3);

    // The newcomers lead the next first page; the count follows.
    const first = await list(f.citizenA, '/api/dossiers?pageSize=3');
    expect(first.items.map((i) => i.id)).toEqual([...arrived].reverse());
    expect(first.total).toBe(10);
    mine.push(...arrived);
  });

  it('the deprecated page number still works for shallow pages and matches the cursor page', async () => {
    const p1 = await list(f.citizenA, '/api/dossiers?pageSize=4');
    const byCursor = await list(f.citizenA, `/api/dossiers?pageSize=4&cursor=${p1.nextCursor!}`);
    const byPage = await list(f.citizenA, '/api/dossiers?pageSize=4&page=2');
    expect(byPage.items.map((i) => i.id)).toEqual(byCursor.items.map((i) => i.id));
    expect(byPage.nextCursor).toBe(byCursor.nextCursor);
    const deep = await f.inject(f.citizenA, 'GET', '/api/dossiers?pageSize=20&page=501');
    expect(deep.statusCode).toBe(400);
    expect(deep.json()).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('a status filter pages within the status; someone else’s dossiers never show', async () => {
    const pages = await walk(f.citizenA, '/api/dossiers?pageSize=4&status=submitted');
    const ids = pages.flatMap((p) => p.items.map((i) => i.id));
    expect(ids.sort()).toEqual([...mine].sort());
    expect(ids).not.toContain(other[0]);
    expect((await list(f.citizenB, '/api/dossiers')).items.map((i) => i.id)).toEqual(other);
    expect((await list(f.citizenA, '/api/dossiers?status=received')).items).toEqual([]);
    await list(desk, '/api/dossiers', 403);
  });

  it('reception queue: by reception deadline, no deadline last, cursor pages stable while dossiers arrive', async () => {
    // A dossier without a reception deadline is listed after every dated one.
    const undated = mine[2]!;
    await f.db.kysely
      .updateTable('dossiers')
      .set({ reception_due_at: null })
      .where('id', '=', undated)
      .execute();
    const all = await list(desk, '/api/reception/queue?pageSize=100');
    const order = all.items.map((i) => i.id);
    expect(order.at(-1)).toBe(undated);
    expect(order.sort()).toEqual([...mine, ...other].sort());
    const expected = all.items.map((i) => i.id);

    const arrived: string[] = [];
    const pages = await walk(desk, '/api/reception/queue?pageSize=4', async () => {
      arrived.push(...(await submitAt(f.citizenB, 1, 60_000)));
    });
    const walked = pages.flatMap((p) => p.items.map((i) => i.id));
    // Newcomers are due later than every dated dossier: they come after the old ones, before the undated one.
    expect(walked.filter((id) => !arrived.includes(id))).toEqual(expected);
    expect(new Set(walked).size).toBe(walked.length);
    expect(walked.at(-1)).toBe(undated);
    const due = pages.flatMap((p) => p.items.map((i) => i.receptionDueAt)).filter((d) => d !== null);
    expect([...due].sort()).toEqual(due);
    // Another agency's desk sees none of them; a citizen is refused.
    expect((await list(f.clerk('STP'), '/api/reception/queue')).items).toEqual([]);
    await list(f.citizenA, '/api/reception/queue', 403);
  });

  it('a forged, truncated or other list’s cursor is a 400 and lists nothing', async () => {
    const queuePage = await list(desk, '/api/reception/queue?pageSize=2');
    const minePage = await list(f.citizenA, '/api/dossiers?pageSize=2');
    const forged = Buffer.from(JSON.stringify(['2026-02-30T00:00:00.000000Z', mine[0]])).toString(
      'base64url',
    );
    for (const [who, url] of [
      [f.citizenA, `/api/dossiers?cursor=${queuePage.nextCursor!}`],
      [desk, `/api/reception/queue?cursor=${minePage.nextCursor!}`],
      [f.citizenA, `/api/dossiers?cursor=${forged}`],
      [f.citizenA, `/api/dossiers?cursor=${minePage.nextCursor!.slice(0, 10)}`],
      [f.citizenA, '/api/dossiers?cursor=%27%3B--'],
    ] as const) {
      const res = await f.inject(who, 'GET', url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json<{ code: string; message: string }>()).toMatchObject({ code: 'BAD_REQUEST' });
    }
  });
});
