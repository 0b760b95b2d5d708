import '../../features/dossiers/dossiers.css';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Alert, Button, Spinner } from '../../components/ui';
import { LookupResult } from '../../features/dossiers/components/LookupResult';
import { isDossierCode, useLookup } from '../../features/dossiers/hooks';
import { useI18n } from '../../i18n/i18n';
import { ApiError } from '../../lib/api';
import { useTitle } from '../../lib/useTitle';

/**
 * /tra-cuu and /tra-cuu/:code?pin= — where the receipt's QR code lands (000 Đ13, 004 Đ5); the QR link carries the
 * lookup PIN, otherwise the page asks for it to show the applicant's masked name (ADR 0014).
 */
export function LookupPage() {
  const { t } = useI18n();
  useTitle(t('dossiers.lookup.title'));
  const { code } = useParams();
  const [params, setParams] = useSearchParams();
  const pin = params.get('pin') ?? undefined;
  const navigate = useNavigate();
  const [input, setInput] = useState(code ?? '');
  const lookup = useLookup(code, pin);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const c = input.trim().toUpperCase();
    if (c) navigate(`/tra-cuu/${encodeURIComponent(c)}`);
  };
  return (
    <>
      <h1>{t('dossiers.lookup.title')}</h1>
      <p>{t('dossiers.lookup.lead')}</p>
      <form onSubmit={submit} className="row lookup-form">
        <label htmlFor="lookup-code" className="visually-hidden">
          {t('dossiers.lookup.code')}
        </label>
        <input
          id="lookup-code"
          value={input}
          autoComplete="off"
          onChange={(e) => setInput(e.target.value)}
          placeholder="000.17.22.H56-210531-0001"
        />
        <Button type="submit">{t('dossiers.lookup.search')}</Button>
      </form>
      <LookupOutcome code={code} lookup={lookup} />
      {lookup.data && lookup.data.pinStatus !== 'accepted' && (
        <PinForm
          wrong={lookup.data.pinStatus === 'wrong'}
          onPin={(p) => setParams({ pin: p }, { replace: true })}
        />
      )}
    </>
  );
}

/** Asks for the six-digit PIN printed on the receipt; the name appears once it matches. */
function PinForm({ wrong, onPin }: { wrong: boolean; onPin: (pin: string) => void }) {
  const { t } = useI18n();
  const [pin, setPin] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = pin.replace(/\s/g, '');
    if (/^\d{6}$/.test(p)) onPin(p);
  };
  return (
    <form onSubmit={submit} className="card lookup-pin">
      <p id="lookup-pin-lead">{t('dossiers.lookup.pinLead')}</p>
      {wrong && <Alert kind="error">{t('dossiers.lookup.pinWrong')}</Alert>}
      <div className="row">
        <label htmlFor="lookup-pin">{t('dossiers.lookup.pinLabel')}</label>
        <input
          id="lookup-pin"
          value={pin}
          inputMode="numeric"
          autoComplete="off"
          pattern="\d{6}"
          maxLength={6}
          aria-describedby="lookup-pin-lead"
          onChange={(e) => setPin(e.target.value)}
        />
        <Button type="submit">{t('dossiers.lookup.pinShow')}</Button>
      </div>
    </form>
  );
}

export function LookupOutcome({
  code,
  lookup,
  headingLevel = 2,
}: {
  code: string | undefined;
  lookup: ReturnType<typeof useLookup>;
  headingLevel?: 2 | 3;
}) {
  const { t } = useI18n();
  if (!code) return null;
  if (!isDossierCode(code)) return <Alert kind="error">{t('dossiers.lookup.malformed')}</Alert>;
  if (lookup.isPending) return <Spinner label={t('app.loading')} />;
  if (lookup.isError) {
    const err = lookup.error;
    if (err instanceof ApiError && err.status === 404)
      return <Alert kind="error">{t('dossiers.lookup.unknown', { code })}</Alert>;
    if (err instanceof ApiError && err.status === 400)
      return <Alert kind="error">{t('dossiers.lookup.malformed')}</Alert>;
    return <Alert kind="error">{err.message}</Alert>;
  }
  return <LookupResult data={lookup.data} headingLevel={headingLevel} />;
}
