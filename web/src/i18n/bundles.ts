import coreVi from './vi.json';
import coreEn from './en.json';
import catalogueVi from '../features/catalogue/i18n/vi.json';
import catalogueEn from '../features/catalogue/i18n/en.json';

/**
 * Message bundles: the core one here and one per feature (features/<domain>/i18n/{vi,en}.json), keys namespaced by
 * domain. Add a feature's pair to both lists.
 */
export const bundles = {
  core: { vi: coreVi, en: coreEn },
  catalogue: { vi: catalogueVi, en: catalogueEn },
};

export const vi = { ...coreVi, ...catalogueVi };
export const en: Record<keyof typeof vi, string> = { ...coreEn, ...catalogueEn };
