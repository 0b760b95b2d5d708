import type {
  TAgency,
  TAgencyDetail,
  TConsultation,
  TConsultationAnswerRequest,
  TConsultationCloseRequest,
  TConsultationList,
  TConsultRequest,
  TDossierDetail,
} from '@motcua/contracts';
import { api } from '../../lib/api';

/** Consultation (server/src/modules/dossiers/consultation.routes.ts, issue 14). */
export const consultationApi = {
  send: (id: string, body: TConsultRequest) =>
    api<TDossierDetail>(`/api/processing/dossiers/${id}/consult`, { method: 'POST', body }),
  close: (id: string, cid: string, body: TConsultationCloseRequest) =>
    api<TDossierDetail>(`/api/processing/dossiers/${id}/consultations/${cid}/close`, {
      method: 'POST',
      body,
    }),
  answer: (cid: string, body: TConsultationAnswerRequest) =>
    api<TConsultation>(`/api/consultations/${cid}/answer`, { method: 'POST', body }),
  /** Requests addressed to my unit, open ones first by due time. */
  mine: (status: 'open' | 'all') => api<TConsultationList>(`/api/consultations?status=${status}`),
  agencies: () => api<TAgency[]>('/api/agencies'),
  agency: (id: string) => api<TAgencyDetail>(`/api/agencies/${id}`),
};

export const consultationKeys = {
  mine: (status: 'open' | 'all') => ['processing', 'consultations', status] as const,
  agencies: ['organisation', 'agencies'] as const,
  agency: (id: string) => ['organisation', 'agency', id] as const,
};
