import coreVi from './vi.json';
import coreEn from './en.json';
import dossiersVi from '../features/dossiers/i18n/vi.json';
import dossiersEn from '../features/dossiers/i18n/en.json';

/**
 * Message bundles: the core one here and one per feature (features/<domain>/i18n/{vi,en}.json), keys namespaced by
 * domain. Add a feature's pair to both lists.
 */
export const bundles = {
  core: { vi: coreVi, en: coreEn },
  dossiers: { vi: dossiersVi, en: dossiersEn },
};

export const vi = {
  ...coreVi,
  ...dossiersVi,
};
export const en: Record<keyof typeof vi, string> = {
  ...coreEn,
  ...dossiersEn,
};
