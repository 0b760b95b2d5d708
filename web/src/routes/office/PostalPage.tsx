import type { WaitingResult } from '../../features/payments/api';
import { Button, Card, ErrorBox, Spinner, Table, type Column } from '../../components/ui';
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
        <ResultTable caption={t('postal.page.waiting')} rows={waiting.data?.items ?? []} actions />
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
      <ResultTable caption={t('postal.page.uncollected')} rows={q.data?.items ?? []} />
    </Card>
  );
}

function ResultTable({
  caption,
  rows,
  actions = false,
}: {
  caption: string;
  rows: WaitingResult[];
  actions?: boolean;
}) {
  const { t, locale } = useI18n();
  const columns: Column<WaitingResult>[] = [
    { header: t('dossiers.field.code'), cell: (r) => r.code },
    { header: t('dossiers.field.procedure'), cell: (r) => r.procedureName },
    { header: t('postal.page.applicant'), cell: (r) => r.applicantName },
    { header: t('dossiers.field.appointmentAt'), cell: (r) => formatDateTime(r.appointmentAt, locale) },
    { header: t('postal.page.shipment'), cell: (r) => (r.shipment ? t(`postal.status.${r.shipment}`) : '—') },
  ];
  if (actions) columns.push({ header: t('dossiers.field.actions'), cell: (r) => <RowActions row={r} /> });
  return (
    <Table
      caption={caption}
      captionHidden
      rows={rows}
      rowKey={(r) => r.id}
      empty={t('dossiers.none')}
      columns={columns}
    />
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
