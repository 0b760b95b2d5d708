import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { defaultWorkflow } from '../catalogue';
import { genIdPrefix, genIdSql } from './generator-ids';

/**
 * The people of a generated province (issue 19): the office staff who hold the open dossiers' steps and the citizens
 * who submitted online, so the inbox, the leader's overdue list and "Hồ sơ của tôi" have realistic data at volume.
 * Per agency: a specialist department, 20 specialists (`<agency>.cv01` … `.cv20`) and a leader who approves
 * (`<agency>.lanhdao`); 100 measured citizens (`gen<run>.cd001` … `.cd100`) own the first 5,000 dossiers, 50 each, at
 * every size; each batch adds one citizen per five of its dossiers for its other online dossiers. Accounts have no
 * password: a bench sets one on the few it logs in as.
 */
export const SPECIALISTS_PER_AGENCY = 20;
export const MEASURED_CITIZENS = 100;
export const CITIZEN_DOSSIERS = 50;
/**
 * The first agency's appraisal steps among the dossiers up to this number are held by its first specialist, and no
 * later one: the measured handler's workload is the same at 1M and at 17M.
 */
export const MEASURED_HANDLER_UNTIL = 1_000_000;

export const staffLogin = (agencyShortName: string, who: number | 'leader') =>
  `${agencyShortName}.${who === 'leader' ? 'lanhdao' : `cv${String(who).padStart(2, '0')}`}`.toLowerCase();
export const citizenLogin = (run: string, n: number) =>
  `gen${run}.cd${String(n).padStart(3, '0')}`.toLowerCase();

export async function ensurePeople(trx: Transaction<Database>, run: string, province: string): Promise<void> {
  const done = await trx
    .selectFrom('users')
    .select('id')
    .where(sql`lower(username)`, '=', citizenLogin(run, 1))
    .executeTakeFirst();
  if (done) return;
  await sql`INSERT INTO departments (agency_id, name, kind)
    SELECT id, 'Phòng chuyên môn', 'specialist' FROM agencies WHERE short_name LIKE ${`${province}-%`}`.execute(
    trx,
  );
  await sql`INSERT INTO users (kind, username, full_name, agency_id, department_id, status)
    SELECT 'staff', lower(a.short_name) || CASE WHEN n = 0 THEN '.lanhdao' ELSE '.cv' || lpad(n::text, 2, '0') END,
      CASE WHEN n = 0 THEN 'Lãnh đạo ' ELSE 'Chuyên viên ' || n || ' ' END || a.short_name, a.id, dep.id, 'active'
    FROM agencies a JOIN departments dep ON dep.agency_id = a.id AND dep.kind = 'specialist'
    CROSS JOIN generate_series(0, ${SPECIALISTS_PER_AGENCY}) n
    WHERE a.short_name LIKE ${`${province}-%`}`.execute(trx);
  await sql`INSERT INTO user_roles (user_id, role)
    SELECT u.id, r.role FROM users u CROSS JOIN LATERAL (VALUES ('leader'), ('approver')) r (role)
    WHERE u.kind = 'staff' AND lower(u.username) LIKE ${`${province.toLowerCase()}-%.lanhdao`}
    UNION ALL
    SELECT u.id, 'specialist' FROM users u
    WHERE u.kind = 'staff' AND lower(u.username) LIKE ${`${province.toLowerCase()}-%.cv%`}`.execute(trx);
  await sql`INSERT INTO users (kind, username, full_name, status)
    SELECT 'citizen', ${`gen${run}.cd`.toLowerCase()} || lpad(n::text, 3, '0'), 'Công dân thử tải ' || n, 'active'
    FROM generate_series(1, ${MEASURED_CITIZENS}) n`.execute(trx);
}

/** The citizens of one batch (temp table gen_citizens (c, id)), created before its dossiers name them. */
export async function batchCitizens(
  trx: Transaction<Database>,
  o: { run: string; first: number; size: number },
): Promise<void> {
  // Ids in the order of the batches (as the dossiers'): citizen c of the batch starting at dossier `first`.
  await sql`CREATE TEMP TABLE gen_citizens ON COMMIT DROP AS
    SELECT c, ${genIdSql(genIdPrefix('citizen', o.run), sql`(${o.first}::bigint + c)`)} AS id
    FROM generate_series(0, ${Math.max(1, Math.floor(o.size / 5)) - 1}) c`.execute(trx);
  await sql`INSERT INTO users (id, kind, full_name, status)
    SELECT id, 'citizen', 'Người nộp ' || ${o.first} || '.' || c, 'active' FROM gen_citizens ORDER BY c`.execute(
    trx,
  );
  await sql`CREATE TEMP TABLE gen_measured ON COMMIT DROP AS
    SELECT row_number() OVER (ORDER BY username) - 1 AS c, id FROM users
    WHERE lower(username) LIKE ${`gen${o.run}.cd%`.toLowerCase()}`.execute(trx);
}

/** The applicant account of dossier g (a row of gen_batch): joins giving `gm.id` (measured) or `gc.id` (online). */
export const applicantJoinSql = (size: number) => sql`
    LEFT JOIN gen_measured gm ON g.i <= ${MEASURED_CITIZENS * CITIZEN_DOSSIERS}
      AND gm.c = (g.i - 1) % ${MEASURED_CITIZENS}
    LEFT JOIN gen_citizens gc ON g.i > ${MEASURED_CITIZENS * CITIZEN_DOSSIERS} AND g.channel = 'online'
      AND gc.c = abs(hashint8(g.i * 13 + 1)) % ${Math.max(1, Math.floor(size / 5))}`;

/**
 * What processing pins and derives for the open dossiers of the batch (temp table gen_open: id, i, agency_id, days,
 * current_step, step_entered_at): the default workflow of their processing time, the specialist department, the
 * step's due time (its share of the processing time) and, at the appraisal step, the specialist who holds it; the
 * assignment and approval steps wait unassigned in their department or agency.
 */
export function openStepsSql(agencyIds: string[]) {
  const workflows = Array.from({ length: 15 }, (_, d) =>
    defaultWorkflow({ unit: 'working_days', value: d + 1 }),
  );
  return sql`SELECT g.id, g.current_step, g.step_entered_at,
      (${JSON.stringify(workflows)}::jsonb) -> (g.days - 1) AS workflow,
      dep.id AS holding_department_id,
      g.step_entered_at + g.days * interval '1 day' * 1.4
        * CASE g.current_step WHEN 'assignment' THEN 0.1 WHEN 'appraisal' THEN 0.5 ELSE 0.2 END AS step_due_at,
      CASE WHEN g.current_step = 'appraisal' THEN (
        SELECT u.id FROM users u WHERE lower(u.username) = lower(a.short_name) || '.cv' || lpad(
          (CASE WHEN g.agency_id <> ${agencyIds[0]!}::uuid THEN abs(hashint8(g.i * 17 + 1)) % ${SPECIALISTS_PER_AGENCY} + 1
                WHEN g.i <= ${MEASURED_HANDLER_UNTIL} THEN 1
                ELSE abs(hashint8(g.i * 17 + 1)) % ${SPECIALISTS_PER_AGENCY - 1} + 2 END)::text, 2, '0')) END AS handler_id
    FROM gen_open g JOIN agencies a ON a.id = g.agency_id
      JOIN departments dep ON dep.agency_id = g.agency_id AND dep.kind = 'specialist'`;
}
