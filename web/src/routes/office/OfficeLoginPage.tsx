import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, ErrorBox, InputField } from '../../components/ui';
import { useChangePassword, useLogin } from '../../features/accounts/hooks';
import { useMe } from '../../features/session/hooks';
import { useI18n } from '../../i18n/i18n';
import { Shell } from '../Shell';
import { safeNext } from '../portal/LoginPage';
import { useTitle } from '../../lib/useTitle';

/** Staff log-in; a one-time password must be replaced before anything else (001 Đ25.1). */
export function OfficeLoginPage() {
  const { t } = useI18n();
  useTitle(t('accounts.office.title'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useMe();
  const login = useLogin();
  const change = useChangePassword();
  const [form, setForm] = useState({ login: '', password: '' });
  const [pw, setPw] = useState('');
  // Arriving already logged in (e.g. redirected by the guard), the current password has to be typed again.
  const [loggedInHere, setLoggedInHere] = useState(false);
  const next = safeNext(params.get('next'), '/office');
  const mustChange = Boolean(me.data?.mustChangePassword);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate(form, {
      onSuccess: (m) => (m.mustChangePassword ? setLoggedInHere(true) : navigate(next)),
    });
  };
  const submitChange = (e: FormEvent) => {
    e.preventDefault();
    change.mutate({ currentPassword: form.password, newPassword: pw }, { onSuccess: () => navigate(next) });
  };
  return (
    <Shell area="office" nav={[]}>
      <Card>
        <h1>{t('accounts.office.title')}</h1>
        {mustChange ? (
          <form onSubmit={submitChange} noValidate>
            <Alert kind="warning">{t('accounts.office.mustChange')}</Alert>
            {!loggedInHere && (
              <InputField
                label={t('accounts.field.currentPassword')}
                type="password"
                autoComplete="current-password"
                value={form.password}
                onChange={(e) => setForm({ ...form, password: e.target.value })}
              />
            )}
            <InputField
              label={t('accounts.field.newPassword')}
              type="password"
              autoComplete="new-password"
              hint={t('accounts.passwordHint')}
              value={pw}
              onChange={(e) => setPw(e.target.value)}
            />
            <ErrorBox error={change.error} />
            <Button type="submit" disabled={change.isPending}>
              {t('accounts.office.changeSubmit')}
            </Button>
          </form>
        ) : (
          <form onSubmit={submit} noValidate>
            <InputField
              label={t('accounts.field.username')}
              autoComplete="username"
              value={form.login}
              onChange={(e) => setForm({ ...form, login: e.target.value })}
            />
            <InputField
              label={t('accounts.field.password')}
              type="password"
              autoComplete="current-password"
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.target.value })}
            />
            <ErrorBox error={login.error} />
            <Button type="submit" disabled={login.isPending}>
              {t('accounts.login.submit')}
            </Button>
          </form>
        )}
      </Card>
    </Shell>
  );
}
