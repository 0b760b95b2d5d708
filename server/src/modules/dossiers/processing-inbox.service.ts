// The office inbox ("Hồ sơ cần xử lý"), the assignee picker and the desk's chase list (issue 12, 002 Đ5.1.e).
// Time comes from the request (`now`); "due soon" is one working day of the unit's calendar ahead of it, so a step due
// on the first working day after Tết is due soon on the last working day before it.
import {
  ZInboxQuery,
  type TAssigneeList,
  type TChaseList,
  type TInboxPage,
  type TInboxQuery,
  type TStaffRole,
} from '@motcua/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/auth';
import { AppError } from '../../http/errors';
import { addWorkingMinutes } from '../calendar';
import { getCalendarForAgency } from '../calendar';
import { can } from './dossiers.policy';
import { instant } from './dossiers.presenter';
import { findDossier } from './dossiers.repo';
import {
  chaseList,
  departmentOfUser,
  inboxCounts,
  inboxPage,
  staffWithRole,
  type Branch,
  type InboxFilters,
  type Keyset,
} from './processing-inbox.repo';
import { mayAssign } from './processing-policy';
import { nextStep, stepOf } from './processing-steps';
import { decodeCursor, encodeCursor } from './keyset-cursor';

/** The roles that hold workflow steps (WORKFLOW-REFERENCE §2.1); other roles have nothing waiting in the inbox. */
const STEP_ROLES: readonly TStaffRole[] = ['reception_officer', 'specialist', 'approver', 'leader'];

function staffOf(actor: Actor): Actor & { agencyId: string } {
  if (actor.kind !== 'staff' || actor.agencyId === null) throw new AppError('FORBIDDEN');
  return actor as Actor & { agencyId: string };
}

/** Due soon = due at or before now + one working day of the agency's calendar (holidays and swapped Saturdays counted). */
export async function dueSoonUntil(db: Db, agencyId: string, now: Date): Promise<Date> {
  const cal = await getCalendarForAgency(db, agencyId);
  return addWorkingMinutes(cal, now, cal.workingDayMinutes);
}

/**
 * The index ranges of a scope. `me`: the steps I handle, and the unassigned steps my roles hold in my agency and
 * department; the head of a department (approver there) sees every unassigned step of the department. My department
 * is read inside the page's statement (none: those ranges are empty).
 */
export function scopeBranches(
  actor: Actor & { agencyId: string },
  departmentId: string | null,
  scope: TInboxScope,
): Branch[] {
  if (scope === 'agency') return [{ kind: 'agency', agencyId: actor.agencyId }];
  if (scope === 'department') {
    if (!departmentId) throw new AppError('FORBIDDEN');
    return [{ kind: 'department', departmentId }];
  }
  const roles = actor.roles.filter((r) => STEP_ROLES.includes(r));
  const dept = { departmentOf: actor.userId };
  const branches: Branch[] = [{ kind: 'handler', userId: actor.userId }];
  for (const role of roles) branches.push({ kind: 'unit', unitId: actor.agencyId, role });
  if (roles.includes('approver')) branches.push({ kind: 'unit', unitId: dept, role: null });
  else for (const role of roles) branches.push({ kind: 'unit', unitId: dept, role });
  return branches;
}
type TInboxScope = TInboxPage['scope'];

/** The inbox cursor: the last row's (step due time, id). */
const inboxCursor = (raw: string): Keyset => {
  const [due, id] = decodeCursor(raw, ['instant', 'uuid']) as [string, string];
  return { due, id };
};

