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

/**
 * Told when a result may have become ready to hand over: the result was issued, or something a return guard checks
 * changed (a fee paid). Runs inside the causing transaction (postal: the automatic pickup is queued there, so it
 * exists exactly when the change commits). A listener decides for itself whether the dossier concerns it.
 */
export type ReturnReadyListener = (trx: Transaction<Database>, dossierId: string, now: Date) => Promise<void>;

const readyListeners: ReturnReadyListener[] = [];

export function addReturnReadyListener(listener: ReturnReadyListener): void {
  if (!readyListeners.includes(listener)) readyListeners.push(listener);
}

export async function returnMayBeReady(
  trx: Transaction<Database>,
  dossierId: string,
  now: Date,
): Promise<void> {
  for (const l of readyListeners) await l(trx, dossierId, now);
}
