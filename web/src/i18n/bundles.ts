import coreVi from './vi.json';
import coreEn from './en.json';
import calendarVi from '../features/calendar/i18n/vi.json';
import calendarEn from '../features/calendar/i18n/en.json';

/**
 * Message bundles: the core one here and one per feature (features/<domain>/i18n/{vi,en}.json), keys namespaced by
 * domain. Add a feature's pair to both lists.
 */
export const bundles = {
  core: { vi: coreVi, en: coreEn },
  calendar: { vi: calendarVi, en: calendarEn },
};

export const vi = { ...coreVi, ...calendarVi };
export const en: Record<keyof typeof vi, string> = { ...coreEn, ...calendarEn };
