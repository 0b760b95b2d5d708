import { describe, expect, it } from 'vitest';
import type { TDashboard, TDossierDetail, TDossierList, TInboxPage, TPublicStats } from '@motcua/contracts';
import { checkRouting } from '../db/shard-routing-allow.test-helpers';
import { loadParser } from '../db/shard-routing.test-helpers';
import { detail, threeProvinces, type Province } from './provinces.test-helpers';

// Three provinces in one database (issue 19, ADR 0034): what each province's people see is that province's alone, and
// every statement the flows send to a table that would be sharded by province either names the province or is listed.
describe('three provinces in one database', async () => {
  const f = await threeProvinces();
  const { provinces, capture } = f;
  /** Per province: a dossier returned to the applicant, one in processing, one waiting at the desk. */
  const returned = new Map<string, TDossierDetail>();
  const running = new Map<string, TDossierDetail>();
  const waiting = new Map<string, TDossierDetail>();
  const others = (p: Province) => provinces.filter((q) => q !== p);

  it('takes a dossier of each province from submission to return at its own agencies', async () => {
    for (const p of provinces) {
      capture.phase = `flow ${p.code}`;
      let d = await f.submit(p);
      d = detail(
        await f.inject(p.clerk, 'POST', `/api/reception/dossiers/${d.id}/accept`, {
          expectedVersion: d.version,
        }),
      );
      expect(d.code).toMatch(p.code === '99' ? /^H99\.15/ : new RegExp(`^H${p.code}\\.15`));
      d = detail(await f.act(p.head, d, 'assign', { handlerId: p.specialist.userId }));
      d = detail(
        await f.act(p.specialist, d, 'appraise', {
          opinion: 'Hồ sơ đầy đủ, đúng quy định.',
          proposal: 'approve',
        }),
      );
      d = detail(await f.act(p.specialist, d, 'forward'));
      d = detail(await f.act(p.head, d, 'forward'));
      d = detail(
        await f.act(p.clerk, d, 'result', { kind: 'granted', summary: `Giấy phép số 1/GP tỉnh ${p.name}` }),
      );
      d = detail(await f.act(p.clerk, d, 'return', { collectedBy: p.citizen.name, originalsReturned: true }));
      expect(d.status).toBe('returned');
      returned.set(p.code, d);
      const r = await f.submit(p);
      running.set(
        p.code,
        detail(
          await f.inject(p.clerk, 'POST', `/api/reception/dossiers/${r.id}/accept`, {
            expectedVersion: r.version,
          }),
        ),
      );
      waiting.set(p.code, await f.submit(p));
    }
    const rows = await f.db.kysely.selectFrom('dossiers').select(['id', 'province_code']).execute();
    expect(rows).toHaveLength(9);
    for (const p of provinces)
      for (const d of [returned, running, waiting].map((m) => m.get(p.code)!))
        expect(rows.find((r) => r.id === d.id)?.province_code).toBe(p.code);
  }, 180_000);

  it("shows each desk, office and applicant only their own province's dossiers", async () => {
    capture.phase = 'lists';
    for (const p of provinces) {
      const queue = (
        await f.inject(p.clerk, 'GET', '/api/reception/queue?status=submitted')
      ).json<TDossierList>();
      expect(queue.items.map((i) => i.id)).toEqual([waiting.get(p.code)!.id]);
      const inbox = (await f.inject(p.head, 'GET', '/api/processing/inbox?scope=agency')).json<TInboxPage>();
      expect(inbox.items.map((i) => i.id)).toEqual([running.get(p.code)!.id]);
      const mine = (await f.inject(p.citizen, 'GET', '/api/dossiers')).json<TDossierList>();
      expect(mine.items.map((i) => i.id).sort()).toEqual(
        [returned, running, waiting].map((m) => m.get(p.code)!.id).sort(),
      );
    }
  });

  it("refuses every person of one province another province's dossiers with 404, and changes nothing", async () => {
    capture.phase = 'cross-province';
    for (const p of provinces) {
      for (const q of others(p)) {
        const theirs = returned.get(q.code)!;
        for (const who of [p.clerk, p.head, p.specialist, p.leader, p.citizen])
          expect((await f.inject(who, 'GET', `/api/dossiers/${theirs.id}`)).statusCode).toBe(404);
        const w = waiting.get(q.code)!;
        const accept = await f.inject(p.clerk, 'POST', `/api/reception/dossiers/${w.id}/accept`, {
          expectedVersion: w.version,
        });
        expect(accept.statusCode).toBe(404);
        const r = running.get(q.code)!;
        expect((await f.act(p.head, r, 'assign', { handlerId: p.specialist.userId })).statusCode).toBe(404);
      }
    }
    const after = await f.db.kysely.selectFrom('dossiers').select(['id', 'version']).execute();
    for (const m of [waiting, running])
      for (const d of m.values()) expect(after.find((r) => r.id === d.id)?.version).toBe(d.version);
  });

  it("answers a public lookup by code with the dossier's own province's agency", async () => {
    capture.phase = 'lookup';
    for (const p of provinces) {
      const d = returned.get(p.code)!;
      const res = await f.inject(null, 'GET', `/api/lookup/${encodeURIComponent(d.code!)}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<{ receivingAgency: string }>().receivingAgency).toContain(`tỉnh ${p.name}`);
    }
  });

  it("counts in each province's reports and public statistics only that province's dossiers", async () => {
    capture.phase = 'reports';
    for (const p of provinces) {
      const url = '/api/reports/dashboard?from=2026-11-01&to=2026-11-30';
      const res = await f.inject(p.leader, 'GET', url);
      expect(res.statusCode, res.body).toBe(200);
      const dash = res.json<TDashboard>();
      expect(dash.totals).toMatchObject({ submitted: 3, received: 2 });
      expect(dash.byAgency.map((a) => a.label)).toEqual([expect.stringContaining(`tỉnh ${p.name}`)]);
      for (const q of others(p))
        expect((await f.inject(p.leader, 'GET', `${url}&agencyId=${q.sttt}`)).statusCode).toBe(404);
      const agencies = (await f.inject(p.leader, 'GET', '/api/reports/agencies')).json<{
        items: { id: string }[];
      }>();
      expect(agencies.items.map((a) => a.id)).toContain(p.sttt);
      for (const q of others(p)) expect(agencies.items.map((a) => a.id)).not.toContain(q.sttt);

      const stats = await f.inject(null, 'GET', `/api/public/statistics?year=2026&province=${p.code}`);
      expect(stats.statusCode, stats.body).toBe(200);
      const s = stats.json<TPublicStats>();
      expect(s.agencies.map((a) => a.id)).toContain(p.sttt);
      for (const q of others(p)) expect(s.agencies.map((a) => a.id)).not.toContain(q.sttt);
      expect(s.months.find((m) => m.month === '2026-11')).toMatchObject({ received: 2, resolved: 1 });
    }
    const unknown = await f.inject(null, 'GET', '/api/public/statistics?year=2026&province=42');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<{ message: string }>().message).toContain('tỉnh');
  });

  it('sends every statement on a table sharded by province with the province, or it is listed with its reason', async () => {
    await loadParser();
    const problems = checkRouting(capture.statements);
    expect(problems.unlisted, 'statements neither routed by province_code nor listed').toEqual([]);
    expect(problems.stale, 'listed statements the flows no longer send').toEqual([]);
    expect(problems.badReasons).toEqual([]);
  });
});
