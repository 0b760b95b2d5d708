import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, ErrorBox, InputField } from '../../components/ui';
import { accountsApi } from '../../features/accounts/api';
import { useI18n } from '../../i18n/i18n';
import { useTitle } from '../../lib/useTitle';

export function VerifyPage() {
  const { t } = useI18n();
  useTitle(t('accounts.verify.title'));
  const [params] = useSearchParams();
  const [login, setLogin] = useState(params.get('login') ?? '');
  const [code, setCode] = useState('');
  const verify = useMutation({ mutationFn: () => accountsApi.verify(login, code) });
  const resend = useMutation({ mutationFn: () => accountsApi.resend(login) });
  const to = resend.data?.sentTo ?? params.get('to');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    verify.mutate();
  };
  return (
    <Card>
      <h1>{t('accounts.verify.title')}</h1>
      {to && <Alert kind="info">{t('accounts.verify.sent', { to, minutes: 10 })}</Alert>}
      {verify.isSuccess ? (
        <>
          <Alert kind="success">{t('accounts.verify.done')}</Alert>
          <Link className="btn btn-primary" to="/dang-nhap">
            {t('accounts.login.submit')}
          </Link>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <InputField
            label={t('accounts.field.login')}
            value={login}
            onChange={(e) => setLogin(e.target.value)}
            required
          />
          <InputField
            label={t('accounts.field.code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <ErrorBox error={verify.error ?? resend.error} />
          <div className="row">
            <Button type="submit" disabled={verify.isPending}>
              {t('accounts.verify.submit')}
            </Button>
            <Button
              type="button"
              variant="secondary"
              onClick={() => resend.mutate()}
              disabled={resend.isPending || !login}
            >
              {t('accounts.verify.resend')}
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}
