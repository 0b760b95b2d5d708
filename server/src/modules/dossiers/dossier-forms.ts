import type { Transaction } from 'kysely';
import type { TApplicant } from '@motcua/contracts';
import type { Database } from '../../db/schema';
import type { Applicant, FormData, IssuingUnit, RenderableForm } from '../documents';
import { renderForm } from '../documents';
import { templateSetFor, type TemplateSet } from '../documents';
import type { Config } from '../../config';
import { fileStoreFor, type IntakeCtx } from './dossier-context';
import type { DossierRow } from './dossiers.repo';
import { agencyHeading } from '../organisation';

type Trx = Transaction<Database>;

/** The issuing block of a form: the receiving agency, its parent, its one-stop desk, and the province's name. */
export async function issuerOf(trx: Trx, agencyId: string): Promise<IssuingUnit> {
  return issuingUnit(await agencyHeading(trx, agencyId));
}

/** The issuing block printed on a form, from the agency's heading. */
export function issuingUnit(a: Awaited<ReturnType<typeof agencyHeading>>): IssuingUnit {
  return {
    ...(a.parent_name ? { parentAgency: a.parent_name } : {}),
    agency: a.name,
    desk: a.desk_name ?? 'Bộ phận Một cửa',
    place: (a.province_name ?? '').replace(/^(Tỉnh|Thành phố)\s+/u, ''),
  };
}

export function applicantOf(d: DossierRow): Applicant {
  const a = d.applicant as TApplicant;
  return {
    name: a.name,
    // The label of the number follows the kind the applicant chose, never the number's length (issue 20).
    kind: a.kind === 'organisation' ? 'organisation' : 'person',
    ...(a.idNumber ? { idNumber: a.idNumber } : {}),
    ...(a.address ? { address: a.address } : {}),
    ...(a.phone ? { phone: a.phone } : {}),
    ...(a.email ? { email: a.email } : {}),
  };
}

/** The form set for a dossier received at `receivedAt`: the configured pin, else the set in force that day. */
export function formSetFor(config: Config, receivedAt: Date): TemplateSet {
  return templateSetFor(receivedAt, config.formTemplateSet, config.formSetTt03From);
}

/**
 * Renders an official form from the template set in force at `setAt` (the receipt; by default `at`) or the
 * configured one, stores the PDF content-addressed and records it with the dossier, inside the decision's transaction.
 */
/** The forms stored with a dossier; the control slip and the register are printed on demand instead. */
type StoredForm = Exclude<RenderableForm, 'process_control' | 'register'>;

export async function issueForm<F extends StoredForm>(
  trx: Trx,
  ctx: IntakeCtx,
  dossierId: string,
  form: F,
  data: FormData[F],
  at: Date,
  setAt: Date = at,
): Promise<void> {
  const set = formSetFor(ctx.config, setAt);
  const pdf = await renderForm(form, data, { set: set.id });
  const stored = await fileStoreFor(ctx.config).put(pdf, { name: `${form}.pdf` });
  await trx
    .insertInto('dossier_documents')
    .values({
      dossier_id: dossierId,
      kind: form,
      template_set: set.id,
      sha256: stored.sha256,
      created_at: at,
    })
    .execute();
}
