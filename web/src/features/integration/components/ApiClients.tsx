import { useState, type FormEvent } from 'react';
import { API_SCOPES, type TApiScope } from '@motcua/contracts';
import { Alert, Button, Card, Confirm, ErrorBox, QueryTable } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { formatDate } from '../../../lib/dates';
import { useStaff } from '../../accounts/hooks';
import { integrationApi, type ApiClient } from '../api';
import { useApiClients, useIntegrationMutation } from '../hooks';

/** Machine accounts: create with scopes and a rate limit (the key is shown once), list, revoke. */
export function ApiClients() {
  const { t, locale } = useI18n();
  const list = useApiClients();
  const staff = useStaff();
  const create = useIntegrationMutation(integrationApi.createApiClient);
  const revoke = useIntegrationMutation(integrationApi.revokeApiClient);
  const [noScope, setNoScope] = useState(false);
  const [revoking, setRevoking] = useState<ApiClient | null>(null);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    const scopes = form.getAll('scopes').map(String) as TApiScope[];
    setNoScope(scopes.length === 0);
    if (scopes.length === 0) return;
    create.mutate(
      {
        name: String(form.get('name') ?? ''),
        scopes,
        actsAsUserId: String(form.get('actsAs') ?? ''),
        perMinute: Number(form.get('perMinute') ?? 60),
      },
      { onSuccess: () => formEl.reset() },
    );
  };
  const staffName = (id: string) => staff.data?.items.find((s) => s.id === id)?.fullName ?? id.slice(0, 8);
  return (
    <>
      <Card>
        <h2>{t('integration.clients.new')}</h2>
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor="ac-name">{t('integration.name')}</label>
            <input id="ac-name" name="name" required maxLength={120} />
          </div>
          <fieldset className="field">
            <legend>{t('integration.clients.scopes')}</legend>
            {API_SCOPES.map((s) => (
              <label key={s} className="check">
                <input type="checkbox" name="scopes" value={s} /> {t(`integration.scope.${s}`)}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="ac-acts">{t('integration.clients.actsAs')}</label>
            <select id="ac-acts" name="actsAs" required defaultValue="">
              <option value="">{t('integration.clients.chooseStaff')}</option>
              {staff.data?.items
                .filter((s) => s.status === 'active')
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.fullName} ({s.username}, {s.agency.shortName})
                  </option>
                ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="ac-rate">{t('integration.clients.perMinute')}</label>
            <input
              id="ac-rate"
              name="perMinute"
              type="number"
              min={1}
              max={10000}
              defaultValue={60}
              required
            />
          </div>
          {noScope && <Alert kind="error">{t('integration.clients.chooseScope')}</Alert>}
          <ErrorBox error={create.error} />
          <Button type="submit" disabled={create.isPending}>
            {t('integration.create')}
          </Button>
        </form>
        {create.isSuccess && (
          <Alert kind="success">
            <p>{t('integration.clients.created', { name: create.data.name })}</p>
            <p>
              <code data-testid="api-key">{create.data.key}</code>
            </p>
            <p>{t('integration.shownOnce')}</p>
          </Alert>
        )}
      </Card>
      <h2>{t('integration.clients.list')}</h2>
      <ErrorBox error={revoke.error} />
      <QueryTable
        query={{ isPending: list.isPending, error: list.error, rows: list.data?.items }}
        loadingLabel={t('integration.loading')}
        caption={t('integration.clients.list')}
        captionHidden
        empty={t('integration.clients.none')}
        rowKey={(c) => c.id}
        columns={[
          { header: t('integration.name'), cell: (c) => c.name },
          { header: t('integration.clients.key'), cell: (c) => <code>{c.keyPrefix}…</code> },
          {
            header: t('integration.clients.scopes'),
            cell: (c) => c.scopes.map((s) => t(`integration.scope.${s}`)).join(', '),
          },
          { header: t('integration.clients.actsAs'), cell: (c) => staffName(c.actsAsUserId) },
          { header: t('integration.clients.perMinute'), cell: (c) => c.perMinute },
          { header: t('integration.clients.createdAt'), cell: (c) => formatDate(c.createdAt, locale) },
          {
            header: t('integration.status'),
            cell: (c) =>
              c.revokedAt ? (
                t('integration.clients.revoked', { when: formatDate(c.revokedAt, locale) })
              ) : (
                <Button
                  variant="danger"
                  onClick={() => setRevoking(c)}
                  disabled={revoke.isPending}
                  aria-label={`${t('integration.clients.revoke')} ${c.name}`}
                >
                  {t('integration.clients.revoke')}
                </Button>
              ),
          },
        ]}
      />
      <Confirm
        open={revoking !== null}
        title={revoking ? t('integration.clients.confirmRevoke', { name: revoking.name }) : ''}
        confirmLabel={t('integration.clients.revoke')}
        danger
        onCancel={() => setRevoking(null)}
        onConfirm={() => {
          if (revoking) revoke.mutate(revoking.id);
          setRevoking(null);
        }}
      />
    </>
  );
}
