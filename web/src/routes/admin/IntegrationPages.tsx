import { RequireStaff } from '../guards';
import { useI18n } from '../../i18n/i18n';
import { useTitle } from '../../lib/useTitle';
import { ApiClients } from '../../features/integration/components/ApiClients';
import { SyncBacklog } from '../../features/integration/components/SyncBacklog';
import { SyncReports } from '../../features/integration/components/SyncReports';
import { Webhooks } from '../../features/integration/components/Webhooks';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../i18n/i18n';

/** Outside systems (ADR 0027): system administrators only; the server refuses anyone else as well. */
function IntegrationPage({
  title,
  lead,
  children,
}: {
  title: MessageKey;
  lead: MessageKey;
  children: ReactNode;
}) {
  const { t } = useI18n();
  useTitle(t(title));
  return (
    <RequireStaff roles={['system_admin']}>
      <h1>{t(title)}</h1>
      <p>{t(lead)}</p>
      {children}
    </RequireStaff>
  );
}

export function PortalSyncPage() {
  return (
    <IntegrationPage title="integration.sync.title" lead="integration.sync.lead">
      <SyncBacklog />
      <SyncReports />
    </IntegrationPage>
  );
}

export function WebhooksPage() {
  return (
    <IntegrationPage title="integration.webhooks.title" lead="integration.webhooks.lead">
      <Webhooks />
    </IntegrationPage>
  );
}

export function ApiClientsPage() {
  return (
    <IntegrationPage title="integration.clients.title" lead="integration.clients.lead">
      <ApiClients />
    </IntegrationPage>
  );
}
