import { useState } from 'react';
import { Alert, Button, Card } from '../../../../components/ui';
import { useI18n } from '../../../../i18n/i18n';

/**
 * Retiring hides the procedure from new submissions (history stays); it asks for confirmation first. `onRetire`
 * belongs to the page, which outlives this panel (it disappears once the procedure is retired).
 */
export function RetirePanel({ code, onRetire }: { code: string; onRetire: () => Promise<unknown> }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const retire = () => {
    setPending(true);
    setFailed(null);
    onRetire()
      .catch((e: unknown) => setFailed(e instanceof Error ? e.message : t('app.error')))
      .finally(() => setPending(false));
  };
  return (
    <Card>
      <h2>{t('catalogueAdmin.retire.title')}</h2>
      <p className="muted">{t('catalogueAdmin.retire.help')}</p>
      {failed && <Alert kind="error">{failed}</Alert>}
      {!confirming ? (
        <Button type="button" variant="danger" onClick={() => setConfirming(true)}>
          {t('catalogueAdmin.retire.start')}
        </Button>
      ) : (
        <div role="group" aria-label={t('catalogueAdmin.retire.title')}>
          <p>{t('catalogueAdmin.retire.question', { code })}</p>
          <div className="row">
            <Button type="button" variant="danger" disabled={pending} onClick={retire}>
              {t('catalogueAdmin.retire.confirm')}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              {t('catalogueAdmin.cancel')}
            </Button>
          </div>
        </div>
      )}
    </Card>
  );
}
