import { dossierLabelMessages } from '@motcua/contracts';
import coreVi from './vi.json';
import coreEn from './en.json';
import accountsVi from '../features/accounts/i18n/vi.json';
import accountsEn from '../features/accounts/i18n/en.json';
import calendarVi from '../features/calendar/i18n/vi.json';
import calendarEn from '../features/calendar/i18n/en.json';
import catalogueVi from '../features/catalogue/i18n/vi.json';
import catalogueEn from '../features/catalogue/i18n/en.json';
import catalogueAdminVi from '../features/catalogue/admin/i18n/vi.json';
import catalogueAdminEn from '../features/catalogue/admin/i18n/en.json';
import dossiersVi from '../features/dossiers/i18n/vi.json';
import dossiersEn from '../features/dossiers/i18n/en.json';
import processingVi from '../features/processing/i18n/vi.json';
import processingEn from '../features/processing/i18n/en.json';
import organisationVi from '../features/organisation/i18n/vi.json';
import organisationEn from '../features/organisation/i18n/en.json';
import registerBookVi from '../features/registerbook/i18n/vi.json';
import registerBookEn from '../features/registerbook/i18n/en.json';
import paymentsVi from '../features/payments/i18n/vi.json';
import paymentsEn from '../features/payments/i18n/en.json';
import feedbackVi from '../features/feedback/i18n/vi.json';
import feedbackEn from '../features/feedback/i18n/en.json';
import reportsVi from '../features/reports/i18n/vi.json';
import reportsEn from '../features/reports/i18n/en.json';
import resultsVi from '../features/results/i18n/vi.json';
import resultsEn from '../features/results/i18n/en.json';
import interagencyVi from '../features/interagency/i18n/vi.json';
import interagencyEn from '../features/interagency/i18n/en.json';
import integrationVi from '../features/integration/i18n/vi.json';
import integrationEn from '../features/integration/i18n/en.json';

/**
 * Message bundles: the core one here and one per feature (features/<domain>/i18n/{vi,en}.json), keys namespaced by
 * domain. A feature adds its two imports and one entry; the i18n test checks each pair has the same keys.
 */
export const bundles = {
  core: { vi: coreVi, en: coreEn },
  accounts: { vi: accountsVi, en: accountsEn },
  calendar: { vi: calendarVi, en: calendarEn },
  catalogue: { vi: catalogueVi, en: catalogueEn },
  catalogueAdmin: { vi: catalogueAdminVi, en: catalogueAdminEn },
  dossiers: { vi: dossiersVi, en: dossiersEn },
  /** Status and event labels: the one table in contracts, shared with the server. */
  dossierLabels: { vi: dossierLabelMessages('vi'), en: dossierLabelMessages('en') },
  organisation: { vi: organisationVi, en: organisationEn },
  processing: { vi: processingVi, en: processingEn },
  registerBook: { vi: registerBookVi, en: registerBookEn },
  payments: { vi: paymentsVi, en: paymentsEn },
  feedback: { vi: feedbackVi, en: feedbackEn },
  reports: { vi: reportsVi, en: reportsEn },
  results: { vi: resultsVi, en: resultsEn },
  interagency: { vi: interagencyVi, en: interagencyEn },
  integration: { vi: integrationVi, en: integrationEn },
};

type Bundles = typeof bundles;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;
type Vi = UnionToIntersection<Bundles[keyof Bundles]['vi']>;

const merge = (locale: 'vi' | 'en') => Object.assign({}, ...Object.values(bundles).map((b) => b[locale]));
export const vi: Vi = merge('vi');
export const en: Record<keyof Vi, string> = merge('en');
