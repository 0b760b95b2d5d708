import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { PROCEDURE_STATUSES } from '@motcua/contracts';
import { Alert, Spinner, Table } from '../../../../components/ui';
import { useI18n } from '../../../../i18n/i18n';
import { useAdminProcedures } from '../hooks';

/** Case- and diacritic-insensitive text for the client-side filter ("giay phep" finds "Giấy phép"). */
const fold = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

/** Every procedure with its status, filtered by status (server) and by text (code, name or field). */
export function ProcedureTable() {
  const { t } = useI18n();
  const [status, setStatus] = useState('');
  const [text, setText] = useState('');
  const list = useAdminProcedures(status);
  const rows = useMemo(() => {
    const q = fold(text.trim());
    return (list.data ?? []).filter((p) => !q || fold(`${p.code} ${p.name} ${p.field}`).includes(q));
  }, [list.data, text]);
  return (
    <>
      <div className="ce-inline" role="search" aria-label={t('catalogueAdmin.list.filters')}>
        <div className="field">
          <label htmlFor="ce-filter-status">{t('catalogueAdmin.list.status')}</label>
          <select id="ce-filter-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('catalogue.all')}</option>
            {PROCEDURE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`catalogueAdmin.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ce-filter-text">{t('catalogueAdmin.list.text')}</label>
          <input id="ce-filter-text" type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
      </div>
      {list.isPending && <Spinner label={t('app.loading')} />}
      {list.isError && <Alert kind="error">{list.error.message}</Alert>}
      {list.data && (
        <>
          <p role="status">{t('catalogueAdmin.list.count', { n: rows.length })}</p>
          <Table
            caption={t('catalogueAdmin.list.title')}
            captionHidden
            rows={rows}
            rowKey={(p) => p.code}
            rowData={(p) => ({ 'data-code': p.code })}
            empty={t('app.noRows')}
            columns={[
              { header: t('catalogue.code'), cell: (p) => p.code },
              {
                header: t('catalogueAdmin.list.procedure'),
                cell: (p) => <Link to={`/admin/thu-tuc/${encodeURIComponent(p.code)}`}>{p.name}</Link>,
              },
              { header: t('catalogue.field'), cell: (p) => p.field },
              {
                header: t('catalogueAdmin.list.status'),
                cell: (p) => (
                  <>
                    {t(`catalogueAdmin.status.${p.status}`)}
                    {p.hasDraft && p.status !== 'draft' && <> · {t('catalogueAdmin.list.hasDraft')}</>}
                  </>
                ),
              },
            ]}
          />
        </>
      )}
    </>
  );
}
