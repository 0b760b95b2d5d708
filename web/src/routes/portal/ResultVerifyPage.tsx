import { useState, type DragEvent } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router-dom';
import { Alert, Spinner } from '../../components/ui';
import { ResultFacts, VerifyOutcome } from '../../features/results/components/VerifyOutcome';
import { useResultFacts, useVerifyResult } from '../../features/results/hooks';
import { useI18n } from '../../i18n/i18n';
import { ApiError } from '../../lib/api';

/**
 * /xac-thuc — anyone checks a signed result: drop or choose the PDF (POST /api/results/verify), or arrive from the
 * result's QR (/xac-thuc?ma=<dossier code>) to see the facts of the dossier's current result.
 */
export function ResultVerifyPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const location = useLocation();
  const code = params.get('ma');
  const facts = useResultFacts(code);
  const verify = useVerifyResult();
  const [over, setOver] = useState(false);
  // Account confirmation links sent before it moved to /kich-hoat.
  if (params.has('login')) return <Navigate to={`/kich-hoat${location.search}`} replace />;
  const check = (file: File | undefined) => {
    if (file) verify.mutate(file);
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    check(e.dataTransfer.files[0]);
  };
  return (
    <>
      <h1>{t('results.verify.title')}</h1>
      <p>{t('results.verify.lead')}</p>
      {code ? (
        facts.isPending ? (
          <Spinner label={t('app.loading')} />
        ) : facts.isError ? (
          <Alert kind="error">
            {facts.error instanceof ApiError && facts.error.status === 404
              ? t('results.facts.unknown', { code })
              : facts.error.message}
          </Alert>
        ) : (
          <ResultFacts facts={facts.data} />
        )
      ) : null}
      <div
        className={`card dropzone${over ? ' dropzone-over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <label htmlFor="verify-file">{t('results.verify.choose')}</label>
        <p id="verify-file-hint">{t('results.verify.drop')}</p>
        <input
          id="verify-file"
          type="file"
          accept="application/pdf,.pdf"
          aria-describedby="verify-file-hint"
          onChange={(e) => check(e.target.files?.[0])}
        />
      </div>
      <div aria-live="polite">
        {verify.isPending ? <Spinner label={t('results.verify.checking')} /> : null}
        {verify.isError ? <Alert kind="error">{verify.error.message}</Alert> : null}
        {verify.data ? <VerifyOutcome r={verify.data} /> : null}
      </div>
    </>
  );
}
