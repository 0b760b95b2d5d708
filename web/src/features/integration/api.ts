import type {
  TApiScope,
  TPortalMessage,
  TPortalSyncBacklog,
  TSyncReport,
  TWebhookEvent,
} from '@motcua/contracts';
import { api } from '../../lib/api';

/** Outside systems (ADR 0027): national-portal sync, webhooks, API clients. System administrators only. */
export type WebhookSubscription = {
  id: string;
  name: string;
  url: string;
  events: TWebhookEvent[];
  active: boolean;
  createdAt: string;
};
export type WebhookDelivery = {
  id: string;
  event: string;
  dossierId: string | null;
  status: 'pending' | 'delivered' | 'dead';
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
};
export type ApiClient = {
  id: string;
  name: string;
  keyPrefix: string;
  scopes: TApiScope[];
  actsAsUserId: string;
  perMinute: number;
  createdAt: string;
  revokedAt: string | null;
};

export const integrationKeys = {
  all: ['integration'] as const,
  deadLetters: () => ['integration', 'dead-letters'] as const,
  backlog: () => ['integration', 'backlog'] as const,
  syncReports: () => ['integration', 'sync-reports'] as const,
  webhooks: () => ['integration', 'webhooks'] as const,
  deliveries: (id: string) => ['integration', 'webhooks', id, 'deliveries'] as const,
  apiClients: () => ['integration', 'api-clients'] as const,
};

const post = (body: unknown = {}) => ({ method: 'POST', body });

export const integrationApi = {
  deadLetters: () => api<{ items: TPortalMessage[] }>('/api/admin/portal-messages?status=dead'),
  backlog: () => api<TPortalSyncBacklog>('/api/admin/portal-sync/backlog'),
  resend: (id: string) => api<TPortalMessage>(`/api/admin/portal-messages/${id}/resend`, post()),
  syncReports: () => api<{ items: TSyncReport[] }>('/api/admin/sync-reports'),
  checkSync: (body: { from: string; to: string; repair: boolean }) =>
    api<TSyncReport>('/api/admin/sync-checks', post(body)),
  webhooks: () => api<{ items: WebhookSubscription[] }>('/api/admin/webhooks'),
  createWebhook: (body: { name: string; url: string; events: TWebhookEvent[] }) =>
    api<WebhookSubscription & { secret: string }>('/api/admin/webhooks', post(body)),
  deliveries: (id: string) => api<{ items: WebhookDelivery[] }>(`/api/admin/webhooks/${id}/deliveries`),
  replay: (id: string) => api<WebhookDelivery>(`/api/admin/webhook-deliveries/${id}/replay`, post()),
  apiClients: () => api<{ items: ApiClient[] }>('/api/admin/api-clients'),
  createApiClient: (body: { name: string; scopes: TApiScope[]; actsAsUserId: string; perMinute: number }) =>
    api<ApiClient & { key: string }>('/api/admin/api-clients', post(body)),
  revokeApiClient: (id: string) => api<ApiClient>(`/api/admin/api-clients/${id}/revoke`, post()),
};
