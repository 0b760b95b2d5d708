import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { DossierRow } from './dossiers.repo';

/**
 * What must hold before a result is handed over, contributed by modules that dossiers itself does not depend on
 * (payments: a fee due with the result is paid first, 003 Đ16). A guard throws an AppError to refuse the return;
 * it runs inside the action's transaction, after the dossier row is locked by the version guard's read.
 */
export type ReturnGuard = (
  trx: Transaction<Database>,
  d: DossierRow,
  now: Date,
  how: 'desk' | 'online',
) => Promise<void>;

const guards: ReturnGuard[] = [];

/** Registered once, when the contributing module is loaded (see `payments.module.ts`). */
export function addReturnGuard(guard: ReturnGuard): void {
  if (!guards.includes(guard)) guards.push(guard);
}

export async function checkReturnGuards(
  trx: Transaction<Database>,
  d: DossierRow,
  now: Date,
  how: 'desk' | 'online',
): Promise<void> {
  for (const guard of guards) await guard(trx, d, now, how);
}
