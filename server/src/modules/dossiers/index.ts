/**
 * The dossiers module's face to other modules (payments, postal): read a dossier, check what an actor may do with
 * it, and act on it through the one action pipeline.
 */
export { applyDossierAction, systemCtx, type ActionCtx, type SystemActor } from './dossier-action';
export { fileStoreFor, type IntakeCtx } from './dossier-context';
export { ctxOf } from './dossiers.routes';
export { authorize, can, isApplicantOf } from './dossiers.policy';
export { findDossier, type DossierRow } from './dossiers.repo';
export { findProcedureInForce } from './ports';
export { instant } from './dossiers.presenter';
export { applicantOf, issuerOf } from './dossier-forms';
export { resultsWaiting } from './dossier-returns.repo';
export {
  addReturnGuard,
  addReturnReadyListener,
  checkReturnGuards,
  returnMayBeReady,
  type ReturnGuard,
  type ReturnReadyListener,
} from './return-guards';
export { findStaffFacts } from './ports';
export { publicLookup } from './dossier-lookup.service';
export { backEntryRoutes } from './back-entry.routes';
export { notifyReturned } from './dossier-notify';
/** Each partner agency's part of a dossier (liên thông): satisfaction's "each agency's time" (TT 01/2018). */
export { listTasksOf as interagencyPartsOf } from './interagency.repo';
export { ensurePartitions, MONTHS_AHEAD } from './event-partitions';
