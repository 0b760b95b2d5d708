import { useState } from 'react';
import type { TLookupAlert } from '@motcua/contracts';
import { Button, ErrorBox, QueryTable, type Column } from '../../components/ui';
import { useAcknowledgeAlert, useLookupAlerts } from '../../features/dossiers/hooks';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/dates';
import { RequireStaff } from '../guards';
import { useTitle } from '../../lib/useTitle';

/** Clients that walked a run of dossier codes on the public lookup (system administrators only, ADR 0014). */
export function LookupAlertsPage() {
  return (
    <RequireStaff roles={['system_admin']}>
      <LookupAlerts />
    </RequireStaff>
  );
}

function LookupAlerts() {
  const { t, locale } = useI18n();
  useTitle(t('dossiers.alerts.title'));
  const [showSeen, setShowSeen] = useState(false);
  const alerts = useLookupAlerts(!showSeen);
  const acknowledge = useAcknowledgeAlert();
  return (
    <>
      <h1>{t('dossiers.alerts.title')}</h1>
      <p>{t('dossiers.alerts.lead')}</p>
      <label>
        <input type="checkbox" checked={showSeen} onChange={(e) => setShowSeen(e.target.checked)} />{' '}
        {t('dossiers.alerts.showAcknowledged')}
      </label>
      <ErrorBox error={acknowledge.error} />
      <QueryTable
        query={{ isPending: alerts.isPending, error: alerts.error, rows: alerts.data?.items }}
        loadingLabel={t('app.loading')}
        caption={t('dossiers.alerts.title')}
        captionHidden
        empty={t('dossiers.alerts.none')}
        rowKey={(a) => a.id}
        columns={[
          { header: t('dossiers.alerts.client'), cell: (a) => a.clientIp },
          { header: t('dossiers.alerts.reason'), cell: (a) => t(`dossiers.alerts.reason.${a.reason}`) },
          {
            header: t('dossiers.alerts.counts'),
            cell: (a) => `${a.codesProbed} / ${a.notFound} / ${a.longestRun}`,
          },
          { header: t('dossiers.alerts.sample'), cell: (a) => a.sampleCodes.slice(0, 5).join(', ') },
          {
            header: t('dossiers.alerts.period'),
            cell: (a) => `${formatDateTime(a.firstAt, locale)} – ${formatDateTime(a.lastAt, locale)}`,
          },
          ...(showSeen
            ? []
            : [
                {
                  key: 'acknowledge',
                  header: <span className="visually-hidden">{t('dossiers.alerts.acknowledge')}</span>,
                  cell: (a) => (
                    <Button onClick={() => acknowledge.mutate(a.id)} disabled={acknowledge.isPending}>
                      {t('dossiers.alerts.acknowledge')}
                    </Button>
                  ),
                } satisfies Column<TLookupAlert>,
              ]),
        ]}
      />
    </>
  );
}
