import '../../features/catalogue/admin/admin.css';
import { Link } from 'react-router-dom';
import { Card } from '../../components/ui';
import { exportUrl } from '../../features/catalogue/admin/api';
import { ImportForm } from '../../features/catalogue/admin/components/ImportForm';
import { useI18n } from '../../i18n/i18n';
import { useTitle } from '../../lib/useTitle';

/** /admin/thu-tuc/nhap-xuat: import a whole list (all or nothing) and export the published catalogue. */
export function ProcedureTransferPage() {
  const { t } = useI18n();
  useTitle(t('catalogueAdmin.transfer.title'));
  return (
    <>
      <p>
        <Link to="/admin/thu-tuc">{t('catalogueAdmin.back')}</Link>
      </p>
      <h1>{t('catalogueAdmin.transfer.title')}</h1>
      <Card>
        <ImportForm />
      </Card>
      <Card>
        <h2>{t('catalogueAdmin.export.title')}</h2>
        <p className="muted">{t('catalogueAdmin.export.help')}</p>
        <div className="row">
          <a className="btn btn-secondary" href={exportUrl('json')} download="danh-muc-thu-tuc.json">
            {t('catalogueAdmin.export.json')}
          </a>
          <a className="btn btn-secondary" href={exportUrl('xlsx')} download="danh-muc-thu-tuc.xlsx">
            {t('catalogueAdmin.export.xlsx')}
          </a>
        </div>
      </Card>
    </>
  );
}
