// SQL of the office inbox, the assignee picker and the desk's chase list (issue 12); no rules here.
// Every inbox scope is a UNION ALL of branches, each one index range in (step_due_at, id) order (migration
// 20261201_0100_inbox.sql): a branch reads at most one page past the cursor, so a page costs the same at 10,000
// dossiers as at 1,000,000.
import { sql, type RawBuilder } from 'kysely';
import type { Kdb } from '../../db/client';
import type { TWorkflowStep } from '@motcua/contracts';

/**
 * One index range of a scope: `handler` (handler_id =), `unit` (unassigned, step_unit_id = [, step_role =]), … A unit
 * may be "the department of this user", read inside the same statement (no round trip before the page).
 */
export type Unit = string | { departmentOf: string };
export type Branch =
  | { kind: 'handler'; userId: string }
  | { kind: 'unit'; unitId: Unit; role: string | null }
  | { kind: 'department'; departmentId: string }
  | { kind: 'agency'; agencyId: string };

export type InboxFilters = {
  procedure?: string | undefined;
  step?: string | undefined;
  status?: string | undefined;
  /** The three places (issue 14): receiving desk, agency with authority, result desk. */
  receivedAt?: string | undefined;
  decidedBy?: string | undefined;
  returnedAt?: string | undefined;
  /** step_due_at ≥ dueFrom, < dueBefore, ≤ dueUntil */
  dueFrom?: Date | undefined;
  dueBefore?: Date | undefined;
  dueUntil?: Date | undefined;
};
/** The last row of a page: its due time (ISO 8601 UTC with microseconds, as PostgreSQL keeps it) and its id. */
export type Keyset = { due: string; id: string };

/** The step object of the pinned workflow for the current step. */
const STEP = sql`jsonb_path_query_first(workflow, ('$.steps[*] ? (@.key == "' || current_step || '")')::jsonpath)`;

const unitSql = (u: Unit) =>
  typeof u === 'string'
    ? sql`${u}::uuid`
    : sql`(SELECT department_id FROM users WHERE id = ${u.departmentOf})`;

function branchWhere(b: Branch): RawBuilder<unknown> {
  switch (b.kind) {
    case 'handler':
      return sql`handler_id = ${b.userId} AND handler_id IS NOT NULL`;
    case 'unit':
      return b.role === null
        ? sql`handler_id IS NULL AND step_unit_id = ${unitSql(b.unitId)}`
        : sql`handler_id IS NULL AND step_unit_id = ${unitSql(b.unitId)} AND step_role = ${b.role}`;
    case 'department':
      return sql`holding_department_id = ${b.departmentId}`;
    case 'agency':
      return sql`holding_agency_id = ${b.agencyId}`;
  }
}

/** Waiting on the office: a running step with a due time (a stopped clock waits on the applicant; a result waits at the desk). */
const RUNNING = sql`current_step IS NOT NULL AND step_due_at IS NOT NULL AND status <> 'result_ready'`;

function filterWhere(f: InboxFilters): RawBuilder<unknown>[] {
  const parts: RawBuilder<unknown>[] = [];
  if (f.procedure) parts.push(sql`procedure_code = ${f.procedure}`);
  if (f.step) parts.push(sql`current_step = ${f.step}`);
  if (f.status) parts.push(sql`status = ${f.status}`);
  if (f.receivedAt) parts.push(sql`receiving_agency_id = ${f.receivedAt}`);
  if (f.decidedBy) parts.push(sql`authority_agency_id = ${f.decidedBy}`);
  if (f.returnedAt) parts.push(sql`result_agency_id = ${f.returnedAt}`);
  if (f.dueFrom) parts.push(sql`step_due_at >= ${f.dueFrom}`);
  if (f.dueBefore) parts.push(sql`step_due_at < ${f.dueBefore}`);
  if (f.dueUntil) parts.push(sql`step_due_at <= ${f.dueUntil}`);
  return parts;
}

export type InboxRow = {
  id: string;
  code: string | null;
  status: string;
  version: number;
  procedure_code: string;
  procedure_name: string;
  applicant_name: string;
  current_step: string;
  step: TWorkflowStep | null;
  step_due_at: Date;
  /** step_due_at in ISO 8601 UTC, exact to the microsecond, for the cursor. */
  due_key: string;
  appointment_at: Date | null;
  handler_id: string | null;
  handler_name: string | null;
};

/** One page of the scope after the cursor, by (step_due_at, id); `limit + 1` rows tell whether more follow. */
export function inboxPageQuery(
  branches: Branch[],
  filters: InboxFilters,
  after: Keyset | null,
  limit: number,
): RawBuilder<InboxRow> {
  const conds = [RUNNING, ...filterWhere(filters)];
  if (after) conds.push(sql`(step_due_at, id) > (${after.due}::timestamptz, ${after.id}::uuid)`);
  const parts = branches.map(
    (b) =>
      sql`(SELECT id, step_due_at FROM dossiers WHERE ${branchWhere(b)} AND ${sql.join(conds, sql` AND `)}
           ORDER BY step_due_at, id LIMIT ${limit + 1})`,
  );
  return sql<InboxRow>`
    SELECT d.id, d.code, d.status, d.version, d.procedure_code, d.procedure_name,
           d.applicant->>'name' AS applicant_name, d.current_step, ${STEP} AS step, d.step_due_at, to_char(d.step_due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS due_key,
           d.appointment_at, d.handler_id, u.full_name AS handler_name
      FROM (${sql.join(parts, sql` UNION ALL `)}) page
      JOIN dossiers d ON d.id = page.id
      LEFT JOIN users u ON u.id = d.handler_id
     ORDER BY page.step_due_at, page.id
     LIMIT ${limit + 1}`;
}

