import '../../features/catalogue/admin/admin.css';
import { Link } from 'react-router-dom';
import { Card } from '../../components/ui';
import { LatePanel } from '../../features/catalogue/admin/components/LatePanel';
import { ProcedureTable } from '../../features/catalogue/admin/components/ProcedureTable';
import { useI18n } from '../../i18n/i18n';
import { useTitle } from '../../lib/useTitle';

/** /admin/thu-tuc: every procedure with its status, and the late-publication watch list. */
export function ProcedureListPage() {
  const { t } = useI18n();
  useTitle(t('catalogueAdmin.list.title'));
  return (
    <>
      <h1>{t('catalogueAdmin.list.title')}</h1>
      <div className="row">
        <Link className="btn btn-primary" to="/admin/thu-tuc/moi">
          {t('catalogueAdmin.list.new')}
        </Link>
        <Link className="btn btn-secondary" to="/admin/thu-tuc/nhap-xuat">
          {t('catalogueAdmin.transfer.title')}
        </Link>
      </div>
      <LatePanel />
      <Card>
        <ProcedureTable />
      </Card>
    </>
  );
}
