import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { organisationApi, organisationKeys, type AgencyFilter } from './api';

export const useUnits = (all = false) =>
  useQuery({ queryKey: organisationKeys.units(all), queryFn: () => organisationApi.units(all) });

export const useAgencies = (f: AgencyFilter) =>
  useQuery({ queryKey: organisationKeys.agencies(f), queryFn: () => organisationApi.agencies(f) });

export const useAgency = (id: string) =>
  useQuery({
    queryKey: organisationKeys.agency(id),
    queryFn: () => organisationApi.agency(id),
    enabled: id !== '',
    retry: false,
  });

/** Any organisation change may show in every list (units tree, agencies, details): refetch them all. */
export function useOrganisationMutation<A, R>(fn: (args: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: organisationKeys.all }),
  });
}
