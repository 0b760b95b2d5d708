import { useState } from 'react';
import { Button, Card, ErrorBox } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { formatDateTime, formatMoney } from '../../../lib/dates';
import { usePickup, useShipments } from '../hooks';

/** A result to be returned by post: book the pickup (or record one made by hand), then follow its events. */
export function PostalCard({ dossierId, ready }: { dossierId: string; ready: boolean }) {
  const { t, locale } = useI18n();
  const shipments = useShipments(dossierId);
  const pickup = usePickup(dossierId);
  const [trackingNo, setTrackingNo] = useState('');
  const s = shipments.data?.items[0];
  return (
    <Card>
      <h2>{t('postal.title')}</h2>
      {s ? (
        <>
          <p>
            {t('postal.tracking', { no: s.trackingNo ?? '—' })} · {t(`postal.status.${s.status}`)} ·{' '}
            {t('postal.fee', { fee: formatMoney(s.postalFee, locale) })}
          </p>
          <ul>
            {s.events.map((e, i) => (
              <li key={i}>
                {formatDateTime(e.at, locale)} — {t(`postal.status.${e.status}`)}
              </li>
            ))}
          </ul>
        </>
      ) : ready ? (
        <div className="stack">
          <Button onClick={() => pickup.mutate({})} disabled={pickup.isPending}>
            {t('postal.request')}
          </Button>
          <label>
            {t('postal.manualTracking')}
            <input value={trackingNo} onChange={(e) => setTrackingNo(e.target.value)} />
          </label>
          <Button
            variant="secondary"
            disabled={pickup.isPending || trackingNo.trim().length < 3}
            onClick={() => pickup.mutate({ trackingNo: trackingNo.trim() })}
          >
            {t('postal.recordManual')}
          </Button>
        </div>
      ) : (
        <p>{t('postal.notReady')}</p>
      )}
      <ErrorBox error={pickup.error} />
    </Card>
  );
}
