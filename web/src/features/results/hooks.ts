import { useMutation, useQuery } from '@tanstack/react-query';
import { ApiError } from '../../lib/api';
import { resultKeys, resultsApi } from './api';

export const useVerifyResult = () => useMutation({ mutationFn: (file: Blob) => resultsApi.verify(file) });

/** The signed results of a dossier (the QR on a result leads here); an unknown code is a 404. */
export function useResultFacts(code: string | null) {
  return useQuery({
    queryKey: resultKeys.facts(code ?? ''),
    queryFn: () => resultsApi.facts(code ?? ''),
    enabled: !!code,
    retry: (n, err) => !(err instanceof ApiError && err.status < 500) && n < 1,
  });
}
