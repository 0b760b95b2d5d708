/**
 * Editing the catalogue: drafts, publication and retirement. Editing a published procedure creates a new draft
 * version; publishing it supersedes the previous one, which stays for history (dossiers reference it).
 * Each state change is one transaction with its audit entry.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { ZProcedureInput, type TProcedureInput, type TProcedureInputParsed } from '@motcua/contracts';
import type { Database } from '../../db/schema';
import { AppError } from '../../http/errors';
import { appendAudit, type AuditActor } from '../audit';
import { carriedWorkflow } from './catalogue.workflow';
import { PROCEDURE_WHAT } from './catalogue.service';
import { buildCalendar, localDateOf, localDateTime, type Calendar } from '../calendar';
import { enqueue, type JobHandler } from '../../jobs/queue';
import { getCalendarForUnit } from '../calendar';
import { publicationDeadline } from './working-days';
import { componentCodes } from './catalogue.components';
import { checkFormTemplate } from './form-file';
import { checkEForm, eformRefusal } from './eform-schema';
import { currentAgenciesByShortName, findAgency } from '../organisation';

type Trx = Transaction<Database>;

/**
 * The working calendar of the province an agency belongs to: the publication deadline of the catalogue is counted
 * on the province's days (001 Đ6, Đ22.3). Without an agency, the national holidays alone.
 */
export async function provinceCalendar(q: Kysely<Database>, agencyId: string | null): Promise<Calendar> {
  const row = agencyId ? await findAgency(q, agencyId) : undefined;
  if (!row) return buildCalendar();
  // A Kysely handle or an open transaction both run the calendar's queries; on PGlite it must be the transaction.
  return getCalendarForUnit(q as Trx, row.province_code);
}

/**
 * Resolves agency short names (current agencies) to ids; throws a 400 naming the unknown ones, with the input
 * fields that hold them as `details: [{field}]` so an editor can show the error at its section.
 */
export async function resolveAgencies(
  trx: Trx,
  lists: { agencies: string[]; interAgencies: string[] },
): Promise<Map<string, string>> {
  const wanted = [...new Set([...lists.agencies, ...lists.interAgencies].map((s) => s.toUpperCase()))];
  if (!wanted.length) return new Map();
  const found = await currentAgenciesByShortName(trx, wanted);
  const map = new Map([...found].map(([short, a]) => [short, a.id]));
  const missing = wanted.filter((w) => !map.has(w));
  if (missing.length) {
    const fields = (['agencies', 'interAgencies'] as const).filter((f) =>
      lists[f].some((a) => missing.includes(a.toUpperCase())),
    );
    throw new AppError(
      'VALIDATION_FAILED',
      {
        details: { vi: `không có cơ quan ${missing.join(', ')}`, en: `unknown agency ${missing.join(', ')}` },
      },
      fields.map((field) => ({ field })),
    );
  }
  return map;
}

