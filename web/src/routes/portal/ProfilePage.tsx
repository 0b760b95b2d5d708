import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router-dom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TProfile } from '@motcua/contracts';
import { Alert, Button, Card, DateField, ErrorBox, InputField, Spinner } from '../../components/ui';
import { accountsApi } from '../../features/accounts/api';
import { accountsKeys, useChangePassword, useLogout, useProfile } from '../../features/accounts/hooks';
import { useMe } from '../../features/session/hooks';
import { useI18n } from '../../i18n/i18n';
import { useTitle } from '../../lib/useTitle';

type Draft = {
  fullName: string;
  dateOfBirth: string;
  idNumber: string;
  address: string;
  email: string;
  phone: string;
  preferredLocale: '' | 'vi' | 'en';
};
const draftOf = (p: TProfile): Draft => ({
  fullName: p.fullName,
  dateOfBirth: p.dateOfBirth ?? '',
  idNumber: p.idNumber ?? '',
  address: p.address ?? '',
  email: p.email ?? '',
  phone: p.phone ?? '',
  preferredLocale: p.preferredLocale ?? '',
});

export function ProfilePage() {
  const { t } = useI18n();
  useTitle(t('accounts.profile.title'));
  const me = useMe();
  const profile = useProfile();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const logout = useLogout();
  const change = useChangePassword();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [pw, setPw] = useState({ currentPassword: '', newPassword: '' });
  const save = useMutation({
    mutationFn: (d: Draft) =>
      accountsApi.updateProfile({
        fullName: d.fullName,
        dateOfBirth: d.dateOfBirth || null,
        idNumber: d.idNumber || null,
        address: d.address || null,
        ...(d.email ? { email: d.email } : {}),
        ...(d.phone ? { phone: d.phone } : {}),
        preferredLocale: d.preferredLocale || null,
      }),
    onSuccess: (r) => qc.setQueryData(accountsKeys.profile(), r.profile),
  });
  // The form starts from the profile once it has loaded.
  if (profile.data && !draft) setDraft(draftOf(profile.data));
  if (me.isPending) return <Spinner label={t('app.loading')} />;
  if (!me.data) return <Navigate to="/dang-nhap?next=/tai-khoan" replace />;
  if (!profile.data || !draft) return <Spinner label={t('app.loading')} />;
  const p = profile.data;
  const set = (k: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(draft);
  };
  const verified = (v: boolean) => `(${t(v ? 'accounts.profile.verified' : 'accounts.profile.unverified')})`;
  return (
    <>
      <h1>{t('accounts.profile.title')}</h1>
      <Card>
        <form onSubmit={submit} noValidate>
          <InputField
            label={t('accounts.field.fullName')}
            value={draft.fullName}
            onChange={set('fullName')}
          />
          <DateField
            label={t('accounts.field.dateOfBirth')}
            value={draft.dateOfBirth}
            onValue={(value) => set('dateOfBirth')({ target: { value } })}
          />
          <InputField
            label={t('accounts.field.idNumber')}
            inputMode="numeric"
            value={draft.idNumber}
            onChange={set('idNumber')}
          />
          <InputField label={t('accounts.field.address')} value={draft.address} onChange={set('address')} />
          <InputField
            label={`${t('accounts.field.email')} ${p.email ? verified(p.emailVerified) : ''}`}
            type="email"
            value={draft.email}
            onChange={set('email')}
          />
          <InputField
            label={`${t('accounts.field.phone')} ${p.phone ? verified(p.phoneVerified) : ''}`}
            type="tel"
            value={draft.phone}
            onChange={set('phone')}
          />
          <div className="field">
            <label htmlFor="preferred-locale">{t('accounts.field.preferredLocale')}</label>
            <select id="preferred-locale" value={draft.preferredLocale} onChange={set('preferredLocale')}>
              <option value="">{t('accounts.locale.request')}</option>
              <option value="vi">Tiếng Việt</option>
              <option value="en">English</option>
            </select>
          </div>
          <ErrorBox error={save.error} />
          {save.isSuccess && <Alert kind="success">{t('accounts.profile.saved')}</Alert>}
          {save.data?.codesSent.map((c) => (
            <Alert key={c.sentTo} kind="info">
              {t('accounts.verify.sent', { to: c.sentTo, minutes: c.expiresInSeconds / 60 })}{' '}
              <a
                href={`/kich-hoat?login=${encodeURIComponent(c.channel === 'email' ? draft.email : draft.phone)}`}
              >
                {t('accounts.profile.verifyCode')}
              </a>
            </Alert>
          ))}
          <Button type="submit" disabled={save.isPending}>
            {t('accounts.profile.save')}
          </Button>
        </form>
      </Card>
      <Card>
        <h2>{t('accounts.profile.organisations')}</h2>
        {p.organisations.length === 0 ? (
          <p>{t('accounts.profile.noOrganisations')}</p>
        ) : (
          <ul>
            {p.organisations.map((o) => (
              <li key={o.id}>
                {o.name} — {o.taxCode}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <h2>{t('accounts.profile.changePassword')}</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            change.mutate(pw);
          }}
          noValidate
        >
          <InputField
            label={t('accounts.field.currentPassword')}
            type="password"
            autoComplete="current-password"
            value={pw.currentPassword}
            onChange={(e) => setPw({ ...pw, currentPassword: e.target.value })}
          />
          <InputField
            label={t('accounts.field.newPassword')}
            type="password"
            autoComplete="new-password"
            hint={t('accounts.passwordHint')}
            value={pw.newPassword}
            onChange={(e) => setPw({ ...pw, newPassword: e.target.value })}
          />
          <ErrorBox error={change.error} />
          {change.isSuccess && <Alert kind="success">{t('accounts.profile.passwordChanged')}</Alert>}
          <Button type="submit" disabled={change.isPending}>
            {t('accounts.profile.changePassword')}
          </Button>
        </form>
      </Card>
      <div className="row">
        <Button variant="secondary" onClick={() => logout.mutate(false, { onSettled: () => navigate('/') })}>
          {t('accounts.profile.logout')}
        </Button>
        <Button variant="secondary" onClick={() => logout.mutate(true, { onSettled: () => navigate('/') })}>
          {t('accounts.profile.logoutAll')}
        </Button>
      </div>
    </>
  );
}
