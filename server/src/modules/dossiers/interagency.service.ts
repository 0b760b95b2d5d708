// Inter-agency processing (liên thông, issue 14; 000 Đ8, 001 Đ11): the receiving desk dispatches a dossier of an
// inter-agency procedure to the partner agencies of its pinned plan — a paper dossier sequentially in the desk's
// order, an electronic one to all at once; each partner records the outcome of its part; the lead consolidates and
// the one result returns through the receiving desk (the ordinary workflow). Each move is an event through the one
// action pipeline; dossier_interagency_tasks is its projection. A partner sees its part only, never the dossier.
import { randomUUID } from 'node:crypto';
import type { Insertable, Transaction } from 'kysely';
import type { z } from 'zod';
import {
  ZInteragencyDoneRequest,
  ZInteragencySendRequest,
  type TInteragencyAnswerFile,
  type TInteragencyPlanView,
  type TInteragencyTask,
  type TInteragencyTaskList,
} from '@motcua/contracts';
import type { Database } from '../../db/schema';
import type { Actor } from '../../http/auth';
import { AppError } from '../../http/errors';
import { gradeHandoff } from './control-slip';
import { applyDossierAction } from './dossier-action';
import type { IntakeCtx } from './dossier-context';
import { instant } from './dossiers.presenter';
import type { DossierInteragencyTasksTable } from './dossiers.tables';
import { agencyNames, findAgency } from '../organisation';
import { findFiles, type DossierRow } from './dossiers.repo';
import { interagencyMode, orderPartners, partnerDue } from './interagency-rules';
import { notifyPartner } from './interagency-warnings';
import {
  findTask,
  insertTasks,
  listTasksFor,
  listTasksOf,
  lockTask,
  updateTask,
  type InteragencyView,
} from './interagency.repo';
import { calendarForAgency } from './ports';
import { attachments } from './processing.service';
import type { Kdb } from '../../db/client';

type Trx = Transaction<Database>;
export const INTERAGENCY_WHAT = { vi: 'phần việc liên thông', en: 'Inter-agency task' };
const notFound = () => new AppError('NOT_FOUND', { what: INTERAGENCY_WHAT });
const STATUS_LABELS = {
  waiting: { vi: 'chờ đến lượt', en: 'waiting for its turn' },
  open: { vi: 'đang xử lý', en: 'in progress' },
  done: { vi: 'đã xong', en: 'done' },
} as const;

/** The partner agency's staff who handle its part: specialists and approvers of that agency. */
function isPartner(actor: Actor, t: Pick<InteragencyView, 'agency_id'>): boolean {
  return (
    actor.kind === 'staff' &&
    actor.roles.some((r) => r === 'specialist' || r === 'approver') &&
    actor.agencyId === t.agency_id
  );
}

type AnswerFiles = ReadonlyMap<string, TInteragencyAnswerFile>;

/** The attachments of the answers among `rows`, by id, in one query (the presenter lists them by name). */
export async function answerFilesOf(q: Kdb, rows: readonly InteragencyView[]): Promise<AnswerFiles> {
  const files = await findFiles(q, [...new Set(rows.flatMap((r) => r.answer_file_ids))]);
  return new Map(
    files.map((f) => [f.id, { id: f.id, name: f.name, mediaType: f.media_type, size: Number(f.size) }]),
  );
}

const filesOf = (t: InteragencyView, files: AnswerFiles) =>
  t.answer_file_ids.flatMap((id) => files.get(id) ?? []);

export function presentTask(
  t: InteragencyView,
  all: readonly InteragencyView[],
  now: Date,
  files: AnswerFiles = new Map(),
): TInteragencyTask {
  const late = t.due_at !== null && (t.done_at ? t.done_at > t.due_at : now > t.due_at);
  return {
    id: t.id,
    dossierId: t.dossier_id,
    dossierCode: t.dossier_code,
    procedureName: t.procedure_name,
    dossierVersion: t.dossier_version,
    mode: t.mode,
    position: t.position,
    lead: { agencyId: t.lead_agency_id, agency: t.lead_agency_name },
    agencyId: t.agency_id,
    agency: t.agency_name,
    task: t.task,
    workingDays: t.working_days,
    status: t.status,
    openedAt: t.opened_at ? instant(t.opened_at) : null,
    dueAt: t.due_at ? instant(t.due_at) : null,
    late,
    overdueWarnedAt: t.overdue_warned_at ? instant(t.overdue_warned_at) : null,
    done:
      t.done_at && t.outcome !== null
        ? {
            at: instant(t.done_at),
            by: t.done_by_name ?? '',
            outcome: t.outcome,
            grade: gradeHandoff(t.done_at, t.due_at!),
            files: filesOf(t, files),
          }
        : null,
    previous:
      t.mode === 'sequential'
        ? all
            .filter((o) => o.position < t.position && o.outcome !== null)
            .map((o) => ({ agency: o.agency_name, outcome: o.outcome!, files: filesOf(o, files) }))
        : [],
  };
}

