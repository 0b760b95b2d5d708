import { Spinner } from '../../components/ui';
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
      {roles.isPending ? (
        <Spinner label={t('app.loading')} />
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('accounts.field.roles')}</th>
              <th scope="col">{t('accounts.admin.holders')}</th>
            </tr>
          </thead>
          <tbody>
            {roles.data?.items.map((r) => (
              <tr key={r.role}>
                <td>{t(`accounts.role.${r.role}`)}</td>
                <td>{r.holders}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
