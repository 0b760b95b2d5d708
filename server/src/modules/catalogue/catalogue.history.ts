/** Version history, diffs and the publication-deadline watch list (001 Đ6, Đ22.3). */

import type { Kdb } from '../../db/client';
import { AppError } from '../../http/errors';
import { loadVersion, PROCEDURE_WHAT } from './catalogue.service';
import { localDateOf, type Calendar } from '../calendar';
import { provinceCalendar } from './catalogue.editor';
import { publicationDeadline, workingDaysBetween } from './working-days';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function listVersions(db: Kdb, code: string) {
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

export async function diffVersions(db: Kdb, code: string, from: number, to: number) {
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
 * or still unpublished after it (`today` is the reporting date, YYYY-MM-DD). Deadline and days late are counted on
 * the province's calendar as it stands now, so a holiday schedule imported after the decision is taken into account.
 */
export async function latePublications(db: Kdb, today: string) {
  const rows = await db
    .selectFrom('procedure_versions as v')
    .leftJoin('procedure_version_agencies as pva', (j) =>
      j.onRef('pva.version_id', '=', 'v.id').on('pva.role', '=', 'implementing').on('pva.position', '=', 0),
    )
    .select([
      'v.procedure_code',
      'v.name',
      'v.version_no',
      'v.decision_number',
      'v.decision_date',
      'v.published_at',
      'v.announced_at',
      'pva.agency_id',
    ])
    .where('v.decision_date', 'is not', null)
    .execute();
  const calendars = new Map<string, Calendar>();
  const calendarOf = async (agencyId: string | null) => {
    const key = agencyId ?? '';
    let cal = calendars.get(key);
    if (!cal) calendars.set(key, (cal = await provinceCalendar(db, agencyId)));
    return cal;
  };
  const out = [];
  for (const r of rows) {
    const cal = await calendarOf(r.agency_id);
    const deadline = publicationDeadline(cal, r.decision_date!);
    // Announced (published) on time counts, even when the version takes effect later.
    const announced = r.announced_at ?? r.published_at;
    const publishedDay = announced ? localDateOf(announced) : today;
    const daysLate = workingDaysBetween(cal, deadline, publishedDay);
    if (daysLate > 0)
      out.push({
        code: r.procedure_code,
        name: r.name,
        versionNo: r.version_no,
        decisionNumber: r.decision_number,
        decisionDate: r.decision_date,
        publicationDeadline: deadline,
        publishedAt: iso(r.published_at),
        daysLate,
      });
  }
  return out.sort((a, b) => a.publicationDeadline.localeCompare(b.publicationDeadline));
}
