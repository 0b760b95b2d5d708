import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TProcedureInput, TSimulateRequest } from '@motcua/contracts';
import { simulateProcedure } from '../simulate';
import { catalogueAdminApi as a, catalogueAdminKeys as keys } from './api';

export const useAdminProcedures = (status: string) =>
  useQuery({ queryKey: keys.list(status), queryFn: () => a.list(status) });
export const useAgencies = () =>
  useQuery({ queryKey: keys.agencies, queryFn: a.agencies, staleTime: 300_000 });
export const useLatePublications = () => useQuery({ queryKey: keys.late, queryFn: a.late });
export const useAdminProcedure = (code: string) =>
  useQuery({
    queryKey: keys.procedure(code),
    queryFn: () => a.get(code),
    enabled: code !== '',
    retry: false,
  });
export const useVersions = (code: string) =>
  useQuery({ queryKey: keys.versions(code), queryFn: () => a.versions(code) });
export const useDiff = (code: string, from: number, to: number) =>
  useQuery({
    queryKey: keys.diff(code, from, to),
    queryFn: () => a.diff(code, from, to),
    enabled: from > 0 && to > 0 && from !== to,
  });

/** Every editor change can alter lists, versions and the late panel: refetch the whole admin area (and the portal). */
function useInvalidate() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: keys.all }),
      qc.invalidateQueries({ queryKey: ['catalogue'] }),
    ]);
}

export function useCreateProcedure() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (input: TProcedureInput) => a.create(input), onSuccess: invalidate });
}
export function useSaveDraft() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (input: TProcedureInput) => a.save(input), onSuccess: invalidate });
}
/** Saves the draft (with the announcing decision) and publishes it, at once or from a later effective date. */
export function usePublish() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ input, effectiveFrom }: { input: TProcedureInput; effectiveFrom?: string }) => {
      await a.save(input);
      return a.publish(input.code, effectiveFrom);
    },
    onSettled: invalidate,
  });
}
export function useRetire() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (code: string) => a.retire(code), onSuccess: invalidate });
}
export function useImportCatalogue() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: unknown[] | Blob) => a.import(body), onSuccess: invalidate });
}

/** The version in the editor run through the live processing rules: nothing is stored, so nothing to refetch. */
export const useSimulate = (code: string, versionId: string) =>
  useMutation({ mutationFn: (request: TSimulateRequest) => simulateProcedure(code, request, versionId) });
