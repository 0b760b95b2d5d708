import type { Kdb } from '../../db/client';
import {
  DOSSIER_LIST_COUNT_CAP,
  type TDossierDetail,
  type TDossierList,
  type TDossierMessage,
} from '@motcua/contracts';
import type { Config } from '../../config';
import type { Actor } from '../../http/auth';
import { AppError } from '../../http/errors';
import { fileStoreFor, notFound } from './dossier-context';
import { dossierSurroundings } from './dossier-detail.repo';
import { authorize } from './dossiers.policy';
import { presentConsultation } from './consultation.presenter';
import { listConsultationsOf } from './consultation.repo';
import { planView, tasksOfDossier } from './interagency.service';
import { instant, presentDetail, presentSummary } from './dossiers.presenter';
import {
  dossierHasFile,
  findDossier,
  type DossierRow,
  type FileRow,
  type NewEvent,
  findFiles,
  listDocuments,
  resultHasFile,
} from './dossiers.repo';
import { listForApplicant, receptionQueue, type SummaryRow } from './dossier-lists.repo';
import { decodeCursor, encodeCursor } from './keyset-cursor';
import { agencyNames } from '../organisation';

/** The whole dossier for its applicant or the staff of the agencies holding it; anyone else gets 404. */
export async function getDossierDetail(q: Kdb, actor: Actor, id: string, now: Date): Promise<TDossierDetail> {
  const row = authorize(actor, 'view', await findDossier(q, id));
  return dossierDetail(q, row, now, actor.kind === 'staff');
}

/** Consultation is office work (issue 14): the applicant's timeline shows the dossier's own moves only. */
const CONSULTATION_EVENTS = new Set([
  'consultation_sent',
  'consultation_answered',
  'consultation_overdue',
  'consultation_closed',
  'interagency_sent',
  'interagency_done',
  'interagency_overdue',
]);

/** Without access checks: for answers of state changes the caller was already authorised for. */
export async function dossierDetail(
  q: Kdb,
  dossier: string | DossierRow,
  now: Date,
  staff = false,
): Promise<TDossierDetail> {
  // A caller that holds the row as it stands (just inserted, or just read under its access check) saves a read.
  const row = typeof dossier === 'string' ? await findDossier(q, dossier) : dossier;
  if (!row) throw notFound();
  const agencyIds = [row.receiving_agency_id, row.authority_agency_id, row.result_agency_id];
  if (row.holding_agency_id) agencyIds.push(row.holding_agency_id);
  const s = await dossierSurroundings(q, row, [...new Set(agencyIds)]);
  const resultFileIds = s.events
    .filter((e) => e.type === 'result_issued')
    .flatMap((e) => (Array.isArray(e.data.fileIds) ? (e.data.fileIds as string[]) : []));
  const detail = presentDetail(
    {
      row,
      resultFiles: await findFiles(q, resultFileIds),
      agencies: s.agencies,
      holdingDepartment:
        row.holding_department_id && s.departmentName
          ? { id: row.holding_department_id, name: s.departmentName }
          : null,
      attachments: s.attachments,
      files: new Map(s.files.map((f) => [f.id, f])),
      documents: s.documents,
      events: s.events,
    },
    now,
  );
  if (!staff) return { ...detail, events: detail.events.filter((e) => !CONSULTATION_EVENTS.has(e.type)) };
  const consultations = (await listConsultationsOf(q, row.id)).map((c) => presentConsultation(c, now));
  const interagency = await tasksOfDossier(q, row.id, now);
  const interagencyPlan = await planView(q, row);
  return {
    ...detail,
    consultations,
    ...(interagency.length ? { interagency } : {}),
    ...(interagencyPlan ? { interagencyPlan } : {}),
  };
}

/**
 * The answer to a new online submission, built from what the submitting transaction has just written (the row as
 * inserted, its attachment rows and files, its one event) instead of reading it back: the same answer as
 * `dossierDetail` gives for it (`dossier-core.test.ts` compares them). Null when an agency's name is not at hand.
 */
export function newDossierDetail(
  row: DossierRow,
  written: {
    attachments: ReadonlyArray<{
      revision: number;
      component_code: string;
      component_name: string;
      page_count: number;
      file_ids: string[];
    }>;
    files: Map<string, FileRow>;
    event: NewEvent;
    agencyNames: ReadonlyMap<string, string>;
  },
  now: Date,
): TDossierDetail | null {
  const ids = [row.receiving_agency_id, row.authority_agency_id, row.result_agency_id, row.holding_agency_id];
  if (ids.some((id) => id !== null && !written.agencyNames.has(id))) return null;
  const e = written.event;
  return presentDetail(
    {
      row,
      agencies: new Map(written.agencyNames),
      holdingDepartment: null,
      // In the order they were inserted, which is their id order (the detail's order).
      attachments: written.attachments.map((a) => ({
        revision: a.revision,
        component_code: a.component_code,
        component_name: a.component_name,
        copy_kind: null,
        copies: null,
        original_shown: null,
        page_count: a.page_count,
        file_ids: a.file_ids,
        scan_certified_by_name: null,
        scan_certified_at: null,
      })),
      files: written.files,
      documents: [],
      events: [
        {
          seq: 1,
          type: e.type,
          at: e.at,
          actor_type: e.actorType,
          actor_name: e.actorName,
          channel: e.channel,
          reason: e.reason ?? null,
          data: e.data ?? {},
        },
      ],
    },
    now,
  );
}

