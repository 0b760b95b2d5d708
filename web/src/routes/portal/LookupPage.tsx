import '../../features/dossiers/dossiers.css';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Spinner } from '../../components/ui';
import { LookupResult } from '../../features/dossiers/components/LookupResult';
import { isDossierCode, useLookup } from '../../features/dossiers/hooks';
import { useI18n } from '../../i18n/i18n';
import { ApiError } from '../../lib/api';

/** /tra-cuu and /tra-cuu/:code — where the receipt's QR code lands (000 Đ13, 004 Đ5). */
export function LookupPage() {
  const { t } = useI18n();
  const { code } = useParams();
  const navigate = useNavigate();
  const [input, setInput] = useState(code ?? '');
  const lookup = useLookup(code);
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
    </>
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
