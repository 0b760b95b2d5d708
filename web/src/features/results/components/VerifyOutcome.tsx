import { Link } from 'react-router-dom';
import type { TDossierResults, TVerifyResultResponse } from '@motcua/contracts';
import { Alert } from '../../../components/ui';
import { formatDateTime } from '../../../lib/dates';
import { useI18n } from '../../../i18n/i18n';

/** What the server said about a dropped file: valid (signer, time, dossier) or why not. */
export function VerifyOutcome({ r }: { r: TVerifyResultResponse }) {
  const { t, locale } = useI18n();
  return (
    <Alert kind={r.valid ? (r.superseded ? 'warning' : 'success') : 'error'}>
      <h2>{t(r.valid ? 'results.verify.valid' : 'results.verify.invalid')}</h2>
      {r.reason ? <p>{r.reason}</p> : null}
      {r.superseded ? <p>{t('results.verify.superseded')}</p> : null}
      <dl className="facts">
        {r.signer ? (
          <>
            <dt>{t('results.verify.signer')}</dt>
            <dd>{r.signer}</dd>
          </>
        ) : null}
        {r.signedAt ? (
          <>
            <dt>{t('results.verify.signedAt')}</dt>
            <dd>{formatDateTime(r.signedAt, locale)}</dd>
          </>
        ) : null}
        {r.dossierCode ? (
          <>
            <dt>{t('results.verify.dossierCode')}</dt>
            <dd>
              <Link to={`/tra-cuu/${encodeURIComponent(r.dossierCode)}`}>{r.dossierCode}</Link>
            </dd>
          </>
        ) : null}
      </dl>
    </Alert>
  );
}

/** The signed results of a dossier: the current one, then those a correction replaced. */
export function ResultFacts({ facts }: { facts: TDossierResults }) {
  const { t, locale } = useI18n();
  return (
    <section className="card" aria-labelledby="result-facts-title">
      <h2 id="result-facts-title">{t('results.facts.title', { code: facts.dossierCode })}</h2>
      {facts.results.map((r) => (
        <dl key={r.id} className="facts">
          <dt>{t('results.facts.number')}</dt>
          <dd>
            {r.documentNumber}{' '}
            <strong>{t(r.current ? 'results.facts.current' : 'results.facts.replaced')}</strong>
          </dd>
          <dt>{t('results.facts.kind')}</dt>
          <dd>{t(r.kind === 'granted' ? 'results.facts.granted' : 'results.facts.refused')}</dd>
          <dt>{t('results.verify.signer')}</dt>
          <dd>{r.signer}</dd>
          <dt>{t('results.verify.signedAt')}</dt>
          <dd>{formatDateTime(r.signedAt, locale)}</dd>
          {r.correctionReason ? (
            <>
              <dt>{t('results.facts.correctionReason')}</dt>
              <dd>{r.correctionReason}</dd>
            </>
          ) : null}
        </dl>
      ))}
      <p>
        <Link to={`/tra-cuu/${encodeURIComponent(facts.dossierCode)}`}>{t('results.facts.lookup')}</Link>
      </p>
    </section>
  );
}
