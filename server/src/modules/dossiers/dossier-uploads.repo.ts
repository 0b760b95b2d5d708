import { sql, type Insertable, type Kysely } from 'kysely';
import type { Kdb } from '../../db/client';
import type { Database } from '../../db/schema';
import { FILE_COLUMNS } from './dossiers.repo';
import { PREPARED } from '../../db/prepared';

/**
 * Upload attempts: written outside any transaction, so concurrent attempts of one person see each other. One
 * statement sweeps this person's old rows (the windows below never look back further than a day) and counts the new
 * attempt.
 */
export async function insertUploadAttempt(db: Kysely<Database>, userId: string, bytes: number, now: Date) {
  const { rows } = await sql<{ id: string }>`
    WITH swept AS (
      DELETE FROM upload_attempts
      WHERE user_id = ${userId} AND created_at < ${new Date(now.getTime() - 2 * 24 * 3600_000)}
    )
    INSERT INTO upload_attempts (user_id, bytes, created_at) VALUES (${userId}, ${bytes}, ${now})
    RETURNING id ${PREPARED}`.execute(db);
  return String(rows[0]!.id);
}

export async function finishUploadAttempt(
  db: Kdb,
  id: string,
  status: 'accepted' | 'refused',
  bytes?: number,
) {
  await db
    .updateTable('upload_attempts')
    .set({ status, ...(bytes !== undefined ? { bytes } : {}) })
    .where('id', '=', id)
    .execute();
}

/** The accepted upload's file row and its attempt marked accepted, in one statement (atomic, one commit). */
export async function insertAcceptedFile(
  db: Kdb,
  file: Insertable<Database['dossier_files']>,
  attemptId: string,
) {
  return db
    .with('attempt', (q) =>
      q
        .updateTable('upload_attempts')
        .set({ status: 'accepted', bytes: file.size })
        .where('id', '=', attemptId),
    )
    .insertInto('dossier_files')
    .values(file)
    .returning(FILE_COLUMNS)
    .modifyEnd(PREPARED)
    .executeTakeFirstOrThrow();
}

/**
 * Within the windows ending at `now`: attempts in the last minute (any outcome: refused ones cost work too), and
 * bytes of the last 24 hours that were accepted or are still in flight (so two parallel uploads cannot both slip in).
 * `exceptId` leaves out the attempt being judged.
 */
export async function uploadUsage(db: Kysely<Database>, userId: string, now: Date, exceptId: string) {
  const minuteAgo = new Date(now.getTime() - 60_000);
  const dayAgo = new Date(now.getTime() - 24 * 3600_000);
  const row = await db
    .selectFrom('upload_attempts')
    .select([
      sql<string>`count(*) FILTER (WHERE created_at > ${minuteAgo})`.as('attempts'),
      sql<string>`coalesce(sum(bytes) FILTER (WHERE status <> 'refused' AND id <> ${exceptId}), 0)`.as(
        'bytes',
      ),
    ])
    .where('user_id', '=', userId)
    .where('created_at', '>', dayAgo)
    .modifyEnd(PREPARED)
    .executeTakeFirstOrThrow();
  return { attempts: Number(row.attempts), bytes: Number(row.bytes) };
}
