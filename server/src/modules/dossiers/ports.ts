import type { Transaction } from 'kysely';
import type { Kdb } from '../../db/client';
import type { Database } from '../../db/schema';
import type { Calendar } from '../calendar';
import { getCalendarForAgency } from '../calendar';
import type { Kysely } from 'kysely';
import { type TProcedure, type TProcessingTime, type TWorkflow } from '@motcua/contracts';
import { getVersionWorkflow } from '../catalogue';
import { defaultWorkflow } from '../catalogue';
import { AppError } from '../../http/errors';
import { findVersionInForce, getProcedure, loadVersion } from '../catalogue';
import { specialistDepartments } from '../organisation';

/**
 * What intake needs to know about other modules, in one place, so each swap to the real module is one function.
 * - procedures: the catalogue module's version in force (tests may put a source of their own in front).
 * - calendar: the calendar module's per-agency calendar (`getCalendarForAgency`).
 */
export type ProcedureComponent = {
  code: string;
  name: string;
  /** Number of copies the applicant brings (số lượng). */
  copies: number;
  originalRequired: boolean;
  required: boolean;
};

/** The one processing-time type (contracts/src/catalogue.ts). */
export type ProcessingTimeFacts = TProcessingTime;

export type ProcedureFacts = {
  versionId: string;
  code: string;
  name: string;
  components: ProcedureComponent[];
  processingTime: ProcessingTimeFacts;
  /** The version's processing workflow (its own or the default for its processing time). */
  workflow: TWorkflow;
  /** Agencies with authority to decide (their identifier codes make the dossier code). */
  authorityAgencyIds: string[];
  /** The specialist department the dossier is handed over to, per authority agency. */
  responsibleDepartmentIds: Record<string, string | null>;
  /** Phi địa giới: any desk of the province may receive it. */
  boundaryFree: boolean;
  onlineAllowed: boolean;
  /** JSON Schema of the e-form; null when the procedure has none. */
  formSchema: Record<string, unknown> | null;
  /** Fee and charge in đồng. */
  fee: number;
  /** The `-AAXXXX` tail of its dossier codes when it runs on a centralised system (TT 04/2025); else absent. */
  centralSystem?: string | null;
  /** Names of the result documents the procedure issues (the catalogue's "kết quả"), e.g. a licence. */
  results?: string[];
  /** Attachment size limits for this procedure. */
  maxFileBytes: number;
  maxTotalBytes: number;
};

/**
 * Dossiers submitted before catalogue components had codes hold their position ("1", "2", …); this is the code that
 * component has now, so their attachments carry over on amendment or supplement.
 */
export function currentComponentCode(p: Pick<ProcedureFacts, 'components'>, stored: string): string {
  if (!/^\d+$/.test(stored) || p.components.some((c) => c.code === stored)) return stored;
  return p.components[Number(stored) - 1]?.code ?? stored;
}

/** Attachment size limits; the catalogue has no per-procedure limits yet, so every procedure gets these. */
export const ATTACHMENT_LIMITS = { maxFileBytes: 10 * 1024 * 1024, maxTotalBytes: 50 * 1024 * 1024 };

/**
 * A source of procedures asked before the catalogue: tests put the exact shapes they need in front
 * (`procedures.test-helpers.ts`); production has none and reads the catalogue only. `undefined` = not one of mine.
 */
export type ProcedureOverride = {
  findInForce(trx: Transaction<Database>, code: string, at: Date): Promise<ProcedureFacts | null | undefined>;
  name(code: string): string | undefined;
};

let override: ProcedureOverride | null = null;

/** Puts a procedure source in front of the catalogue, or removes it (null). */
export function overrideProcedures(source: ProcedureOverride | null): void {
  override = source;
}

