import { useState, type FormEvent } from 'react';
import { WEBHOOK_EVENTS, type TWebhookEvent } from '@motcua/contracts';
import { Alert, Button, Card, Spinner } from '../../../components/ui';
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
      {list.isPending ? (
        <Spinner label={t('integration.loading')} />
      ) : list.isError ? (
        <Alert kind="error">{list.error.message}</Alert>
      ) : list.data.items.length === 0 ? (
        <p>{t('integration.webhooks.none')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('integration.name')}</th>
                <th scope="col">{t('integration.webhooks.url')}</th>
                <th scope="col">{t('integration.webhooks.events')}</th>
                <th scope="col">{t('integration.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('integration.webhooks.showDeliveries')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((s) => (
                <tr key={s.id}>
                  <td>{s.name}</td>
                  <td>{s.url}</td>
                  <td>{s.events.map((ev) => t(`integration.event.${ev}`)).join(', ')}</td>
                  <td>{s.active ? t('integration.webhooks.active') : t('integration.webhooks.inactive')}</td>
                  <td>
                    <Button variant="secondary" onClick={() => setOpen(s)} aria-pressed={open?.id === s.id}>
                      {t('integration.webhooks.showDeliveries')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
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
      {replay.isError && <Alert kind="error">{replay.error.message}</Alert>}
      {replay.isSuccess && <Alert kind="success">{t('integration.webhooks.replayed')}</Alert>}
      {deliveries.isPending ? (
        <Spinner label={t('integration.loading')} />
      ) : deliveries.isError ? (
        <Alert kind="error">{deliveries.error.message}</Alert>
      ) : deliveries.data.items.length === 0 ? (
        <p>{t('integration.webhooks.noDeliveries')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('integration.when')}</th>
                <th scope="col">{t('integration.webhooks.events')}</th>
                <th scope="col">{t('integration.status')}</th>
                <th scope="col">{t('integration.attempts')}</th>
                <th scope="col">{t('integration.webhooks.answer')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('integration.webhooks.replay')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.data.items.map((d) => (
                <tr key={d.id}>
                  <td>{formatDateTime(d.createdAt, locale)}</td>
                  <td>{d.event}</td>
                  <td>{t(`integration.webhooks.status.${d.status}`)}</td>
                  <td>{d.attempts}</td>
                  <td>{d.lastStatus ?? d.lastError ?? '—'}</td>
                  <td>
                    <Button
                      variant="secondary"
                      onClick={() => replay.mutate(d.id)}
                      disabled={replay.isPending}
                    >
                      {t('integration.webhooks.replay')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
