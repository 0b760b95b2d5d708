import { Link } from 'react-router-dom';
import { useState } from 'react';
import type { TDossierDetail } from '@motcua/contracts';
import { Alert, Button, Card, ErrorBox, ReasonField } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { useCollect, useStop } from '../hooks';

type Props = { d: TDossierDetail; onSaved(d: TDossierDetail): void; onDone(message: string): void };

/**
 * "Hồ sơ của tôi" while the agency processes the dossier: ask to stop (TT 03/2025 Mẫu 05), with a reason and a
 * confirmation, since a stopped dossier cannot be resumed.
 */
export function StopCard({ d, onSaved, onDone }: Props) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const ask = useStop(d.id);
  const stop = () =>
    ask.mutate(
      { expectedVersion: d.version, reason },
      {
        onSuccess: (next) => {
          onSaved(next);
          onDone(t('dossiers.stop.done'));
        },
        onError: () => setConfirming(false),
      },
    );
  return (
    <Card>
      <h2>{t('dossiers.stop.title')}</h2>
      <p>{t('dossiers.stop.lead')}</p>
      <ReasonField
        id="stop-reason"
        label={t('dossiers.stop.reason')}
        rows={2}
        value={reason}
        onChange={setReason}
      />
      <ErrorBox error={ask.error} />
      {confirming ? (
        <Alert kind="warning">
          <p>{t('dossiers.stop.confirmText')}</p>
          <Button type="button" variant="danger" onClick={stop} disabled={ask.isPending}>
            {t('dossiers.stop.confirm')}
          </Button>{' '}
          <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
            {t('dossiers.stop.cancel')}
          </Button>
        </Alert>
      ) : (
        <Button
          type="button"
          variant="danger"
          disabled={reason.trim().length < 3}
          onClick={() => setConfirming(true)}
        >
          {t('dossiers.stop.ask')}
        </Button>
      )}
    </Card>
  );
}

/** The result: its documents to download and, for an online result, the confirmation that closes the dossier. */
export function ResultCard({ d, onSaved, onDone }: Props) {
  const { t } = useI18n();
  const received = useCollect(d.id);
  const r = d.result;
  if (!r) return null;
  const collect = () =>
    received.mutate(
      { expectedVersion: d.version },
      {
        onSuccess: (next) => {
          onSaved(next);
          onDone(t('dossiers.result.collected'));
        },
      },
    );
  return (
    <Card>
      <h2>{t('dossiers.result.title')}</h2>
      <p>
        <strong>{t(r.kind === 'granted' ? 'dossiers.progress.granted' : 'dossiers.progress.refused')}</strong>
      </p>
      {r.files.length ? (
        <>
          <h3>{t('dossiers.result.files')}</h3>
          <ul className="documents">
            {r.files.map((f) => (
              <li key={f.id}>
                <a href={`/api/dossiers/${d.id}/files/${f.id}`} download={f.name}>
                  {t('dossiers.result.download', { name: f.name })}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {d.documents.some((x) => x.kind === 'result') ? (
        <ul className="documents">
          <li>
            <a href={`/api/dossiers/${d.id}/result.pdf`} download>
              {t('dossiers.result.signedDownload')}
            </a>
          </li>
          <li>
            <Link to="/xac-thuc">{t('dossiers.result.verifyLink')}</Link>
          </li>
        </ul>
      ) : null}
      <ErrorBox error={received.error} />
      {d.status === 'result_ready' && d.resultChannel === 'online' ? (
        <Button type="button" onClick={collect} disabled={received.isPending}>
          {t('dossiers.result.collect')}
        </Button>
      ) : null}
      {d.status === 'result_ready' && d.resultChannel !== 'online' ? (
        <p>{t('dossiers.result.atDesk')}</p>
      ) : null}
    </Card>
  );
}
