import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, ErrorBox, InputField } from '../../components/ui';
import { accountsApi } from '../../features/accounts/api';
import { useI18n } from '../../i18n/i18n';
import { useTitle } from '../../lib/useTitle';

export function ForgotPasswordPage() {
  const { t } = useI18n();
  useTitle(t('accounts.forgot.title'));
  const [login, setLogin] = useState('');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const request = useMutation({ mutationFn: () => accountsApi.requestReset(login) });
  const confirm = useMutation({ mutationFn: () => accountsApi.confirmReset(login, code, password) });
  const ask = (e: FormEvent) => {
    e.preventDefault();
    request.mutate();
  };
  const reset = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate();
  };
  return (
    <Card>
      <h1>{t('accounts.forgot.title')}</h1>
      {confirm.isSuccess ? (
        <>
          <Alert kind="success">{t('accounts.forgot.done')}</Alert>
          <Link className="btn btn-primary" to="/dang-nhap">
            {t('accounts.login.submit')}
          </Link>
        </>
      ) : !request.isSuccess ? (
        <form onSubmit={ask} noValidate>
          <p>{t('accounts.forgot.lead')}</p>
          <InputField
            label={t('accounts.field.login')}
            autoComplete="username"
            required
            value={login}
            onChange={(e) => setLogin(e.target.value)}
          />
          <ErrorBox error={request.error} />
          <Button type="submit" disabled={request.isPending}>
            {t('accounts.forgot.send')}
          </Button>
        </form>
      ) : (
        <form onSubmit={reset} noValidate>
          <Alert kind="info">{t('accounts.forgot.sent')}</Alert>
          <InputField
            label={t('accounts.field.code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <InputField
            label={t('accounts.field.newPassword')}
            type="password"
            autoComplete="new-password"
            hint={t('accounts.passwordHint')}
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <ErrorBox error={confirm.error} />
          <Button type="submit" disabled={confirm.isPending}>
            {t('accounts.forgot.submit')}
          </Button>
        </form>
      )}
    </Card>
  );
}
