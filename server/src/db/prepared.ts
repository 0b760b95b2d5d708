import { sql } from 'kysely';

/**
 * The end of a statement PostgreSQL should parse and plan once per connection, not on every call: a hot statement
 * whose text does not change from call to call (`.modifyEnd(PREPARED)` on a query builder, `${PREPARED}` at the end
 * of raw SQL). On PostgreSQL the pool sends it as a named prepared statement (`db/client.ts`); after five calls the
 * server may keep one generic plan, so mark only statements whose best plan does not depend on the values (lookups
 * by key, inserts). PGlite sees a comment. ADR 0031.
 */
export const PREPARED_MARK = '/* prepared */';
export const PREPARED = sql.raw(PREPARED_MARK);