export async function inboxPage(
  q: Kdb,
  branches: Branch[],
  filters: InboxFilters,
  after: Keyset | null,
  limit: number,
): Promise<InboxRow[]> {
  if (branches.length === 0) return [];
  return (await inboxPageQuery(branches, filters, after, limit).execute(q)).rows;
}

export type InboxCountRow = { total: number; overdue: number; due_soon: number; unassigned: number };

/** Counts of the whole scope (no filters), overdue before `now`, due soon in [now, soonUntil]. */
export function inboxCountsQuery(branches: Branch[], now: Date, soonUntil: Date) {
  // An unassigned branch's handler is null by its predicate: not read, so the scan stays index-only.
  const parts = branches.map(
    (b) =>
      sql`SELECT step_due_at, ${b.kind === 'unit' ? sql`NULL::uuid` : sql`handler_id`} AS handler_id
            FROM dossiers WHERE ${branchWhere(b)} AND ${RUNNING}`,
  );
  return sql<Record<keyof InboxCountRow, string>>`
    SELECT count(*) AS total,
           count(*) FILTER (WHERE step_due_at < ${now}) AS overdue,
           count(*) FILTER (WHERE step_due_at >= ${now} AND step_due_at <= ${soonUntil}) AS due_soon,
           count(*) FILTER (WHERE handler_id IS NULL) AS unassigned
      FROM (${sql.join(parts, sql` UNION ALL `)}) s`;
}

export async function inboxCounts(
  q: Kdb,
  branches: Branch[],
  now: Date,
  soonUntil: Date,
): Promise<InboxCountRow> {
  if (branches.length === 0) return { total: 0, overdue: 0, due_soon: 0, unassigned: 0 };
  const r = (await inboxCountsQuery(branches, now, soonUntil).execute(q)).rows[0]!;
  return {
    total: Number(r.total),
    overdue: Number(r.overdue),
    due_soon: Number(r.due_soon),
    unassigned: Number(r.unassigned),
  };
}

/** Active staff of an agency with a role (in a department when given), with the steps each handles now. */
export async function staffWithRole(q: Kdb, agencyId: string, role: string, departmentId: string | null) {
  const res = await sql<{ id: string; name: string; active_steps: string }>`
    SELECT u.id, u.full_name AS name,
           (SELECT count(*) FROM dossiers d WHERE d.handler_id = u.id AND d.current_step IS NOT NULL) AS active_steps
      FROM users u
      JOIN user_roles r ON r.user_id = u.id AND r.role = ${role}
     WHERE u.kind = 'staff' AND u.status = 'active' AND u.agency_id = ${agencyId}
       ${departmentId ? sql`AND u.department_id = ${departmentId}` : sql``}
     ORDER BY u.full_name, u.id`.execute(q);
  return res.rows.map((r) => ({ id: r.id, name: r.name, activeSteps: Number(r.active_steps) }));
}

export type ChaseRow = {
  id: string;
  code: string | null;
  procedure_code: string;
  procedure_name: string;
  applicant_name: string;
  appointment_at: Date;
  current_step: string;
  step: TWorkflowStep | null;
  step_due_at: Date | null;
  holding_agency_id: string | null;
  holding_agency_name: string | null;
  holding_department_id: string | null;
  holding_department_name: string | null;
  handler_id: string | null;
  handler_name: string | null;
};

/** Dossiers received at the desk of `agencyId`, still in the office, with the appointment at or before `until`. */
export async function chaseList(q: Kdb, agencyId: string, until: Date, limit = 200): Promise<ChaseRow[]> {
  const res = await sql<ChaseRow>`
    SELECT d.id, d.code, d.procedure_code, d.procedure_name, d.applicant->>'name' AS applicant_name,
           d.appointment_at, d.current_step, ${STEP} AS step, d.step_due_at,
           d.holding_agency_id, a.name AS holding_agency_name,
           d.holding_department_id, dep.name AS holding_department_name,
           d.handler_id, u.full_name AS handler_name
      FROM dossiers d
      LEFT JOIN agencies a ON a.id = d.holding_agency_id
      LEFT JOIN departments dep ON dep.id = d.holding_department_id
      LEFT JOIN users u ON u.id = d.handler_id
     WHERE d.receiving_agency_id = ${agencyId} AND d.current_step IS NOT NULL
       AND d.status NOT IN ('result_ready', 'processing_supplement')
       AND d.appointment_at IS NOT NULL AND d.appointment_at <= ${until}
     ORDER BY d.appointment_at, d.id
     LIMIT ${limit}`.execute(q);
  return res.rows;
}

/** The department of a staff member (the actor carries the agency, not the department). */
export async function departmentOfUser(q: Kdb, userId: string): Promise<string | null> {
  const r = await q.selectFrom('users').select('department_id').where('id', '=', userId).executeTakeFirst();
  return r?.department_id ?? null;
}
