import type {
  TAgency,
  TFeedbackAnswer,
  TFeedbackClassify,
  TFeedbackCreate,
  TFeedbackCreated,
  TFeedbackItem,
  TFeedbackList,
  TQaList,
  TRatingForm,
  TRatingSubmit,
  TSatisfactionPeriods,
  TSatisfactionSummary,
} from '@motcua/contracts';
import { api } from '../../lib/api';

const qs = (o: Record<string, string | undefined>) => {
  const p = new URLSearchParams(Object.entries(o).filter((e): e is [string, string] => Boolean(e[1])));
  const s = p.toString();
  return s ? `?${s}` : '';
};

export type QaFilter = { q?: string; field?: string; agencyId?: string; faq?: string };

export const feedbackKeys = {
  qa: (f: QaFilter) => ['feedback', 'qa', f] as const,
  office: (status: string) => ['feedback', 'office', status] as const,
  dossier: (id: string) => ['feedback', 'dossier', id] as const,
  agencies: ['feedback', 'agencies'] as const,
  rating: (token: string) => ['feedback', 'rating', token] as const,
  summary: (period: string, by: string) => ['feedback', 'summary', period, by] as const,
  publicSummary: (period: string) => ['feedback', 'public-summary', period] as const,
  periods: ['feedback', 'periods'] as const,
  mine: ['feedback', 'mine'] as const,
};

export const feedbackApi = {
  file: (body: TFeedbackCreate) => api<TFeedbackCreated>('/api/feedback', { method: 'POST', body }),
  qa: (f: QaFilter) => api<TQaList>(`/api/qa${qs(f)}`),
  vote: (id: string, helpful: boolean, voter: string) =>
    api<{ helpful: number; notHelpful: number }>(`/api/qa/${id}/vote`, {
      method: 'POST',
      body: { helpful, voter },
    }),
  agencies: () => api<TAgency[]>('/api/agencies'),
  office: (status: string) => api<TFeedbackList>(`/api/office/feedback?status=${status}`),
  ofDossier: (id: string) => api<TFeedbackList>(`/api/dossiers/${id}/feedback`),
  classify: (id: string, body: TFeedbackClassify) =>
    api<TFeedbackItem>(`/api/office/feedback/${id}/classify`, { method: 'POST', body }),
  answer: (id: string, body: TFeedbackAnswer) =>
    api<TFeedbackItem>(`/api/office/feedback/${id}/answer`, { method: 'POST', body }),
  faq: (id: string, faq: boolean) =>
    api<TFeedbackItem>(`/api/office/feedback/${id}/faq`, { method: 'POST', body: { faq } }),
  /** The scan of a letter: raw bytes, the type decided by the server from the content. */
  scan: (id: string, file: File) =>
    api<TFeedbackItem>(`/api/office/feedback/${id}/scan`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) },
      body: file,
    }),
  mine: () => api<TFeedbackList>('/api/me/feedback'),
  ratingForm: (token: string) => api<TRatingForm>(`/api/satisfaction/rate${qs({ token })}`),
  rate: (body: TRatingSubmit & { channel?: 'link' | 'desk' }) =>
    api<{ period: string; score: number; maxScore: number }>('/api/satisfaction/rate', {
      method: 'POST',
      body,
    }),
  deskLink: (dossierCode: string) =>
    api<{ token: string; path: string }>('/api/satisfaction/desk-links', {
      method: 'POST',
      body: { dossierCode },
    }),
  summary: (period: string, by: string) =>
    api<TSatisfactionSummary>(`/api/satisfaction/summary${qs({ period, by })}`),
  publicSummary: (period: string) => api<TSatisfactionSummary>(`/api/satisfaction/public${qs({ period })}`),
  periods: () => api<TSatisfactionPeriods>('/api/satisfaction/periods'),
  close: (period: string) =>
    api<TSatisfactionPeriods>(`/api/satisfaction/periods/${period}/close`, { method: 'POST', body: {} }),
};

/** A random key kept by this browser: one helpful mark per reader. */
export function voterKey(): string {
  const k = 'motcua.voter';
  let v = localStorage.getItem(k);
  if (!v) {
    v = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join(
      '',
    );
    localStorage.setItem(k, v);
  }
  return v;
}
