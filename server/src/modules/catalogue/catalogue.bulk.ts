import { sql } from 'kysely';
import type { Db } from '../../db/client';

/**
 * Fills the catalogue up to `total` published procedures by cloning the demo ones under new codes (benchmark and
 * index tests: search must stay on the trigram index at provincial catalogue sizes).
 */
export async function cloneProceduresTo(db: Db, total: number): Promise<void> {
  await sql`
    INSERT INTO procedures (code, status, current_version_id, name, field, levels, service_level, processing_time, agency_ids)
    SELECT 'B.' || lpad(g::text, 6, '0'), 'published', p.current_version_id,
           p.name || ' (mẫu số ' || g || ')', p.field, p.levels, p.service_level, p.processing_time, p.agency_ids
    FROM generate_series(1, greatest(${total} - (SELECT count(*) FROM procedures)::int, 0)) AS g
    JOIN LATERAL (
      SELECT * FROM procedures WHERE status = 'published' AND code NOT LIKE 'B.%'
      ORDER BY code OFFSET (g % (SELECT count(*) FROM procedures WHERE code NOT LIKE 'B.%')) LIMIT 1
    ) p ON true`.execute(db.kysely);
  await sql`ANALYZE procedures`.execute(db.kysely);
}
