import { isConflict } from '../../lib/api';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { Alert, Button } from './basics';

type Props = {
  error: unknown;
  /** Offered when the server says someone else changed the thing first (409): reload and look again. */
  onReload?: () => void;
  /** What a 409 means on this page, and the reload button's label (default: the app's general wording). */
  conflict?: { message: MessageKey; reload: MessageKey };
};

/**
 * A failed call. The server's message is already in the person's language and says what to do; a stale version
 * (409) with a reload offered is told as "someone else was first", with the reload button.
 */
export function ErrorBox({ error, onReload, conflict }: Props) {
  const { t } = useI18n();
  if (!error) return null;
  if (onReload && isConflict(error))
    return (
      <Alert kind="error">
        <p>{t(conflict?.message ?? 'app.conflict')}</p>
        <Button type="button" variant="secondary" onClick={onReload}>
          {t(conflict?.reload ?? 'app.reload')}
        </Button>
      </Alert>
    );
  return (
    <Alert kind="error">
      {error instanceof Error ? error.message : typeof error === 'string' ? error : t('app.error')}
    </Alert>
  );
}