async function storeForm(
  trx: Trx,
  form: NonNullable<TProcedureInputParsed['components'][number]['form']>,
): Promise<string> {
  if (form.id && !form.contentBase64) {
    const f = await trx
      .selectFrom('procedure_forms')
      .select('id')
      .where('id', '=', form.id)
      .executeTakeFirst();
    if (!f) throw new AppError('NOT_FOUND', { what: { vi: 'mẫu đơn, tờ khai', en: 'Form template' } });
    return f.id;
  }
  if (!form.contentBase64 || !form.fileName)
    throw new AppError('VALIDATION_FAILED', {
      details: {
        vi: `mẫu "${form.name}" cần tên tệp và nội dung`,
        en: `form "${form.name}" needs a file name and content`,
      },
    });
  const content = Buffer.from(form.contentBase64, 'base64');
  const checked = await checkFormTemplate(content, form.mediaType, form.fileName);
  const sha256 = createHash('sha256').update(content).digest('hex');
  const existing = await trx
    .selectFrom('procedure_forms')
    .select('id')
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  if (existing) return existing.id;
  const row = await trx
    .insertInto('procedure_forms')
    .values({
      name: form.name,
      file_name: checked.fileName,
      media_type: checked.mediaType,
      sha256,
      content,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Creates the procedure (as a draft) or replaces its open draft; a published procedure keeps serving its published
 * version until the draft is published. Returns the draft version id.
 */
export async function saveDraft(
  trx: Trx,
  actor: AuditActor,
  raw: TProcedureInput,
  opts: { mustBeNew?: boolean } = {},
): Promise<{ versionId: string; created: boolean }> {
  const input = ZProcedureInput.parse(raw);
  const eformIssues = input.eform ? checkEForm(input.eform) : [];
  if (eformIssues.length) throw eformRefusal(eformIssues);
  const agencies = await resolveAgencies(trx, input);
  const existing = await trx
    .selectFrom('procedures')
    .select(['code', 'status'])
    .where('code', '=', input.code)
    .forUpdate()
    .executeTakeFirst();
  if (existing && opts.mustBeNew)
    throw new AppError('DUPLICATE', {
      what: { vi: `Mã thủ tục ${input.code}`, en: `Procedure code ${input.code}` },
    });
  if (existing?.status === 'retired') throw new AppError('PROCEDURE_RETIRED', { code: input.code });
  if (!existing)
    await trx
      .insertInto('procedures')
      .values({
        code: input.code,
        name: input.name,
        field: input.field,
        levels: input.levels,
        service_level: input.serviceLevel,
        processing_time: JSON.stringify(input.processingTime),
        agency_ids: input.agencies.map((a) => agencies.get(a.toUpperCase())!),
        current_version_id: null,
        retired_at: null,
      })
      .execute();
  const prior = await trx
    .selectFrom('procedure_versions')
    .select(['id', 'status', 'version_no', 'workflow'])
    .where('procedure_code', '=', input.code)
    .orderBy('version_no', 'desc')
    .execute();
  const draft = prior.find((p) => p.status === 'draft');
  const codes = await componentCodes(trx, input.code, input.components);
  if (draft) await trx.deleteFrom('procedure_versions').where('id', '=', draft.id).execute();
  const versionNo = draft ? draft.version_no : (prior[0]?.version_no ?? 0) + 1;
  const { id } = await trx
    .insertInto('procedure_versions')
    .values({
      procedure_code: input.code,
      version_no: versionNo,
      name: input.name,
      field: input.field,
      levels: input.levels,
      steps: JSON.stringify(input.steps),
      methods: input.methods,
      processing_time: JSON.stringify(input.processingTime),
      subjects: JSON.stringify(input.subjects),
      results: JSON.stringify(input.results),
      fees: JSON.stringify(input.fees),
      conditions: JSON.stringify(input.conditions),
      legal_basis: JSON.stringify(input.legalBasis),
      service_level: input.serviceLevel,
      digitally_signed_result: input.digitallySignedResult,
      inter_agency: input.interAgencies.length > 0,
      boundary_free: input.boundaryFree,
      eform: input.eform ? JSON.stringify(input.eform) : null,
      workflow: carriedWorkflow(prior[0]?.workflow, input.processingTime),
      decision_number: input.decisionNumber,
      decision_date: input.decisionDate,
      publication_deadline: input.decisionDate
        ? publicationDeadline(
            await provinceCalendar(trx, agencies.get(input.agencies[0]!.toUpperCase()) ?? null),
            input.decisionDate,
          )
        : null,
      change_note: input.changeNote,
      created_by: actor.name ?? actor.id ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const links = [
    ...input.agencies.map((a, i) => ({ role: 'implementing' as const, a, i })),
    ...input.interAgencies.map((a, i) => ({ role: 'inter_agency' as const, a, i })),
  ];
  const seen = new Set<string>();
  const rows = links
    .map((l) => ({
      version_id: id,
      agency_id: agencies.get(l.a.toUpperCase())!,
      role: l.role,
      position: l.i,
    }))
    .filter((r) => !seen.has(`${r.agency_id}/${r.role}`) && seen.add(`${r.agency_id}/${r.role}`));
  await trx.insertInto('procedure_version_agencies').values(rows).execute();
  for (const [position, c] of input.components.entries()) {
    const formId = c.form ? await storeForm(trx, c.form) : null;
    await trx
      .insertInto('procedure_components')
      .values({
        version_id: id,
        position,
        code: codes[position]!,
        name: c.name,
        originals: c.originals,
        copies: c.copies,
        original_required: c.originalRequired,
        required: c.required,
        form_id: formId,
      })
      .execute();
  }
  await appendAudit(trx, actor, {
    action: 'catalogue.draft_saved',
    target: { type: 'procedure', id: input.code },
    details: { versionNo, versionId: id },
  });
  return { versionId: id, created: !existing };
}

/**
 * Publishes the open draft. Without `effectiveFrom` (or with today's date) it is the version in force from `now` and
 * the previous one is superseded. With a later date (Việt Nam time) it is `scheduled`: in force from 00:00 of that
 * day, the previous one until then (superseded_at set now, so resolution by date needs no job); the job
 * CATALOGUE_SCHEDULED_JOB only brings the procedure's list row up to date on the day.
 */
export async function publishDraft(
  trx: Trx,
  actor: AuditActor,
  code: string,
  now: Date = actor.at,
  effectiveFrom?: string,
): Promise<string> {
  const p = await trx
    .selectFrom('procedures')
    .select(['status'])
    .where('code', '=', code)
    .forUpdate()
    .executeTakeFirst();
  if (!p) throw new AppError('NOT_FOUND', { what: PROCEDURE_WHAT });
  if (p.status === 'retired') throw new AppError('PROCEDURE_RETIRED', { code });
  await applyScheduled(trx, code, now);
  const draft = await trx
    .selectFrom('procedure_versions')
    .selectAll()
    .where('procedure_code', '=', code)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (!draft)
    throw new AppError('BAD_REQUEST', {
      details: {
        vi: `thủ tục ${code} không có bản nháp để công bố`,
        en: `procedure ${code} has no draft to publish`,
      },
    });
  const today = localDateOf(now);
  if (effectiveFrom !== undefined && effectiveFrom < today) {
    throw new AppError('VALIDATION_FAILED', {
      details: {
        vi: `ngày có hiệu lực ${effectiveFrom} đã qua`,
        en: `the effective date ${effectiveFrom} is in the past`,
      },
    });
  }
  const waiting = await trx
    .selectFrom('procedure_versions')
    .select('published_at')
    .where('procedure_code', '=', code)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  if (waiting) {
    throw new AppError('BAD_REQUEST', {
      details: {
        vi: `đã có phiên bản chờ hiệu lực từ ${localDateOf(waiting.published_at!)}`,
        en: `a version already takes effect on ${localDateOf(waiting.published_at!)}`,
      },
    });
  }
  if (effectiveFrom !== undefined && effectiveFrom > today) {
    const from = localDateTime(effectiveFrom, '00:00');
    await trx
      .updateTable('procedure_versions')
      .set({ superseded_at: from })
      .where('procedure_code', '=', code)
      .where('status', '=', 'published')
      .execute();
    await trx
      .updateTable('procedure_versions')
      .set({ status: 'scheduled', published_at: from, announced_at: now })
      .where('id', '=', draft.id)
      .execute();
    await enqueue(
      trx,
      CATALOGUE_SCHEDULED_JOB,
      { code },
      { runAt: from, dedupeKey: `scheduled:${draft.id}` },
    );
    await appendAudit(trx, actor, {
      action: 'catalogue.scheduled',
      target: { type: 'procedure', id: code },
      details: { versionNo: draft.version_no, versionId: draft.id, effectiveFrom },
    });
    return draft.id;
  }
  await makeCurrent(trx, code, draft.id, now, now);
  await trx.updateTable('procedure_versions').set({ announced_at: now }).where('id', '=', draft.id).execute();
  await appendAudit(trx, actor, {
    action: 'catalogue.published',
    target: { type: 'procedure', id: code },
    details: { versionNo: draft.version_no, versionId: draft.id },
  });
  return draft.id;
}

/** The version becomes the published one from `from`; the previous published one is superseded then. */
async function makeCurrent(trx: Trx, code: string, versionId: string, from: Date, now: Date): Promise<void> {
  await trx
    .updateTable('procedure_versions')
    .set({ status: 'superseded', superseded_at: from })
    .where('procedure_code', '=', code)
    .where('status', '=', 'published')
    .execute();
  const v = await trx
    .updateTable('procedure_versions')
    .set({ status: 'published', published_at: from })
    .where('id', '=', versionId)
    .returningAll()
    .executeTakeFirstOrThrow();
  const agencyIds = await trx
    .selectFrom('procedure_version_agencies')
    .select('agency_id')
    .where('version_id', '=', versionId)
    .where('role', '=', 'implementing')
    .orderBy('position')
    .execute();
  await trx
    .updateTable('procedures')
    .set({
      status: 'published',
      current_version_id: versionId,
      name: v.name,
      field: v.field,
      levels: v.levels,
      service_level: v.service_level,
      processing_time: JSON.stringify(v.processing_time),
      agency_ids: agencyIds.map((a) => a.agency_id),
      updated_at: now,
    })
    .where('code', '=', code)
    .where('status', '!=', 'retired')
    .execute();
}

/**
 * A scheduled version whose day has come becomes the published one (the procedure's list row follows). Reads
 * resolve by date already; this keeps the stored statuses and the search row in step. Idempotent.
 */
export async function applyScheduled(trx: Trx, code: string, now: Date): Promise<boolean> {
  const due = await trx
    .selectFrom('procedure_versions')
    .select(['id', 'published_at'])
    .where('procedure_code', '=', code)
    .where('status', '=', 'scheduled')
    .where('published_at', '<=', now)
    .executeTakeFirst();
  if (!due) return false;
  await makeCurrent(trx, code, due.id, due.published_at!, now);
  return true;
}

export const CATALOGUE_SCHEDULED_JOB = 'catalogue.apply-scheduled';

/** The job enqueued for a version's effective day. */
export const applyScheduledJob: JobHandler = async (payload, ctx) => {
  await ctx.db.kysely.transaction().execute((trx) => applyScheduled(trx, String(payload.code), ctx.now));
};

/** Retires a procedure: no new submissions from `now`; every version stays readable. */
export async function retireProcedure(
  trx: Trx,
  actor: AuditActor,
  code: string,
  now: Date = actor.at,
): Promise<void> {
  const p = await trx
    .selectFrom('procedures')
    .select(['status'])
    .where('code', '=', code)
    .forUpdate()
    .executeTakeFirst();
  if (!p) throw new AppError('NOT_FOUND', { what: PROCEDURE_WHAT });
  if (p.status === 'retired') throw new AppError('PROCEDURE_RETIRED', { code });
  await trx
    .updateTable('procedures')
    .set({ status: 'retired', retired_at: now, updated_at: now })
    .where('code', '=', code)
    .execute();
  await trx
    .deleteFrom('procedure_versions')
    .where('procedure_code', '=', code)
    .where('status', '=', 'draft')
    .execute();
  await appendAudit(trx, actor, { action: 'catalogue.retired', target: { type: 'procedure', id: code } });
}
