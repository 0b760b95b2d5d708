import type { Actor } from '../../http/auth';

/**
 * Who may change what in the organisation data (SPEC §1): the system administrator everything; a unit
 * administrator only the public face of their own agency — contact data, departments and the desk's staff list
 * (003 Đ10.1.g) — never its name, type, unit, codes or life span.
 */
export type AgencyChange = 'contact' | 'structure';

const CONTACT_FIELDS = new Set(['address', 'email', 'hotline', 'expectedVersion']);

export function agencyChangeOf(fields: string[]): AgencyChange {
  return fields.every((f) => CONTACT_FIELDS.has(f)) ? 'contact' : 'structure';
}

export function canEditAgency(actor: Actor | null, agencyId: string, change: AgencyChange): boolean {
  if (!actor || actor.kind !== 'staff') return false;
  if (actor.roles.includes('system_admin')) return true;
  return change === 'contact' && actor.roles.includes('unit_admin') && actor.agencyId === agencyId;
}
