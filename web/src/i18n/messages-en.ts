import { dossierLabelMessages } from '@motcua/contracts';
import type { MessageKey, viBundles } from './messages-vi';
import core from './en.json';
import accounts from '../features/accounts/i18n/en.json';
import calendar from '../features/calendar/i18n/en.json';
import catalogue from '../features/catalogue/i18n/en.json';
import catalogueAdmin from '../features/catalogue/admin/i18n/en.json';
import dossiers from '../features/dossiers/i18n/en.json';
import processing from '../features/processing/i18n/en.json';
import organisation from '../features/organisation/i18n/en.json';
import registerBook from '../features/registerbook/i18n/en.json';
import payments from '../features/payments/i18n/en.json';
import feedback from '../features/feedback/i18n/en.json';
import reports from '../features/reports/i18n/en.json';
import results from '../features/results/i18n/en.json';
import interagency from '../features/interagency/i18n/en.json';
import integration from '../features/integration/i18n/en.json';

/** English messages, bundle by bundle the same keys as Vietnamese (messages-vi.ts). */
export const enBundles: { [B in keyof typeof viBundles]: Record<keyof (typeof viBundles)[B], string> } = {
  core,
  accounts,
  calendar,
  catalogue,
  catalogueAdmin,
  dossiers,
  /** Status and event labels: the one table in contracts, shared with the server. */
  dossierLabels: dossierLabelMessages('en'),
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

export const en: Record<MessageKey, string> = Object.assign({}, ...Object.values(enBundles));
