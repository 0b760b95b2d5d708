import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sessionKeys } from '../session/hooks';
import { accountsApi } from './api';

export const accountsKeys = {
  all: ['accounts'] as const,
  profile: () => [...accountsKeys.all, 'profile'] as const,
  staff: () => [...accountsKeys.all, 'staff'] as const,
  roles: () => [...accountsKeys.all, 'roles'] as const,
  agencies: () => [...accountsKeys.all, 'agencies'] as const,
  outbox: () => [...accountsKeys.all, 'outbox'] as const,
  oidc: () => [...accountsKeys.all, 'oidc'] as const,
};

export const useProfile = () => useQuery({ queryKey: accountsKeys.profile(), queryFn: accountsApi.profile });
export const useStaff = () => useQuery({ queryKey: accountsKeys.staff(), queryFn: accountsApi.staff });
export const useRoles = () => useQuery({ queryKey: accountsKeys.roles(), queryFn: accountsApi.roles });
export const useAgencies = () =>
  useQuery({ queryKey: accountsKeys.agencies(), queryFn: accountsApi.agencies });
export const useOutbox = () => useQuery({ queryKey: accountsKeys.outbox(), queryFn: accountsApi.outbox });
export const useOidc = () =>
  useQuery({ queryKey: accountsKeys.oidc(), queryFn: accountsApi.oidc, staleTime: Infinity });

/** Log-in and log-out change who /api/me is, and everything cached for the previous person goes. */
export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { login: string; password: string }) => accountsApi.login(v.login, v.password),
    onSuccess: (me) => {
      qc.removeQueries({ queryKey: accountsKeys.all });
      qc.setQueryData(sessionKeys.me, me);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (allDevices: boolean) => accountsApi.logout(allDevices),
    onSettled: () => {
      qc.removeQueries({ queryKey: accountsKeys.all });
      qc.setQueryData(sessionKeys.me, null);
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { currentPassword: string; newPassword: string }) =>
      accountsApi.changePassword(v.currentPassword, v.newPassword),
    onSuccess: () => qc.invalidateQueries({ queryKey: sessionKeys.me }),
  });
}

export function useStaffMutations() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: accountsKeys.all });
  return {
    create: useMutation({ mutationFn: accountsApi.createStaff, onSuccess: refresh }),
    action: useMutation({
      mutationFn: (v: { id: string; action: 'suspend' | 'reactivate' | 'revoke' }) =>
        accountsApi.staffAction(v.id, v.action),
      onSuccess: refresh,
    }),
    reset: useMutation({ mutationFn: accountsApi.resetStaffPassword, onSuccess: refresh }),
  };
}
