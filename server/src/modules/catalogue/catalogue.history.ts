/** Version history, diffs and the publication-deadline watch list (001 Đ6, Đ22.3). */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError } from '../../http/errors';
import { loadVersion, PROCEDURE_WHAT } from './catalogue.service';
import { weekdaysBetween } from './working-days';

type Q = Kysely<Database>;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function listVersions(db: Q, code: string) {
  const rows = await db
    .selectFrom('procedure_versions')
    .selectAll()
    .where('procedure_code', '=', code)
    .orderBy('version_no', 'desc')
    .execute();
  if (!rows.length) throw new AppError('NOT_FOUND', { what: PROCEDURE_WHAT });
  return rows.map((v) => ({
    id: v.id,
    versionNo: v.version_no,
    status: v.status,
    createdAt: v.created_at.toISOString(),
    publishedAt: iso(v.published_at),
    supersededAt: iso(v.superseded_at),
    decisionNumber: v.decision_number,
    decisionDate: v.decision_date,
    publicationDeadline: v.publication_deadline,
    changeNote: v.change_note,
  }));
}

const COMPARED = [
  'name',
  'field',
  'levels',
  'agencies',
  'interAgencies',
  'steps',
  'methods',
  'processingTime',
  'subjects',
  'results',
  'fees',
  'conditions',
  'legalBasis',
  'serviceLevel',
  'digitallySignedResult',
  'boundaryFree',
  'components',
  'eform',
  'decisionNumber',
  'decisionDate',
] as const;

export async function diffVersions(db: Q, code: string, from: number, to: number) {
  const ids = await db
    .selectFrom('procedure_versions')
    .innerJoin('procedures', 'procedures.code', 'procedure_versions.procedure_code')
    .select(['procedure_versions.id', 'procedure_versions.version_no', 'procedures.status'])
    .where('procedure_code', '=', code)
    .where('version_no', 'in', [from, to])
    .execute();
  const a = ids.find((r) => r.version_no === from);
  const b = ids.find((r) => r.version_no === to);
  if (!a || !b)
    throw new AppError('NOT_FOUND', { what: { vi: 'phiên bản thủ tục', en: 'Procedure version' } });
  const [va, vb] = await Promise.all([loadVersion(db, a.id, a.status), loadVersion(db, b.id, b.status)]);
  const changes = COMPARED.filter((k) => JSON.stringify(va[k]) !== JSON.stringify(vb[k])).map((k) => ({
    field: k,
    before: va[k],
    after: vb[k],
  }));
  return { from, to, changes };
}

/**
 * Versions whose announcing decision has a publication deadline that was missed: published after the deadline,
 * or still unpublished after it (`today` is the reporting date, YYYY-MM-DD).
 */
export async function latePublications(db: Q, today: string) {
  const rows = await db
    .selectFrom('procedure_versions')
    .select([
      'procedure_code',
      'name',
      'version_no',
      'decision_number',
      'decision_date',
      'publication_deadline',
      'published_at',
    ])
    .where('publication_deadline', 'is not', null)
    .orderBy('publication_deadline')
    .execute();
  return rows
    .map((r) => {
      const publishedDay = r.published_at ? r.published_at.toISOString().slice(0, 10) : today;
      return {
        code: r.procedure_code,
        name: r.name,
        versionNo: r.version_no,
        decisionNumber: r.decision_number,
        decisionDate: r.decision_date,
        publicationDeadline: r.publication_deadline!,
        publishedAt: iso(r.published_at),
        daysLate: weekdaysBetween(r.publication_deadline!, publishedDay),
      };
    })
    .filter((r) => r.daysLate > 0);
}
