import '../../features/dossiers/dossiers.css';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import type { TCopyKind, TUploadedFile } from '@motcua/contracts';
import { COPY_KINDS } from '@motcua/contracts';
import { Alert, Button, Card, ErrorBox, Spinner } from '../../components/ui';
import { dossierKeys, dossiersApi } from '../../features/dossiers/api';
import { FileField } from '../../features/dossiers/components/FileField';
import { newIdempotencyKey } from '../../features/dossiers/format';
import { useProcedure } from '../../features/dossiers/hooks';
import { useI18n } from '../../i18n/i18n';
import { useTitle } from '../../lib/useTitle';

type Received = {
  ticked: boolean;
  copyKind: TCopyKind;
  copies: number;
  originalShown: boolean;
  pageCount: number;
  files: TUploadedFile[];
};
const blank = (): Received => ({
  ticked: false,
  copyKind: 'photocopy',
  copies: 1,
  originalShown: false,
  pageCount: 0,
  files: [],
});

/**
 * /office/tiep-nhan/them-moi — "Tiếp nhận → Thêm mới" (001 Đ10.1.b): the applicant, the procedure, each component
 * received (form, copies, original shown, scans with their page count), counter or post; then straight to the decision.
 */
export function RegisterDossierPage() {
  const { t } = useI18n();
  useTitle(t('dossiers.register.title'));
  const navigate = useNavigate();
  const [kind, setKind] = useState<'citizen' | 'organisation'>('citizen');
  const [applicant, setApplicant] = useState({ name: '', idNumber: '', address: '', phone: '', email: '' });
  const [procedureQuery, setProcedureQuery] = useState('');
  const [channel, setChannel] = useState<'counter' | 'post'>('counter');
  const [tracking, setTracking] = useState('');
  const [sets, setSets] = useState(1);
  const [received, setReceived] = useState<Record<string, Received>>({});
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const attemptKey = useRef<string | null>(null);

  const options = useQuery({
    queryKey: dossierKeys.procedureSearch(procedureQuery),
    queryFn: () => dossiersApi.searchProcedures(procedureQuery),
    enabled: procedureQuery.trim().length >= 2,
  });
  // The procedure is the option picked from the list, or a code typed in full.
  const exact = options.data?.find(
    (o) => o.code === procedureQuery || `${o.code} — ${o.name}` === procedureQuery,
  );
  const procedureCode =
    exact?.code ?? (/^[0-9A-Za-z.-]{3,}$/.test(procedureQuery.trim()) ? procedureQuery.trim() : '');
  const procedure = useProcedure(procedureCode);
  const body = JSON.stringify({ kind, applicant, procedureCode, channel, tracking, sets, received });
  useEffect(() => {
    attemptKey.current = null; // a changed form is a new attempt
  }, [body]);

  const row = (code: string) => received[code] ?? blank();
  const update = (code: string, patch: Partial<Received>) =>
    setReceived((all) => ({ ...all, [code]: { ...row(code), ...patch } }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setProblem(null);
    if (!procedure.data) return setProblem(t('dossiers.register.pickProcedure'));
    attemptKey.current ??= newIdempotencyKey();
    setSending(true);
    try {
      const d = await dossiersApi.register(
        {
          channel,
          postalTrackingNo: channel === 'post' ? tracking : null,
          procedureCode: procedure.data.code,
          applicant: {
            kind,
            name: applicant.name,
            idNumber: applicant.idNumber || null,
            address: applicant.address || null,
            phone: applicant.phone || null,
            email: applicant.email || null,
          },
          sets,
          components: procedure.data.components
            .filter((c) => row(c.code).ticked)
            .map((c) => {
              const r = row(c.code);
              return {
                componentCode: c.code,
                copyKind: r.copyKind,
                copies: r.copies,
                originalShown: r.originalShown,
                fileIds: r.files.map((f) => f.id),
                pageCount: r.pageCount,
              };
            }),
        },
        attemptKey.current,
      );
      navigate(`/office/ho-so/${d.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setSending(false);
    }
  };

  const text = (name: keyof typeof applicant, label: string, type = 'text') => (
    <div className="field">
      <label htmlFor={`reg-${name}`}>{label}</label>
      <input
        id={`reg-${name}`}
        type={type}
        value={applicant[name]}
        onChange={(e) => setApplicant((a) => ({ ...a, [name]: e.target.value }))}
      />
    </div>
  );
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <h1>{t('dossiers.register.title')}</h1>
      <Card>
        <fieldset>
          <legend>{t('dossiers.register.applicantKind')}</legend>
          {(['citizen', 'organisation'] as const).map((k) => (
            <label key={k} className="inline">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />{' '}
              {t(`dossiers.register.${k}`)}
            </label>
          ))}
        </fieldset>
        {text('name', t('dossiers.submit.applicantName'))}
        {text(
          'idNumber',
          kind === 'citizen' ? t('dossiers.submit.idNumber') : t('dossiers.register.orgIdNumber'),
        )}
        {text('address', t('dossiers.submit.address'))}
        {text('phone', t('dossiers.submit.phone'), 'tel')}
        {text('email', t('dossiers.submit.email'), 'email')}
      </Card>
      <Card>
        <label htmlFor="reg-procedure">{t('dossiers.field.procedure')}</label>
        <small id="reg-procedure-hint" className="hint">
          {t('dossiers.register.procedureHint')}
        </small>
        <input
          id="reg-procedure"
          list="reg-procedure-options"
          aria-describedby="reg-procedure-hint"
          value={procedureQuery}
          onChange={(e) => setProcedureQuery(e.target.value)}
        />
        <datalist id="reg-procedure-options">
          {(options.data ?? []).map((o) => (
            <option key={o.code} value={o.code}>
              {o.name}
            </option>
          ))}
        </datalist>
        {procedure.isFetching ? <Spinner label={t('app.loading')} /> : null}
        {procedure.data ? <p className="lead">{procedure.data.name}</p> : null}
      </Card>
      {procedure.data ? (
        <Card>
          <h2>{t('dossiers.register.components')}</h2>
          {procedure.data.components.map((c) => {
            const r = row(c.code);
            const id = `rc-${c.code}`;
            return (
              <fieldset key={c.code} className="component-row">
                <legend>{c.name}</legend>
                <div className="field-check">
                  <input
                    id={`${id}-tick`}
                    type="checkbox"
                    checked={r.ticked}
                    onChange={(e) => update(c.code, { ticked: e.target.checked })}
                  />
                  <label htmlFor={`${id}-tick`}>{t('dossiers.register.received', { name: c.name })}</label>
                </div>
                {r.ticked ? (
                  <>
                    <label htmlFor={`${id}-kind`}>{t('dossiers.register.copyKind')}</label>
                    <select
                      id={`${id}-kind`}
                      value={r.copyKind}
                      onChange={(e) => update(c.code, { copyKind: e.target.value as TCopyKind })}
                    >
                      {COPY_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {t(`dossiers.copyKind.${k}`)}
                        </option>
                      ))}
                    </select>
                    <label htmlFor={`${id}-copies`}>{t('dossiers.register.copies')}</label>
                    <input
                      id={`${id}-copies`}
                      type="number"
                      min={1}
                      value={r.copies}
                      onChange={(e) => update(c.code, { copies: Number(e.target.value) })}
                    />
                    <div className="field-check">
                      <input
                        id={`${id}-shown`}
                        type="checkbox"
                        checked={r.originalShown}
                        onChange={(e) => update(c.code, { originalShown: e.target.checked })}
                      />
                      <label htmlFor={`${id}-shown`}>{t('dossiers.register.originalShown')}</label>
                    </div>
                    <label htmlFor={`${id}-pages`}>{t('dossiers.register.pageCount')}</label>
                    <input
                      id={`${id}-pages`}
                      type="number"
                      min={0}
                      value={r.pageCount}
                      onChange={(e) => update(c.code, { pageCount: Number(e.target.value) })}
                    />
                    <FileField
                      id={`${id}-files`}
                      label={c.name}
                      files={r.files}
                      onChange={(files) =>
                        update(c.code, { files, pageCount: files.reduce((n, f) => n + f.pages, 0) })
                      }
                    />
                  </>
                ) : null}
              </fieldset>
            );
          })}
        </Card>
      ) : null}
      <Card>
        <fieldset>
          <legend>{t('dossiers.register.channel')}</legend>
          {(['counter', 'post'] as const).map((c) => (
            <label key={c} className="inline">
              <input
                type="radio"
                name="channel"
                value={c}
                checked={channel === c}
                onChange={() => setChannel(c)}
              />{' '}
              {t(`dossiers.channel.${c}`)}
            </label>
          ))}
        </fieldset>
        {channel === 'post' ? (
          <div className="field">
            <label htmlFor="reg-tracking">{t('dossiers.register.postalTrackingNo')}</label>
            <input id="reg-tracking" value={tracking} onChange={(e) => setTracking(e.target.value)} />
          </div>
        ) : null}
        <label htmlFor="reg-sets">{t('dossiers.register.sets')}</label>
        <input
          id="reg-sets"
          type="number"
          min={1}
          max={20}
          value={sets}
          onChange={(e) => setSets(Number(e.target.value))}
        />
      </Card>
      {problem ? <Alert kind="error">{problem}</Alert> : null}
      <ErrorBox error={error} />
      <Button type="submit" disabled={sending}>
        {t('dossiers.register.save')}
      </Button>
    </form>
  );
}
