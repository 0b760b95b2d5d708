import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { TDossierDetail, TResultConversion } from '@motcua/contracts';
import { Card, Field, InputField, ReasonField } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { formatDateTime } from '../../../lib/dates';
import { uploadFile } from '../../dossiers/api';
import { useMe } from '../../session/hooks';
import { resultKeys, resultsApi } from '../api';
import { useResultFacts } from '../hooks';
import { ActionForm } from './ActionForm';

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
          <ConvertForm dossier={d} me={{ id: me.id, name: me.name }} onChanged={onChanged} />
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
  return (
    <ActionForm
      title={t('resultsOffice.correct.title')}
      submitLabel={t('resultsOffice.correct.submit')}
      onSubmit={async () => {
        onChanged(await resultsApi.correct(d.id, { expectedVersion: d.version, reason, summary }));
        return t('resultsOffice.correct.done');
      }}
    >
      <ReasonField
        id="correct-reason"
        label={t('resultsOffice.correct.reason')}
        rows={2}
        value={reason}
        onChange={setReason}
      />
      <Field id="correct-summary" label={t('resultsOffice.correct.summary')}>
        {(control) => (
          <textarea
            {...control}
            required
            rows={3}
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
          />
        )}
      </Field>
    </ActionForm>
  );
}

/** The certifying official defaults to the officer recording the conversion; any official who may certify can be chosen. */
function ConvertForm({ dossier: d, me, onChanged }: Props & { me: { id: string; name: string } }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<'printout' | 'scan'>('printout');
  const [copies, setCopies] = useState(1);
  const [handedTo, setHandedTo] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [documentName, setDocumentName] = useState('');
  const [certifiedBy, setCertifiedBy] = useState(me.id);
  const certifiers = useQuery({ queryKey: resultKeys.certifiers(), queryFn: resultsApi.certifiers });
  const options = certifiers.data?.items ?? [];
  return (
    <ActionForm
      title={t('resultsOffice.convert.title')}
      submitLabel={t('resultsOffice.convert.submit')}
      onSubmit={async () => {
        const base = { expectedVersion: d.version, certifiedBy };
        const r =
          kind === 'printout'
            ? await resultsApi.convert(d.id, { ...base, kind, copies, handedTo })
            : await resultsApi.convert(d.id, {
                ...base,
                kind,
                documentName,
                fileId: (await uploadFile(file!)).id,
              });
        onChanged();
        return t('resultsOffice.convert.done', { no: r.registerNo });
      }}
    >
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
          <InputField
            id="convert-copies"
            label={t('resultsOffice.convert.copies')}
            type="number"
            min={1}
            max={20}
            required
            value={copies}
            onChange={(e) => setCopies(Number(e.target.value))}
          />
          <InputField
            id="convert-to"
            label={t('resultsOffice.convert.handedTo')}
            required
            minLength={2}
            value={handedTo}
            onChange={(e) => setHandedTo(e.target.value)}
          />
        </>
      ) : (
        <>
          <InputField
            id="convert-file"
            label={t('resultsOffice.convert.file')}
            type="file"
            required
            accept="application/pdf,image/jpeg,image/png"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <InputField
            id="convert-doc"
            label={t('resultsOffice.convert.documentName')}
            required
            minLength={3}
            value={documentName}
            onChange={(e) => setDocumentName(e.target.value)}
          />
        </>
      )}
      <Field id="convert-certifier" label={t('resultsOffice.convert.certifier')}>
        {(control) => (
          <select {...control} value={certifiedBy} onChange={(e) => setCertifiedBy(e.target.value)}>
            {options.some((o) => o.id === me.id) ? null : <option value={me.id}>{me.name}</option>}
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </ActionForm>
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
