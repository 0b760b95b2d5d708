import { useState, type FormEvent } from 'react';
import { WEBHOOK_EVENTS, type TWebhookEvent } from '@motcua/contracts';
import { Alert, Button, Card, ErrorBox, QueryTable } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { formatDateTime } from '../../../lib/dates';
import { integrationApi, type WebhookSubscription } from '../api';
import { useDeliveries, useIntegrationMutation, useWebhooks } from '../hooks';

/** Subscribers (create with events; the secret is shown once) and each one's delivery log with replay. */
export function Webhooks() {
  const { t } = useI18n();
  const list = useWebhooks();
  const create = useIntegrationMutation(integrationApi.createWebhook);
  const [noEvent, setNoEvent] = useState(false);
  const [open, setOpen] = useState<WebhookSubscription | null>(null);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    const events = form.getAll('events').map(String) as TWebhookEvent[];
    setNoEvent(events.length === 0);
    if (events.length === 0) return;
    create.mutate(
      { name: String(form.get('name') ?? ''), url: String(form.get('url') ?? ''), events },
      { onSuccess: () => formEl.reset() },
    );
  };
  return (
    <>
      <Card>
        <h2>{t('integration.webhooks.new')}</h2>
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor="wh-name">{t('integration.name')}</label>
            <input id="wh-name" name="name" required maxLength={120} />
          </div>
          <div className="field">
            <label htmlFor="wh-url">{t('integration.webhooks.url')}</label>
            <input id="wh-url" name="url" type="url" required maxLength={500} placeholder="https://" />
          </div>
          <fieldset className="field">
            <legend>{t('integration.webhooks.events')}</legend>
            {WEBHOOK_EVENTS.map((ev) => (
              <label key={ev} className="check">
                <input type="checkbox" name="events" value={ev} /> {t(`integration.event.${ev}`)}
              </label>
            ))}
          </fieldset>
          {noEvent && <Alert kind="error">{t('integration.webhooks.chooseEvent')}</Alert>}
          {create.isError && <Alert kind="error">{create.error.message}</Alert>}
          <Button type="submit" disabled={create.isPending}>
            {t('integration.create')}
          </Button>
        </form>
        {create.isSuccess && (
          <Alert kind="success">
            <p>{t('integration.webhooks.created', { name: create.data.name })}</p>
            <p>
              <code data-testid="webhook-secret">{create.data.secret}</code>
            </p>
            <p>{t('integration.shownOnce')}</p>
          </Alert>
        )}
      </Card>
      <h2>{t('integration.webhooks.list')}</h2>
      <QueryTable
        query={{ isPending: list.isPending, error: list.error, rows: list.data?.items }}
        loadingLabel={t('integration.loading')}
        caption={t('integration.webhooks.list')}
        captionHidden
        empty={t('integration.webhooks.none')}
        rowKey={(s) => s.id}
        columns={[
          { header: t('integration.name'), cell: (s) => s.name },
          { header: t('integration.webhooks.url'), cell: (s) => s.url },
          {
            header: t('integration.webhooks.events'),
            cell: (s) => s.events.map((ev) => t(`integration.event.${ev}`)).join(', '),
          },
          {
            header: t('integration.status'),
            cell: (s) => (s.active ? t('integration.webhooks.active') : t('integration.webhooks.inactive')),
          },
          {
            key: 'deliveries',
            header: <span className="visually-hidden">{t('integration.webhooks.showDeliveries')}</span>,
            cell: (s) => (
              <Button variant="secondary" onClick={() => setOpen(s)} aria-pressed={open?.id === s.id}>
                {t('integration.webhooks.showDeliveries')}
              </Button>
            ),
          },
        ]}
      />
      {open && <Deliveries subscription={open} />}
    </>
  );
}

function Deliveries({ subscription }: { subscription: WebhookSubscription }) {
  const { t, locale } = useI18n();
  const deliveries = useDeliveries(subscription.id);
  const replay = useIntegrationMutation(integrationApi.replay);
  return (
    <section aria-labelledby="wh-deliveries">
      <h2 id="wh-deliveries">{t('integration.webhooks.deliveries', { name: subscription.name })}</h2>
      <ErrorBox error={replay.error} />
      {replay.isSuccess && <Alert kind="success">{t('integration.webhooks.replayed')}</Alert>}
      <QueryTable
        query={{ isPending: deliveries.isPending, error: deliveries.error, rows: deliveries.data?.items }}
        loadingLabel={t('integration.loading')}
        caption={t('integration.webhooks.deliveries', { name: subscription.name })}
        captionHidden
        empty={t('integration.webhooks.noDeliveries')}
        rowKey={(d) => d.id}
        columns={[
          { header: t('integration.when'), cell: (d) => formatDateTime(d.createdAt, locale) },
          { header: t('integration.webhooks.events'), cell: (d) => d.event },
          { header: t('integration.status'), cell: (d) => t(`integration.webhooks.status.${d.status}`) },
          { header: t('integration.attempts'), cell: (d) => d.attempts },
          { header: t('integration.webhooks.answer'), cell: (d) => d.lastStatus ?? d.lastError ?? '—' },
          {
            key: 'replay',
            header: <span className="visually-hidden">{t('integration.webhooks.replay')}</span>,
            cell: (d) => (
              <Button variant="secondary" onClick={() => replay.mutate(d.id)} disabled={replay.isPending}>
                {t('integration.webhooks.replay')}
              </Button>
            ),
          },
        ]}
      />
    </section>
  );
}
