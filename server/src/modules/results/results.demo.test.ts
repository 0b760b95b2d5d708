import { describe, expect, it } from 'vitest';
import type { TVerifyResultResponse } from '@motcua/contracts';
import { createDemoDb, createTestApp } from '../../test/harness';
import { readResultPdf } from './results.service';

describe('demo data: signed results (issue 15)', async () => {
  const t = await createTestApp({}, await createDemoDb());

  it('every result the demo issued is a signed PDF that the verification endpoint finds valid', async () => {
    const rows = await t.db.kysely
      .selectFrom('signed_results as r')
      .innerJoin('dossiers as d', 'd.id', 'r.dossier_id')
      .select(['r.sha256', 'r.dossier_code', 'r.signer_name', 'd.status'])
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.map((r) => r.status)).toEqual(expect.arrayContaining(['returned', 'result_ready']));
    for (const r of rows) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/results/verify',
        payload: await readResultPdf(t.deps.config, r.sha256),
        headers: { 'content-type': 'application/pdf' },
      });
      expect(res.statusCode).toBe(200);
      const body = res.json<TVerifyResultResponse>();
      expect(body.reason ?? null).toBeNull(); // first, so that a failure names the reason
      expect(body).toMatchObject({ valid: true, dossierCode: r.dossier_code });
    }
  });
});
