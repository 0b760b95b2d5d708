import { Spinner } from '../components/ui';
import { useI18n } from '../i18n/i18n';

/** Shown in a layout's main area while the page's chunk loads (and in the prerendered portal shell). */
export function PageLoading() {
  const { t } = useI18n();
  return <Spinner label={t('app.loading')} />;
}
