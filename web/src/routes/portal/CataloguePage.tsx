import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Button, Spinner } from '../../components/ui';
import { useFacets, useProcedureSearch } from '../../features/catalogue/hooks';
import { processingTimeText } from '../../features/catalogue/format';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { formatCount } from '../../lib/dates';
import { useTitle } from '../../lib/useTitle';

const LEVELS = ['province', 'commune'] as const;
const SERVICE_LEVELS = ['full_online', 'partial_online', 'information_only'] as const;
const PAGE_SIZE = 10;

/** Public catalogue: search box, filters (field, agency, level, service level), paged results. State lives in the URL. */
export function CataloguePage() {
  const { t, locale } = useI18n();
  useTitle(t('catalogue.title'));
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) ?? '';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const query = {
    q: get('q'),
    field: get('field'),
    agency: get('agency'),
    level: get('level'),
    serviceLevel: get('serviceLevel'),
    page,
  };
  const [q, setQ] = useState(query.q);
  const search = useProcedureSearch(query);
  const facets = useFacets();
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== 'page') next.delete('page');
    setParams(next);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    set('q', q.trim());
  };
  const pages = Math.max(1, Math.ceil((search.data?.total ?? 0) / PAGE_SIZE));
  const select = (
    id: string,
    label: MessageKey,
    key: string,
    options: { value: string; label: string }[],
  ) => (
    <div className="filter">
      <label htmlFor={id}>{t(label)}</label>
      <select id={id} value={get(key)} onChange={(e) => set(key, e.target.value)}>
        <option value="">{t('catalogue.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <>
      <h1>{t('catalogue.title')}</h1>
      <form role="search" onSubmit={submit} className="search-form">
        <label htmlFor="catalogue-q">{t('catalogue.searchLabel')}</label>
        <div className="row">
          <input
            id="catalogue-q"
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t('catalogue.searchPlaceholder')}
          />
          <Button type="submit">{t('catalogue.search')}</Button>
        </div>
      </form>
      <div className="filters">
        {select(
          'f-field',
          'catalogue.field',
          'field',
          (facets.data?.fields ?? []).map((f) => ({
            value: f.value,
            label: `${f.label} (${formatCount(f.count, locale)})`,
          })),
        )}
        {select(
          'f-agency',
          'catalogue.agency',
          'agency',
          (facets.data?.agencies ?? []).map((f) => ({
            value: f.value,
            label: `${f.label} (${formatCount(f.count, locale)})`,
          })),
        )}
        {select(
          'f-level',
          'catalogue.level',
          'level',
          LEVELS.map((l) => ({ value: l, label: t(`catalogue.level.${l}`) })),
        )}
        {select(
          'f-sl',
          'catalogue.serviceLevel',
          'serviceLevel',
          SERVICE_LEVELS.map((l) => ({ value: l, label: t(`catalogue.sl.${l}`) })),
        )}
      </div>
      {search.isPending && <Spinner label={t('catalogue.loading')} />}
      {search.isError && <Alert kind="error">{search.error.message}</Alert>}
      {search.data && (
        <>
          <p aria-live="polite">{t('catalogue.results', { total: search.data.total })}</p>
          {search.data.items.length === 0 && <Alert>{t('catalogue.noResults')}</Alert>}
          <ol className="result-list">
            {search.data.items.map((p) => (
              <li key={p.code} className="card">
                <h2>
                  <Link to={`/thu-tuc/${encodeURIComponent(p.code)}`}>{p.name}</Link>
                </h2>
                <p>
                  {p.code} · {p.field} · {p.agency}
                </p>
                <p>
                  {t(`catalogue.sl.${p.serviceLevel}`)} · {processingTimeText(t as never, p.processingTime)}
                </p>
              </li>
            ))}
          </ol>
          <nav className="pager" aria-label={t('catalogue.page', { page, pages })}>
            <Button variant="secondary" disabled={page <= 1} onClick={() => set('page', String(page - 1))}>
              {t('catalogue.prev')}
            </Button>
            <span>{t('catalogue.page', { page, pages })}</span>
            <Button
              variant="secondary"
              disabled={page >= pages}
              onClick={() => set('page', String(page + 1))}
            >
              {t('catalogue.next')}
            </Button>
          </nav>
        </>
      )}
    </>
  );
}
