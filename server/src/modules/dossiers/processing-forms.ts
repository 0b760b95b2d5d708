// The forms the processing actions issue (issue 12, 003 Đ13): each rendered from the dossier's form set, stored as a
// PDF document of the dossier (workspace and "Hồ sơ của tôi" list it) inside the action's transaction.
import type { Transaction } from 'kysely';
import type { TSupplementItem } from '@motcua/contracts';
import type { Database } from '../../db/schema';
import type { IntakeCtx } from './dossier-context';
import { applicantOf, formSetFor, issueForm, issuerOf } from './dossier-forms';
import type { DossierRow } from './dossiers.repo';

type Trx = Transaction<Database>;

/** The dossier's forms keep the set in force on its receipt day (numbering does not change mid-dossier). */
const setDay = (row: DossierRow, now: Date) => row.received_at ?? now;
const codeOf = (row: DossierRow) => row.code ?? row.submission_ref;

/** Mẫu 02 during appraisal: asked by the handler, sent to the applicant through the desk (003 Đ13.4). */
export async function issueProcessingSupplementForm(
  trx: Trx,
  ctx: IntakeCtx,
  row: DossierRow,
  items: TSupplementItem[],
): Promise<void> {
  const authority = await issuerOf(trx, row.authority_agency_id);
  await issueForm(
    trx,
    ctx,
    row.id,
    'supplement_request',
    {
      issuer: await issuerOf(trx, row.receiving_agency_id),
      dossierCode: codeOf(row),
      applicant: applicantOf(row),
      procedureName: row.procedure_name,
      items: items.map((i) => ({ component: i.component, reason: i.reason, guidance: i.guidance })),
      officer: { name: ctx.actor.name },
      duringProcessing: { handler: ctx.actor.name, agency: authority.agency },
      issuedAt: ctx.now,
    },
    ctx.now,
    setDay(row, ctx.now),
  );
}

/** Mẫu 03 after appraisal, through the desk, within the processing time (003 Đ13.8). */
export async function issueProcessingRefusalForm(
  trx: Trx,
  ctx: IntakeCtx,
  row: DossierRow,
  reason: string,
): Promise<void> {
  await issueForm(
    trx,
    ctx,
    row.id,
    'refusal',
    {
      issuer: await issuerOf(trx, row.authority_agency_id),
      dossierCode: codeOf(row),
      applicant: applicantOf(row),
      procedureName: row.procedure_name,
      reason,
      officer: { name: ctx.actor.name },
      issuedAt: ctx.now,
    },
    ctx.now,
    setDay(row, ctx.now),
  );
}

/** Mẫu 04: the apology with the new appointment, from the agency at fault (003 Đ13.9). */
export async function issueApologyForm(
  trx: Trx,
  ctx: IntakeCtx,
  row: DossierRow,
  args: { previousDue: Date; newDue: Date; reason: string },
): Promise<void> {
  await issueForm(
    trx,
    ctx,
    row.id,
    'apology',
    {
      issuer: await issuerOf(trx, row.authority_agency_id),
      dossierCode: codeOf(row),
      applicant: applicantOf(row),
      procedureName: row.procedure_name,
      receivedAt: row.received_at ?? row.submitted_at,
      appointmentAt: args.previousDue,
      reason: args.reason,
      newAppointmentAt: args.newDue,
      // Signatures are a later issue: the form names who issued it.
      signer: { name: ctx.actor.name },
      issuedAt: ctx.now,
    },
    ctx.now,
    setDay(row, ctx.now),
  );
}

/**
 * TT 03/2025 Mẫu 05: processing stopped at the applicant's request. The form exists only in that set, so the set is
 * the one in force when the stop is recorded; with TT 01/2018 pinned by configuration no form is issued.
 */
export async function issueStopForm(
  trx: Trx,
  ctx: IntakeCtx,
  row: DossierRow,
  reason: string,
): Promise<boolean> {
  if (!formSetFor(ctx.config, ctx.now).forms.stop_processing) return false;
  await issueForm(
    trx,
    ctx,
    row.id,
    'stop_processing',
    {
      issuer: await issuerOf(trx, row.receiving_agency_id),
      dossierCode: codeOf(row),
      applicant: applicantOf(row),
      procedureName: row.procedure_name,
      receivedAt: row.received_at ?? row.submitted_at,
      requestedAt: ctx.now,
      reason,
      // Asked from "Hồ sơ của tôi": the desk officer signs by hand on a printed copy.
      officer: { name: ctx.actor.kind === 'staff' ? ctx.actor.name : '' },
      issuedAt: ctx.now,
    },
    ctx.now,
  );
  return true;
}
