import { Link, useNavigate } from 'react-router-dom';
import { Button, Card, QueryTable } from '../../components/ui';
import { AgencyFilters } from '../../features/organisation/components/AgencyFilters';
import { AgencyCreate } from '../../features/organisation/components/AgencyForms';
import { useAgencies, useAgencyFilterParams, useIsSystemAdmin } from '../../features/organisation/hooks';
import '../../features/organisation/organisation.css';
import { useI18n } from '../../i18n/i18n';
import { formatDay } from '../../lib/dates';
import { useTitle } from '../../lib/useTitle';

/** /admin/co-quan: agencies filterable by unit and type (history on request); create one. */
export function AgenciesAdminPage() {
  const { t } = useI18n();
  useTitle(t('organisation.agencies.title'));
  const navigate = useNavigate();
  const { filter, set, draft: q, setDraft: setQ, submit } = useAgencyFilterParams();
  const agencies = useAgencies(filter);
  const full = useIsSystemAdmin();
  return (
    <>
      <h1>{t('organisation.agencies.title')}</h1>
      {full && (
        <Card>
          <AgencyCreate onCreated={(id) => navigate(`/admin/co-quan/${id}`)} />
        </Card>
      )}
      <form role="search" onSubmit={submit} className="org-row">
        <div className="field">
          <label htmlFor="org-admin-q">{t('organisation.searchLabel')}</label>
          <input id="org-admin-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <Button type="submit">{t('organisation.search')}</Button>
      </form>
      <AgencyFilters unit={filter.unit} type={filter.type} onChange={set} />
      <label className="check">
        <input
          type="checkbox"
          checked={filter.all}
          onChange={(e) => set('all', e.target.checked ? 'true' : '')}
        />
        {t('organisation.agencies.showEnded')}
      </label>
      <QueryTable
        query={{ isPending: agencies.isPending, error: agencies.error, rows: agencies.data }}
        loadingLabel={t('organisation.loading')}
        caption={t('organisation.count', { total: agencies.data?.length ?? 0 })}
        captionHidden
        empty={t('app.noRows')}
        rowKey={(a) => a.id}
        columns={[
          { header: t('organisation.shortName'), cell: (a) => a.shortName },
          {
            header: t('organisation.name'),
            cell: (a) => (
              <>
                <Link to={`/admin/co-quan/${a.id}`}>{a.name}</Link>
                {a.validTo && ` (${t('organisation.agencies.endedOn', { date: formatDay(a.validTo) })})`}
              </>
            ),
          },
          {
            header: t('organisation.type'),
            cell: (a) => t(`organisation.type.${a.type}` as 'organisation.type.department'),
          },
          { header: t('organisation.unit'), cell: (a) => a.unitName },
          {
            header: t('organisation.identifierCode'),
            cell: (a) =>
              a.codes
                .filter((c) => c.validTo === null)
                .map((c) => c.code)
                .join(', '),
          },
        ]}
      />
    </>
  );
}
