import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { catalogueKeys, fetchFacets, fetchProcedure, searchProcedures, type SearchParams } from './api';

export const useProcedureSearch = (p: SearchParams) =>
  useQuery({
    queryKey: catalogueKeys.search(p),
    queryFn: () => searchProcedures(p),
    placeholderData: keepPreviousData,
  });
export const useFacets = () =>
  useQuery({ queryKey: catalogueKeys.facets, queryFn: fetchFacets, staleTime: 300_000 });
export const useProcedure = (code: string) =>
  useQuery({ queryKey: catalogueKeys.procedure(code), queryFn: () => fetchProcedure(code), retry: false });
