// SQL of the two hot dossier lists, "Hồ sơ của tôi" and the reception queue (issue 19); no rules here.
// Each page is one index range after the cursor (migration 20261206_5000_keyset_lists.sql), and the count reads at
// most DOSSIER_LIST_COUNT_CAP + 1 index entries: a page costs the same at 10,000 dossiers as at 17,000,000.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { DOSSIER_LIST_COUNT_CAP } from '@motcua/contracts';
import type { Kdb } from '../../db/client';
import type { DossierRow } from './dossiers.repo';
import { isoKey } from './keyset-cursor';

const SUMMARY_COLUMNS = [
  'id',
  'submission_ref',
  'code',
  'status',
  'version',
  'channel',
  'procedure_code',
  'procedure_name',
  'applicant',
  'receiving_agency_id',
  'submitted_at',
  'reception_due_at',
  'received_at',
  'appointment_at',
] as const;

export type SummaryRow = Pick<DossierRow, (typeof SUMMARY_COLUMNS)[number]>;
type Status = DossierRow['status'];

/** Where a page starts: after the keyset `after`, or (deprecated offset paging) after `offset` rows. */
export type PageOpts<K> = { status?: Status | undefined; limit: number; after: K | null; offset: number };
export type Page<R> = { rows: R[]; total: number };

/** The last row of an applicant's page: submitted_at (microseconds) and id, newest first. */
export type ApplicantKeyset = { submitted: string; id: string };

const capped = (inner: RawBuilder<unknown>) => sql<{ n: string }>`SELECT count(*) AS n FROM (${inner}) s`;

/**
 * The applicant's own dossiers and those of the organisations they act for, newest first. One index range per
 * owner (the user, each organisation), each read only one page deep, then merged.
 */
export async function listForApplicant(
  q: Kdb,
  userId: string,
  organisationIds: readonly string[],
  opts: PageOpts<ApplicantKeyset>,
): Promise<Page<SummaryRow & { submitted_key: string }>> {
  const owners = [
    sql`applicant_user_id = ${userId}`,
    ...organisationIds.map((o) => sql`organisation_id = ${o}`),
  ];
  const status = opts.status ? sql`AND status = ${opts.status}` : sql``;
  const after = opts.after
    ? sql`AND (submitted_at, id) < (${opts.after.submitted}::timestamptz, ${opts.after.id}::uuid)`
    : sql``;
  const depth = opts.offset + opts.limit;
  const branches = owners.map(
    (o) => sql`(SELECT id FROM dossiers WHERE ${o} ${status} ${after}
                ORDER BY submitted_at DESC, id DESC LIMIT ${depth})`,
  );
  const counted = owners.map(
    (o) => sql`(SELECT id FROM dossiers WHERE ${o} ${status} LIMIT ${DOSSIER_LIST_COUNT_CAP + 1})`,
  );
  const [rows, total] = await Promise.all([
    q
      .selectFrom('dossiers')
      .select([...SUMMARY_COLUMNS, isoKey(sql`submitted_at`).as('submitted_key')])
      .where('id', 'in', sql<string>`(${sql.join(branches, sql` UNION `)})`)
      .orderBy('submitted_at', 'desc')
      .orderBy('id', 'desc')
      .limit(opts.limit)
      .offset(opts.offset)
      .execute(),
    capped(sql.join(counted, sql` UNION `)).execute(q),
  ]);
  return { rows, total: Number(total.rows[0]!.n) };
}

/** The last row of a queue page: reception due (null: none, listed last), submitted_at and id. */
export type QueueKeyset = { due: string | null; submitted: string; id: string };

const QUEUE_ORDER = sql`coalesce(reception_due_at, 'infinity'::timestamptz)`;

/** Dossiers waiting for a decision at an agency's desk, the oldest reception deadline first. */
export async function receptionQueue(
  q: Kdb,
  agencyId: string,
  opts: PageOpts<QueueKeyset> & { status: Status },
): Promise<Page<SummaryRow & { due_key: string | null; submitted_key: string }>> {
  const a = opts.after;
  const [rows, total] = await Promise.all([
    q
      .selectFrom('dossiers')
      .select([
        ...SUMMARY_COLUMNS,
        isoKey(sql`reception_due_at`).as('due_key'),
        isoKey(sql`submitted_at`).as('submitted_key'),
      ])
      .where('receiving_agency_id', '=', agencyId)
      .where('status', '=', opts.status)
      .$if(a !== null, (b) =>
        b.where(
          sql<SqlBool>`(${QUEUE_ORDER}, submitted_at, id) >
            (coalesce(${a?.due ?? null}::timestamptz, 'infinity'::timestamptz), ${a?.submitted}::timestamptz, ${a?.id}::uuid)`,
        ),
      )
      .orderBy(QUEUE_ORDER)
      .orderBy('submitted_at')
      .orderBy('id')
      .limit(opts.limit)
      .offset(opts.offset)
      .execute(),
    capped(sql`SELECT 1 FROM dossiers WHERE receiving_agency_id = ${agencyId} AND status = ${opts.status}
               LIMIT ${DOSSIER_LIST_COUNT_CAP + 1}`).execute(q),
  ]);
  return { rows, total: Number(total.rows[0]!.n) };
}
