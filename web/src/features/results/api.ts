import type {
  TCertifierList,
  TCorrectResultRequest,
  TDossierDetail,
  TDossierResults,
  TResultConversion,
  TResultConversionList,
  TResultConversionRequest,
  TVerifyResultResponse,
} from '@motcua/contracts';
import { api } from '../../lib/api';

export const resultKeys = {
  all: ['results'] as const,
  facts: (code: string) => ['results', 'facts', code] as const,
  certifiers: () => ['results', 'certifiers'] as const,
};

export const resultsApi = {
  /** POST /api/results/verify with the file's bytes as they are. */
  verify: (file: Blob) =>
    api<TVerifyResultResponse>('/api/results/verify', {
      method: 'POST',
      body: file,
      headers: { 'content-type': 'application/pdf' },
    }),
  facts: (code: string) => api<TDossierResults>(`/api/results/${encodeURIComponent(code)}`),
  /** A corrected result superseding the current one (003 Đ15). */
  correct: (id: string, body: TCorrectResultRequest) =>
    api<TDossierDetail>(`/api/processing/dossiers/${id}/result-corrections`, { method: 'POST', body }),
  /** A certified printout or scan of the result (ND 45/2020 Đ18). */
  convert: (id: string, body: TResultConversionRequest) =>
    api<TResultConversion>(`/api/processing/dossiers/${id}/result-conversions`, { method: 'POST', body }),
  /** The officials of the caller's agency who may certify a conversion. */
  certifiers: () => api<TCertifierList>('/api/result-conversions/certifiers'),
  conversions: (dossierId: string) =>
    api<TResultConversionList>(`/api/result-conversions?dossierId=${encodeURIComponent(dossierId)}`),
};
