import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { inboxApi, inboxKeys, processingKeys, processingLists, type InboxFilter } from './api';

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
