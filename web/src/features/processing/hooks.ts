import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TTransferRequest } from '@motcua/contracts';
import { dossierKeys } from '../dossiers/api';
import { inboxApi, inboxKeys, processingApi, processingKeys, processingLists, type InboxFilter } from './api';

export const useUncollected = (enabled: boolean) =>
  useQuery({
    queryKey: processingKeys.uncollected,
    queryFn: processingLists.uncollected,
    enabled,
    refetchInterval: 60_000,
  });
/** "Hồ sơ cần xử lý": keyset pages, "Xem thêm" fetches the next one. */
export const useInbox = (f: InboxFilter) =>
  useInfiniteQuery({
    queryKey: inboxKeys.inbox(f),
    queryFn: ({ pageParam }) => inboxApi.page(f, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: 60_000,
  });
export const useAssignees = (id: string) =>
  useQuery({ queryKey: inboxKeys.assignees(id), queryFn: () => inboxApi.assignees(id) });
export const useChase = (enabled: boolean) =>
  useQuery({ queryKey: inboxKeys.chase, queryFn: inboxApi.chase, enabled, refetchInterval: 60_000 });

/** 003 Đ12.3: the desk forwards a dossier received for another agency; the answer is the dossier as it now is. */
export function useTransfer(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TTransferRequest) => processingApi.transfer(id, body),
    onSuccess: (d) => {
      qc.setQueryData(dossierKeys.detail(d.id), d);
      void qc.invalidateQueries({ queryKey: dossierKeys.queue });
    },
  });
}
