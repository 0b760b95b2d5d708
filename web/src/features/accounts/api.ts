import type {
  TCodeSentResponse,
  TCreateStaffRequest,
  TMeResponse,
  TProfile,
  TRegisterRequest,
  TRoleList,
  TStaffAccount,
  TTemporaryPasswordResponse,
  TUpdateProfileRequest,
} from '@motcua/contracts';
import { api } from '../../lib/api';

type Ok = { ok: true };
export type AgencyOption = {
  id: string;
  shortName: string;
  name: string;
  departments: { id: string; name: string }[];
};
export type OutboxItem = {
  id: string;
  channel: 'email' | 'sms';
  to: string;
  subject: string | null;
  body: string;
  createdAt: string;
};

export const accountsApi = {
  register: (body: TRegisterRequest) =>
    api<TCodeSentResponse>('/api/auth/register', { method: 'POST', body }),
  verify: (login: string, code: string) =>
    api<Ok>('/api/auth/verify', { method: 'POST', body: { login, code } }),
  resend: (login: string) =>
    api<TCodeSentResponse>('/api/auth/verify/resend', { method: 'POST', body: { login } }),
  login: (login: string, password: string) =>
    api<TMeResponse>('/api/auth/login', { method: 'POST', body: { login, password } }),
  logout: (allDevices = false) => api<Ok>('/api/auth/logout', { method: 'POST', body: { allDevices } }),
  requestReset: (login: string) => api<Ok>('/api/auth/password-reset', { method: 'POST', body: { login } }),
  confirmReset: (login: string, code: string, newPassword: string) =>
    api<Ok>('/api/auth/password-reset/confirm', { method: 'POST', body: { login, code, newPassword } }),
  changePassword: (currentPassword: string, newPassword: string) =>
    api<Ok>('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } }),
  profile: () => api<TProfile>('/api/me/profile'),
  updateProfile: (body: TUpdateProfileRequest) =>
    api<{ profile: TProfile; codesSent: TCodeSentResponse[] }>('/api/me/profile', { method: 'PATCH', body }),
  oidc: () => api<{ enabled: boolean }>('/api/auth/oidc'),
  staff: () => api<{ items: TStaffAccount[]; total: number }>('/api/admin/staff?pageSize=100'),
  createStaff: (body: TCreateStaffRequest) =>
    api<TTemporaryPasswordResponse>('/api/admin/staff', { method: 'POST', body }),
  staffAction: (id: string, action: 'suspend' | 'reactivate' | 'revoke') =>
    api<TStaffAccount>(`/api/admin/staff/${id}/${action}`, { method: 'POST', body: {} }),
  resetStaffPassword: (id: string) =>
    api<TTemporaryPasswordResponse>(`/api/admin/staff/${id}/reset-password`, { method: 'POST', body: {} }),
  roles: () => api<TRoleList>('/api/admin/roles'),
  agencies: () => api<{ items: AgencyOption[] }>('/api/admin/agencies'),
  outbox: () => api<{ items: OutboxItem[]; total: number }>('/api/admin/local-outbox?pageSize=50'),
};
