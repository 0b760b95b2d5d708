import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Card, ErrorBox, InputField } from '../../components/ui';
import { useLogin, useOidc } from '../../features/accounts/hooks';
import { useI18n } from '../../i18n/i18n';
import { useTitle } from '../../lib/useTitle';

/** Only paths on this site, never another origin. */
export const safeNext = (next: string | null, fallback: string) =>
  next && /^\/(?!\/)/.test(next) ? next : fallback;

export function LoginPage() {
  const { t } = useI18n();
  useTitle(t('accounts.login.title'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const login = useLogin();
  const oidc = useOidc();
  const [form, setForm] = useState({ login: '', password: '' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate(form, {
      onSuccess: (me) =>
        navigate(safeNext(params.get('next'), me.kind === 'staff' ? '/office' : '/tai-khoan')),
    });
  };
  return (
    <Card>
      <h1>{t('accounts.login.title')}</h1>
      <form onSubmit={submit} noValidate>
        <InputField
          label={t('accounts.field.login')}
          autoComplete="username"
          required
          value={form.login}
          onChange={(e) => setForm({ ...form, login: e.target.value })}
        />
        <InputField
          label={t('accounts.field.password')}
          type="password"
          autoComplete="current-password"
          required
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
        />
        <ErrorBox error={login.error} />
        <Button type="submit" disabled={login.isPending}>
          {t('accounts.login.submit')}
        </Button>
      </form>
      {oidc.data?.enabled && (
        <p>
          <a
            className="btn btn-secondary"
            href={`/api/auth/oidc/start?returnTo=${encodeURIComponent(safeNext(params.get('next'), '/tai-khoan'))}`}
          >
            {t('accounts.login.sso')}
          </a>
        </p>
      )}
      <div className="form-links">
        <Link to="/quen-mat-khau">{t('accounts.login.forgot')}</Link>
        <Link to="/dang-ky">{t('accounts.login.register')}</Link>
      </div>
    </Card>
  );
}