/** POST /api/processing/dossiers/{id}/interagency — the receiving desk dispatches to the partners, once. */
export async function sendInteragency(
  trx: Trx,
  ctx: IntakeCtx,
  id: string,
  raw: z.input<typeof ZInteragencySendRequest>,
) {
  const input = ZInteragencySendRequest.parse(raw);
  return applyDossierAction(trx, ctx, id, 'interagency_sent', input.expectedVersion, async (d) => {
    const plan = d.workflow?.interagency;
    if (!plan) {
      throw new AppError('BAD_REQUEST', {
        details: {
          vi: 'thủ tục này không phải thủ tục liên thông',
          en: 'this is not an inter-agency procedure',
        },
      });
    }
    if ((await listTasksOf(trx, d.id)).length > 0) {
      throw new AppError('INTERAGENCY_STATE', {
        status: STATUS_LABELS.open,
        action: { vi: 'chuyển lại', en: 'dispatched again' },
      });
    }
    const mode = interagencyMode(d.channel);
    const partners = orderPartners(plan, mode, input.order);
    const lead = (await findAgency(trx, d.authority_agency_id))!;
    const rows: Insertable<DossierInteragencyTasksTable>[] = [];
    for (const [position, p] of partners.entries()) {
      const agency = await findAgency(trx, p.agencyId);
      if (!agency) throw new Error(`Partner agency ${p.agencyId} of ${d.procedure_code} is not available`);
      const open = mode === 'parallel' || position === 0;
      rows.push({
        id: randomUUID(),
        dossier_id: d.id,
        mode,
        position,
        lead_agency_id: lead.id,
        lead_agency_name: lead.name,
        agency_id: agency.id,
        agency_name: agency.name,
        task: JSON.stringify(p.task),
        working_days: p.workingDays,
        status: open ? ('open' as const) : ('waiting' as const),
        opened_at: open ? ctx.now : null,
        due_at: open ? partnerDue(await calendarForAgency(trx, agency.id), ctx.now, p.workingDays) : null,
      });
    }
    return {
      event: {
        data: {
          mode,
          tasks: rows.map((r) => ({
            id: r.id!,
            position: r.position,
            agencyId: r.agency_id,
            agency: r.agency_name,
            workingDays: r.working_days,
            dueAt: r.due_at ? new Date(r.due_at).toISOString() : null,
          })),
        },
      },
      effects: () => insertTasks(trx, rows),
      audit: { action: 'dossier.interagency_send', details: { mode, tasks: rows.map((r) => r.id) } },
      afterAudit: async (row) => {
        for (const r of rows.filter((x) => x.status === 'open')) {
          await notifyPartner(trx, (await lockTask(trx, r.id!))!, row, ctx.now);
        }
      },
    };
  });
}

/**
 * POST /api/interagency/tasks/{id}/done — the partner agency returns its part (late is taken and graded); in a
 * sequential dossier the next partner's turn begins now, with its budget in its calendar.
 */
