import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  DOSSIER_CODE_PATTERN,
  type TAcceptDossierRequest,
  type TAmendDossierRequest,
  type TDossierDetail,
  type TRefuseDossierRequest,
  type TRegisterDossierRequest,
  type TRequestSupplementRequest,
  type TSubmitDossierRequest,
  type TSubmitSupplementRequest,
  type TWithdrawDossierRequest,
} from '@motcua/contracts';
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
    onSuccess: () => qc.invalidateQueries({ queryKey: dossierKeys.lookupAlertsAll }),
  });
}

/**
 * A change answered with the dossier as it now is: the detail cache takes the answer at once, and the lists it may
 * have left or joined (reception queue, "Hồ sơ của tôi") are refetched through the key factory.
 */
function useDossierChange<V>(change: (vars: V) => Promise<TDossierDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (d) => {
      qc.setQueryData(dossierKeys.detail(d.id), d);
      void qc.invalidateQueries({ queryKey: dossierKeys.queue });
      void qc.invalidateQueries({ queryKey: dossierKeys.mine });
    },
  });
}

/** An attempt carries its Idempotency-Key: a retry of the same attempt creates one dossier, not two. */
type Attempt<B> = { body: B; idempotencyKey: string };

/** "Tiếp nhận → Thêm mới": a paper dossier registered at the counter. */
export const useRegisterDossier = () =>
  useDossierChange(({ body, idempotencyKey }: Attempt<TRegisterDossierRequest>) =>
    dossiersApi.register(body, idempotencyKey),
  );
/** The citizen's online submission. */
export const useSubmitDossier = () =>
  useDossierChange(({ body, idempotencyKey }: Attempt<TSubmitDossierRequest>) =>
    dossiersApi.submit(body, idempotencyKey),
  );
/** Reception's three decisions (001 Đ10), each on the version the clerk saw. */
export const useAccept = (id: string) =>
  useDossierChange((body: TAcceptDossierRequest) => dossiersApi.accept(id, body));
export const useRequestSupplement = (id: string) =>
  useDossierChange((body: TRequestSupplementRequest) => dossiersApi.requestSupplement(id, body));
export const useRefuse = (id: string) =>
  useDossierChange((body: TRefuseDossierRequest) => dossiersApi.refuse(id, body));
/** The applicant's own changes. */
export const useAmend = (id: string) =>
  useDossierChange((body: TAmendDossierRequest) => dossiersApi.amend(id, body));
export const useWithdraw = (id: string) =>
  useDossierChange((body: TWithdrawDossierRequest) => dossiersApi.withdraw(id, body));
export const useSubmitSupplement = (id: string) =>
  useDossierChange((body: TSubmitSupplementRequest) => dossiersApi.supplement(id, body));
export const useStop = (id: string) =>
  useDossierChange((body: { expectedVersion: number; reason: string }) => dossiersApi.stop(id, body));
export const useCollect = (id: string) =>
  useDossierChange((body: { expectedVersion: number }) => dossiersApi.collect(id, body));