export async function inbox(db: Db, actorIn: Actor, raw: TInboxQuery, now: Date): Promise<TInboxPage> {
  const actor = staffOf(actorIn);
  const query = ZInboxQuery.parse(raw);
  const departmentId = query.scope === 'department' ? await departmentOfUser(db.kysely, actor.userId) : null;
  const branches = scopeBranches(actor, departmentId, query.scope);
  const soon = await dueSoonUntil(db, actor.agencyId, now);
  const filters: InboxFilters = {
    procedure: query.procedure,
    step: query.step,
    status: query.status,
    receivedAt: query.receivedAt,
    decidedBy: query.decidedBy,
    returnedAt: query.returnedAt,
  };
  if (query.due === 'overdue') filters.dueBefore = now;
  if (query.due === 'soon') Object.assign(filters, { dueFrom: now, dueUntil: soon });
  const after = query.cursor ? inboxCursor(query.cursor) : null;
  const rows = await inboxPage(db.kysely, branches, filters, after, query.limit);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const counts = await inboxCounts(db.kysely, branches, now, soon);
  return {
    scope: query.scope,
    items: page.map((r) => ({
      id: r.id,
      code: r.code,
      status: r.status as TInboxPage['items'][number]['status'],
      version: r.version,
      procedure: { code: r.procedure_code, name: r.procedure_name },
      applicantName: r.applicant_name,
      step: {
        key: r.current_step,
        name: r.step?.name ?? { vi: r.current_step, en: r.current_step },
        role: r.step?.role ?? null,
        dueAt: instant(r.step_due_at),
      },
      appointmentAt: r.appointment_at ? instant(r.appointment_at) : null,
      handler: r.handler_id ? { id: r.handler_id, name: r.handler_name ?? '' } : null,
      overdue: r.step_due_at < now,
      dueSoon: r.step_due_at >= now && r.step_due_at <= soon,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.due_key, last.id]) : null,
    counts: {
      total: counts.total,
      overdue: counts.overdue,
      dueSoon: counts.due_soon,
      unassigned: counts.unassigned,
    },
    dueSoonUntil: instant(soon),
  };
}

/**
 * Who may take the step being assigned: at the assignment step the next step (the appraisal), else the current
 * step (a reassignment) — active staff of the holding agency with the step's role, in the responsible department
 * when the department holds it. Only for those who assign (the head of the department); 404 outside the agency.
 */
export async function assignees(db: Db, actorIn: Actor, id: string): Promise<TAssigneeList> {
  const actor = staffOf(actorIn);
  const d = await findDossier(db.kysely, id);
  if (!d || !can(actor, 'view', d)) {
    throw new AppError('NOT_FOUND', { what: { vi: 'hồ sơ', en: 'Dossier' } });
  }
  if (!mayAssign(actor, await departmentOfUser(db.kysely, actor.userId), d))
    throw new AppError('NOT_ASSIGNED');
  const step = d.workflow ? stepOf(d.workflow, d.current_step) : null;
  const target = step?.kind === 'assignment' ? nextStep(d.workflow!, step.key) : step;
  if (!target || target.kind === 'return') {
    throw new AppError('DOSSIER_STATE', {
      status: step?.name.vi ?? d.status,
      action: 'Phân công xử lý / Assign',
    });
  }
  const items = await staffWithRole(
    db.kysely,
    d.holding_agency_id!,
    target.role,
    target.holder === 'department' ? d.holding_department_id : null,
  );
  return { step: { key: target.key, name: target.name }, items };
}

/** The desk's chase list: dossiers its desk received whose appointment is within one working day, or past. */
export async function chase(db: Db, actorIn: Actor, now: Date): Promise<TChaseList> {
  const actor = staffOf(actorIn);
  const soon = await dueSoonUntil(db, actor.agencyId, now);
  const rows = await chaseList(db.kysely, actor.agencyId, soon);
  return {
    dueSoonUntil: instant(soon),
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      procedure: { code: r.procedure_code, name: r.procedure_name },
      applicantName: r.applicant_name,
      appointmentAt: instant(r.appointment_at),
      overdue: r.appointment_at < now,
      step: r.step
        ? { key: r.current_step, name: r.step.name, dueAt: r.step_due_at ? instant(r.step_due_at) : null }
        : null,
      holdingAgency: r.holding_agency_id
        ? { id: r.holding_agency_id, name: r.holding_agency_name ?? '' }
        : null,
      holdingDepartment: r.holding_department_id
        ? { id: r.holding_department_id, name: r.holding_department_name ?? '' }
        : null,
      handler: r.handler_id ? { id: r.handler_id, name: r.handler_name ?? '' } : null,
    })),
  };
}
