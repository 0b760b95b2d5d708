import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/i18n';
import { useTitle } from '../lib/useTitle';

export function NotFound() {
  const { t } = useI18n();
  useTitle(t('notFound.title'));
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.lead')}</p>
      <Link to="/">{t('notFound.back')}</Link>
    </>
  );
}
