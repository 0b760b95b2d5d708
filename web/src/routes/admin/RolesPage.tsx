import { QueryTable } from '../../components/ui';
import { useRoles } from '../../features/accounts/hooks';
import { useI18n } from '../../i18n/i18n';
import { useTitle } from '../../lib/useTitle';

export function RolesPage() {
  const { t } = useI18n();
  useTitle(t('accounts.admin.rolesTitle'));
  const roles = useRoles();
  return (
    <>
      <h1>{t('accounts.admin.rolesTitle')}</h1>
      <QueryTable
        query={{ isPending: roles.isPending, error: roles.error, rows: roles.data?.items }}
        loadingLabel={t('app.loading')}
        caption={t('accounts.admin.rolesTitle')}
        captionHidden
        empty={t('app.noRows')}
        rowKey={(r) => r.role}
        columns={[
          { header: t('accounts.field.roles'), cell: (r) => t(`accounts.role.${r.role}`) },
          { header: t('accounts.admin.holders'), cell: (r) => r.holders },
        ]}
      />
    </>
  );
}
