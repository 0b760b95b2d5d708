import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMe } from '../session/hooks';
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

/** Agency list filters kept in the URL (unit, type, name search, history), plus the search box's draft text. */
export function useAgencyFilterParams() {
  const [params, setParams] = useSearchParams();
  const filter = {
    unit: params.get('unit') ?? '',
    type: params.get('type') ?? '',
    q: params.get('q') ?? '',
    all: params.get('all') === 'true',
  };
  const [draft, setDraft] = useState(filter.q);
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    set('q', draft.trim());
  };
  return { filter, set, draft, setDraft, submit };
}

/** The system administrator changes everything; a unit administrator only their agency's public contact data. */
export function useIsSystemAdmin(): boolean {
  return useMe().data?.roles.includes('system_admin') ?? false;
}
