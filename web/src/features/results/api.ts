import type { TDossierResults, TVerifyResultResponse } from '@motcua/contracts';
import { api } from '../../lib/api';

export const resultKeys = {
  all: ['results'] as const,
  facts: (code: string) => ['results', 'facts', code] as const,
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
};
