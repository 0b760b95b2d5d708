import { beforeAll, describe, expect, it } from 'vitest';
import { actor, asActor, createTestApp, type TestApp } from '../../test/harness';
import { loadDemoCalendar } from '../calendar/calendar.demo';
import { sampleProcedure, withOrganisation } from './catalogue.fixtures';

let t: TestApp;
const editor = asActor(actor({ kind: 'staff', roles: ['catalogue_editor'] }));
type Late = { code: string; daysLate: number; publicationDeadline: string };
const late = async (today: string) =>
  (
    await t.app.inject({ method: 'GET', url: `/api/admin/procedures/late?today=${today}`, headers: editor })
  ).json<Late[]>();
const draft = (code: string, decisionDate: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/admin/procedures',
    headers: editor,
    payload: sampleProcedure({ code, decisionDate }),
  });

beforeAll(async () => {
  t = await createTestApp();
  await withOrganisation(t.db);
  await t.db.kysely.transaction().execute((trx) => loadDemoCalendar(trx, t.clock.now()));
}, 120_000);

describe('publication deadline through the province calendar', () => {
  it('stores the deadline counted past Tết and lists the version late only after it', async () => {
    expect((await draft('P.TET', '2026-02-12')).statusCode).toBe(201);
    const versions = (
      await t.app.inject({ method: 'GET', url: '/api/admin/procedures/P.TET/versions', headers: editor })
    ).json<{ publicationDeadline: string }[]>();
    expect(versions[0]?.publicationDeadline).toBe('2026-02-26');
    expect((await late('2026-02-26')).some((l) => l.code === 'P.TET')).toBe(false);
    expect((await late('2026-03-02')).find((l) => l.code === 'P.TET')).toMatchObject({
      publicationDeadline: '2026-02-26',
      daysLate: 2, // Fri 27/2, Mon 2/3
    });
  });

  it('counts past 30/4–1/5 and the compensatory day off', async () => {
    expect((await draft('P.LE', '2026-04-24')).statusCode).toBe(201);
    expect((await late('2026-05-06')).some((l) => l.code === 'P.LE')).toBe(false);
    expect((await late('2026-05-07')).find((l) => l.code === 'P.LE')).toMatchObject({
      publicationDeadline: '2026-05-06',
      daysLate: 1,
    });
  });

  it('uses a closure the province announced after the decision', async () => {
    // The demo province closed on Friday 25/9/2026 for a storm (calendar.demo).
    expect((await draft('P.BAO', '2026-09-21')).statusCode).toBe(201);
    expect((await late('2026-09-29')).some((l) => l.code === 'P.BAO')).toBe(false);
    expect((await late('2026-09-30')).find((l) => l.code === 'P.BAO')).toMatchObject({
      publicationDeadline: '2026-09-29',
    });
  });
});
