import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../test/harness';
import { PREPARED } from './prepared';

describe('statements marked PREPARED', async () => {
  const db = await createTestDb();

  it('answer with each call’s values, and on PostgreSQL are parsed once per connection', async () => {
    const prepared = await db.kysely.transaction().execute(async (trx) => {
      const marked = (n: number) =>
        trx
          .selectNoFrom(sql<number>`${n}::int + 0`.as('n'))
          .modifyEnd(PREPARED)
          .execute();
      expect(await marked(1)).toEqual([{ n: 1 }]);
      expect(await marked(2)).toEqual([{ n: 2 }]);
      expect(await trx.selectNoFrom(sql<number>`${3}::int + 1`.as('n')).execute()).toEqual([{ n: 4 }]);
      if (db.engine !== 'postgres') return [];
      const { rows } = await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements`.execute(
        trx,
      );
      return rows.map((r) => r.statement);
    });
    if (db.engine !== 'postgres') return;
    // The marked text is one named statement of this connection (two calls, one parse); the unmarked one is not kept.
    expect(prepared.filter((s) => s.includes('::int + 0'))).toHaveLength(1);
    expect(prepared.some((s) => s.includes('::int + 1'))).toBe(false);
  });
});
