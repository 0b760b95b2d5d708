import type { Actor } from '../../http/auth';
import { AppError } from '../../http/errors';
import type { DossierRow } from './dossiers.repo';

export type DossierAction =
  | 'view'
  | 'amend'
  | 'decide'
  | 'process'
  | 'request_stop'
  | 'collect'
  | 'answer_consultation'
  | 'answer_interagency'
  | 'correct';

type Holder = Pick<
  DossierRow,
  | 'applicant_user_id'
  | 'organisation_id'
  | 'receiving_agency_id'
  | 'authority_agency_id'
  | 'holding_agency_id'
> &
  Partial<Pick<DossierRow, 'result_agency_id'>>;

export function isApplicantOf(actor: Actor, d: Holder): boolean {
  if (actor.kind !== 'citizen') return false;
  if (d.applicant_user_id === actor.userId) return true;
  return d.organisation_id !== null && actor.organisationIds.includes(d.organisation_id);
}

function isReceptionOfficer(actor: Actor): boolean {
  return actor.kind === 'staff' && actor.roles.includes('reception_officer') && actor.agencyId !== null;
}

/**
 * Applicants see and change only their own (and their organisations') dossiers; reception officers act only on
 * dossiers received by or forwarded to their agency (SPEC §15). Everyone else is told the dossier does not exist.
 */
export function can(actor: Actor, action: DossierAction, d: Holder): boolean {
  switch (action) {
    case 'view':
      return (
        isApplicantOf(actor, d) ||
        (isReceptionOfficer(actor) &&
          [d.receiving_agency_id, d.holding_agency_id, d.authority_agency_id, d.result_agency_id].includes(
            actor.agencyId,
          )) ||
        // Office staff see what their agency holds (the inbox, the workspace).
        (actor.kind === 'staff' && actor.agencyId !== null && d.holding_agency_id === actor.agencyId)
      );
    case 'amend':
      return isApplicantOf(actor, d);
    case 'decide':
      return isReceptionOfficer(actor) && d.receiving_agency_id === actor.agencyId;
    case 'collect':
      return can(actor, 'process', d) || isApplicantOf(actor, d);
    case 'request_stop':
      // TT 03/2025 Mẫu 05: the applicant asks, or the desk that received the dossier records the request.
      return (
        isApplicantOf(actor, d) || (isReceptionOfficer(actor) && d.receiving_agency_id === actor.agencyId)
      );
    case 'correct':
      // 003 Đ15: the agency that issued a wrong result issues the corrected one (its approvers and leaders).
      return (
        actor.kind === 'staff' &&
        d.authority_agency_id === actor.agencyId &&
        actor.roles.some((r) => r === 'approver' || r === 'leader')
      );
    case 'process':
      // Staff of the holding agency or the receiving desk; which one of them may act is the step's rule
      // (processing-policy.ts), checked by the processing actions.
      return (
        actor.kind === 'staff' &&
        actor.agencyId !== null &&
        // The result desk of a boundary-free dossier (issue 14) holds the desk steps too (processing-policy.ts).
        [d.holding_agency_id, d.receiving_agency_id, d.result_agency_id].includes(actor.agencyId)
      );
    case 'answer_consultation':
    case 'answer_interagency':
      // Any office: whether a request is addressed to the actor's unit is the consultation's own check
      // (consultation.service.ts), made before the dossier is touched; the dossier itself stays unseen.
      return actor.kind === 'staff' && actor.agencyId !== null;
  }
}

export const DOSSIER_WHAT = { vi: 'hồ sơ', en: 'Dossier' };

/** 404 rather than 403: whether someone else's dossier exists is itself not to be disclosed. */
export function authorize<T extends Holder>(actor: Actor, action: DossierAction, d: T | undefined): T {
  if (!d || !can(actor, action, d)) throw new AppError('NOT_FOUND', { what: DOSSIER_WHAT });
  return d;
}
