import type { TWorkflowStep } from '@motcua/contracts';
import type { Actor } from '../../http/auth';
import type { DossierRow } from './dossiers.repo';

type Held = Pick<
  DossierRow,
  'receiving_agency_id' | 'result_agency_id' | 'holding_agency_id' | 'holding_department_id'
>;

/**
 * Whether `actor` belongs to the unit and role that hold `step` of dossier `d` (a step is held by a role in a unit,
 * never by a person): the desk of the receiving or result agency, the responsible department, or the agency.
 */
export function holdsStep(actor: Actor, departmentId: string | null, d: Held, step: TWorkflowStep): boolean {
  if (actor.kind !== 'staff' || !actor.roles.includes(step.role) || actor.agencyId === null) return false;
  switch (step.holder) {
    case 'desk':
      return actor.agencyId === d.receiving_agency_id || actor.agencyId === d.result_agency_id;
    case 'department':
      return actor.agencyId === d.holding_agency_id && departmentId === d.holding_department_id;
    case 'agency':
      return actor.agencyId === d.holding_agency_id;
  }
}

/**
 * Only the assigned handler acts on a step with a handler (a peer system let unassigned officers act: never here);
 * on a step without one, whoever holds it.
 */
export function mayActOnStep(
  actor: Actor,
  departmentId: string | null,
  d: Held & Pick<DossierRow, 'handler_id'>,
  step: TWorkflowStep,
): boolean {
  if (!holdsStep(actor, departmentId, d, step)) return false;
  return d.handler_id === null || d.handler_id === actor.userId;
}

/** The head of the responsible department (role approver there) assigns and reassigns handlers. */
export function mayAssign(actor: Actor, departmentId: string | null, d: Held): boolean {
  return (
    actor.kind === 'staff' &&
    actor.roles.includes('approver') &&
    actor.agencyId === d.holding_agency_id &&
    departmentId !== null &&
    departmentId === d.holding_department_id
  );
}
