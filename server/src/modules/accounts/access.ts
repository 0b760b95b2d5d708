import type { Actor } from '../../http/auth';
import type { Kdb } from '../../db/client';
import { findAgency } from '../organisation';
import { agencyIdsInUnitSubtree } from './accounts.repo';

/**
 * The agencies whose dossiers a staff member may read: their own agency; a leader reads every agency located in
 * their agency's administrative unit and the units below it (units.parent_id, agencies.unit_id); a system
 * administrator's agency sits at the province, so with the leader role they read the whole province.
 * Citizens read no agency's dossiers (only their own and their organisations').
 */
export async function readableAgencyIds(db: Kdb, actor: Actor | null): Promise<string[]> {
  if (!actor || actor.kind !== 'staff' || !actor.agencyId) return [];
  if (!actor.roles.includes('leader')) return [actor.agencyId];
  const agency = await findAgency(db, actor.agencyId);
  if (!agency) return [actor.agencyId];
  const ids = await agencyIdsInUnitSubtree(db, agency.unit_id);
  return ids.includes(actor.agencyId) ? ids : [actor.agencyId, ...ids];
}

/** What the dossier module knows about a dossier when deciding access. */
export type DossierAccessFacts = {
  applicantUserId: string | null;
  organisationId: string | null;
  /** Agencies holding the dossier or to which it was forwarded (received, authority, current step, consulted). */
  agencyIds: string[];
};

export type DossierAction = 'read' | 'act';

/**
 * Dossier access rule (SPEC §15; 002 Đ4.1.c–d): applicants see only their own and their organisations' dossiers;
 * staff see and act on dossiers held by or forwarded to their agency; leaders read (never act) across their unit's
 * subtree. Pure: the readable agency set comes from readableAgencyIds. A refusal must be answered as 404, so the
 * existence of someone else's dossier does not leak.
 */
export function canAccessDossier(
  actor: Actor | null,
  action: DossierAction,
  dossier: DossierAccessFacts,
  readableAgencies: readonly string[] = [],
): boolean {
  if (!actor) return false;
  if (actor.kind === 'citizen') {
    const own = dossier.applicantUserId === actor.userId;
    const org = dossier.organisationId !== null && actor.organisationIds.includes(dossier.organisationId);
    return own || org;
  }
  if (!actor.agencyId) return false;
  const atOwnAgency = dossier.agencyIds.includes(actor.agencyId);
  const workingRoles = actor.roles.filter((r) => r !== 'leader');
  if (action === 'act') return atOwnAgency && workingRoles.length > 0;
  if (atOwnAgency && workingRoles.length > 0) return true;
  return actor.roles.includes('leader') && dossier.agencyIds.some((id) => readableAgencies.includes(id));
}