type ListOpts = {
  status?: TDossierDetail['status'] | undefined;
  page: number;
  pageSize: number;
  cursor?: string | undefined;
};

/** Offset paging (deprecated) stops here; deeper pages take the cursor. */
const OFFSET_DEPTH = 10_000;

/** Where a page starts: after the cursor, or `page` pages in (the first 10,000 rows only). */
function pageStart<K>(opts: ListOpts, keyset: (raw: string) => K) {
  if (opts.cursor) return { after: keyset(opts.cursor), offset: 0, limit: opts.pageSize + 1 };
  const offset = (opts.page - 1) * opts.pageSize;
  if (offset >= OFFSET_DEPTH) throw new AppError('BAD_REQUEST', { details: 'page > 10000 rows: use cursor' });
  return { after: null, offset, limit: opts.pageSize + 1 };
}

function listOf<R extends SummaryRow>(
  page: { rows: R[]; total: number },
  pageSize: number,
  cursorOf: (last: R) => (string | null)[],
  names: Map<string, string>,
  now: Date,
): TDossierList {
  const items = page.rows.slice(0, pageSize);
  const last = items.at(-1);
  return {
    items: items.map((i) => presentSummary(i, names, now)),
    total: Math.min(page.total, DOSSIER_LIST_COUNT_CAP),
    totalCapped: page.total > DOSSIER_LIST_COUNT_CAP,
    nextCursor: page.rows.length > pageSize && last ? encodeCursor(cursorOf(last)) : null,
  };
}

/** "Hồ sơ của tôi": the applicant's own dossiers and those of organisations they act for, newest first. */
export async function listMyDossiers(q: Kdb, actor: Actor, opts: ListOpts, now: Date): Promise<TDossierList> {
  if (actor.kind !== 'citizen') throw new AppError('FORBIDDEN');
  const start = pageStart(opts, (raw) => {
    const [submitted, id] = decodeCursor(raw, ['instant', 'uuid']) as [string, string];
    return { submitted, id };
  });
  const page = await listForApplicant(q, actor.userId, actor.organisationIds, {
    status: opts.status,
    ...start,
  });
  const names = await agencyNames(q, [...new Set(page.rows.map((i) => i.receiving_agency_id))]);
  return listOf(page, opts.pageSize, (r) => [r.submitted_key, r.id], names, now);
}

/** The reception queue of the officer's own agency, by reception deadline; overdue ones flagged (001 Đ9.2.a). */
export async function listReceptionQueue(
  q: Kdb,
  actor: Actor,
  opts: ListOpts,
  now: Date,
): Promise<TDossierList> {
  if (!actor.agencyId) throw new AppError('FORBIDDEN');
  const start = pageStart(opts, (raw) => {
    const [due, submitted, id] = decodeCursor(raw, ['instant?', 'instant', 'uuid']) as [
      string | null,
      string,
      string,
    ];
    return { due, submitted, id };
  });
  const page = await receptionQueue(q, actor.agencyId, { status: opts.status ?? 'submitted', ...start });
  const names = await agencyNames(q, [actor.agencyId]);
  return listOf(page, opts.pageSize, (r) => [r.due_key, r.submitted_key, r.id], names, now);
}

/** A PDF form of a dossier, for whoever may see the dossier. */
export async function openDocument(q: Kdb, actor: Actor, config: Config, id: string, documentId: string) {
  authorize(actor, 'view', await findDossier(q, id));
  const doc = (await listDocuments(q, id)).find((d) => d.id === documentId);
  if (!doc) throw new AppError('NOT_FOUND', { what: { vi: 'văn bản', en: 'Document' } });
  return { stream: await fileStoreFor(config).get(doc.sha256), kind: doc.kind };
}

/** An attachment file of a dossier (any revision), for whoever may see the dossier. */
export async function openDossierFile(q: Kdb, actor: Actor, config: Config, id: string, fileId: string) {
  authorize(actor, 'view', await findDossier(q, id));
  const [file] = await findFiles(q, [fileId]);
  if (!file || !((await dossierHasFile(q, id, fileId)) || (await resultHasFile(q, id, fileId)))) {
    throw new AppError('NOT_FOUND', { what: { vi: 'tệp', en: 'File' } });
  }
  return { stream: await fileStoreFor(config).get(file.sha256), file };
}

/** The portal inbox: messages about the applicant's dossiers, newest first. */
export async function listMessages(q: Kdb, actor: Actor): Promise<TDossierMessage[]> {
  if (actor.kind !== 'citizen') throw new AppError('FORBIDDEN');
  const rows = await q
    .selectFrom('dossier_messages')
    .select(['id', 'dossier_id', 'kind', 'subject', 'body', 'created_at'])
    .where('user_id', '=', actor.userId)
    .where('channel', '=', 'portal')
    .orderBy('created_at', 'desc')
    .orderBy('seq', 'desc')
    .limit(100)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    dossierId: r.dossier_id,
    kind: r.kind as TDossierMessage['kind'],
    subject: r.subject,
    body: r.body,
    createdAt: instant(r.created_at),
  }));
}
