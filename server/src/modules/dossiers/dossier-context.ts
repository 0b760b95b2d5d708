import type { Transaction } from 'kysely';

import type { Database } from '../../db/schema';
import { fileStoreFor as configuredStore } from '../../files/store-for';

import { AppError } from '../../http/errors';

import { DOSSIER_WHAT } from './dossiers.policy';
import { updateDossierAtVersion, type DossierRow, type NewEvent } from './dossiers.repo';
import {
  DOSSIER_ACTION_LABELS,
  DOSSIER_STATUS_LABELS,
  type TDossierEventType,
  type TDossierStatus,
} from '@motcua/contracts';
import { transition } from './dossier-state';
import type { ActorContext } from '../../http/context';

/**
 * Who acts, when, and with what: the request context of a logged-in actor (http/context.ts), passed to every state
 * change (time is passed in, never read inside rules). Jobs and seeds build one by hand; without a locale, Vietnamese.
 */
export type IntakeCtx = Pick<ActorContext, 'actor' | 'audit' | 'now' | 'config'> &
  Partial<Pick<ActorContext, 'locale'>> & {
    /** Facts added to the data of every event recorded (see ActionCtx). */
    eventMark?: Record<string, unknown>;
  };

/** The configured content-addressed store (local disk under DATA_DIR or S3, `files/store-for.ts`). */
export const fileStoreFor = configuredStore;

/** The new status after `event`, or DOSSIER_STATE (409) naming the current status. */
export function nextStatus(
  d: Pick<DossierRow, 'status' | 'version'>,
  event: TDossierEventType,
  expectedVersion: number,
): TDossierStatus {
  // A stale version is a conflict whatever the dossier became since: the client must reload first.
  if (d.version !== expectedVersion) throw new AppError('CONFLICT', {}, { currentVersion: d.version });
  const r = transition(d.status, event);
  if (!r.ok) {
    throw new AppError('DOSSIER_STATE', {
      status: DOSSIER_STATUS_LABELS[d.status],
      action: DOSSIER_ACTION_LABELS[event],
    });
  }
  return r.status;
}

/** The version-guarded update: zero rows → 409 CONFLICT, nothing changed (see applyDossierAction). */
export async function guard(
  trx: Transaction<Database>,
  d: DossierRow,
  expectedVersion: number,
  set: Parameters<typeof updateDossierAtVersion>[3],
): Promise<void> {
  if (d.version !== expectedVersion || !(await updateDossierAtVersion(trx, d, expectedVersion, set))) {
    throw new AppError('CONFLICT', {}, { currentVersion: d.version });
  }
}

export function eventActor(ctx: IntakeCtx): Pick<NewEvent, 'actorType' | 'actorId' | 'actorName'> {
  return { actorType: ctx.actor.kind, actorId: ctx.actor.userId, actorName: ctx.actor.name };
}

export const notFound = () => new AppError('NOT_FOUND', { what: DOSSIER_WHAT });
