import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { TDossierDetail, TResultConversion } from '@motcua/contracts';
import { Alert, Button, Card } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { formatDateTime } from '../../../lib/dates';
import { uploadFile } from '../../dossiers/api';
import { ErrorAlert } from '../../dossiers/components/ErrorAlert';
import { useMe } from '../../session/hooks';
import { resultKeys, resultsApi } from '../api';
import { useResultFacts } from '../hooks';

type Props = { dossier: TDossierDetail; onChanged: (next?: TDossierDetail) => void };

/**
 * The office side of a dossier's signed results (issue 15): every result, the superseded ones marked; an approver or
 * leader of the issuing agency issues a corrected one with the reason (003 Đ15); the desk records a certified printout
 * or a certified scan (ND 45/2020 Đ18), listed in the dossier's conversion register.
 */
export function ResultOfficeCard({ dossier: d, onChanged }: Props) {
  const { t, locale } = useI18n();
  const me = useMe().data;
  const facts = useResultFacts(d.code ?? null);
  const roles = me?.roles ?? [];
  const mayCorrect = roles.includes('approver') || roles.includes('leader');
  const isDesk = roles.includes('reception_officer');
  const conversions = useQuery({
    queryKey: [...resultKeys.all, 'conversions', d.id, d.version],
    queryFn: () => resultsApi.conversions(d.id),
    enabled: isDesk,
  });
  if (!['result_ready', 'returned'].includes(d.status) || !facts.data) return null;
  return (
    <Card>
      <h2>{t('resultsOffice.title')}</h2>
      <ul aria-label={t('resultsOffice.title')}>
        {facts.data.results.map((r) => (
          <li key={r.id}>
            <strong>{t(r.current ? 'resultsOffice.current' : 'resultsOffice.superseded')}</strong> —{' '}
            {t('resultsOffice.item', {
              no: r.documentNumber,
              signer: r.signer,
              at: formatDateTime(r.signedAt, locale),
            })}
            {r.correctionReason ? (
              <> · {t('resultsOffice.correctionReason', { reason: r.correctionReason })}</>
            ) : null}
          </li>
        ))}
      </ul>
      {mayCorrect ? (
        <CorrectForm
          dossier={d}
          onChanged={(next) => {
            onChanged(next);
            void facts.refetch();
          }}
        />
      ) : null}
      {isDesk && me ? (
        <>
          <ConvertForm dossier={d} certifier={{ id: me.id, name: me.name }} onChanged={onChanged} />
          <h3>{t('resultsOffice.register')}</h3>
          <Register items={conversions.data?.items ?? []} />
        </>
      ) : null}
    </Card>
  );
}

function CorrectForm({ dossier: d, onChanged }: Props) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="stack"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          const next = await resultsApi.correct(d.id, { expectedVersion: d.version, reason, summary });
          setDone(true);
          onChanged(next);
        } catch (err) {
          setError(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      <h3>{t('resultsOffice.correct.title')}</h3>
      {done ? <Alert kind="success">{t('resultsOffice.correct.done')}</Alert> : null}
      <label htmlFor="correct-reason">{t('resultsOffice.correct.reason')}</label>
      <textarea
        id="correct-reason"
        required
        minLength={3}
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <label htmlFor="correct-summary">{t('resultsOffice.correct.summary')}</label>
      <textarea
        id="correct-summary"
        required
        rows={3}
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
      />
      <Button type="submit" disabled={busy}>
        {t('resultsOffice.correct.submit')}
      </Button>
      <ErrorAlert error={error} />
    </form>
  );
}

function ConvertForm({
  dossier: d,
  certifier,
  onChanged,
}: Props & { certifier: { id: string; name: string } }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<'printout' | 'scan'>('printout');
  const [copies, setCopies] = useState(1);
  const [handedTo, setHandedTo] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [documentName, setDocumentName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="stack"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          const base = { expectedVersion: d.version, certifiedBy: certifier.id };
          const r =
            kind === 'printout'
              ? await resultsApi.convert(d.id, { ...base, kind, copies, handedTo })
              : await resultsApi.convert(d.id, {
                  ...base,
                  kind,
                  documentName,
                  fileId: (await uploadFile(file!)).id,
                });
          setDone(r.registerNo);
          onChanged();
        } catch (err) {
          setError(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      <h3>{t('resultsOffice.convert.title')}</h3>
      {done ? <Alert kind="success">{t('resultsOffice.convert.done', { no: done })}</Alert> : null}
      <fieldset>
        <legend>{t('resultsOffice.convert.kind')}</legend>
        {(['printout', 'scan'] as const).map((k) => (
          <label key={k}>
            <input type="radio" name="conversion-kind" checked={kind === k} onChange={() => setKind(k)} />{' '}
            {t(`resultsOffice.convert.${k}`)}
          </label>
        ))}
      </fieldset>
      {kind === 'printout' ? (
        <>
          <label htmlFor="convert-copies">{t('resultsOffice.convert.copies')}</label>
          <input
            id="convert-copies"
            type="number"
            min={1}
            max={20}
            required
            value={copies}
            onChange={(e) => setCopies(Number(e.target.value))}
          />
          <label htmlFor="convert-to">{t('resultsOffice.convert.handedTo')}</label>
          <input
            id="convert-to"
            required
            minLength={2}
            value={handedTo}
            onChange={(e) => setHandedTo(e.target.value)}
          />
        </>
      ) : (
        <>
          <label htmlFor="convert-file">{t('resultsOffice.convert.file')}</label>
          <input
            id="convert-file"
            type="file"
            required
            accept="application/pdf,image/jpeg,image/png"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <label htmlFor="convert-doc">{t('resultsOffice.convert.documentName')}</label>
          <input
            id="convert-doc"
            required
            minLength={3}
            value={documentName}
            onChange={(e) => setDocumentName(e.target.value)}
          />
        </>
      )}
      <p>{t('resultsOffice.convert.certifier', { name: certifier.name })}</p>
      <Button type="submit" disabled={busy}>
        {t('resultsOffice.convert.submit')}
      </Button>
      <ErrorAlert error={error} />
    </form>
  );
}

function Register({ items }: { items: TResultConversion[] }) {
  const { t, locale } = useI18n();
  if (!items.length) return <p>{t('resultsOffice.register.empty')}</p>;
  return (
    <ul aria-label={t('resultsOffice.register')}>
      {items.map((c) => (
        <li key={c.id}>
          {c.kind === 'printout'
            ? t('resultsOffice.register.printout', {
                no: c.registerNo,
                copies: c.copies ?? 0,
                to: c.handedTo ?? '',
                certifier: c.certifier,
                at: formatDateTime(c.at, locale),
              })
            : t('resultsOffice.register.scan', {
                no: c.registerNo,
                doc: c.documentName,
                certifier: c.certifier,
                at: formatDateTime(c.at, locale),
              })}
        </li>
      ))}
    </ul>
  );
}
