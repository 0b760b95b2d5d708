import { useQuery } from '@tanstack/react-query';
import type { TMeResponse } from '@motcua/contracts';
import { api, ApiError, hasSession } from '../../lib/api';

export const sessionKeys = { me: ['session', 'me'] as const };

/** The logged-in person, or null when nobody is. */
export function useMe() {
  return useQuery({
    queryKey: sessionKeys.me,
    queryFn: async (): Promise<TMeResponse | null> => {
      // Without a session cookie there is nobody to ask about: a first visit costs no request (and no 401).
      if (!hasSession()) return null;
      try {
        return await api<TMeResponse>('/api/me');
      } catch (err) {
        if (err instanceof ApiError && (err.status === 401 || err.status === 404)) return null;
        throw err;
      }
    },
    staleTime: 60_000,
  });
}
