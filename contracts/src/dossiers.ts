import { z } from 'zod';

/** Where a dossier stands (SPEC §5–6). Derived from its events; never set directly. */
export const DOSSIER_STATUSES = [
  'submitted', // online, waiting for the reception decision (8 working hours)
  'supplement_requested', // reception asked for missing items (Mẫu 02), waiting for the applicant
  'received', // accepted at reception: has its code, receipt and appointment
  'in_processing', // handed over to the responsible department
  'refused', // refused at reception (Mẫu 03)
  'withdrawn', // withdrawn by the applicant before reception
] as const;
export const ZDossierStatus = z.enum(DOSSIER_STATUSES);
export type TDossierStatus = z.infer<typeof ZDossierStatus>;

export const DOSSIER_CHANNELS = ['online', 'counter', 'post'] as const;
export const ZDossierChannel = z.enum(DOSSIER_CHANNELS);
export type TDossierChannel = z.infer<typeof ZDossierChannel>;

/** Every fact in a dossier's history. */
export const DOSSIER_EVENT_TYPES = [
  'submitted', // online submission acknowledged
  'registered', // entered at the counter / from the post by a reception officer
  'amended', // applicant changed it before reception (ND 45/2020 Đ12)
  'withdrawn',
  'received', // accepted: code + appointment
  'supplement_requested',
  'supplement_submitted',
  'refused',
  'handed_over', // moved to the responsible department
] as const;
export const ZDossierEventType = z.enum(DOSSIER_EVENT_TYPES);
export type TDossierEventType = z.infer<typeof ZDossierEventType>;

/** A dossier code: `<agency identifier code>-<YYMMDD>-<sequence, ≥ 4 digits>` (SPEC §5). */
export const DOSSIER_CODE_PATTERN = /^[0-9A-Z.]{1,35}-\d{6}-\d{4,}$/;
export const ZDossierCode = z.string().regex(DOSSIER_CODE_PATTERN);
