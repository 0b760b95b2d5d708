import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { Db } from '../../db/client';
import type { Calendar } from '../calendar';
import { getCalendarForAgency } from '../calendar/calendar.service';
import { DEMO_PROCEDURES } from './procedures.demo';

/**
 * What intake needs to know about other modules, in one place, so each swap to the real module is one function.
 * - procedures: the catalogue module (its `getProcedureVersionInForce`) once merged; until then the demo list below.
 * - calendar: the calendar module's per-agency calendar (`getCalendarForAgency`) once merged.
 */
export type ProcedureComponent = {
  code: string;
  name: string;
  /** Number of copies the applicant brings (số lượng). */
  copies: number;
  originalRequired: boolean;
  required: boolean;
};

export type ProcessingTimeFacts =
  { kind: 'working_days'; days: number } | { kind: 'working_hours'; hours: number } | { kind: 'immediate' };

export type ProcedureFacts = {
  versionId: string;
  code: string;
  name: string;
  components: ProcedureComponent[];
  processingTime: ProcessingTimeFacts;
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
  /** Attachment size limits for this procedure. */
  maxFileBytes: number;
  maxTotalBytes: number;
};

/** The version of a procedure in force at `at`, or null when unknown or retired (retired procedures refuse dossiers). */
export async function findProcedureInForce(
  trx: Transaction<Database>,
  code: string,
  at: Date,
): Promise<ProcedureFacts | null> {
  const demo = DEMO_PROCEDURES.find((p) => p.code === code);
  if (!demo || (demo.retiredAt && demo.retiredAt <= at)) return null;
  const agencies = await trx
    .selectFrom('agencies')
    .leftJoin('departments', (j) =>
      j.onRef('departments.agency_id', '=', 'agencies.id').on('departments.kind', '=', 'specialist'),
    )
    .select(['agencies.id', 'agencies.short_name', 'departments.id as department_id', 'departments.name'])
    .where(
      'agencies.short_name',
      'in',
      demo.authorities.map((a) => a.agency),
    )
    .execute();
  const authorityAgencyIds: string[] = [];
  const responsibleDepartmentIds: Record<string, string | null> = {};
  for (const a of demo.authorities) {
    const rows = agencies.filter((r) => r.short_name === a.agency);
    const first = rows[0];
    if (!first) continue;
    authorityAgencyIds.push(first.id);
    responsibleDepartmentIds[first.id] =
      rows.find((r) => r.name === a.department)?.department_id ?? first.department_id ?? null;
  }
  if (authorityAgencyIds.length === 0) return null;
  return {
    versionId: demo.versionId,
    code: demo.code,
    name: demo.name,
    components: demo.components,
    processingTime: demo.processingTime,
    authorityAgencyIds,
    responsibleDepartmentIds,
    boundaryFree: demo.boundaryFree,
    onlineAllowed: demo.onlineAllowed,
    formSchema: demo.formSchema,
    fee: demo.fee,
    maxFileBytes: 10 * 1024 * 1024,
    maxTotalBytes: 50 * 1024 * 1024,
  };
}

/** The procedure name for a version a dossier references (lists and lookup). */
export function procedureName(code: string): string {
  return DEMO_PROCEDURES.find((p) => p.code === code)?.name ?? code;
}

/**
 * The working calendar of an agency's unit (001 Đ9.2.a, 003 Đ12.2), from the calendar module. It reads through
 * the handle it is given; inside a transaction that must be the transaction (PGlite has one connection).
 */
export async function calendarForAgency(trx: Transaction<Database>, agencyId: string): Promise<Calendar> {
  const handle: Db = { engine: 'postgres', kysely: trx, close: async () => undefined };
  return getCalendarForAgency(handle, agencyId);
}
