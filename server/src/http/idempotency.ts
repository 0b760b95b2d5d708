import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Db } from '../db/client';
import type { Database } from '../db/schema';
import { AppError } from './errors';

export type StoredResponse<T> = { status: number; body: T };

export function requestHash(body: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(body ?? null))
    .digest('hex');
}

const isUniqueViolation = (err: unknown) => (err as { code?: string } | null)?.code === '23505';

/**
 * Runs `work` once per (scope, key). The key row is written in the same transaction as the work, so a retry
 * (even a concurrent one) gets the stored answer and never a second effect.
 */
export async function idempotent<T>(
  db: Db,
  scope: string,
  key: string | undefined,
  body: unknown,
  work: (trx: Transaction<Database>) => Promise<StoredResponse<T>>,
): Promise<StoredResponse<T>> {
  if (!key) return db.kysely.transaction().execute(work);
  if (!/^[\w.:-]{8,128}$/.test(key)) {
    throw new AppError('BAD_REQUEST', {
      details: 'Idempotency-Key: 8–128 ký tự chữ, số, . : _ - / 8–128 letters, digits, . : _ -',
    });
  }
  const hash = requestHash(body);
  const replay = async (): Promise<StoredResponse<T> | undefined> => {
    const row = await db.kysely
      .selectFrom('idempotency_keys')
      .select(['request_hash', 'status_code', 'response'])
      .where('scope', '=', scope)
      .where('key', '=', key)
      .executeTakeFirst();
    if (!row) return undefined;
    if (row.request_hash !== hash) {
      throw new AppError('CONFLICT', {}, { reason: 'Idempotency-Key reused with a different request' });
    }
    return { status: row.status_code, body: row.response as T };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  try {
    return await db.kysely.transaction().execute(async (trx) => {
      const result = await work(trx);
      await trx
        .insertInto('idempotency_keys')
        .values({
          scope,
          key,
          request_hash: hash,
          status_code: result.status,
          response: JSON.stringify(result.body),
        })
        .execute();
      return result;
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const winner = await replay();
    if (!winner) throw err;
    return winner;
  }
}
