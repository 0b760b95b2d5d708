import type { WaitingResult } from '../../features/payments/api';
import { Button, Card, ErrorBox, Spinner } from '../../components/ui';
import { usePickup, usePostalWaiting, useShipmentEvent, useUncollected } from '../../features/payments/hooks';
import { useMe } from '../../features/session/hooks';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/dates';

/**
 * /office/buu-chinh — results going out by post: book the pickup, record pickups and deliveries by hand (postal
 * operator, 001 Đ28); and, for the desk, the results not collected after their appointment.
 */
export function PostalPage() {
  const { t } = useI18n();
  const me = useMe();
  const waiting = usePostalWaiting();
  const isDesk = me.data?.roles.includes('reception_officer') ?? false;
  return (
    <>
      <h1>{t('postal.page.title')}</h1>
      <Card>
        <h2>{t('postal.page.waiting')}</h2>
        {waiting.isPending ? <Spinner label={t('app.loading')} /> : null}
        <ErrorBox error={waiting.error} />
        <ResultTable rows={waiting.data?.items ?? []} actions />
      </Card>
      {isDesk ? <Uncollected /> : null}
    </>
  );
}

function Uncollected() {
  const { t } = useI18n();
  const q = useUncollected();
  return (
    <Card>
      <h2>{t('postal.page.uncollected')}</h2>
      <ErrorBox error={q.error} />
      <ResultTable rows={q.data?.items ?? []} />
    </Card>
  );
}

function ResultTable({ rows, actions = false }: { rows: WaitingResult[]; actions?: boolean }) {
  const { t, locale } = useI18n();
  if (rows.length === 0) return <p>{t('dossiers.none')}</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>{t('dossiers.field.code')}</th>
          <th>{t('dossiers.field.procedure')}</th>
          <th>{t('postal.page.applicant')}</th>
          <th>{t('dossiers.field.appointmentAt')}</th>
          <th>{t('postal.page.shipment')}</th>
          {actions ? <th /> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>{r.code}</td>
            <td>{r.procedureName}</td>
            <td>{r.applicantName}</td>
            <td>{formatDateTime(r.appointmentAt, locale)}</td>
            <td>{r.shipment ? t(`postal.status.${r.shipment}`) : '—'}</td>
            {actions ? (
              <td>
                <RowActions row={r} />
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RowActions({ row }: { row: WaitingResult }) {
  const { t } = useI18n();
  const pickup = usePickup(row.id);
  const event = useShipmentEvent();
  return (
    <>
      {!row.shipment ? (
        <Button onClick={() => pickup.mutate({})} disabled={pickup.isPending}>
          {t('postal.request')}
        </Button>
      ) : null}
      {row.shipmentId && row.shipment !== 'delivered' ? (
        <>
          {row.shipment === 'requested' ? (
            <Button
              variant="secondary"
              onClick={() => event.mutate({ shipmentId: row.shipmentId!, status: 'picked_up' })}
            >
              {t('postal.status.picked_up')}
            </Button>
          ) : null}{' '}
          <Button onClick={() => event.mutate({ shipmentId: row.shipmentId!, status: 'delivered' })}>
            {t('postal.markDelivered')}
          </Button>
        </>
      ) : null}
      <ErrorBox error={pickup.error ?? event.error} />
    </>
  );
}
