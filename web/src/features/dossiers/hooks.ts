import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DOSSIER_CODE_PATTERN } from '@motcua/contracts';
import { ApiError } from '../../lib/api';
import { dossierKeys, dossiersApi } from './api';

export const isDossierCode = (code: string) => DOSSIER_CODE_PATTERN.test(code);

/** Public lookup; a malformed code is caught here without a request, an unknown one is a 404. */
export function useLookup(code: string | undefined, pin?: string) {
  return useQuery({
    queryKey: dossierKeys.lookup(code ?? '', pin),
    queryFn: () => dossiersApi.lookup(code ?? '', pin),
    enabled: !!code && isDossierCode(code),
    retry: (n, err) => !(err instanceof ApiError && err.status < 500) && n < 1,
  });
}

export const useDossier = (id: string) =>
  useQuery({ queryKey: dossierKeys.detail(id), queryFn: () => dossiersApi.detail(id) });
/** "Hồ sơ của tôi": keyset pages, "Xem thêm" fetches the next one. */
export const useMyDossiers = () =>
  useInfiniteQuery({
    queryKey: dossierKeys.mine,
    queryFn: ({ pageParam }) => dossiersApi.mine(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
export const useDrafts = () => useQuery({ queryKey: dossierKeys.drafts, queryFn: dossiersApi.drafts });
export const useMessages = () => useQuery({ queryKey: dossierKeys.messages, queryFn: dossiersApi.messages });
export const useMyResults = () =>
  useQuery({ queryKey: dossierKeys.myResults, queryFn: dossiersApi.myResults, staleTime: 60_000 });
export const useQueue = () =>
  useInfiniteQuery({
    queryKey: dossierKeys.queue,
    queryFn: ({ pageParam }) => dossiersApi.queue(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: 60_000,
  });
export const useProcedure = (code: string, versionId?: string) =>
  useQuery({
    queryKey: dossierKeys.procedure(code, versionId),
    queryFn: () => dossiersApi.procedure(code, versionId),
    enabled: !!code,
  });

/** Clients that walked a run of dossier codes on the public lookup (system administrators). */
export const useLookupAlerts = (open: boolean) =>
  useQuery({ queryKey: dossierKeys.lookupAlerts(open), queryFn: () => dossiersApi.lookupAlerts(open) });

export function useAcknowledgeAlert() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => dossiersApi.acknowledgeAlert(id),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['dossiers', 'lookup-alerts'] }),
  });
}
