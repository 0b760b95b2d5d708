import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Card, ErrorBox, InputField } from '../../components/ui';
import { accountsApi } from '../../features/accounts/api';
import { useMutation } from '@tanstack/react-query';
import { useI18n } from '../../i18n/i18n';
import { useTitle } from '../../lib/useTitle';

export function RegisterPage() {
  const { t } = useI18n();
  useTitle(t('accounts.register.title'));
  const navigate = useNavigate();
  const [form, setForm] = useState({ fullName: '', email: '', phone: '', password: '' });
  const register = useMutation({ mutationFn: accountsApi.register });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      fullName: form.fullName,
      password: form.password,
      ...(form.email.trim() ? { email: form.email.trim() } : {}),
      ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
    };
    register.mutate(body, {
      onSuccess: (sent) => {
        const login = body.email ?? body.phone ?? '';
        navigate(`/kich-hoat?login=${encodeURIComponent(login)}&to=${encodeURIComponent(sent.sentTo)}`);
      },
    });
  };
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value });
  return (
    <Card>
      <h1>{t('accounts.register.title')}</h1>
      <p>{t('accounts.register.lead')}</p>
      <form onSubmit={submit} noValidate>
        <InputField
          label={t('accounts.field.fullName')}
          autoComplete="name"
          required
          value={form.fullName}
          onChange={set('fullName')}
        />
        <InputField
          label={t('accounts.field.email')}
          type="email"
          autoComplete="email"
          value={form.email}
          onChange={set('email')}
        />
        <InputField
          label={t('accounts.field.phone')}
          type="tel"
          autoComplete="tel"
          value={form.phone}
          onChange={set('phone')}
        />
        <InputField
          label={t('accounts.field.password')}
          type="password"
          autoComplete="new-password"
          required
          hint={t('accounts.passwordHint')}
          value={form.password}
          onChange={set('password')}
        />
        <ErrorBox error={register.error} />
        <Button type="submit" disabled={register.isPending}>
          {t('accounts.register.submit')}
        </Button>
      </form>
      <div className="form-links">
        <Link to="/dang-nhap">{t('accounts.register.haveAccount')}</Link>
      </div>
    </Card>
  );
}
