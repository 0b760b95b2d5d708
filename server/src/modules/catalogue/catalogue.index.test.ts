import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness';
import { cloneProceduresTo } from './catalogue.bulk';
import { loadDemoCatalogue } from './catalogue.demo';
import { withOrganisation } from './catalogue.fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await withOrganisation(t.db);
  await loadDemoCatalogue(t.db, t.clock.now());
  await cloneProceduresTo(t.db, 5000);
}, 180_000);

describe('search at 5,000 procedures', () => {
  it('uses the trigram index, not a scan', async () => {
    const plan = await sql<{ 'QUERY PLAN': string }>`
      EXPLAIN SELECT code FROM procedures p WHERE status = 'published'
      AND vn_fold(${'giay phep xay dung'}) <% p.search_text`.execute(t.db.kysely);
    const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toContain('procedures_search_trgm_idx');
    expect(text).not.toMatch(/Seq Scan on procedures/);
  });

  it('still answers through the API with ranking and totals', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/procedures?q=giay%20pep%20xay%20dung&pageSize=5',
    });
    const body = res.json<{ items: { name: string }[]; total: number }>();
    expect(body.total).toBeGreaterThan(100);
    expect(body.items[0]?.name).toMatch(/giấy phép xây dựng/i);
  });
});