/** The version of a procedure in force at `at`, or null when unknown or retired (retired procedures refuse dossiers). */
export async function findProcedureInForce(
  trx: Transaction<Database>,
  code: string,
  at: Date,
): Promise<ProcedureFacts | null> {
  const overridden = await override?.findInForce(trx, code, at);
  if (overridden !== undefined) return overridden;
  let version: { versionId: string; status: TProcedure['status']; generation: number };
  try {
    version = await findVersionInForce(trx, code, at);
  } catch (err) {
    if (err instanceof AppError) return null;
    throw err;
  }
  // Any catalogue write in any process bumps catalogue_generation (triggers): a cached entry of an older generation
  // is read again, so a correction made through another API process is seen by the next request here. The generation
  // comes with the version in force, in the same statement.
  const generation = version.generation;
  const cached = versionFacts.get(version.versionId);
  const facts =
    cached && cached.generation === generation
      ? cached.facts
      : await loadVersionFacts(trx, version, generation);
  if (facts.authorityAgencyIds.length === 0) return null;
  const departments = await specialistDepartments(trx, facts.authorityAgencyIds);
  return {
    ...facts,
    responsibleDepartmentIds: Object.fromEntries(
      facts.authorityAgencyIds.map((id) => [id, departments.find((d) => d.agency_id === id)?.id ?? null]),
    ),
  };
}

type VersionFacts = Omit<ProcedureFacts, 'responsibleDepartmentIds'>;

// What intake reads of a version is kept per process while catalogue_generation is unchanged (several API processes
// share one database, ADR 0028); which version is in force, and the departments, are read every time.
const versionFacts = new Map<string, { generation: number; facts: VersionFacts }>();

async function loadVersionFacts(
  q: Kysely<Database>,
  version: { versionId: string; status: TProcedure['status'] },
  generation: number,
): Promise<VersionFacts> {
  const p = await loadVersion(q, version.versionId, version.status);
  const facts: VersionFacts = {
    versionId: p.versionId,
    code: p.code,
    name: p.name,
    components: p.components.map((c) => ({
      code: c.code,
      name: c.name,
      copies: Math.max(1, c.originals + c.copies),
      originalRequired: c.originalRequired,
      required: c.required,
    })),
    processingTime: p.processingTime,
    workflow: (await getVersionWorkflow(q, p.versionId)) ?? defaultWorkflow(p.processingTime),
    authorityAgencyIds: p.agencies.map((a) => a.id),
    boundaryFree: p.boundaryFree,
    onlineAllowed: p.onlineSubmission,
    formSchema: p.eform,
    fee: p.fees.reduce((sum, f) => sum + f.amount, 0),
    results: p.results,
    ...ATTACHMENT_LIMITS,
  };
  if (versionFacts.size >= 1000) versionFacts.clear();
  versionFacts.set(version.versionId, { generation, facts });
  return facts;
}

/**
 * The working calendar of an agency's unit (001 Đ9.2.a, 003 Đ12.2), from the calendar module. It reads through
 * the handle it is given; inside a transaction that must be the transaction (PGlite has one connection).
 */
export async function calendarForAgency(trx: Transaction<Database>, agencyId: string): Promise<Calendar> {
  return getCalendarForAgency(trx, agencyId);
}

/** The name a draft shows for its procedure: the current published name, or the code when the catalogue has none. */
export async function procedureDisplayName(q: Kdb, code: string): Promise<string> {
  const overridden = override?.name(code);
  if (overridden !== undefined) return overridden;
  try {
    return (await getProcedure(q as Kysely<Database>, code)).name;
  } catch (err) {
    if (err instanceof AppError) return code;
    throw err;
  }
}

/** A staff member as the processing steps need them (accounts module's users): unit, department, roles, status. */
export async function findStaffFacts(q: Kdb, userId: string) {
  const u = await q
    .selectFrom('users')
    .select(['id', 'full_name', 'agency_id', 'department_id', 'status', 'kind'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!u || u.kind !== 'staff') return null;
  const roles = await q.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute();
  return {
    id: u.id,
    name: u.full_name,
    agencyId: u.agency_id,
    departmentId: u.department_id,
    active: u.status === 'active',
    roles: roles.map((r) => r.role),
  };
}
