import { sql, type ExpressionBuilder } from 'kysely';
import type { Kdb } from '../../db/client';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database } from '../../db/schema';
import { ATTACHMENT_COLUMNS, type DossierRow } from './dossiers.repo';

/**
 * Everything a dossier's detail shows besides its row, in one round trip: the current attachments and their files,
 * the documents, the events, the agencies' names and the holding department's name.
 */
export async function dossierSurroundings(
  q: Kdb,
  row: Pick<DossierRow, 'id' | 'attachments_revision' | 'holding_department_id'>,
  agencyIds: readonly string[],
) {
  const current = (eb: ExpressionBuilder<Database, never>) =>
    eb
      .selectFrom('dossier_attachments')
      .where('dossier_id', '=', row.id)
      .where('revision', '=', row.attachments_revision);
  const r = await q
    .selectNoFrom((eb) => [
      jsonArrayFrom(current(eb).select(ATTACHMENT_COLUMNS).orderBy('id')).as('attachments'),
      jsonArrayFrom(
        eb
          .selectFrom('dossier_files')
          .select(['id', 'name', 'media_type', 'size', 'sha256', 'pages', 'created_at', 'owner_user_id'])
          .where('id', 'in', current(eb).select(sql<string>`unnest(file_ids)`.as('id'))),
      ).as('files'),
      jsonArrayFrom(
        eb
          .selectFrom('dossier_documents')
          .select(['id', 'kind', 'template_set', 'sha256', 'created_at'])
          .where('dossier_id', '=', row.id)
          .orderBy('created_at'),
      ).as('documents'),
      jsonArrayFrom(
        eb
          .selectFrom('dossier_events')
          .select(['seq', 'type', 'at', 'actor_type', 'actor_name', 'channel', 'reason', 'data'])
          .where('dossier_id', '=', row.id)
          .orderBy('seq'),
      ).as('events'),
      jsonArrayFrom(
        eb
          .selectFrom('agencies')
          .select(['id', 'name'])
          .where((w) => (agencyIds.length ? w('id', 'in', agencyIds) : w.lit(false))),
      ).as('agencies'),
      eb
        .selectFrom('departments')
        .select('name')
        .where((w) => (row.holding_department_id ? w('id', '=', row.holding_department_id) : w.lit(false)))
        .as('department'),
    ])
    .executeTakeFirstOrThrow();
  // JSON carries timestamps as text.
  const date = (v: Date | string) => new Date(v);
  return {
    attachments: r.attachments,
    files: r.files.map((f) => ({ ...f, created_at: date(f.created_at) })),
    documents: r.documents.map((d) => ({ ...d, created_at: date(d.created_at) })),
    events: r.events.map((e) => ({ ...e, at: date(e.at) })),
    agencies: new Map(r.agencies.map((a) => [a.id, a.name])),
    departmentName: r.department ?? null,
  };
}