export async function completeTask(
  trx: Trx,
  ctx: IntakeCtx,
  taskId: string,
  raw: z.input<typeof ZInteragencyDoneRequest>,
): Promise<TInteragencyTask> {
  const input = ZInteragencyDoneRequest.parse(raw);
  const found = await findTask(trx, taskId);
  if (!found || !isPartner(ctx.actor, found)) throw notFound();
  await applyDossierAction(
    trx,
    ctx,
    found.dossier_id,
    'interagency_done',
    input.expectedVersion,
    async () => {
      const t = (await lockTask(trx, taskId))!;
      if (t.status !== 'open') {
        throw new AppError('INTERAGENCY_STATE', {
          status: STATUS_LABELS[t.status],
          action: { vi: 'trả kết quả', en: 'completed' },
        });
      }
      const files = await attachments(trx, ctx.actor, input.fileIds);
      const all = await listTasksOf(trx, t.dossier_id);
      const next = t.mode === 'sequential' ? all.find((o) => o.position === t.position + 1) : undefined;
      const nextDue = next
        ? partnerDue(await calendarForAgency(trx, next.agency_id), ctx.now, next.working_days)
        : null;
      return {
        event: {
          data: {
            taskId: t.id,
            agencyId: t.agency_id,
            agency: t.agency_name,
            outcome: input.outcome,
            fileIds: files,
            dueAt: t.due_at!.toISOString(),
            grade: gradeHandoff(ctx.now, t.due_at!),
            next: next ? { taskId: next.id, agency: next.agency_name, dueAt: nextDue!.toISOString() } : null,
          },
        },
        effects: async (row) => {
          await updateTask(trx, t.id, {
            status: 'done',
            done_at: ctx.now,
            done_by: ctx.actor.userId,
            done_by_name: ctx.actor.name,
            outcome: input.outcome,
            answer_file_ids: JSON.stringify(files),
          });
          if (next) {
            await updateTask(trx, next.id, { status: 'open', opened_at: ctx.now, due_at: nextDue });
            await notifyPartner(trx, (await lockTask(trx, next.id))!, row, ctx.now);
          }
        },
        audit: { action: 'dossier.interagency_done', details: { taskId: t.id, next: next?.id ?? null } },
      };
    },
  );
  const all = await listTasksOf(trx, found.dossier_id);
  return presentTask(
    all.find((t) => t.id === taskId)!,
    all,
    ctx.now,
    await answerFilesOf(trx, all),
  );
}

/** GET /api/interagency/tasks — the parts my agency is asked for, with counts. */
export async function listForPartner(
  q: Kdb,
  actor: Actor,
  status: 'open' | 'all',
  now: Date,
): Promise<TInteragencyTaskList> {
  if (actor.kind !== 'staff' || !actor.agencyId) throw new AppError('FORBIDDEN');
  const rows = await listTasksFor(q, actor.agencyId, status === 'open');
  const items = [];
  for (const r of rows) {
    // Waiting parts are listed too (all), but a partner sees the dossier's earlier outcomes only on its turn.
    const all = r.mode === 'sequential' && r.status !== 'waiting' ? await listTasksOf(q, r.dossier_id) : [r];
    items.push(presentTask(r, all, now, await answerFilesOf(q, all)));
  }
  const open = items.filter((i) => i.status === 'open');
  return { items, counts: { open: open.length, overdue: open.filter((i) => i.late).length } };
}

/** GET /api/interagency/tasks/{id} — the partner agency, or the staff of the lead or the receiving desk. */
export async function getTask(q: Kdb, actor: Actor, id: string, now: Date): Promise<TInteragencyTask> {
  const t = await findTask(q, id);
  if (!t || actor.kind !== 'staff') throw notFound();
  const d = await q
    .selectFrom('dossiers')
    .select(['receiving_agency_id', 'authority_agency_id'])
    .where('id', '=', t.dossier_id)
    .executeTakeFirstOrThrow();
  const office = actor.agencyId === d.receiving_agency_id || actor.agencyId === d.authority_agency_id;
  if (!office && !isPartner(actor, t)) throw notFound();
  const all = t.status === 'waiting' && !office ? [t] : await listTasksOf(q, t.dossier_id);
  return presentTask(t, all, now, await answerFilesOf(q, all));
}

/** The plan pinned at receipt with the partners' names (staff detail); undefined for a one-agency procedure. */
export async function planView(
  q: Kdb,
  d: Pick<DossierRow, 'workflow' | 'channel'>,
): Promise<TInteragencyPlanView | undefined> {
  const plan = d.workflow?.interagency;
  if (!plan) return undefined;
  const names = await agencyNames(
    q,
    plan.partners.map((p) => p.agencyId),
  );
  return {
    mode: interagencyMode(d.channel),
    partners: plan.partners.map((p) => ({ ...p, agency: names.get(p.agencyId) ?? '' })),
  };
}

/** The staff view of a dossier's parts (the lead's and the desk's detail). */
export async function tasksOfDossier(q: Kdb, dossierId: string, now: Date): Promise<TInteragencyTask[]> {
  const all = await listTasksOf(q, dossierId);
  const files = await answerFilesOf(q, all);
  return all.map((t) => presentTask(t, all, now, files));
}
