import { Alert, Button } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { isConflict } from '../api';

/**
 * A failed call: the server's own message (already in the person's language), or — for a decision made on a stale
 * version — the plain statement that someone else was first, with a reload.
 */
export function ErrorAlert({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t } = useI18n();
  if (!error) return null;
  if (isConflict(error))
    return (
      <Alert kind="error">
        <p>{t('dossiers.conflict')}</p>
        {onReload ? (
          <Button type="button" variant="secondary" onClick={onReload}>
            {t('dossiers.reload')}
          </Button>
        ) : null}
      </Alert>
    );
  return <Alert kind="error">{error instanceof Error ? error.message : t('app.error')}</Alert>;
}
