import { Link } from 'react-router-dom';
import { Alert, Button, Spinner } from '../../components/ui';
import { AgencyFilters } from '../../features/organisation/components/AgencyFilters';
import { useAgencies, useAgencyFilterParams } from '../../features/organisation/hooks';
import '../../features/organisation/organisation.css';
import { useI18n } from '../../i18n/i18n';
import { useTitle } from '../../lib/useTitle';

/** /co-quan: the agencies of the province, filterable by unit and type, searchable by name. State lives in the URL. */
export function AgenciesPage() {
  const { t } = useI18n();
  useTitle(t('organisation.public.title'));
  const { filter, set, draft: q, setDraft: setQ, submit } = useAgencyFilterParams();
  const agencies = useAgencies(filter);
  return (
    <>
      <h1>{t('organisation.public.title')}</h1>
      <p>{t('organisation.public.lead')}</p>
      <form role="search" onSubmit={submit} className="search-form">
        <label htmlFor="org-q">{t('organisation.searchLabel')}</label>
        <div className="row">
          <input
            id="org-q"
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t('organisation.searchPlaceholder')}
          />
          <Button type="submit">{t('organisation.search')}</Button>
        </div>
      </form>
      <AgencyFilters unit={filter.unit} type={filter.type} onChange={set} />
      {agencies.isPending && <Spinner label={t('organisation.loading')} />}
      {agencies.isError && <Alert kind="error">{agencies.error.message}</Alert>}
      {agencies.data && (
        <>
          <p aria-live="polite">{t('organisation.count', { total: agencies.data.length })}</p>
          {agencies.data.length === 0 && <Alert>{t('organisation.none')}</Alert>}
          <ul className="org-list">
            {agencies.data.map((a) => (
              <li key={a.id} className="card">
                <h2>
                  <Link to={`/co-quan/${a.id}`}>{a.name}</Link>
                </h2>
                <p>
                  {t(`organisation.type.${a.type}` as 'organisation.type.department')} · {a.unitName}
                </p>
                {a.hotline && (
                  <p>
                    {t('organisation.hotline')}:{' '}
                    <a href={`tel:${a.hotline.replace(/[^0-9+]/g, '')}`}>{a.hotline}</a>
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
