/** What other modules use from accounts. Sessions and req.actor are resolved by this module's setup hook. */
export { readableAgencyIds, canAccessDossier, type DossierAccessFacts, type DossierAction } from './access';
export { can as canAccounts, type AccountsAction, type AccountsResource } from './accounts.policy';
export { DEMO_PASSWORD, DEMO_STAFF, DEMO_OFFICERS, DEMO_CITIZENS, DEMO_ORGANISATION } from './accounts.demo';
export {
  findActiveStaffWithRoles,
  findMessagingProfile,
  findPreferredLocale,
  findUserByLogin,
  findVerifiedContacts,
} from './accounts.repo';
export { staffUsernameBase, pickUsername, foldVietnamese } from './accounts.username';
