import { useQuery } from '@tanstack/react-query';
import { processingKeys, processingLists } from './api';

export const useUncollected = (enabled: boolean) =>
  useQuery({
    queryKey: processingKeys.uncollected,
    queryFn: processingLists.uncollected,
    enabled,
    refetchInterval: 60_000,
  });
export const useDeskInProcessing = (enabled: boolean) =>
  useQuery({
    queryKey: processingKeys.inProcessing,
    queryFn: processingLists.inProcessing,
    enabled,
    refetchInterval: 60_000,
  });
