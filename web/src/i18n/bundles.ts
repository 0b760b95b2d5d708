import coreVi from './vi.json';
import coreEn from './en.json';
import calendarVi from '../features/calendar/i18n/vi.json';
import calendarEn from '../features/calendar/i18n/en.json';
import accountsVi from '../features/accounts/i18n/vi.json';
import accountsEn from '../features/accounts/i18n/en.json';
import dossiersVi from '../features/dossiers/i18n/vi.json';
import dossiersEn from '../features/dossiers/i18n/en.json';

/**
 * Message bundles: the core one here and one per feature (features/<domain>/i18n/{vi,en}.json), keys namespaced by
 * domain. Add a feature's pair to both lists.
 */
export const bundles = {
  core: { vi: coreVi, en: coreEn },
  calendar: { vi: calendarVi, en: calendarEn },
  accounts: { vi: accountsVi, en: accountsEn },
  dossiers: { vi: dossiersVi, en: dossiersEn },
};

export const vi = { ...coreVi, ...calendarVi, ...accountsVi, ...dossiersVi };
export const en: Record<keyof typeof vi, string> = { ...coreEn, ...calendarEn, ...accountsEn, ...dossiersEn };
