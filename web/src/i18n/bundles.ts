import coreVi from './vi.json';
import coreEn from './en.json';
import accountsVi from '../features/accounts/i18n/vi.json';
import accountsEn from '../features/accounts/i18n/en.json';

/**
 * Message bundles: the core one here and one per feature (features/<domain>/i18n/{vi,en}.json), keys namespaced by
 * domain. Add a feature's pair to both lists.
 */
export const bundles = {
  core: { vi: coreVi, en: coreEn },
  accounts: { vi: accountsVi, en: accountsEn },
};

export const vi = {
  ...coreVi,
  ...accountsVi,
};
export const en: Record<keyof typeof vi, string> = {
  ...coreEn,
  ...accountsEn,
};
