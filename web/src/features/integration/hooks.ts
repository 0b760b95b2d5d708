import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { integrationApi, integrationKeys } from './api';

export const useDeadLetters = () =>
  useQuery({ queryKey: integrationKeys.deadLetters(), queryFn: integrationApi.deadLetters });
export const useSyncBacklog = () =>
  useQuery({ queryKey: integrationKeys.backlog(), queryFn: integrationApi.backlog });
export const useSyncReports = () =>
  useQuery({ queryKey: integrationKeys.syncReports(), queryFn: integrationApi.syncReports });
export const useWebhooks = () =>
  useQuery({ queryKey: integrationKeys.webhooks(), queryFn: integrationApi.webhooks });
export const useDeliveries = (id: string | null) =>
  useQuery({
    queryKey: integrationKeys.deliveries(id ?? ''),
    queryFn: () => integrationApi.deliveries(id!),
    enabled: id !== null,
  });
export const useApiClients = () =>
  useQuery({ queryKey: integrationKeys.apiClients(), queryFn: integrationApi.apiClients });

/** Any change here may move a count elsewhere on the page (backlog, reports, lists): refetch the area. */
export function useIntegrationMutation<A, R>(fn: (args: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: integrationKeys.all }),
  });
}
