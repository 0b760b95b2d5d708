import { describe, expect, it } from 'vitest';
import type { TQaList, TSatisfactionSummary } from '@motcua/contracts';
import { createDemoDb, createTestApp } from '../../test/harness';

describe('demo feedback (issue 16)', async () => {
  const t = await createTestApp({}, await createDemoDb());
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('has answered public questions (searchable without diacritics, FAQ first by helpfulness) and a period of ratings', async () => {
    const qa = (await get('/api/qa')).json<TQaList>();
    expect(qa.total).toBe(4);
    expect(qa.items.slice(0, 2).every((i) => i.faq)).toBe(true);
    const hit = (await get('/api/qa?q=giay%20phep%20xay%20dung')).json<TQaList>();
    expect(hit.items[0]!.question).toContain('giấy phép xây dựng');
    expect((await get('/api/qa?faq=true')).json<TQaList>().total).toBe(2);
    const nov = (await get('/api/satisfaction/public?period=2026-11')).json<TSatisfactionSummary>();
    expect(nov.rows.reduce((n, r) => n + r.ratings, 0)).toBeGreaterThanOrEqual(1);
    expect(nov.closed).toBe(false);
  });
});
