// Paper ↔ electronic conversion at the desk (ND 45/2020 Đ18; seed 001 Đ13; issue 15). The desk records either a
// certified printout of the dossier's electronic result handed over on paper (who received it, how many copies, the
// certifying official) or a certified scan of a paper document made electronic (the file stored content-addressed,
// its hash, the certifier). Each is an event on the dossier's timeline (through the action pipeline, so a stale
// version is 409 and the loser of two concurrent records changes nothing) and a numbered row in the register.
import { sql, type Transaction } from 'kysely';
import type {
  TCertifierList,
  TResultConversion,
  TResultConversionList,
  TResultConversionRequest,
} from '@motcua/contracts';
import type { Kdb } from '../../db/client';
import type { Database } from '../../db/schema';
import { AppError } from '../../http/errors';
import { findActiveStaffWithRoles } from '../accounts';
import { applyDossierAction, type IntakeCtx } from '../dossiers';
import { findCurrentResult } from './results.service';

type Trx = Transaction<Database>;
const CERTIFIER = { vi: 'người chứng thực', en: 'the certifying official' };
const NO_RESULT = {
  vi: 'hồ sơ chưa có kết quả điện tử đã ký số để in',
  en: 'the dossier has no signed electronic result to print',
};

/**
 * Who may certify a conversion as true to its source: the agency's desk officers, approvers and leaders (the
 * officials who receive, return and sign for it), active. The office's picker lists exactly these.
 */
export const CERTIFYING_ROLES = ['reception_officer', 'approver', 'leader'] as const;

/** The agency's officials who may certify a conversion, by name. */
export async function conversionCertifiers(q: Kdb, agencyId: string): Promise<TCertifierList> {
  return { items: await findActiveStaffWithRoles(q, { agencyId, roles: CERTIFYING_ROLES }) };
}

/** A staff member of the desk's agency who certifies the copy (not necessarily the one recording it). */
async function certifier(trx: Trx, agencyId: string, id: string) {
  const [u] = await findActiveStaffWithRoles(trx, { agencyId, roles: CERTIFYING_ROLES, id });
  if (!u) throw new AppError('NOT_FOUND', { what: CERTIFIER });
  return u;
}

/** The next number of the agency's register for the year (one writer at a time per agency and year). */
async function nextRegisterNo(trx: Trx, agencyId: string, year: number): Promise<number> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`result_conversions:${agencyId}:${year}`}))`.execute(trx);
  const r = await trx
    .selectFrom('result_conversions')
    .select((eb) => eb.fn.max('register_no').as('n'))
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirst();
  return Number(r?.n ?? 0) + 1;
}

export async function recordConversion(
  trx: Trx,
  ctx: IntakeCtx,
  dossierId: string,
  input: TResultConversionRequest,
): Promise<string> {
  const a = ctx.actor;
  if (a.kind !== 'staff' || !a.agencyId) throw new AppError('FORBIDDEN');
  let conversionId = '';
  await applyDossierAction(trx, ctx, dossierId, 'result_converted', input.expectedVersion, async (d) => {
    const who = await certifier(trx, a.agencyId!, input.certifiedBy);
    const code = d.code ?? d.submission_ref;
    let facts: { document_name: string; sha256: string; signed_result_id: string | null };
    if (input.kind === 'printout') {
      const current = await findCurrentResult(trx, d.id);
      if (!current) throw new AppError('BAD_REQUEST', { details: NO_RESULT });
      facts = {
        document_name: `${current.document_number} (${code})`,
        sha256: current.sha256,
        signed_result_id: current.id,
      };
    } else {
      const file = await trx
        .selectFrom('dossier_files')
        .select(['id', 'sha256', 'owner_user_id'])
        .where('id', '=', input.fileId)
        .executeTakeFirst();
      if (!file || file.owner_user_id !== a.userId) throw new AppError('BAD_REQUEST', { details: 'fileId' });
      facts = { document_name: input.documentName, sha256: file.sha256, signed_result_id: null };
    }
    const year = new Date(ctx.now.getTime() + 7 * 3_600_000).getUTCFullYear();
    const printout = input.kind === 'printout' ? input : null;
    return {
      event: {
        data: {
          kind: input.kind,
          documentName: facts.document_name,
          sha256: facts.sha256,
          copies: printout?.copies ?? null,
          handedTo: printout?.handedTo ?? null,
          certifier: who.name,
        },
      },
      effects: async () => {
        const row = await trx
          .insertInto('result_conversions')
          .values({
            agency_id: a.agencyId!,
            year,
            register_no: await nextRegisterNo(trx, a.agencyId!, year),
            dossier_id: d.id,
            dossier_code: code,
            kind: input.kind,
            ...facts,
            copies: printout?.copies ?? null,
            handed_to: printout?.handedTo ?? null,
            certifier_id: who.id,
            certifier_name: who.name,
            recorded_by: a.userId,
            recorded_by_name: a.name,
            at: ctx.now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        conversionId = row.id;
      },
      audit: {
        action: 'dossier.convert_result',
        details: { kind: input.kind, sha256: facts.sha256, certifier: who.id },
      },
    };
  });
  return conversionId;
}

function present(r: Awaited<ReturnType<typeof selectConversions>>[number]): TResultConversion {
  return {
    id: r.id,
    registerNo: `${String(r.register_no).padStart(3, '0')}/${r.year}`,
    dossierId: r.dossier_id,
    dossierCode: r.dossier_code,
    kind: r.kind,
    documentName: r.document_name,
    copies: r.copies,
    handedTo: r.handed_to,
    sha256: r.sha256,
    certifier: r.certifier_name,
    recordedBy: r.recorded_by_name,
    at: new Date(r.at).toISOString(),
  };
}

function selectConversions(q: Kdb, where: { agencyId?: string; dossierId?: string; id?: string }) {
  let query = q.selectFrom('result_conversions').selectAll();
  if (where.agencyId) query = query.where('agency_id', '=', where.agencyId);
  if (where.dossierId) query = query.where('dossier_id', '=', where.dossierId);
  if (where.id) query = query.where('id', '=', where.id);
  return query.orderBy('at', 'desc').orderBy('register_no', 'desc').execute();
}

/** The agency's register (newest first), or one dossier's conversions. */
export async function conversionRegister(
  q: Kdb,
  where: { agencyId?: string; dossierId?: string; id?: string },
): Promise<TResultConversionList> {
  return { items: (await selectConversions(q, where)).map(present) };
}
