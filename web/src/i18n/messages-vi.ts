import { dossierLabelMessages } from '@motcua/contracts';
import core from './vi.json';
import accounts from '../features/accounts/i18n/vi.json';
import calendar from '../features/calendar/i18n/vi.json';
import catalogue from '../features/catalogue/i18n/vi.json';
import catalogueAdmin from '../features/catalogue/admin/i18n/vi.json';
import dossiers from '../features/dossiers/i18n/vi.json';
import processing from '../features/processing/i18n/vi.json';
import organisation from '../features/organisation/i18n/vi.json';
import registerBook from '../features/registerbook/i18n/vi.json';
import payments from '../features/payments/i18n/vi.json';
import feedback from '../features/feedback/i18n/vi.json';
import reports from '../features/reports/i18n/vi.json';
import results from '../features/results/i18n/vi.json';
import interagency from '../features/interagency/i18n/vi.json';
import integration from '../features/integration/i18n/vi.json';

/**
 * Vietnamese messages, the source of truth for keys: the core bundle and one per feature
 * (features/<domain>/i18n/vi.json), keys namespaced by domain. A feature adds its import and entry here and in
 * messages-en.ts (the compiler and the i18n test check both list the same bundles and keys). Vietnamese is in the
 * first page's script; English is a separate chunk loaded only when chosen (ADR 0021).
 */
export const viBundles = {
  core,
  accounts,
  calendar,
  catalogue,
  catalogueAdmin,
  dossiers,
  /** Status and event labels: the one table in contracts, shared with the server. */
  dossierLabels: dossierLabelMessages('vi'),
  organisation,
  processing,
  registerBook,
  payments,
  feedback,
  reports,
  results,
  interagency,
  integration,
};

type Bundles = typeof viBundles;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;
export type Messages = UnionToIntersection<Bundles[keyof Bundles]>;
export type MessageKey = keyof Messages;

export const vi: Messages = Object.assign({}, ...Object.values(viBundles));
