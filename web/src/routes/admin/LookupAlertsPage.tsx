import { useState } from 'react';
import { Alert, Button, Spinner } from '../../components/ui';
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
      {acknowledge.isError && <Alert kind="error">{acknowledge.error.message}</Alert>}
      {alerts.isPending ? (
        <Spinner label={t('app.loading')} />
      ) : alerts.isError ? (
        <Alert kind="error">{alerts.error.message}</Alert>
      ) : alerts.data.items.length === 0 ? (
        <p>{t('dossiers.alerts.none')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('dossiers.alerts.client')}</th>
                <th scope="col">{t('dossiers.alerts.reason')}</th>
                <th scope="col">{t('dossiers.alerts.counts')}</th>
                <th scope="col">{t('dossiers.alerts.sample')}</th>
                <th scope="col">{t('dossiers.alerts.period')}</th>
                {!showSeen && <th scope="col" />}
              </tr>
            </thead>
            <tbody>
              {alerts.data.items.map((a) => (
                <tr key={a.id}>
                  <td>{a.clientIp}</td>
                  <td>{t(`dossiers.alerts.reason.${a.reason}`)}</td>
                  <td>
                    {a.codesProbed} / {a.notFound} / {a.longestRun}
                  </td>
                  <td>{a.sampleCodes.slice(0, 5).join(', ')}</td>
                  <td>
                    {formatDateTime(a.firstAt, locale)} – {formatDateTime(a.lastAt, locale)}
                  </td>
                  {!showSeen && (
                    <td>
                      <Button onClick={() => acknowledge.mutate(a.id)} disabled={acknowledge.isPending}>
                        {t('dossiers.alerts.acknowledge')}
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
