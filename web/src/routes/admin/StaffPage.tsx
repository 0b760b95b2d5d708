import { useState, type FormEvent } from 'react';
import { STAFF_ROLES, type TStaffRole } from '@motcua/contracts';
import { Alert, Button, Card, ErrorBox, InputField, QueryTable } from '../../components/ui';
import { useAgencies, useRoles, useStaff, useStaffMutations } from '../../features/accounts/hooks';
import { useMe } from '../../features/session/hooks';
import { useI18n } from '../../i18n/i18n';
import { useTitle } from '../../lib/useTitle';

/** Unit administrators manage their agency's staff; system administrators every agency's (001 Đ4.3). */
export function StaffPage() {
  const { t } = useI18n();
  useTitle(t('accounts.admin.staffTitle'));
  const me = useMe();
  const staff = useStaff();
  const agencies = useAgencies();
  const m = useStaffMutations();
  const [form, setForm] = useState({
    fullName: '',
    agencyId: '',
    departmentId: '',
    roles: [] as TStaffRole[],
  });
  const [notice, setNotice] = useState<string | null>(null);
  const roles = useRoles();
  // The server says which roles this administrator may grant (role-grants.ts); the form offers only those.
  const grantable = STAFF_ROLES.filter((r) => roles.data?.items.find((i) => i.role === r)?.grantable);
  const agencyId = form.agencyId || agencies.data?.items[0]?.id || '';
  const agency = agencies.data?.items.find((a) => a.id === agencyId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    m.create.mutate(
      { fullName: form.fullName, agencyId, departmentId: form.departmentId || null, roles: form.roles },
      {
        onSuccess: (r) => {
          setNotice(
            t('accounts.admin.created', { username: r.account.username, password: r.temporaryPassword }),
          );
          setForm({ ...form, fullName: '', roles: [] });
        },
      },
    );
  };
  const toggle = (role: TStaffRole) =>
    setForm({
      ...form,
      roles: form.roles.includes(role) ? form.roles.filter((r) => r !== role) : [...form.roles, role],
    });
  return (
    <>
      <h1 id="staff-title">{t('accounts.admin.staffTitle')}</h1>
      {notice && (
        <Alert kind="success">
          <span data-testid="staff-notice">{notice}</span>
        </Alert>
      )}
      <ErrorBox error={m.action.error ?? m.reset.error} />
      <Card>
        <h2>{t('accounts.admin.create')}</h2>
        <form onSubmit={submit} noValidate>
          <InputField
            label={t('accounts.field.fullName')}
            value={form.fullName}
            onChange={(e) => setForm({ ...form, fullName: e.target.value })}
          />
          <div className="field">
            <label htmlFor="staff-agency">{t('accounts.field.agency')}</label>
            <select
              id="staff-agency"
              value={agencyId}
              onChange={(e) => setForm({ ...form, agencyId: e.target.value, departmentId: '' })}
            >
              {agencies.data?.items.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.shortName} — {a.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="staff-dept">{t('accounts.field.department')}</label>
            <select
              id="staff-dept"
              value={form.departmentId}
              onChange={(e) => setForm({ ...form, departmentId: e.target.value })}
            >
              <option value="">—</option>
              {agency?.departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="field">
            <legend>{t('accounts.field.roles')}</legend>
            {grantable.map((r) => (
              <label key={r} className="check">
                <input type="checkbox" checked={form.roles.includes(r)} onChange={() => toggle(r)} />{' '}
                {t(`accounts.role.${r}`)}
              </label>
            ))}
          </fieldset>
          <ErrorBox error={m.create.error} />
          <Button type="submit" disabled={m.create.isPending}>
            {t('accounts.admin.create')}
          </Button>
        </form>
      </Card>
      <QueryTable
        query={{ isPending: staff.isPending, error: staff.error, rows: staff.data?.items }}
        loadingLabel={t('app.loading')}
        labelledBy="staff-title"
        rowKey={(s) => s.id}
        empty={t('accounts.admin.none')}
        columns={[
          { header: t('accounts.field.username'), cell: (s) => s.username },
          { header: t('accounts.field.fullName'), cell: (s) => s.fullName },
          { header: t('accounts.field.agency'), cell: (s) => s.agency.shortName },
          {
            header: t('accounts.field.roles'),
            cell: (s) => s.roles.map((r) => t(`accounts.role.${r}`)).join(', '),
          },
          { header: t('accounts.field.status'), cell: (s) => t(`accounts.status.${s.status}`) },
          {
            header: t('accounts.admin.actions'),
            cell: (s) =>
              s.id !== me.data?.id &&
              s.status !== 'revoked' && (
                <div className="row">
                  {s.status === 'active' ? (
                    <Button
                      variant="secondary"
                      aria-label={`${t('accounts.admin.suspend')} ${s.username}`}
                      onClick={() => m.action.mutate({ id: s.id, action: 'suspend' })}
                    >
                      {t('accounts.admin.suspend')}
                    </Button>
                  ) : (
                    <Button
                      variant="secondary"
                      aria-label={`${t('accounts.admin.reactivate')} ${s.username}`}
                      onClick={() => m.action.mutate({ id: s.id, action: 'reactivate' })}
                    >
                      {t('accounts.admin.reactivate')}
                    </Button>
                  )}
                  <Button
                    variant="secondary"
                    aria-label={`${t('accounts.admin.reset')} ${s.username}`}
                    onClick={() =>
                      m.reset.mutate(s.id, {
                        onSuccess: (r) =>
                          setNotice(
                            t('accounts.admin.resetDone', {
                              username: r.account.username,
                              password: r.temporaryPassword,
                            }),
                          ),
                      })
                    }
                  >
                    {t('accounts.admin.reset')}
                  </Button>
                  <Button
                    variant="danger"
                    aria-label={`${t('accounts.admin.revoke')} ${s.username}`}
                    onClick={() => m.action.mutate({ id: s.id, action: 'revoke' })}
                  >
                    {t('accounts.admin.revoke')}
                  </Button>
                </div>
              ),
          },
        ]}
      />
    </>
  );
}
