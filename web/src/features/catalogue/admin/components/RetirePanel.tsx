import { useState } from 'react';
import { Button, Card, Confirm, ErrorBox } from '../../../../components/ui';
import { useI18n } from '../../../../i18n/i18n';

type Props = {
  code: string;
  /** The page's retire mutation: the page outlives this panel, which disappears once the procedure is retired. */
  pending: boolean;
  error: unknown;
  onRetire(): void;
};

/** Retiring hides the procedure from new submissions (history stays); it asks for confirmation first. */
export function RetirePanel({ code, pending, error, onRetire }: Props) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  return (
    <Card>
      <h2>{t('catalogueAdmin.retire.title')}</h2>
      <p className="muted">{t('catalogueAdmin.retire.help')}</p>
      <ErrorBox error={error} />
      <Button type="button" variant="danger" disabled={pending} onClick={() => setConfirming(true)}>
        {t('catalogueAdmin.retire.start')}
      </Button>
      <Confirm
        open={confirming}
        danger
        title={t('catalogueAdmin.retire.title')}
        confirmLabel={t('catalogueAdmin.retire.confirm')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          onRetire();
        }}
      >
        <p>{t('catalogueAdmin.retire.question', { code })}</p>
      </Confirm>
    </Card>
  );
}
